"""Ende-til-ende i ekte Chromium: søknad → vilkår → innvilgelse → retur → retting → fattet → deltakeren ser
brevet; og et avslag på nynorsk. axe sjekker hver side."""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.conftest import syntetisk_fnr
from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.person.models import Maalform
from kvp.person.services import person_opprett
from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Kommune, Rolle
from kvp.vedtak.models import Vedtak, Vedtaksstatus

SKJOENN = [
    ("Lovlig opphold og fast bopel i Norge", "Norsk statsborger med fast adresse i Randaberg."),
    ("Har ikke rett til introduksjonsprogram", "Født i Norge; ikke i målgruppen."),
    ("Behov for tett og koordinert bistand", "Trenger oppfølging fra flere tjenester samtidig."),
    ("Kontoret kan tilby et egnet program", "Arbeidstrening i kantinen passer."),
]


@pytest.fixture
def e2e(transactional_db: Any, kontor_a: Any, lag_bruker: Any) -> dict[str, Any]:
    veileder = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a, passord=PASSORD)
    randaberg = Kommune.objects.get(nummer="1127")

    def person_med_soeknad(fornavn: str, maalform: str) -> tuple[Any, Any]:
        person = person_opprett(
            bruker=veileder,
            foedselsnummer=syntetisk_fnr(),
            fornavn=fornavn,
            etternavn="Deltakersen",
            kommune=randaberg,
            maalform=maalform,
        )
        soeknad_registrer(
            bruker=kvp, person=person, mottatt_dato=timezone.localdate() - dt.timedelta(days=5), kanal=Kanal.PAPIR
        )
        return person, lag_bruker(Rolle.DELTAKER, person=person, passord=PASSORD)

    return {"kvp": kvp, "beslutter": beslutter, "lag": person_med_soeknad}


def _til_vilkaarsvurdering(page: Page, navn: str) -> None:
    """Fra tavla: åpne saken, flytt den til vilkårsvurdering og gå til vilkår og vedtak."""
    expect(page.get_by_role("heading", name="KVP-tavla")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name=navn).click()
    expect(page.get_by_role("link", name="Sak", exact=True)).to_have_attribute("aria-current", "page")
    sjekk_axe(page)
    page.get_by_role("button", name="Flytt til «Arbeidsevnevurdering»").click()
    page.get_by_role("button", name="Flytt til «Vurdering av inngangsvilkår»").click()
    expect(page.locator("#sak-status")).to_have_text("Vurdering av inngangsvilkår")
    page.get_by_role("link", name="Vedtak", exact=True).click()
    page.get_by_role("link", name="Vilkårsvurdering, vedtak og programperiode").click()
    expect(page.get_by_role("heading", name=re.compile("Vilkår og vedtak"))).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Vurder vilkårene").click()
    expect(page.get_by_role("heading", name=re.compile("Vurder inngangsvilkårene"))).to_be_visible()
    sjekk_axe(page)


def _fyll_skjoenn(page: Page) -> None:
    for tittel, begrunnelse in SKJOENN:
        page.get_by_label(re.compile(f"^{re.escape(tittel)}.*: vurdering$")).select_option("OPPFYLT")
        page.get_by_label(re.compile(f"^{re.escape(tittel)}.*: begrunnelse")).fill(begrunnelse)


def test_innvilgelse_returneres_rettes_fattes_og_deltakeren_ser_brevet(live_server: Any, side: Page, e2e: Any):
    page, base = side, live_server.url
    person, deltaker = e2e["lag"]("Ingrid", Maalform.BOKMAAL)
    logg_inn(page, base, e2e["kvp"].username)
    page.get_by_role("link", name="KVP-tavla").click()  # startsiden er Mine oppgaver (ADR 0014)
    _til_vilkaarsvurdering(page, "Ingrid Deltakersen")

    # Skjønn uten begrunnelse gir feil ved feltet; ingenting lagres.
    page.get_by_label("Utfall av arbeidsevnevurderingen").select_option("SPESIELT_TILPASSET")
    page.get_by_label("Husstanden (voksne)").select_option("ENSLIG")
    page.get_by_label("Ytelser til livsopphold per måned").fill("1 200")
    page.get_by_label("Behov for tett og koordinert bistand: vurdering").select_option("OPPFYLT")
    page.get_by_role("button", name="Lagre vilkårsvurderingen").click()
    expect(page.get_by_text("Du må rette dette før du kan gå videre:")).to_be_visible()
    sjekk_axe(page)
    _fyll_skjoenn(page)
    page.get_by_label("Sosialhjelp de to siste månedene før søknaden").select_option("2")
    page.get_by_role("button", name="Lagre vilkårsvurderingen").click()
    expect(page.get_by_text("Vilkårsvurderingen er lagret. Alle vilkår er oppfylt.")).to_be_visible()
    expect(page.locator("#vilkaarstabell")).to_contain_text("sosialtjenesteloven § 29")
    sjekk_axe(page)

    # Utkast til innvilgelse: for lang periode avvises, så riktig periode.
    page.get_by_role("link", name="Innvilgelse").click()
    expect(page.get_by_role("heading", name=re.compile("Nytt vedtak: innvilgelse"))).to_be_visible()
    sjekk_axe(page)
    fra = timezone.localdate() + dt.timedelta(days=7)
    page.get_by_label("Programmet starter (fra og med)").fill(fra.isoformat())
    page.get_by_label("Programmet slutter (til og med)").fill(
        (fra.replace(year=fra.year + 2) + dt.timedelta(days=10)).isoformat()
    )
    page.get_by_label("Innholdet i programmet").fill("Arbeidstrening i kantine og norskkurs.")
    evaluering = fra + dt.timedelta(days=90)
    page.get_by_label("Datoer for evaluering").fill(evaluering.strftime("%d.%m.%Y"))
    page.get_by_label("Begrunnelse", exact=True).fill("Ingrid oppfyller vilkårene og trenger tett oppfølging.")
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.locator("#id_til_og_med_feil")).to_contain_text("Programmet kan vare i høyst to år")
    sjekk_axe(page)
    til = fra.replace(year=fra.year + 1) - dt.timedelta(days=1)
    page.get_by_label("Programmet slutter (til og med)").fill(til.isoformat())
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.get_by_text("Utkastet er lagret.")).to_be_visible()
    expect(page.get_by_text("Utkast – vedtaket er ikke fattet ennå.")).to_be_visible()
    expect(page.get_by_text("Fravær uten gyldig grunn gir trekk i stønaden")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Send til beslutter").click()
    expect(page.locator("#vedtak-status")).to_have_text("Til beslutter")
    sjekk_axe(page)
    vedtak_url = page.url
    logg_ut(page)

    # Beslutter returnerer.
    logg_inn(page, base, e2e["beslutter"].username)
    page.get_by_role("link", name="Til beslutter").click()
    expect(page.get_by_role("heading", name="Vedtak til beslutter")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Innvilgelse (versjon 1)").click()
    expect(page.get_by_role("heading", name=re.compile("Vedtak om innvilgelse"))).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Returner til saksbehandler").click()  # uten begrunnelse
    expect(page.get_by_text("Du må rette dette før du kan gå videre:")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Hvorfor returneres vedtaket?").fill("Beskriv jobbsøkingen i siste del av programmet.")
    page.get_by_role("button", name="Returner til saksbehandler").click()
    expect(page.get_by_text("Vedtaket er returnert til saksbehandleren.")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)

    # Saksbehandleren retter og sender på nytt.
    logg_inn(page, base, e2e["kvp"].username)
    page.goto(vedtak_url)
    expect(page.locator("#returnert-begrunnelse")).to_have_text("Beskriv jobbsøkingen i siste del av programmet.")
    sjekk_axe(page)
    page.get_by_role("link", name="Endre utkastet").click()
    expect(page.get_by_role("heading", name=re.compile("Endre vedtak"))).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Innholdet i programmet").fill("Arbeidstrening i kantine og norskkurs; jobbsøking til slutt.")
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.get_by_text("Endringene er lagret.")).to_be_visible()
    page.get_by_role("button", name="Send til beslutter").click()
    expect(page.locator("#vedtak-status")).to_have_text("Til beslutter")
    logg_ut(page)

    # Beslutter fatter.
    logg_inn(page, base, e2e["beslutter"].username)
    page.goto(vedtak_url)
    page.get_by_role("button", name="Godkjenn og fatt vedtaket").click()
    expect(page.get_by_text("Dette kan ikke angres.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Ja, fatt vedtaket og send brevet").click()
    expect(page.get_by_text("Vedtaket er fattet, og brevet er laget.")).to_be_visible()
    expect(page.locator("#vedtak-status")).to_have_text("Fattet")
    sjekk_axe(page)
    logg_ut(page)
    sak = Sak.objects.get(person=person)
    assert sak.status == Status.INNVILGET
    assert sak.vedtak_dato == timezone.localdate()
    vedtak = Vedtak.objects.get(sak=sak)
    assert (vedtak.status, vedtak.versjon) == (Vedtaksstatus.FATTET, 2)

    # Deltakeren ser brevet på Min side.
    logg_inn(page, base, deltaker.username)
    expect(page.get_by_role("heading", name="Hei, Ingrid")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Vedtak om kvalifiseringsprogram og kvalifiseringsstønad").click()
    expect(page.get_by_role("heading", name="Vedtak om kvalifiseringsprogram og kvalifiseringsstønad")).to_be_visible()
    expect(page.get_by_text("Klagefristen er tre uker")).to_be_visible()
    expect(page.get_by_text("jobbsøking til slutt")).to_be_visible()
    sjekk_axe(page)
    href = page.get_by_role("link", name="Last ned brevet som PDF").get_attribute("href")
    pdf = page.request.get(f"{base}{href}")
    assert pdf.headers["content-type"] == "application/pdf"


def test_avslag_paa_nynorsk(live_server: Any, side: Page, e2e: Any):
    page, base = side, live_server.url
    person, deltaker = e2e["lag"]("Nils", Maalform.NYNORSK)
    logg_inn(page, base, e2e["kvp"].username)
    page.get_by_role("link", name="Frister").click()
    expect(page.get_by_role("heading", name="Frister i program")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="KVP-tavla").click()
    _til_vilkaarsvurdering(page, "Nils Deltakersen")
    page.get_by_label("Utfall av arbeidsevnevurderingen").select_option("VARIG_TILPASSET")
    page.get_by_label("Husstanden (voksne)").select_option("ENSLIG")
    _fyll_skjoenn(page)
    page.get_by_role("button", name="Lagre vilkårsvurderingen").click()
    expect(page.get_by_text("Ikke alle vilkår er oppfylt.")).to_be_visible()
    expect(page.get_by_role("link", name="Innvilgelse")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Avslag").click()
    expect(page.get_by_role("heading", name=re.compile("Nytt vedtak: avslag"))).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Vilkåret som ikke er oppfylt").select_option("ARBEIDSEVNE")
    page.get_by_label("Begrunnelse", exact=True).fill("Arbeidsevnevurderinga viser varig tilpassa innsats.")
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.get_by_text("Utkast – vedtaket er ikkje gjort enno.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Send til beslutter").click()
    vedtak_url = page.url
    logg_ut(page)

    logg_inn(page, base, e2e["beslutter"].username)
    page.goto(vedtak_url)
    page.get_by_role("button", name="Godkjenn og fatt vedtaket").click()
    page.get_by_role("button", name="Ja, fatt vedtaket og send brevet").click()
    expect(page.get_by_text("Vedtaket er fattet, og brevet er laget.")).to_be_visible()
    logg_ut(page)
    assert Sak.objects.get(person=person).status == Status.AVSLAATT

    logg_inn(page, base, deltaker.username)
    page.get_by_role("link", name="Vedtak om avslag på kvalifiseringsprogram").click()
    expect(page.get_by_text("Du får ikkje kvalifiseringsprogram.")).to_be_visible()
    expect(page.get_by_text("Klagefristen er tre veker")).to_be_visible()
    sjekk_axe(page)

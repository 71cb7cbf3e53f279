"""Ende-til-ende i ekte Chromium (Debians /usr/bin/chromium via Playwright), med axe på hver side.

Kjør aldri `playwright install`: testene bruker nettleseren fra Debian-pakken `chromium`.
"""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.conftest import syntetisk_fnr
from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.person.services import person_opprett
from kvp.sak.models import Sak
from kvp.soeknad.services import moetetid_opprett
from kvp.tilgang.models import Kommune, Rolle


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, kontor_b: Any, lag_bruker: Any) -> dict[str, Any]:
    veileder = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    kvp_b = lag_bruker(Rolle.KVP_VEILEDER, Rolle.LEDER, kontor=kontor_b, passord=PASSORD)
    randaberg = Kommune.objects.get(nummer="1127")
    person = person_opprett(
        bruker=veileder,
        foedselsnummer=syntetisk_fnr(),
        fornavn="Sigrid",
        etternavn="Søkersen",
        kommune=randaberg,
    )
    deltaker = lag_bruker(Rolle.DELTAKER, person=person, passord=PASSORD)
    start = dt.datetime.combine(
        timezone.localdate() + dt.timedelta(days=2), dt.time(9, 15), tzinfo=timezone.get_current_timezone()
    )
    moetetid_opprett(bruker=kvp, kvp_veileder=kvp, start=start)
    return {"veileder": veileder, "kvp": kvp, "kvp_b": kvp_b, "person": person, "deltaker": deltaker}


def test_veileder_skriver_kartlegging_og_booker_moete(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["veileder"].username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()  # startsiden (ADR 0014)
    page.get_by_role("link", name="Personer", exact=True).click()
    expect(page.get_by_role("heading", name="Personer")).to_be_visible()
    sjekk_axe(page)
    lastet = page.evaluate(
        """() => document.fonts.ready.then(() => [...document.fonts]
            .filter(f => f.family.includes('Source Sans 3') && f.status === 'loaded').length)"""
    )
    assert lastet >= 1, "Aksels skrifttype ble ikke lastet fra våre statiske filer"
    page.get_by_role("link", name="Søkersen, Sigrid").click()
    expect(page.get_by_role("heading", name="Sigrid Søkersen")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Ny kartlegging").click()
    sjekk_axe(page)
    # Send uten påkrevde felt: feilene vises ved feltene og i oppsummeringen.
    page.get_by_label("Hvilken utdanning har personen?").fill("")
    page.get_by_role("button", name="Lagre kartlegging").click()
    expect(page.get_by_text("Du må rette dette før du kan gå videre:")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Hvilken utdanning har personen?").fill("Grunnskole, ett år på videregående.")
    page.get_by_label("Hvilken arbeidserfaring har personen?").fill("Sommerjobb i butikk.")
    page.get_by_label("Hvilke interesser og hobbyer kan overføres til arbeid?").fill("Barnepass")
    page.get_by_label("Hvilke utfordringer gjør at personen ikke er i arbeid?").fill("Angst, lite nettverk.")
    page.get_by_label("Har personen rett til ytelser").select_option("NEI")
    page.get_by_label("Hvilket oppfølgingsbehov har personen?").select_option("SPESIELT_TILPASSET")
    page.get_by_label("Historikk").fill("Sosialhjelp i tre år.")
    page.get_by_role("button", name="Lagre kartlegging").click()
    expect(page.get_by_text("Kartleggingen er lagret.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Ledig tid hos KVP-veileder (15 minutter)").select_option(index=1)
    page.get_by_role("button", name="Book møtet").click()
    expect(page.get_by_text("Møtet er booket.")).to_be_visible()
    expect(page.locator("#booket-moete")).to_contain_text("kl. 09:15")
    sjekk_axe(page)


def test_deltaker_soker_saken_kommer_paa_tavla_og_tildeles_og_annet_kontor_faar_404(
    live_server: Any, side: Page, oppsett: dict[str, Any]
):
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["deltaker"].username)
    expect(page.get_by_role("heading", name="Hei, Sigrid")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Søk om kvalifiseringsprogram").click()
    sjekk_axe(page)
    page.get_by_role("button", name="Send søknaden").click()  # tomt skjema
    expect(page.get_by_text("Du må rette dette før du kan gå videre:")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Hva ønsker du å oppnå med kvalifiseringsprogrammet?").fill("Jobb i barnehage.")
    page.get_by_label("Jeg bekrefter at opplysningene er riktige.").check()
    page.get_by_role("button", name="Send søknaden").click()
    expect(page.get_by_role("heading", name="Søknaden er sendt")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)

    logg_inn(page, base, oppsett["kvp"].username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()  # startsiden (ADR 0014)
    page.get_by_role("link", name="KVP-tavla").click()
    expect(page.get_by_role("heading", name="KVP-tavla")).to_be_visible()
    sjekk_axe(page)
    kolonne = page.get_by_role("region", name=re.compile("Søknad registrert"))
    kort = kolonne.get_by_role("link", name="Sigrid Søkersen")
    expect(kort).to_be_visible()
    expect(kolonne.get_by_text("Ikke tildelt")).to_be_visible()
    kort.click()
    sjekk_axe(page)
    page.get_by_label("Saksbehandler").select_option(str(oppsett["kvp"].pk))
    page.get_by_role("button", name="Tildel").click()
    expect(page.get_by_text("Saken er tildelt.")).to_be_visible()
    expect(page.locator("#sak-saksbehandler")).to_have_text(oppsett["kvp"].visningsnavn)
    sjekk_axe(page)
    sak_url = page.url
    sak = Sak.objects.get(person=oppsett["person"])
    assert sak.saksbehandler == oppsett["kvp"]
    assert str(sak.pk) in sak_url
    logg_ut(page)

    logg_inn(page, base, oppsett["kvp_b"].username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()  # startsiden (ADR 0014)
    page.get_by_role("link", name="KVP-tavla").click()
    expect(page.get_by_role("heading", name="KVP-tavla")).to_be_visible()
    expect(page.get_by_text("Sigrid")).to_have_count(0)
    svar = page.goto(sak_url)
    assert svar is not None
    assert svar.status == 404
    expect(page.get_by_role("heading", name="Fant ikke siden")).to_be_visible()
    expect(page.get_by_text("Søkersen")).to_have_count(0)
    sjekk_axe(page)

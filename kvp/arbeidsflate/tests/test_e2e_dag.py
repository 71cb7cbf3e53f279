"""Saksbehandlerens dag fra Mine oppgaver, med de trygge handlingene (issue 15 punkt 7), i ekte Chromium med axe på
hver side: et returnert vedtak rettes og sendes på nytt, beslutteren ser hva som er endret og fatter det etter
bekreftelsessiden (bare med tastaturet), møtet følges til kartleggingen (bare med tastaturet), og en måned attesteres
(bare med tastaturet). Hver oppgave som er gjort, er borte fra listen etterpå.

Dataene bygges som demodataene, gjennom tjenestene, men her i testen (ikke med `kvp.demo`)."""

import datetime as dt
from typing import Any

from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from kvp.arbeidsflate.oppgaver import MAANEDSNAVN as MAANEDER
from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.soeknad.services import kartlegging_opprett, moetetid_book, moetetid_opprett
from kvp.tilgang.models import Rolle
from kvp.vedtak.models import Vedtak, Vedtaksstatus
from kvp.vedtak.services import vedtak_returner, vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

TREG = 30_000
RETUR = "Programmet bør vare ti måneder, og begrunnelsen må si hvorfor."
RETTET = "Søkeren oppfyller alle vilkårene og trenger tett oppfølging i ti måneder for å komme i arbeid."


def _med_passord(bruker: Any) -> Any:
    bruker.set_password(PASSORD)
    bruker.save()
    return bruker


def _dagen(
    kvp_veileder: Any, veileder: Any, lag_person: Any, lag_sak_i_program: Any, lag_bruker: Any
) -> dict[str, Any]:
    """Et kontor midt i en vanlig uke: et vedtak som er returnert, et møte booket om to dager og en måned som ikke
    er attestert."""
    _med_passord(kvp_veileder)
    person = lag_person(
        fornavn="Rita", etternavn="Returnert", adresse="Kirkeveien 3", postnummer="4070", poststed="Randaberg"
    )
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder, person=person)
    vilkaar_vurder(bruker=kvp_veileder, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder, sak=sak)
    vedtak_send_til_beslutter(bruker=kvp_veileder, vedtak_id=vedtak.pk)
    beslutter = _med_passord(lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor))
    vedtak_returner(bruker=beslutter, vedtak_id=vedtak.pk, begrunnelse=RETUR)

    start = (timezone.now() + dt.timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    moete = moetetid_opprett(bruker=kvp_veileder, kvp_veileder=kvp_veileder, start=start)
    kartlegging = kartlegging_opprett(
        bruker=veileder,
        person=lag_person(fornavn="Mona", etternavn="Møtesen"),
        utdanning="Videregående",
        arbeidserfaring="Butikk i fire år",
        interesser="Matlaging",
        utfordringer="Helse",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "Notat."),
    )
    moetetid_book(bruker=veileder, moetetid_id=moete.pk, kartlegging=kartlegging)

    forrige = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
    lag_sak_i_program(
        fra_og_med=forrige.replace(day=1),
        til_og_med=forrige.replace(day=1) + dt.timedelta(days=364),
        fornavn="Arne",
        etternavn="Attestersen",
    )
    return {"vedtak": vedtak, "beslutter": beslutter, "maaned": f"{MAANEDER[forrige.month - 1]} {forrige.year}"}


def _tab_til(page: Page, element: Locator, maks: int = 80) -> None:
    """Flytter fokus med Tab (bare tastaturet) til elementet, og feiler om det ikke nås."""
    for _ in range(maks):
        page.keyboard.press("Tab")
        if element.evaluate("e => e === document.activeElement"):
            return
    raise AssertionError("Nådde ikke elementet med Tab")


def _oppgaver(page: Page) -> Locator:
    return page.locator("#oppgaver tbody")


def test_saksbehandlerens_dag_med_retting_bekreftelse_moete_og_attestering(
    live_server: Any,
    side: Page,
    transactional_db: Any,
    kvp_veileder_a: Any,
    veileder_a: Any,
    lag_person: Any,
    lag_sak_i_program: Any,
    lag_bruker: Any,
):
    data = _dagen(kvp_veileder_a, veileder_a, lag_person, lag_sak_i_program, lag_bruker)
    page, base = side, live_server.url
    csp_brudd: list[str] = []
    page.on("console", lambda m: csp_brudd.append(m.text) if "Content Security Policy" in m.text else None)

    # 1. Mine oppgaver: det returnerte vedtaket, møtet og måneden.
    logg_inn(page, base, kvp_veileder_a.username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    sjekk_axe(page)
    teller = page.locator("#meny-mine-oppgaver .kvp-teller")
    antall = int(teller.inner_text())
    assert antall >= 3
    expect(_oppgaver(page).get_by_role("link", name="Overføringsmøte")).to_be_visible()

    # 2. Det returnerte vedtaket: rett det og send det på nytt.
    page.get_by_role("link", name="Innvilgelse er returnert fra beslutter").click()
    expect(page.locator("#returnert-begrunnelse")).to_have_text(RETUR)
    sjekk_axe(page)
    page.get_by_role("link", name="Endre utkastet").click()
    sjekk_axe(page)
    ny_slutt = data["vedtak"].fra_og_med + dt.timedelta(days=300)
    page.get_by_label("Til og med").fill(ny_slutt.isoformat())
    page.get_by_label("Begrunnelse", exact=True).fill(RETTET)
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.get_by_text("Endringene er lagret.")).to_be_visible()
    expect(page.locator("#endringer")).to_contain_text("er under arbeid og ikke sendt til beslutter ennå")
    sjekk_axe(page)
    page.get_by_role("button", name="Send til beslutter").click()
    expect(page.locator("#vedtak-status")).to_have_text("Til beslutter")
    page.get_by_role("link", name="Mine oppgaver").click()
    expect(_oppgaver(page).get_by_text("returnert fra beslutter")).to_have_count(0)
    expect(teller).to_have_text(str(antall - 1))
    sjekk_axe(page)

    # 3. Møtet, bare med tastaturet: fra oppgaven til kartleggingen med overføringsnotatet.
    _tab_til(page, _oppgaver(page).get_by_role("link", name="Overføringsmøte"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Kartlegging av Mona Møtesen", level=1)).to_be_visible()
    expect(page.get_by_text("Butikk i fire år")).to_be_visible()
    sjekk_axe(page)

    # 4. Måneden, bare med tastaturet: fra oppgaven til kalenderen, attester, og oppgaven er borte.
    _tab_til(page, page.locator("#meny-mine-oppgaver"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    _tab_til(page, page.get_by_role("link", name=f"Attester oppmøtet for {data['maaned']}"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Oppmøte – Arne Attestersen", level=1)).to_be_visible()
    sjekk_axe(page)
    _tab_til(page, page.get_by_role("button", name=f"Attester {data['maaned']}"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Dette skjer når du attesterer")).to_be_visible()
    sjekk_axe(page)
    _tab_til(page, page.get_by_role("button", name=f"Ja, attester {data['maaned']}"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("attestert")
    sjekk_axe(page)
    _tab_til(page, page.locator("#meny-mine-oppgaver"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    expect(_oppgaver(page).get_by_text(f"Attester oppmøtet for {data['maaned']}")).to_have_count(0)
    expect(teller).to_have_text(str(antall - 2))
    logg_ut(page)

    # 5. Beslutteren, bare med tastaturet: ser endringene, leser bekreftelsen og fatter.
    logg_inn(page, base, data["beslutter"].username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    sjekk_axe(page)
    _tab_til(page, _oppgaver(page).get_by_role("link", name="Innvilgelse venter på godkjenning (totrinnskontroll)"))
    page.keyboard.press("Enter")
    endringer = page.locator("#endringer")
    expect(endringer).to_contain_text("Endret siden versjon 1")
    expect(endringer).to_contain_text(f"Versjon 1 ble returnert fordi: «{RETUR}»")
    expect(endringer.locator("ins").filter(has_text="i ti måneder for å komme i arbeid")).to_have_count(1)
    expect(endringer).to_contain_text(f"{ny_slutt:%d.%m.%Y}")
    sjekk_axe(page)
    _tab_til(page, page.get_by_role("button", name="Godkjenn og fatt vedtaket"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Fatt vedtaket om innvilgelse – Rita Returnert", level=1)).to_be_visible()
    expect(page.locator("#bekreft-punkter")).to_contain_text("sendes til Rita Returnert, Kirkeveien 3, 4070 Randaberg")
    expect(page.locator("#bekreft-angres")).to_contain_text("Dette kan ikke angres.")
    sjekk_axe(page)
    assert Vedtak.objects.get(pk=data["vedtak"].pk).status == Vedtaksstatus.TIL_BESLUTTER  # ingenting gjort ennå
    _tab_til(page, page.get_by_role("button", name="Ja, fatt vedtaket og send brevet"))
    page.keyboard.press("Enter")
    # Brevet lages som PDF i samme forespørsel: kan ta mer enn fem sekunder på en travel maskin.
    expect(page.get_by_text("Vedtaket er fattet, og brevet er laget.")).to_be_visible(timeout=TREG)
    expect(page.locator("#vedtak-status")).to_have_text("Fattet")
    sjekk_axe(page)
    page.get_by_role("link", name="Mine oppgaver").click()
    expect(_oppgaver(page).get_by_text("venter på godkjenning")).to_have_count(0)
    assert csp_brudd == []


def test_knappen_blir_opptatt_og_skjemaet_sendes_ikke_to_ganger(
    live_server: Any,
    side: Page,
    transactional_db: Any,
    kvp_veileder_a: Any,
    veileder_a: Any,
    lag_person: Any,
    lag_sak_i_program: Any,
    lag_bruker: Any,
):
    """Bekreftelsessiden bruker felles/opptatt.js (ingen innebygde skript): knappen sier hva som skjer mens
    tjenesten arbeider, og et nytt trykk sender ikke skjemaet en gang til."""
    data = _dagen(kvp_veileder_a, veileder_a, lag_person, lag_sak_i_program, lag_bruker)
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=data["vedtak"].pk)
    page, base = side, live_server.url
    logg_inn(page, base, data["beslutter"].username)
    page.goto(f"{base}/vedtak/{data['vedtak'].pk}/fatt/")
    skjema = page.locator("form[data-opptatt]")
    knapp = skjema.locator("button[type=submit]")  # navnet byttes når knappen blir opptatt
    expect(knapp).to_have_text("Ja, fatt vedtaket og send brevet")
    # Testen holder innsendingen igjen etter skriptet (svaret ville ellers erstatte siden før vi ser knappen), og
    # noterer om skriptet stoppet den: den første skal gå gjennom, den andre skal stoppes.
    page.evaluate(
        "() => { window.stoppet = []; window.addEventListener('submit', e => {"
        " window.stoppet.push(e.defaultPrevented); e.preventDefault(); }); }"
    )
    knapp.click()
    expect(knapp).to_have_attribute("aria-busy", "true")
    expect(knapp).to_have_attribute("aria-disabled", "true")
    expect(knapp).to_have_text("Fatter vedtaket og lager brevet …")
    assert skjema.get_attribute("data-sendt") == "ja"
    knapp.click(force=True)  # et nytt trykk (Playwright nekter ellers å klikke en knapp som er aria-disabled)
    page.wait_for_function("() => window.stoppet.length === 2")
    assert page.evaluate("() => window.stoppet") == [False, True]
    assert Vedtak.objects.get(pk=data["vedtak"].pk).status == Vedtaksstatus.TIL_BESLUTTER

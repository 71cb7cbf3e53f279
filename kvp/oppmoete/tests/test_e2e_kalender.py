"""Oppmøtekalenderen i ekte Chromium (issue 15 punkt 3): velg dager med klikk og bare med tastaturet (Tab, piltaster,
Enter og mellomrom), registrer en periode, slett med grunn, attester etter bekreftelsen (måneden blir låst) og
registrer samlet for en aktivitet. axe på hver side og etter hver delvise oppdatering (htmx)."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.plan.services import aktivitet_opprett
from kvp.tilgang.models import Rolle


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any) -> dict[str, Any]:
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    sak = lag_sak_i_program(fornavn="Klara", etternavn="Kalender")
    return {"kvp": kvp, "sak": sak}


def _dag(page: Page, dato: str) -> Locator:
    return page.locator(f'button.kvp-dagknapp[value="{dato}"]')


def _celle(page: Page, dato: str) -> Locator:
    return page.locator(f'td[data-dato="{dato}"]')


def test_kalenderen_med_klikk_periode_sletting_og_attestering(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, sak = side, live_server.url, oppsett["sak"]
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/oppmoete/{sak.pk}/?maaned=2025-03")
    expect(page.get_by_role("heading", name="Mars 2025", exact=True)).to_be_visible()
    # Uregistrerte dager som har vært, er «Ikke registrert» (ikke stilltiende «Deltatt»), med tekst og forkortelse.
    expect(_celle(page, "2025-03-03")).to_have_attribute("data-status", "IKKE_REGISTRERT")
    expect(_celle(page, "2025-03-03")).to_contain_text("Ikke registrert")
    expect(page.locator(".kvp-forklaring")).to_contain_text("IR Ikke registrert")
    expect(page.locator("#ikke-registrert-forklaring")).to_contain_text("Når måneden attesteres, regnes de som")
    expect(_celle(page, "2025-03-08")).to_contain_text("Helg")
    expect(_celle(page, "2025-03-08").locator("button")).to_have_count(0)
    sjekk_axe(page)

    # Klikk en dag og en dag til: perioden er valgt, uten at siden lastes på nytt (htmx), og skjemaet er fylt ut.
    page.evaluate("window.ikkeLastetPaaNytt = true")
    _dag(page, "2025-03-10").click()
    expect(_dag(page, "2025-03-10")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#kalender-utvalg")).to_contain_text("Valgt: 10.03.2025.")
    _dag(page, "2025-03-12").click()
    expect(page.locator("#kalender-utvalg")).to_contain_text("Valgt: 10.03.2025–12.03.2025 (3 virkedager).")
    expect(_dag(page, "2025-03-11")).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(f"{base}/oppmoete/{sak.pk}/?maaned=2025-03&fra=2025-03-10&dag=2025-03-12")
    assert page.evaluate("window.ikkeLastetPaaNytt") is True
    sjekk_axe(page)
    skjema = page.get_by_role("region", name="Registrer oppmøte")
    expect(skjema.get_by_label("Fra og med")).to_have_value("2025-03-10")
    expect(skjema.get_by_label("Til og med")).to_have_value("2025-03-12")
    skjema.get_by_label("Status").select_option("FERIE")
    skjema.get_by_role("button", name="Registrer").click()
    expect(page.locator("#kalender-melding")).to_have_text("Oppmøtet er registrert (3 dager).")
    expect(_celle(page, "2025-03-11")).to_have_attribute("data-status", "FERIE")
    expect(_celle(page, "2025-03-11")).to_contain_text("F Ferie")
    expect(page.locator("#ferieteller")).to_contain_text("3 av 25 virkedager")
    expect(page.locator("#stoenad-linjer")).to_contain_text("3 dager: ferie gir stønad")  # oppdatert (htmx oob)
    assert page.evaluate("window.ikkeLastetPaaNytt") is True
    sjekk_axe(page)

    # Frem i tid: ugyldig i tjenesten, med en melding i skjemaet.
    skjema = page.get_by_role("region", name="Registrer oppmøte")
    skjema.get_by_label("Fra og med").fill("2099-03-03")
    skjema.get_by_label("Til og med").fill("")
    skjema.get_by_role("button", name="Registrer").click()
    expect(page.locator("#feiloppsummering")).to_be_visible()
    sjekk_axe(page)

    # Slett én dag med grunn: dagen blir «Ikke registrert» igjen.
    _dag(page, "2025-03-12").click()
    expect(page.locator("#kalender-utvalg")).to_contain_text("Valgt: 12.03.2025.")
    slett = page.get_by_role("region", name="Slett registreringen")
    slett.get_by_role("button", name="Slett registreringen").click()
    expect(page.get_by_text("Skriv hvorfor registreringen slettes.").first).to_be_visible()
    sjekk_axe(page)
    slett = page.get_by_role("region", name="Slett registreringen")
    slett.get_by_label("Grunn til slettingen").fill("Deltakeren var på kurset likevel.")
    slett.get_by_role("button", name="Slett registreringen").click()
    expect(page.locator("#kalender-melding")).to_have_text(
        "Registreringen er slettet (1 dag). Dagene er ikke registrert."
    )
    expect(_celle(page, "2025-03-12")).to_have_attribute("data-status", "IKKE_REGISTRERT")
    assert not Oppmoete.objects.filter(sak=sak, dato=dt.date(2025, 3, 12)).exists()
    sjekk_axe(page)

    # Attester: bekreftelsen sier hva som skjer; etterpå er kalenderen bare til lesing.
    page.get_by_role("button", name="Attester mars 2025").click()
    expect(page.get_by_role("heading", name="Attester mars 2025 – Klara Kalender")).to_be_visible()
    konsekvenser = page.locator("#attester-konsekvenser")
    expect(konsekvenser).to_contain_text("Mars 2025 låses.")
    expect(konsekvenser).to_contain_text("virkedager er ikke registrert")
    expect(konsekvenser).to_contain_text("går med i neste utbetalingsrunde")
    sjekk_axe(page)
    assert not Maanedsattestering.objects.filter(sak=sak).exists()
    page.get_by_role("button", name="Ja, attester mars 2025").click()
    expect(page.get_by_text("Måneden er attestert og låst for utbetaling.")).to_be_visible()
    expect(page.locator("#kalender-laast")).to_be_visible()
    expect(page.locator("button.kvp-dagknapp")).to_have_count(0)
    expect(_celle(page, "2025-03-03")).to_have_attribute("data-status", "DELTATT")
    expect(_celle(page, "2025-03-03")).to_contain_text("regnet som deltatt ved attesteringen")
    sjekk_axe(page)


def test_kalenderen_bare_med_tastaturet(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, sak = side, live_server.url, oppsett["sak"]
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/oppmoete/{sak.pk}/?maaned=2025-03")
    expect(page.get_by_role("heading", name="Mars 2025", exact=True)).to_be_visible()

    def tab_til(finn: Locator, maks: int = 80) -> None:
        for _ in range(maks):
            page.keyboard.press("Tab")
            if finn.evaluate("e => e === document.activeElement"):
                return
        raise AssertionError("Nådde ikke elementet med Tab")

    # Bare én dag er i tabulatorrekkefølgen (den siste som kan velges); piltastene flytter derfra.
    tab_til(_dag(page, "2025-03-31"))
    expect(page.locator("button.kvp-dagknapp[tabindex='0']")).to_have_count(1)
    page.keyboard.press("ArrowUp")  # en uke tilbake
    expect(_dag(page, "2025-03-24")).to_be_focused()
    page.keyboard.press("ArrowLeft")  # helgen hoppes over
    expect(_dag(page, "2025-03-21")).to_be_focused()
    page.keyboard.press("ArrowRight")
    expect(_dag(page, "2025-03-24")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#kalender-utvalg")).to_contain_text("Valgt: 24.03.2025.")
    expect(_dag(page, "2025-03-24")).to_be_focused()  # fokus blir på dagen etter den delvise oppdateringen
    page.keyboard.press("End")  # siste dag i uka som kan velges
    expect(_dag(page, "2025-03-28")).to_be_focused()
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    expect(_dag(page, "2025-03-26")).to_be_focused()
    page.keyboard.press(" ")
    expect(page.locator("#kalender-utvalg")).to_contain_text("Valgt: 24.03.2025–26.03.2025 (3 virkedager).")
    expect(_dag(page, "2025-03-26")).to_be_focused()
    sjekk_axe(page)

    # Videre med Tab til status, velg med tastaturet, og registrer med Enter.
    status = page.get_by_role("region", name="Registrer oppmøte").get_by_label("Status")
    tab_til(status)
    page.keyboard.type("Ugyldig")
    expect(status).to_have_value("UGYLDIG_FRAVAER")
    tab_til(page.get_by_role("region", name="Registrer oppmøte").get_by_role("button", name="Registrer"))
    page.keyboard.press("Enter")
    expect(page.locator("#kalender-melding")).to_have_text("Oppmøtet er registrert (3 dager).")
    expect(page.locator("#kalender-melding")).to_be_focused()
    for dato in ("2025-03-24", "2025-03-25", "2025-03-26"):
        expect(_celle(page, dato)).to_have_attribute("data-status", "UGYLDIG_FRAVAER")
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.UGYLDIG_FRAVAER).count() == 3
    sjekk_axe(page)


def test_samlet_registrering_for_en_aktivitet(live_server: Any, side: Page, oppsett: dict[str, Any], lag_sak_i_program):
    page, base = side, live_server.url
    saker = [oppsett["sak"], lag_sak_i_program(fornavn="Lars", etternavn="Gruppe")]
    for sak in saker:
        aktivitet_opprett(
            bruker=oppsett["kvp"],
            sak_id=sak.pk,
            type="ARBEIDSTRENING",
            timer_per_uke=Decimal("30"),
            fra_og_med=dt.date(2025, 1, 6),
            til_og_med=dt.date(2025, 12, 31),
            tilbyder="Kafé Trappa",
        )
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/oppmoete/?maaned=2025-05")
    page.get_by_role("link", name="Samlet registrering for en aktivitet").click()
    expect(page.get_by_role("heading", name="Samlet registrering mai 2025")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Aktivitet", exact=True).select_option(label="Arbeidstrening – Kafé Trappa (2 deltakere)")
    page.get_by_role("button", name="Vis deltakerne").click()
    skjema = page.get_by_role("region", name="Registrer for Arbeidstrening – Kafé Trappa")
    expect(skjema.get_by_label("Klara Kalender")).to_be_checked()
    expect(skjema.get_by_label("Lars Gruppe")).to_be_checked()
    sjekk_axe(page)
    skjema.get_by_label("Fra og med").fill("2025-05-05")
    skjema.get_by_label("Til og med").fill("2025-05-09")
    skjema.get_by_label("Status").select_option("GYLDIG_FRAVAER")
    skjema.get_by_role("button", name="Registrer for de valgte").click()
    expect(page.get_by_text("Oppmøtet er registrert for 2 deltakere (10 dager i alt).")).to_be_visible()
    sjekk_axe(page)
    assert Oppmoete.objects.filter(sak__in=saker, status=Dagstatus.GYLDIG_FRAVAER).count() == 10

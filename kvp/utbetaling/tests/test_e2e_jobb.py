"""Simulering som bakgrunnsjobb i ekte Chromium med axe: økonomi starter runden i bakgrunnen, ser fremdriften
oppdatere seg uten å laste siden på nytt (htmx), og ser resultatet med lenke til runden. Arbeidsprosessen kjører i
en tråd i testprosessen; den stopper etter første bit til testen har sett fremdriften."""

import threading
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.jobber.tests.hjelpere import kjoer_arbeider
from kvp.tilgang.models import Rolle
from kvp.utbetaling.services import jobber as utbetalingsjobber
from kvp.utbetaling.services import simulering


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any, attester: Any):
    oskar = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a, passord=PASSORD)
    for nr in range(3):
        attester(lag_sak_i_program(fornavn=f"Deltaker{nr}"), 2025, 4)
    return {"oskar": oskar}


def test_oekonomi_simulerer_runden_i_bakgrunnen_og_ser_fremdrift_og_resultat(
    live_server: Any, side: Page, oppsett: dict[str, Any], settings: Any, monkeypatch: pytest.MonkeyPatch
):
    settings.KVP_UTBETALING_BITSTOERRELSE = 1  # én deltaker per bit: fremdriften går 1, 2, 3 av 3
    slipp = threading.Event()
    ekte = simulering.utbetalingsrunde_kjoer

    def med_port(**kwargs: Any) -> Any:
        etter_bit = kwargs.pop("etter_bit")

        def vent_etter_bit(antall: int) -> None:
            etter_bit(antall)
            assert slipp.wait(timeout=60), "testen slapp aldri jobben videre"

        return ekte(**kwargs, etter_bit=vent_etter_bit)

    monkeypatch.setattr(utbetalingsjobber, "utbetalingsrunde_kjoer", med_port)
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["oskar"].username)
    page.get_by_role("link", name="Utbetaling", exact=True).click()
    page.get_by_label("Kommune", exact=True).select_option("1127")
    page.get_by_label("Måned", exact=True).select_option("4")
    page.get_by_label("År", exact=True).fill("2025")
    page.get_by_role("button", name="Simuler i bakgrunnen").click()

    expect(
        page.get_by_role("heading", name="Simulering av utbetalingsrunden for Randaberg, april 2025")
    ).to_be_visible()
    expect(page.locator("#jobb-status")).to_contain_text("Venter på å starte")
    sjekk_axe(page)

    def arbeid() -> None:
        try:
            kjoer_arbeider()
        finally:
            connections.close_all()

    arbeider = threading.Thread(target=arbeid)
    arbeider.start()
    try:
        # Fremdriften kommer uten at siden lastes på nytt: htmx henter den hvert sekund.
        expect(page.locator("#jobb-status")).to_contain_text("Kjører: Beregner deltakerne – 1 av 3", timeout=30_000)
        expect(page.locator("#jobb-bar")).to_have_attribute("value", "33")
        sjekk_axe(page)
    finally:
        slipp.set()
        arbeider.join(timeout=120)
    assert not arbeider.is_alive()

    expect(page.locator("#jobb-status")).to_contain_text("Ferdig", timeout=30_000)
    expect(page.locator("#jobb-bar")).to_have_attribute("value", "100")
    expect(page.get_by_text("Utbetalingsrunden for april 2025 er simulert: 3 deltakere.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Se utbetalingsrunden").click()
    expect(page.locator("#runde-status")).to_contain_text("Simulert")

    page.get_by_role("link", name="Jobber", exact=True).click()
    expect(page.get_by_role("link", name="Simulering av utbetalingsrunden for Randaberg, april 2025")).to_be_visible()
    sjekk_axe(page)

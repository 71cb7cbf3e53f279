"""KOSTRA-siden (kjøringen som bakgrunnsjobb med fremdrift) og statistikksidene i ekte Chromium, med axe på hver
side."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import connections
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.jobber.tests.hjelpere import kjoer_arbeider
from kvp.tilgang.models import Rolle

from .hjelpere import avslutt, betal


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any):
    leder = lag_bruker(Rolle.LEDER, Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)
    saker = [lag_sak_i_program(fra_og_med=dt.date(2025, 1, 6) + dt.timedelta(days=30 * i)) for i in range(8)]
    avslutt(saker[0], dato=dt.date(2025, 10, 31), beslutter=beslutter)
    for s in saker:
        betal(s, 2025, 9, Decimal(12000))
    statsforvalter = lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland", passord=PASSORD)
    return {"leder": leder, "statsforvalter": statsforvalter, "sak": saker[1]}


def test_leder_kjoerer_kostra_retter_saken_og_ser_statistikken(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["leder"].username)
    page.get_by_role("link", name="KOSTRA", exact=True).click()
    expect(page.get_by_role("heading", name="KOSTRA 11CF til SSB")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Kommune", exact=True).select_option("1127")
    page.get_by_label("År", exact=True).fill("2025")
    page.get_by_role("button", name="Lag filen").click()
    # Kjøringen er en bakgrunnsjobb: jobbsiden viser fremdriften, og htmx henter den til jobben er ferdig.
    expect(page.get_by_role("heading", name="KOSTRA 11CF 2025 for Randaberg")).to_be_visible()
    expect(page.locator("#jobb-status")).to_contain_text("Venter på å starte")
    expect(page.locator("#jobb-bar")).to_be_visible()
    sjekk_axe(page)
    try:
        kjoer_arbeider()
    finally:
        connections.close_all()
    expect(page.locator("#jobb-status")).to_contain_text("Ferdig", timeout=30_000)
    expect(page.locator("#jobb-bar")).to_have_attribute("value", "100")
    expect(
        page.get_by_text("Filen er laget og kontrollert: 8 deltakere, 24 feil må rettes før filen sendes.")
    ).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Se funnene og last ned filen").click()
    expect(page.get_by_role("heading", name="Feil: Sivilstand (8)")).to_be_visible()
    sjekk_axe(page)
    with page.expect_download() as nedlasting:
        page.get_by_role("link", name="Last ned filen").click()
    innhold = open(nedlasting.value.path(), "rb").read()  # noqa: SIM115
    assert len(innhold) == 8 * 153

    page.get_by_role("link", name="KOSTRA-opplysninger").first.click()
    expect(page.get_by_role("heading", name="KOSTRA-opplysninger for")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("År", exact=True).fill("2025")
    page.get_by_label("Sivilstand").select_option("1")
    page.get_by_label("Kommunal bostøtte").check()
    page.get_by_label("Kom deltakeren fra kvalifiseringsprogram i en annen kommune?").select_option("nei")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("KOSTRA-opplysningene er lagret.")).to_be_visible()
    sjekk_axe(page)

    page.get_by_role("link", name="Statistikk", exact=True).click()
    page.get_by_label("Fra måned").fill("2025-01")
    page.get_by_label("Til måned").fill("2025-12")
    page.get_by_role("button", name="Vis").click()
    expect(page.get_by_role("heading", name="Deltakere i program per måned")).to_be_visible()
    expect(page.locator("svg.kvp-diagram").first).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)


def test_statsforvalter_ser_fylket_med_smaa_tall_skjult(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["statsforvalter"].username)
    page.get_by_role("link", name="Statistikk for fylket").click()
    page.get_by_label("Fra måned").fill("2025-01")
    page.get_by_label("Til måned").fill("2025-12")
    page.get_by_role("button", name="Vis").click()
    expect(page.get_by_role("heading", name="Statistikk for fylket")).to_be_visible()
    page.locator("#bestand summary").click()
    expect(page.locator("#bestand table")).to_contain_text("<5")
    sjekk_axe(page)

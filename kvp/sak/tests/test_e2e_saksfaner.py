"""Saksbildets faner i ekte Chromium: axe på hver fane, og en runde gjennom alle fanene bare med tastaturet (Tab til
fanen, Enter), der den valgte fanen har aria-current="page"."""

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.tilgang.models import Rolle

FANER = [
    ("Sak", "Om saken"),
    ("Vedtak", "Vedtak"),
    ("Plan", "Programplan"),
    ("Oppmøte", "Oppmøte og stønad"),
    ("Dokumenter", "Brev til deltakeren"),
    ("Klager", "Klager i saken"),
    ("Meldinger", "Fra deltakeren"),
]


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any) -> dict[str, Any]:
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    leder = lag_bruker(Rolle.LEDER, kontor=kontor_a, passord=PASSORD)
    sak = lag_sak_i_program(fornavn="Fane", etternavn="Fanesen", foedselsdato=dt.date(1990, 3, 1))
    return {"kvp": kvp, "leder": leder, "sak": sak}


def test_fanene_med_tastaturet_og_axe_paa_hver(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, sak = side, live_server.url, oppsett["sak"]
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/saker/{sak.pk}/")
    expect(page.get_by_role("heading", name="Fane Fanesen", level=1)).to_be_visible()
    faner = page.get_by_role("navigation", name="Saken")

    def tab_til(lenke: Any, maks: int = 80) -> None:
        for _ in range(maks):
            page.keyboard.press("Tab")
            if lenke.evaluate("e => e === document.activeElement"):
                return
        raise AssertionError("Nådde ikke fanen med Tab")

    for navn, overskrift in FANER:
        lenke = faner.get_by_role("link", name=navn, exact=True)
        tab_til(lenke)
        page.keyboard.press("Enter")
        expect(faner.get_by_role("link", name=navn, exact=True)).to_have_attribute("aria-current", "page")
        expect(faner.locator("[aria-current]")).to_have_count(1)
        expect(page.get_by_role("heading", name=overskrift, exact=True, level=2)).to_be_visible()
        sjekk_axe(page)

    # Uten JavaScript er fanen en vanlig lenke; tilbake-knappen gir forrige fane.
    page.go_back()
    expect(faner.get_by_role("link", name="Klager", exact=True)).to_have_attribute("aria-current", "page")


def test_lederen_ser_utbetalingsfanen(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, sak = side, live_server.url, oppsett["sak"]
    logg_inn(page, base, oppsett["leder"].username)
    page.goto(f"{base}/saker/{sak.pk}/?fane=utbetaling")
    expect(page.get_by_role("heading", name="Utbetalinger", level=2)).to_be_visible()
    expect(page.get_by_text("Ingen utbetalinger i saken ennå.")).to_be_visible()
    sjekk_axe(page)

"""API-sidene i ekte Chromium med axe: lederen lager et token og leser dokumentasjonen, som tegnes fra skjemaet av et
skript i egen fil uten brudd på den strenge CSP-en."""

from typing import Any

from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.tilgang.models import Rolle


def test_leder_lager_token_og_leser_dokumentasjonen(
    live_server: Any, side: Page, transactional_db: Any, kontor_a: Any, lag_bruker: Any
):
    leder = lag_bruker(Rolle.LEDER, kontor=kontor_a, passord=PASSORD)
    page, base = side, live_server.url
    csp_brudd: list[str] = []
    page.on("console", lambda m: csp_brudd.append(m.text) if "Content Security Policy" in m.text else None)
    logg_inn(page, base, leder.username)
    page.get_by_role("link", name="API-tokener").click()
    expect(page.get_by_role("heading", name="API-tokener", level=1)).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Navn (systemet eller tiltaksarrangøren)").fill("Jobbklubben AS")
    page.get_by_label("Rolle").select_option(Rolle.KVP_VEILEDER)
    page.get_by_role("button", name="Lag token").click()
    expect(page.get_by_role("heading", name="Tokenet «Jobbklubben AS» er laget")).to_be_visible()
    expect(page.locator("code.kvp-token")).to_contain_text("kvp_")
    sjekk_axe(page)
    page.get_by_role("link", name="Les API-dokumentasjonen").click()
    expect(page.get_by_role("heading", name="GET /api/v1/personer", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="POST /api/v1/oppmoete")).to_be_visible()
    sjekk_axe(page)
    assert csp_brudd == []

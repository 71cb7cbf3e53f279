"""Hver deltakerside på en telefon (360×740) i ekte Chromium, på bokmål og nynorsk: ingen vannrett rulling, heller
ikke med tekst forstørret til 200 %, axe uten brudd, landemerkene (header, nav, main), én h1 og et navn på hvert
skjemafelt. Hele utregningen av utbetalingen åpnes (`<details>`) og sjekkes også."""

from typing import Any

import pytest
from playwright.sync_api import Page

from kvp.deltaker.tests.sider import deltakersider, lag_deltaker_med_alt
from kvp.deltaker.tests.test_e2e import TELEFON
from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.person.models import Person

#: Skjemafelt uten navn for skjermleseren (label, aria-label eller aria-labelledby).
UTEN_NAVN = """() => [...document.querySelectorAll('input, select, textarea, button')]
  .filter(e => e.type !== 'hidden' && e.offsetParent !== null)
  .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
               && !(e.tagName === 'BUTTON' && e.textContent.trim()))
  .map(e => e.outerHTML.slice(0, 120))"""


def _bredde(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


def _sjekk_side(page: Page, navn: str) -> None:
    sjekk_axe(page)
    assert page.locator("header").count() >= 1, f"{navn}: mangler header"
    assert page.get_by_role("navigation").count() >= 1, f"{navn}: mangler nav"
    assert page.get_by_role("main").count() == 1, f"{navn}: mangler main"
    assert page.locator("h1").count() == 1, f"{navn}: skal ha én h1"
    assert page.evaluate(UTEN_NAVN) == [], f"{navn}: skjemafelt uten navn"
    assert _bredde(page) <= TELEFON["width"], f"{navn} er {_bredde(page)} px bred"
    for detaljer in page.locator("details").all():
        detaljer.evaluate("d => d.open = true")
    assert _bredde(page) <= TELEFON["width"], f"{navn} er {_bredde(page)} px bred med utregningen åpen"
    # Tekst forstørret til 200 %: rotens skriftstørrelse dobles (det som følger rem og em, vokser med).
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    assert _bredde(page) <= TELEFON["width"], f"{navn} er {_bredde(page)} px bred med tekst på 200 %"


@pytest.mark.parametrize("maalform", ["NB", "NN"])
def test_alle_deltakersidene_paa_telefon_med_stor_tekst(
    live_server: Any,
    side: Page,
    transactional_db: Any,
    lag_sak_i_program: Any,
    lag_bruker: Any,
    kvp_veileder_a: Any,
    maalform: str,
) -> None:
    sak, deltaker = lag_deltaker_med_alt(
        lag_sak_i_program=lag_sak_i_program, lag_bruker=lag_bruker, kvp=kvp_veileder_a, passord=PASSORD
    )
    Person.objects.filter(pk=sak.person_id).update(maalform=maalform)
    side.set_viewport_size(TELEFON)
    logg_inn(side, live_server.url, deltaker.username)
    for navn, url in deltakersider():
        side.goto(live_server.url + url)
        _sjekk_side(side, navn)

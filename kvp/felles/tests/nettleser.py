"""Felles for testene i ekte Chromium: Debians /usr/bin/chromium via Playwright (aldri `playwright install`).

Fixturene `nettleser` og `side` står i `kvp/conftest.py`; her er oppsettet og hjelperne testene importerer.
"""

import re
from collections.abc import Iterator

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PASSORD = "e2e-passord-som-er-langt"
#: Alt ligger på vår egen server (også fonten); forespørsler ut av huset stoppes, så ingen test kan bero på dem.
UTENFOR_HUSET = re.compile(r"^https?://(?!127\.0\.0\.1|localhost).*")


def start_nettleser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


def ny_side(nettleser: Browser) -> Iterator[Page]:
    kontekst = nettleser.new_context(locale="nb-NO", accept_downloads=True)
    kontekst.route(UTENFOR_HUSET, lambda route: route.abort())
    page = kontekst.new_page()
    yield page
    kontekst.close()


def sjekk_axe(page: Page) -> None:
    """Ingen brudd på tilgjengelighetsreglene axe sjekker (WCAG 2.1 AA) på siden slik den er nå."""
    resultat = Axe().run(page)
    assert resultat.violations_count == 0, f"{page.url}\n{resultat.generate_report()}"


def logg_inn(page: Page, base: str, brukernavn: str) -> None:
    page.goto(f"{base}/logg-inn/")
    sjekk_axe(page)
    page.get_by_label("Brukernavn").fill(brukernavn)
    page.get_by_label("Passord").fill(PASSORD)
    page.get_by_role("button", name="Logg inn").click()
    # Vent til innloggingen er ferdig og neste side er lastet: et klikk på en lenke mens omdirigeringen ennå lastes,
    # kan ellers gå tapt på en travel maskin.
    page.wait_for_url(lambda url: "/logg-inn/" not in url)


def logg_ut(page: Page) -> None:
    page.get_by_role("button", name="Logg ut").click()
    expect(page.get_by_role("heading", name="Logg inn i KVP")).to_be_visible()

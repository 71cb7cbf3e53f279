"""En saksbehandlers dag fra Mine oppgaver i ekte Chromium med axe: et returnert vedtak, et møte og en måned som skal
attesteres. Hver oppgave følges til siden der den gjøres, gjøres, og er borte fra listen etterpå. Én tur bare med
tastaturet (søket og møtet)."""

import datetime as dt
from typing import Any

from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.arbeidsflate.oppgaver import MAANEDSNAVN as MAANEDER
from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.soeknad.services import kartlegging_opprett, moetetid_book, moetetid_opprett
from kvp.tilgang.models import Rolle
from kvp.vedtak.services import vedtak_returner, vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

#: Med et langt ord uten mellomrom: det skal brytes, ikke gjøre siden bredere.
BEGRUNNELSE = "Evalueringsdatoen mangler begrunnelse: " + "https://eksempel.no/" + "x" * 300


def _dagen(
    kvp_veileder: Any, veileder: Any, lag_person: Any, lag_sak_i_program: Any, lag_bruker: Any
) -> dict[str, str]:
    kvp_veileder.set_password(PASSORD)
    kvp_veileder.save()
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder, person=lag_person(fornavn="Returnert", etternavn="Vedtak"))
    vilkaar_vurder(bruker=kvp_veileder, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder, sak=sak)
    vedtak_send_til_beslutter(bruker=kvp_veileder, vedtak_id=vedtak.pk)
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor)
    vedtak_returner(bruker=beslutter, vedtak_id=vedtak.pk, begrunnelse=BEGRUNNELSE)
    start = (timezone.now() + dt.timedelta(days=2)).replace(hour=9, minute=0, second=0, microsecond=0)
    moete = moetetid_opprett(bruker=kvp_veileder, kvp_veileder=kvp_veileder, start=start)
    kartlegging = kartlegging_opprett(
        bruker=veileder,
        person=lag_person(fornavn="Møte", etternavn="Booket"),
        utdanning="Videregående",
        arbeidserfaring="Butikk",
        interesser="",
        utfordringer="Helse",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "x"),
    )
    moetetid_book(bruker=veileder, moetetid_id=moete.pk, kartlegging=kartlegging)
    i_dag = timezone.localdate()
    forrige = i_dag.replace(day=1) - dt.timedelta(days=1)
    lag_sak_i_program(
        fra_og_med=forrige.replace(day=1),
        til_og_med=forrige.replace(day=1) + dt.timedelta(days=364),
        fornavn="Attest",
        etternavn="Måned",
    )
    return {"maaned": f"{MAANEDER[forrige.month - 1]} {forrige.year}"}


def _oppgaver(page: Page) -> Any:
    return page.locator("#oppgaver tbody")


def test_saksbehandlerens_dag_fra_mine_oppgaver(
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
    logg_inn(page, base, kvp_veileder_a.username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    sjekk_axe(page)
    teller = page.locator("#meny-mine-oppgaver .kvp-teller")
    antall = int(teller.inner_text())
    assert antall >= 3

    # Det returnerte vedtaket: send det til beslutter igjen.
    page.get_by_role("link", name="Innvilgelse er returnert fra beslutter").click()
    expect(page.locator("#returnert-begrunnelse")).to_have_text(BEGRUNNELSE)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    sjekk_axe(page)
    page.get_by_role("button", name="Send til beslutter").click()
    page.get_by_role("link", name="Mine oppgaver").click()
    expect(_oppgaver(page).get_by_text("returnert fra beslutter")).to_have_count(0)
    expect(teller).to_have_text(str(antall - 1))

    # Måneden som skal attesteres.
    page.get_by_role("link", name=f"Attester oppmøtet for {data['maaned']}").click()
    expect(page.get_by_role("heading", name="Oppmøte – Attest Måned", level=1)).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name=f"Attester {data['maaned']}").click()
    expect(page.locator("#attester-konsekvenser")).to_contain_text("neste utbetalingsrunde")
    sjekk_axe(page)
    page.get_by_role("button", name=f"Ja, attester {data['maaned']}").click()
    expect(page.get_by_role("status")).to_contain_text("attestert")
    page.get_by_role("link", name="Mine oppgaver").click()
    expect(_oppgaver(page).get_by_text(f"Attester oppmøtet for {data['maaned']}")).to_have_count(0)
    expect(teller).to_have_text(str(antall - 2))
    sjekk_axe(page)
    assert csp_brudd == []


def test_bare_med_tastaturet_soek_og_moete(
    live_server: Any,
    side: Page,
    transactional_db: Any,
    kvp_veileder_a: Any,
    veileder_a: Any,
    lag_person: Any,
    lag_sak_i_program: Any,
    lag_bruker: Any,
):
    _dagen(kvp_veileder_a, veileder_a, lag_person, lag_sak_i_program, lag_bruker)
    page, base = side, live_server.url
    logg_inn(page, base, kvp_veileder_a.username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()

    def tab_til(finn: Any, maks: int = 60) -> None:
        for _ in range(maks):
            page.keyboard.press("Tab")
            if finn.evaluate("e => e === document.activeElement"):
                return
        raise AssertionError("Nådde ikke elementet med Tab")

    # Søket: Tab til feltet, skriv, Enter.
    tab_til(page.get_by_label("Navn, fødselsnummer eller saksnummer"))
    page.keyboard.type("booket")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Søk", level=1)).to_be_visible()
    expect(page.locator("#treff").get_by_role("link", name="Booket, Møte")).to_be_visible()
    sjekk_axe(page)

    # Tilbake til Mine oppgaver og videre til møtet, bare med tastaturet.
    tab_til(page.locator("#meny-mine-oppgaver"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    tab_til(page.locator("#oppgaver").get_by_role("link", name="Overføringsmøte"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Kartlegging av Møte Booket", level=1)).to_be_visible()
    sjekk_axe(page)

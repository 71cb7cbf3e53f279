"""Ende-til-ende i ekte Chromium: planen som tidslinje med uker under full tid, evalueringene fra vedtaket og
utskriften (uten meny på papiret). axe på hver side."""

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.plan import services
from kvp.plan.models import Aktivitetsstatus, Aktivitetstype
from kvp.plan.tests.hjelpere import fattet_vedtak
from kvp.tilgang.models import Rolle

FRA, TIL = dt.date(2025, 1, 6), dt.date(2025, 6, 27)


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any) -> dict[str, Any]:
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    sak = lag_sak_i_program(fornavn="Tine", etternavn="Tidslinje", fra_og_med=FRA, til_og_med=TIL)
    for type_, timer, fra, til in (
        (Aktivitetstype.ARBEIDSTRENING, "30", FRA, TIL),
        (Aktivitetstype.TETT_OPPFOELGING, "7.5", FRA, dt.date(2025, 1, 31)),
        (Aktivitetstype.ARBEIDSSOEKING, "7.5", dt.date(2025, 3, 3), TIL),
    ):
        services.aktivitet_opprett(
            bruker=kvp,
            sak_id=sak.pk,
            type=type_,
            timer_per_uke=Decimal(timer),
            fra_og_med=fra,
            til_og_med=til,
            status=Aktivitetsstatus.PAAGAAR,
        )
    fattet_vedtak(
        sak=sak,
        beslutter=lag_bruker(Rolle.BESLUTTER, kontor=kontor_a),
        evalueringer=[dt.date(2025, 3, 31), dt.date(2025, 6, 2)],
    )
    return {"kvp": kvp, "sak": sak}


def test_tidslinjen_viser_hull_og_evalueringer_og_kan_skrives_ut(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, sak = side, live_server.url, oppsett["sak"]
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/saker/{sak.pk}/?fane=plan")
    page.get_by_role("link", name="Åpne programplanen").click()
    expect(page.get_by_role("heading", name="Programplan – Tine Tidslinje")).to_be_visible()
    tegning = page.get_by_role("img", name=re.compile("Tidslinje for programplanen"))
    expect(tegning).to_be_visible()
    expect(page.locator(".kvp-tidslinje__rad")).to_have_count(3)
    expect(page.locator(".kvp-tidslinje__uke--mangler")).to_have_count(4)  # februar, uke 6–9
    expect(page.locator("#plan-hull")).to_contain_text("uke 6–9 2025: mangler 7,5 timer per uke")
    expect(page.locator("#evalueringer")).to_contain_text("E1: 31.03.2025")
    expect(page.locator("#evalueringer")).to_contain_text("E2: 02.06.2025")
    # Tabellen er alternativet til tegningen: samme uker, samme hull, samme evalueringer.
    feb = page.locator('#plan-uker tr[data-uke="2025-02-03"]')
    expect(feb).to_contain_text("Mangler 7,5 timer (under full tid)")
    expect(feb).to_contain_text("Arbeidstrening (30)")
    expect(page.locator('#plan-uker tr[data-uke="2025-03-31"]')).to_contain_text("31.03.2025")
    expect(page.locator("#plan-uker tr[data-mangler]")).to_have_count(4)
    sjekk_axe(page)

    page.get_by_role("link", name="Utskriftsvennlig plan").click()
    expect(page.get_by_role("heading", name="Programplan – Tine Tidslinje")).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Tidslinje for programplanen"))).to_be_visible()
    expect(page.locator("form")).to_have_count(1)  # bare «Logg ut» i menyen
    sjekk_axe(page)
    page.emulate_media(media="print")
    expect(page.locator("header.kvp-topp")).to_be_hidden()
    expect(page.get_by_role("link", name="Tilbake til planen")).to_be_hidden()
    expect(page.locator("#plan-uker")).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator("header.kvp-topp")).to_be_visible()

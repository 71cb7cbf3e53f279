"""Utbetaling i ekte Chromium med axe på hver side: innstillinger, simulering, fireøyne, eksport, tilbakekreving,
mottaker og deltakerens Min side."""

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.tilgang.models import Rolle
from kvp.utbetaling.models import Rundestatus, Utbetalingsrunde
from kvp.utbetaling.services import mottaker_kontonummer_godkjenn, mottaker_lagre, utbetalingsrunde_kjoer


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any, kvp_veileder_a: Any):
    oskar = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a, passord=PASSORD)
    olga = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a, passord=PASSORD)
    sak = lag_sak_i_program(fornavn="Dina", etternavn="Deltaker")
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person, passord=PASSORD)
    for maaned in (3, 4):
        Maanedsattestering.objects.create(
            sak=sak, aar=2025, maaned=maaned, attestert_av=kvp_veileder_a, attestert=timezone.now()
        )
    # Mars er betalt i en tidligere runde; så registreres et sent ugyldig fravær (korreksjon, versjon 2).
    mottaker_lagre(bruker=oskar, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30))
    mottaker_kontonummer_godkjenn(bruker=olga, person_id=sak.person_id)
    mars = utbetalingsrunde_kjoer(bruker=olga, kommune_nummer="1127", aar=2025, maaned=3)
    Utbetalingsrunde.objects.filter(pk=mars.pk).update(status=Rundestatus.GODKJENT)  # bare godkjente er betalt
    Oppmoete.objects.create(
        sak=sak, dato=dt.date(2025, 3, 12), status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=kvp_veileder_a
    )
    Maanedsattestering.objects.filter(sak=sak, maaned=3).update(versjon=2, sist_korrigert=timezone.now())
    return {"oskar": oskar, "olga": olga, "sak": sak, "deltaker": deltaker}


def test_oekonomi_kjoerer_runden_med_fireoeyne_og_deltakeren_ser_utbetalingen(
    live_server: Any, side: Page, oppsett: dict[str, Any]
):
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["oskar"].username)
    page.get_by_role("link", name="Utbetaling", exact=True).click()
    expect(page.get_by_role("heading", name="Utbetaling", exact=True)).to_be_visible()
    sjekk_axe(page)

    page.get_by_role("link", name="Innstillinger for Randaberg").click()
    page.get_by_label("Kommunens kontonummer (det betales fra)").fill("123")
    page.get_by_role("button", name="Lagre innstillingene").click()
    expect(page.get_by_text("Kontonummeret er ikke gyldig").first).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Kommunens kontonummer (det betales fra)").fill("8601 11 17947")
    page.get_by_role("button", name="Lagre innstillingene").click()
    expect(page.get_by_text("Innstillingene er lagret.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Tilbake til utbetaling").click()

    page.get_by_label("Kommune", exact=True).select_option("1127")
    page.get_by_label("Måned", exact=True).select_option("4")
    page.get_by_label("År", exact=True).fill("2025")
    page.get_by_role("button", name="Simuler runden").click()
    expect(page.get_by_text("Utbetalingsrunden er simulert.")).to_be_visible()
    expect(page.locator("#runde-status")).to_contain_text("Simulert")
    sjekk_axe(page)
    page.get_by_role("button", name="Godkjenn runden").click()
    expect(page.get_by_text("Dette kan ikke angres.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name=re.compile(r"^Ja, godkjenn ")).click()
    expect(page.get_by_text("En annen i økonomi må godkjenne den.")).to_be_visible()
    sjekk_axe(page)

    page.get_by_role("link", name="Deltaker, Dina").click()
    expect(page.get_by_role("heading", name="Utbetaling til Dina Deltaker")).to_be_visible()
    sjekk_axe(page)

    page.get_by_role("link", name="Utbetaling", exact=True).click()
    page.get_by_role("link", name="Tilbakekrevinger").click()
    expect(page.get_by_text("tilbakekreving av 973,62 kr").first).to_be_visible()
    page.get_by_label("Begrunnelse for tilbakekrevingen").fill("Ugyldig fravær 12. mars ble registrert etterpå.")
    page.get_by_label("Forsto eller burde ha forstått at utbetalingen var feil").check()
    page.get_by_label("Begrunnelse for vurderingen av god tro").fill("Fraværet ble meldt deltakeren samme dag.")
    page.get_by_role("button", name="Foreslå tilbakekreving").click()
    expect(page.get_by_text("deltakeren har fått forhåndsvarsel")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)

    logg_inn(page, base, oppsett["olga"].username)
    page.get_by_role("link", name="Utbetaling", exact=True).click()
    page.get_by_role("link", name="04.2025").click()
    page.get_by_role("button", name="Godkjenn runden").click()
    page.get_by_role("button", name=re.compile(r"^Ja, godkjenn ")).click()
    expect(page.get_by_text("Runden er godkjent.")).to_be_visible()
    page.get_by_role("button", name="Eksporter").click()
    expect(page.get_by_text("Runden er eksportert.")).to_be_visible()
    sjekk_axe(page)
    with page.expect_download() as nedlasting:
        page.get_by_role("link", name="Last ned betalingsfil (pain.001)").click()
    assert nedlasting.value.suggested_filename.endswith("pain001.xml")
    page.get_by_role("link", name="Utbetaling", exact=True).click()
    page.get_by_role("link", name="Tilbakekrevinger").click()
    # Forhåndsvarselet (fvl. § 16): vedtaket kan fattes når svaret er registrert.
    page.get_by_label("Svaret kom (dato)").fill(timezone.localdate().isoformat())
    page.get_by_label("Hva deltakeren svarte").fill("Enig i at beløpet trekkes.")
    page.get_by_role("button", name="Registrer svaret").click()
    expect(page.get_by_text("Svaret på forhåndsvarselet er registrert.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Vedta tilbakekreving").click()
    expect(page.get_by_text("Vedtaket om tilbakekreving er registrert.")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)

    logg_inn(page, base, oppsett["deltaker"].username)
    page.get_by_role("link", name="Min side").click()
    expect(page.get_by_role("heading", name="Dine utbetalinger")).to_be_visible()
    expect(page.get_by_text("For april 2025 fikk du").first).to_be_visible()
    sjekk_axe(page)

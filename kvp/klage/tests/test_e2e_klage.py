"""Én klage gjennom begge instanser i ekte Chromium, med axe på hver side: deltakeren klager fra brevet med vedlegg,
kontoret vurderer formkravene og sender klagen, statsforvalteren endrer vedtaket, kontoret iverksetter med et nytt
vedtak i totrinnskontrollen, og etterbetalingen kommer med i neste utbetalingsrunde."""

import datetime as dt
import re
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.klage.models import Klage, Klagestatus
from kvp.oppmoete.models import Maanedsattestering
from kvp.tilgang.models import Rolle
from kvp.utbetaling.models import Posttype, Rundestatus, Utbetalingspost, Utbetalingsrunde
from kvp.utbetaling.services import (
    kommune_innstillinger_endre,
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    utbetalingsrunde_kjoer,
)
from kvp.vedtak.models import Vedtakstype

from .conftest import PDF, fatt

#: Steg som lager PDF-er (brev, saksdokumenter) eller kjører runden, kan ta tid på en travel maskin.
TREG = 30_000


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any, tmp_path: Any):
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a, passord=PASSORD)
    oskar = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a, passord=PASSORD)
    olga = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a, passord=PASSORD)
    sf = lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland", passord=PASSORD)
    sak = lag_sak_i_program(fornavn="Kari", etternavn="Klagesen")
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person, passord=PASSORD)
    avbrudd = fatt(
        kvp=kvp,
        beslutter=beslutter,
        sak=sak,
        type=Vedtakstype.AVBRUDD,
        fra_og_med=dt.date(2025, 3, 1),
        begrunnelse="Deltakeren har ikke møtt på tiltaket i februar.",
    )
    # Mars er attestert og betalt uten stønad (avbrudd); så klager deltakeren.
    kommune_innstillinger_endre(
        bruker=oskar,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer="86011117947",
        organisasjonsnummer="964965226",
    )
    mottaker_lagre(bruker=oskar, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30))
    mottaker_kontonummer_godkjenn(bruker=olga, person_id=sak.person_id)
    Maanedsattestering.objects.create(sak=sak, aar=2025, maaned=3, attestert_av=kvp, attestert=timezone.now())
    mars = utbetalingsrunde_kjoer(bruker=olga, kommune_nummer="1127", aar=2025, maaned=3)
    Utbetalingsrunde.objects.filter(pk=mars.pk).update(status=Rundestatus.GODKJENT)
    vedlegg = tmp_path / "legeerklaering.pdf"
    vedlegg.write_bytes(PDF)
    return {
        "kvp": kvp,
        "beslutter": beslutter,
        "oskar": oskar,
        "olga": olga,
        "sf": sf,
        "deltaker": deltaker,
        "sak": sak,
        "avbrudd": avbrudd,
        "vedlegg": vedlegg,
    }


def test_klage_gjennom_begge_instanser_gir_etterbetaling_i_neste_runde(
    live_server: Any, side: Page, oppsett: dict[str, Any]
):
    page, base = side, live_server.url

    # 1. Deltakeren klager fra brevet, med vedlegg.
    logg_inn(page, base, oppsett["deltaker"].username)
    expect(page.get_by_role("heading", name="Hei, Kari")).to_be_visible()
    page.goto(f"{base}/brev/{oppsett['avbrudd'].pk}/")
    sjekk_axe(page)
    page.get_by_role("link", name="Klag på vedtaket").click()
    expect(page.get_by_role("heading", name="Klag på vedtaket")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Send klagen").click()  # tom klage: feilmelding, ingenting lagret
    expect(page.get_by_text("Dette feltet må fylles ut.").first).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Hva klager du på, og hvorfor?").fill("Jeg var syk i februar og har legeerklæring.")
    page.get_by_label("Vedlegg").set_input_files(str(oppsett["vedlegg"]))
    page.get_by_role("button", name="Send klagen").click()
    expect(page.get_by_text("Klagen er sendt.")).to_be_visible(timeout=TREG)
    expect(page.locator("#klage-status")).to_contain_text("Mottatt, formkrav vurderes")
    sjekk_axe(page)
    logg_ut(page)

    # 2. Kontoret: formkrav og vurdering → oversendelse til statsforvalteren.
    logg_inn(page, base, oppsett["kvp"].username)
    page.get_by_role("link", name="Klager", exact=True).click()
    expect(page.locator("#klageoppgaver")).to_contain_text("Vurder formkravene")
    sjekk_axe(page)
    page.locator("#klageoppgaver").get_by_role("link", name="Kari Klagesen").click()
    for navn in ("part eller har rettslig", "innen fristen", "underskrevet", "nevner vedtaket", "hvilken endring"):
        page.get_by_label(navn).check()
    page.get_by_role("button", name="Lagre formkravene").click()
    expect(page.locator("#klage-status")).to_contain_text("Kontorets vurdering")
    sjekk_axe(page)
    page.get_by_label("Resultat av kontorets vurdering").select_option("OVERSEND")
    page.get_by_label("Kontorets vurdering", exact=True).fill("Fraværet var ikke dokumentert da vedtaket ble fattet.")
    page.get_by_role("button", name="Lagre vurderingen").click()
    expect(page.locator("#klage-status")).to_contain_text("Sendt til statsforvalteren", timeout=TREG)
    expect(page.get_by_role("link", name="Saksdokumentene (PDF med innholdsliste)")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)

    # 3. Statsforvalteren lander på arbeidsflaten, tar klagen under behandling og endrer vedtaket.
    logg_inn(page, base, oppsett["sf"].username)
    expect(page.get_by_role("heading", name="Statsforvalteren i Rogaland")).to_be_visible()
    expect(page.locator("#sf-mottatt")).to_contain_text("Mottatt (1)")
    sjekk_axe(page)
    page.get_by_role("link", name="Kari Klagesen").click()
    expect(page.get_by_role("heading", name="Klage fra Kari Klagesen")).to_be_visible()
    sjekk_axe(page)
    with page.expect_download() as nedlasting:
        page.get_by_role("link", name="legeerklaering.pdf").click()
    assert nedlasting.value.suggested_filename.endswith(".pdf")
    page.get_by_role("button", name="Ta under behandling").click()
    expect(page.locator("#klage-status")).to_contain_text("Under behandling")
    page.get_by_label("Utfall", exact=True).select_option("ENDRET")
    page.get_by_label("Begrunnelse", exact=True).fill("Legeerklæringen viser at fraværet var gyldig.")
    page.get_by_label("Nytt innhold i vedtaket (når vedtaket endres)").fill(
        "Avbruddet oppheves. Stønaden løper fra 1. mars 2025."
    )
    page.get_by_role("button", name="Fatt vedtaket").click()
    expect(page.get_by_text("Vedtaket i klagesaken er fattet og sendt.")).to_be_visible(timeout=TREG)
    expect(page.locator("#klage-utfall")).to_contain_text("Endret")
    sjekk_axe(page)
    page.get_by_role("link", name="Klageoversikt").first.click()
    expect(page.get_by_role("heading", name="Klageoversikt")).to_be_visible()
    expect(page.locator("#oversikt-fylke")).to_contain_text("Endret: 1")
    sjekk_axe(page)
    logg_ut(page)

    # 4. Kontoret har en oppgave: iverksette med et nytt vedtak i totrinnskontrollen.
    logg_inn(page, base, oppsett["kvp"].username)
    page.get_by_role("link", name="Klager", exact=True).click()
    expect(page.locator("#klageoppgaver")).to_contain_text("Iverksett statsforvalterens vedtak")
    page.locator("#klageoppgaver").get_by_role("link", name="Kari Klagesen").click()
    page.get_by_role("link", name="Gå til vedtakene i saken").click()
    page.get_by_role("link", name="Gjenopptak etter permisjon eller avbrudd").click()
    page.get_by_label("Gjelder fra og med").fill("2025-03-01")
    page.get_by_label("Begrunnelse", exact=True).fill("Statsforvalteren har endret vedtaket om avbrudd etter klage.")
    page.get_by_role("button", name="Lagre utkastet").click()
    expect(page.get_by_text("Utkastet er lagret.")).to_be_visible()
    page.get_by_role("button", name="Send til beslutter").click()
    expect(page.get_by_text("Vedtaket er sendt til beslutter.")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)
    logg_inn(page, base, oppsett["beslutter"].username)
    vedtak_id = oppsett["sak"].vedtak.get(type=Vedtakstype.GJENOPPTAK).pk
    page.goto(f"{base}/vedtak/{vedtak_id}/")
    page.get_by_role("button", name="Godkjenn og fatt vedtaket").click()
    page.get_by_role("button", name="Ja, fatt vedtaket og send brevet").click()
    expect(page.get_by_text("Vedtaket er fattet, og brevet er laget.")).to_be_visible(timeout=TREG)
    logg_ut(page)
    klage = Klage.objects.get()
    assert (klage.status, klage.nytt_vedtak_id) == (Klagestatus.IVERKSATT, vedtak_id)

    # 5. Neste utbetalingsrunde har etterbetalingen for mars.
    logg_inn(page, base, oppsett["oskar"].username)
    page.get_by_role("link", name="Utbetaling", exact=True).click()
    page.get_by_label("Kommune", exact=True).select_option("1127")
    page.get_by_label("Måned", exact=True).select_option("4")
    page.get_by_label("År", exact=True).fill("2025")
    page.get_by_role("button", name="Simuler runden").click()
    expect(page.get_by_text("Utbetalingsrunden er simulert.")).to_be_visible(timeout=TREG)
    expect(page.locator("#utbetalinger")).to_contain_text("Klagesen, Kari")
    sjekk_axe(page)
    logg_ut(page)
    post = Utbetalingspost.objects.get(type=Posttype.ETTERBETALING)
    assert (post.aar, post.maaned, post.sak_id) == (2025, 3, oppsett["sak"].pk)
    assert post.beloep > 0
    logg_inn(page, base, oppsett["olga"].username)
    page.get_by_role("link", name="Utbetaling", exact=True).click()
    page.get_by_role("link", name="04.2025").click()
    page.get_by_role("button", name="Godkjenn runden").click()
    page.get_by_role("button", name=re.compile(r"^Ja, godkjenn ")).click()
    expect(page.get_by_text("Runden er godkjent.")).to_be_visible(timeout=TREG)
    logg_ut(page)
    logg_inn(page, base, oppsett["deltaker"].username)
    page.get_by_role("link", name="Min side").click()
    expect(page.get_by_role("heading", name="Dine utbetalinger")).to_be_visible()
    expect(page.get_by_text("etterbetaling", exact=False).first).to_be_visible()
    sjekk_axe(page)

"""Ende-til-ende i ekte Chromium: plan til 37,5 timer, en måned med sykdom, ugyldig fravær, ferie og helligdager,
attestering, og stønaden med linjene lik `kvp beregn` på de samme dataene. axe på hver side."""

import datetime as dt
import json
import subprocess
import sys
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kvp.felles.templatetags.kvp import kroner
from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.oppmoete.grunnlag import grunnlag_for_maaned
from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_sak_i_program: Any) -> dict[str, Any]:
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    sak = lag_sak_i_program(fornavn="Petra", etternavn="Program", foedselsdato=dt.date(1995, 6, 1))
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person, passord=PASSORD)
    return {"kvp": kvp, "sak": sak, "deltaker": deltaker}


def _legg_til_aktivitet(page: Page, type_: str, timer: str, tilbyder: str) -> None:
    skjema = page.get_by_role("region", name="Ny aktivitet")
    skjema.get_by_label("Aktivitet", exact=True).select_option(type_)
    skjema.get_by_label("Timer per uke").fill(timer)
    skjema.get_by_label("Fra og med").fill("2025-01-06")
    skjema.get_by_label("Til og med").fill("2026-01-05")
    skjema.get_by_label("Tilbyder").fill(tilbyder)
    skjema.get_by_label("Status").select_option("PAAGAAR")
    skjema.get_by_label("Avtalt med deltakeren").check()
    skjema.get_by_role("button", name="Legg til aktivitet").click()
    expect(page.get_by_text("Aktiviteten er lagt til i planen.")).to_be_visible()
    sjekk_axe(page)


def _registrer(page: Page, fra: str, til: str, status: str, dokumentasjon: str = "", antall: int = 1) -> None:
    skjema = page.get_by_role("region", name="Registrer oppmøte")
    skjema.get_by_label("Fra og med").fill(fra)
    skjema.get_by_label("Til og med").fill(til)
    skjema.get_by_label("Status").select_option(status)
    if dokumentasjon:
        skjema.get_by_label("Dokumentasjon").select_option(dokumentasjon)
    skjema.get_by_role("button", name="Registrer").click()
    tekst = f"Oppmøtet er registrert ({antall} {'dag' if antall == 1 else 'dager'})."
    expect(page.get_by_text(tekst)).to_be_visible()
    sjekk_axe(page)


def _sjekk_stoenad(page: Page, fasit: dict[str, Any]) -> None:
    expect(page.locator("#stoenad-total")).to_have_text(f"{kroner(fasit['total'])} kr")
    rader = page.locator("#stoenad-linjer tbody tr")
    expect(rader).to_have_count(len(fasit["linjer"]))
    for i, linje in enumerate(fasit["linjer"]):
        celler = rader.nth(i).locator("td")
        fra, til = (dt.date.fromisoformat(linje[f]) for f in ("fra_og_med", "til_og_med"))
        expect(celler.nth(1)).to_have_text(f"{fra:%d.%m.%Y}–{til:%d.%m.%Y}")
        expect(celler.nth(2)).to_have_text(str(linje["antall_dager"]))
        expect(celler.nth(3)).to_have_text(kroner(linje["beloep"]))
        expect(celler.nth(4)).to_have_text(linje["forklaring"])


def test_plan_oppmoete_attestering_og_stoenad_lik_kvp_beregn(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, sak = side, live_server.url, oppsett["sak"]
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/saker/{sak.pk}/?fane=plan")
    expect(page.get_by_role("heading", name="Programplan")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Åpne programplanen").click()
    expect(page.get_by_role("heading", name="Programplan – Petra Program")).to_be_visible()
    sjekk_axe(page)
    _legg_til_aktivitet(page, "ARBEIDSTRENING", "30", "Kafé Trappa")
    expect(page.locator("#plan-uker")).to_contain_text("Mangler 7,5 timer")
    _legg_til_aktivitet(page, "TETT_OPPFOELGING", "7,5", "NAV Randaberg-Kvitsøy")
    expect(page.locator("#plan-uker")).not_to_contain_text("Mangler")
    expect(page.locator("#plan-uker tbody tr").first).to_contain_text("Full tid")
    # Evalueringene står i vedtaket (ADR 0019); planen viser dem, men legger dem ikke inn selv.
    expect(page.locator("#evalueringer")).to_contain_text("Ingen evalueringsdatoer i vedtaket.")
    expect(page.get_by_role("button", name="Legg til evaluering")).to_have_count(0)
    page.get_by_role("link", name="Endre Tett oppfølging og veiledning").click()
    skjema = page.get_by_role("region", name="Endre aktivitet")
    expect(skjema.get_by_label("Timer per uke")).to_have_value("7,5")
    sjekk_axe(page)
    skjema.get_by_label("Timer per uke").fill("50")
    skjema.get_by_role("button", name="Lagre endringen").click()
    expect(page.get_by_text("Timer per uke må være mer enn 0 og høyst 37,5.").first).to_be_visible()
    sjekk_axe(page)
    skjema = page.get_by_role("region", name="Endre aktivitet")
    skjema.get_by_label("Timer per uke").fill("7,5")
    skjema.get_by_label("Beskrivelse").fill("Ukentlig samtale")
    skjema.get_by_role("button", name="Lagre endringen").click()
    expect(page.get_by_text("Aktiviteten er endret.")).to_be_visible()
    expect(page.get_by_role("region", name="Endringer i planen")).to_contain_text(
        "endret aktivitet (Tett oppfølging og veiledning, 7,5 timer per uke"
    )

    page.locator("#hovedinnhold").get_by_role("link", name="Oppmøte", exact=True).click()
    page.goto(page.url.split("?")[0] + "?maaned=2025-04")
    expect(page.get_by_role("heading", name="April 2025", exact=True)).to_be_visible()
    expect(page.locator('[data-dato="2025-04-18"]')).to_contain_text("Langfredag")
    sjekk_axe(page)
    # Helg gir en forklaring, ikke en feilside.
    skjema = page.get_by_role("region", name="Registrer oppmøte")
    skjema.get_by_label("Fra og med").fill("2025-04-05")
    skjema.get_by_label("Status").select_option("FERIE")
    skjema.get_by_role("button", name="Registrer").click()
    expect(page.get_by_text("05.04.2025 er en lørdag").first).to_be_visible()
    sjekk_axe(page)
    _registrer(page, "2025-04-08", "2025-04-09", "GYLDIG_FRAVAER", "EGENMELDING", antall=2)
    _registrer(page, "2025-04-10", "", "UGYLDIG_FRAVAER")
    page.get_by_role("link", name="Registrer uke 16").click()
    _registrer(page, "2025-04-14", "2025-04-18", "FERIE", antall=3)
    expect(page.locator('[data-dato="2025-04-17"]')).to_have_attribute("data-status", "HELLIGDAG")
    expect(page.locator('[data-dato="2025-04-10"]')).to_have_attribute("data-status", "UGYLDIG_FRAVAER")
    expect(page.locator("#ferieteller")).to_contain_text("3 av 25 virkedager")

    arbeid = page.get_by_role("region", name="Lønnet arbeid")
    arbeid.get_by_label("Fra og med").fill("2025-04-22")
    arbeid.get_by_label("Til og med").fill("2025-04-30")
    arbeid.get_by_label("Timer per uke").fill("10")
    arbeid.get_by_label("Arbeidsgiver").fill("Rema 1000")
    arbeid.get_by_role("button", name="Registrer arbeid").click()
    expect(page.get_by_text("Arbeidet er registrert.")).to_be_visible()
    expect(page.get_by_role("region", name="Lønnet arbeid")).to_contain_text("10 timer per uke hos Rema 1000")
    sjekk_axe(page)
    page.get_by_role("button", name="Attester april 2025").click()
    expect(page.locator("#attester-konsekvenser")).to_contain_text("April 2025 låses.")
    sjekk_axe(page)
    page.get_by_role("button", name="Ja, attester april 2025").click()
    expect(page.get_by_text("Måneden er attestert og låst for utbetaling.")).to_be_visible()
    sjekk_axe(page)
    assert Maanedsattestering.objects.get(sak=sak, aar=2025, maaned=4).versjon == 1
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.HELLIGDAG).filter(dato__month=4).count() == 3

    dokument = grunnlag_for_maaned(Sak.objects.select_related("person__kommune").get(pk=sak.pk), 2025, 4)
    kjoering = subprocess.run(
        [sys.executable, "-m", "kvp_regler.cli", "beregn"],
        input=json.dumps(dokument),
        capture_output=True,
        text=True,
        check=True,
    )
    fasit = json.loads(kjoering.stdout)
    # Ugyldig fravær hele dagen gir 0 kr: ingen linje dekker 10. april.
    assert not any(linje["fra_og_med"] <= "2025-04-10" <= linje["til_og_med"] for linje in fasit["linjer"])
    assert any("lønnet arbeid 10 av 37,50 timer" in linje["forklaring"] for linje in fasit["linjer"])
    _sjekk_stoenad(page, fasit)
    expect(page.locator("#stoenad-attestering")).to_contain_text("Måneden er låst for utbetaling.")

    page.get_by_role("link", name="Tilbake til saken").click()
    page.goto(page.url.split("?")[0] + "?fane=oppmoete&maaned=2025-04")
    _sjekk_stoenad(page, fasit)
    sjekk_axe(page)
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Oppmøte").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Oppmøte")
    sjekk_axe(page)
    page.goto(f"{base}/oppmoete/?maaned=2025-04")
    rad = page.locator("#oversikt tbody tr", has_text="Petra Program")
    expect(rad).to_contain_text("Ja (versjon 1)")
    expect(rad).to_contain_text(kroner(fasit["total"]))
    sjekk_axe(page)
    logg_ut(page)

    logg_inn(page, base, oppsett["deltaker"].username)
    page.get_by_role("link", name="Plan og oppmøte").click()
    expect(page.get_by_role("heading", name="Min plan og mitt oppmøte")).to_be_visible()
    expect(page.locator("#aktiviteter")).to_contain_text("Kafé Trappa")
    sjekk_axe(page)
    page.goto(f"{base}/oppmoete/min/?maaned=2025-04")
    # Deltakeren får stønaden i klart språk: én setning og en liten tabell med samme sum som kvp beregn.
    expect(page.locator("#stoenad-total")).to_have_text(f"{kroner(fasit['total'])} kr")
    expect(page.locator("#stoenad-setning")).not_to_be_empty()
    page.get_by_label("Første sykedag").fill("2025-04-22")
    page.get_by_role("button", name="Send egenmelding").click()
    expect(page.get_by_text("Måneden er allerede godkjent av NAV").first).to_be_visible()
    sjekk_axe(page)
    page.goto(f"{base}/oppmoete/min/?maaned=2025-05")
    page.get_by_label("Første sykedag").fill("2025-05-06")
    page.get_by_label("Siste sykedag").fill("2025-05-07")
    page.get_by_role("button", name="Send egenmelding").click()
    expect(page.get_by_text("Egenmeldingen er sendt (2 dager).")).to_be_visible()
    expect(page.locator('[data-dato="2025-05-06"]')).to_contain_text("Egenmelding")
    sjekk_axe(page)

"""Ende-til-ende i ekte Chromium: statsforvalteren fører et tilsyn fra utvalg til lukket rapport (med kontorets
tiltak), og publiserer rettleiing som kontoret leser. axe sjekker hver side."""

import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.tilgang.models import Rolle
from kvp.tilsyn.models import Tilsyn, Tilsynsstatus
from kvp.tilsyn.tests.conftest import lag_saker


@pytest.fixture
def e2e(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_person: Any) -> dict[str, Any]:
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a, passord=PASSORD)
    saker = lag_saker(kvp_veileder=kvp, beslutter=beslutter, lag_person=lag_person)
    return {
        "kvp": kvp,
        "leder": lag_bruker(Rolle.LEDER, kontor=kontor_a, passord=PASSORD),
        "statsforvalter": lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland", passord=PASSORD),
        "saker": saker,
    }


def _vurder_resten(page: Page) -> int:
    """Vurderer for hånd hvert kontrollpunkt på sakssiden som ikke er vurdert; gir antall."""
    antall = 0
    while True:
        ikke_vurdert = page.locator("form[aria-label^='Vurder:']").filter(
            has=page.locator("select option[value=''][selected]")
        )
        if ikke_vurdert.count() == 0:
            return antall
        skjema = ikke_vurdert.first
        skjema.get_by_label("Vurdering").select_option("OPPFYLT")
        skjema.get_by_label("Kommentar").fill("Gjennomgått i saken.")
        skjema.get_by_role("button", name="Lagre vurderingen").click()
        expect(page.get_by_text(re.compile("Vurderingen av .* er lagret"))).to_be_visible()
        antall += 1


def test_tilsyn_fra_utvalg_til_lukket_rapport(live_server: Any, side: Page, e2e: Any):
    page, base = side, live_server.url
    i_dag = timezone.localdate()

    logg_inn(page, base, e2e["statsforvalter"].username)
    expect(page.get_by_role("heading", name="Tilsyn og rettleiing")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Tilsyn").click()
    expect(page.get_by_role("heading", name="Tilsyn med kvalifiseringsprogrammet")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Nytt tilsyn").click()
    sjekk_axe(page)
    page.get_by_label("NAV-kontor").select_option(label="NAV Randaberg-Kvitsøy (Rogaland)")
    page.get_by_label("Saker behandlet fra og med").fill(i_dag.replace(day=1).replace(month=1).isoformat())
    page.get_by_label("Saker behandlet til og med").fill(i_dag.isoformat())
    page.get_by_role("button", name="Opprett tilsynet").click()
    expect(page.get_by_role("heading", name="Tilsyn med NAV Randaberg-Kvitsøy")).to_be_visible()
    sjekk_axe(page)

    page.get_by_label(re.compile("Saker per utfall")).fill("2")
    page.get_by_role("button", name="Trekk utvalget").click()
    expect(page.get_by_text("Utvalget er trukket")).to_be_visible()
    expect(page.locator("#tilsyn-status")).to_have_text("Under arbeid")
    sjekk_axe(page)
    page.get_by_role("button", name="Godta forslagene fra dataene").click()
    expect(page.get_by_text(re.compile(r"\d+ kontrollpunkter er vurdert som dataene tilsier"))).to_be_visible()

    manuelle = 0
    for navn in ("Avslag Nordmann", "Innvilget Nordmann", "Avsluttet Nordmann"):
        page.get_by_role("link", name=navn).click()
        expect(page.get_by_role("heading", name=f"Sak i tilsynet – {navn}")).to_be_visible()
        sjekk_axe(page)
        manuelle += _vurder_resten(page)
        sjekk_axe(page)
        page.get_by_role("link", name=re.compile("Tilbake til tilsynet")).click()
    assert manuelle >= 3

    page.get_by_label("Type").select_option("AVVIK")
    page.get_by_label("Sjekkpunkt").select_option("PLAN_VED_OPPSTART")
    page.get_by_label("Beskrivelse").fill("Planen var ikke på full tid da deltakeren begynte.")
    page.get_by_role("button", name="Registrer funnet").click()
    expect(page.get_by_text("Funnet er registrert.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Målform i rapporten").select_option("nn")
    page.get_by_role("button", name="Send rapporten til kontoret").click()
    expect(page.get_by_text("Rapporten er sendt til kontoret.")).to_be_visible()
    expect(page.get_by_role("heading", name="Rapport frå tilsyn med kvalifiseringsprogrammet")).to_be_visible()
    sjekk_axe(page)
    href = page.get_by_role("link", name="Last ned rapporten som PDF").get_attribute("href")
    pdf = page.request.get(f"{base}{href}")
    assert pdf.ok and pdf.body().startswith(b"%PDF")
    tilsyn_url = page.url
    logg_ut(page)

    logg_inn(page, base, e2e["leder"].username)
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Tilsyn").click()
    sjekk_axe(page)
    page.get_by_role("link", name="NAV Randaberg-Kvitsøy").click()
    expect(page.get_by_role("heading", name="Svar med tiltak")).to_be_visible()
    expect(page.get_by_role("link", name="Avslag Nordmann")).to_have_count(0)  # lederen ser rapporten, ikke utvalget
    sjekk_axe(page)
    page.get_by_role("button", name="Send tiltakene").click()
    expect(page.get_by_text("Du må rette dette før du kan gå videre:")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label(re.compile("^Tiltak for avvik")).fill("Ny rutine: planen på full tid er klar før oppstart.")
    page.get_by_role("button", name="Send tiltakene").click()
    expect(page.get_by_text("Tiltakene er sendt til statsforvalteren.")).to_be_visible()
    expect(page.locator("#tilsyn-status")).to_have_text("Tiltak mottatt fra kontoret")
    sjekk_axe(page)
    logg_ut(page)

    logg_inn(page, base, e2e["statsforvalter"].username)
    page.goto(tilsyn_url)
    expect(page.get_by_text("Kontorets tiltak: Ny rutine")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Godta tiltakene og lukk tilsynet").click()
    expect(page.locator("#tilsyn-status")).to_have_text("Lukket")
    sjekk_axe(page)
    assert Tilsyn.objects.get().status == Tilsynsstatus.LUKKET


def test_rettleiing_publiseres_og_leses_paa_kontoret(live_server: Any, side: Page, e2e: Any):
    page, base = side, live_server.url
    logg_inn(page, base, e2e["statsforvalter"].username)
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Rettleiing").click()
    sjekk_axe(page)
    page.get_by_role("link", name="Ny rettleiing").click()
    sjekk_axe(page)
    page.get_by_label("Mottakere").select_option(label="Alle kontorene i Rogaland")
    page.get_by_label("Tittel", exact=True).fill("Begrunn behovet for tett oppfølging")
    page.get_by_label("Tekst", exact=True).fill("Skriv konkret hvilke tjenester som skal samarbeide.")
    page.get_by_label("Lenker til regelverket").fill("Sosialtjenesteloven § 29 | https://lovdata.no/lov/2009-12-18-131")
    page.get_by_label("Vises også ved steget").select_option("VILKAARSVURDERING")
    page.get_by_role("button", name="Publiser").click()
    expect(page.get_by_text("Rettleiingen er publisert.")).to_be_visible()
    sjekk_axe(page)
    logg_ut(page)

    logg_inn(page, base, e2e["kvp"].username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()  # startsiden (ADR 0014)
    page.get_by_role("link", name="KVP-tavla").click()
    expect(page.get_by_role("heading", name="KVP-tavla")).to_be_visible()
    expect(page.get_by_role("heading", name="Rettleiing fra statsforvalteren")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Begrunn behovet for tett oppfølging").click()
    expect(page.get_by_role("link", name="Sosialtjenesteloven § 29")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Merk som lest").click()
    expect(page.get_by_text("Du har lest denne")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="All rettleiing").click()
    expect(page.get_by_role("cell", name="Lest", exact=True)).to_be_visible()
    sjekk_axe(page)

"""Ende-til-ende på en telefon (360×740) i ekte Chromium: aktiveringslenke → søknad → melding med vedlegg →
veilederen svarer → deltakeren ser svaret, og varselet gikk på e-post. axe og ingen vannrett rulling på hver side."""

import re
from typing import Any

import pytest
from django.core import mail
from playwright.sync_api import Page, ViewportSize, expect

from kvp.dokument.tests import filer
from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle, Rolletildeling

TELEFON = ViewportSize(width=360, height=740)


def sjekk_telefon(page: Page) -> None:
    """axe uten brudd, og siden får plass i 360 piksler (ingen vannrett rulling)."""
    sjekk_axe(page)
    bredde = page.evaluate("document.documentElement.scrollWidth")
    assert bredde <= TELEFON["width"], f"{page.url} er {bredde} px bred"


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_person: Any) -> dict[str, Any]:
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    person = lag_person(fornavn="Nora", etternavn="Ny", epost="nora@example.no")
    return {"kvp": kvp, "person": person}


def test_aktivering_soeknad_og_samtale_paa_telefon(live_server: Any, side: Page, oppsett: dict[str, Any], tmp_path):
    page, base, person = side, live_server.url, oppsett["person"]
    page.set_viewport_size(TELEFON)
    mail.outbox.clear()

    # Kontoret sender lenken fra personsiden.
    logg_inn(page, base, oppsett["kvp"].username)
    page.goto(f"{base}/personer/{person.pk}/")
    page.get_by_role("button", name="Send aktiveringslenke").click()
    expect(page.get_by_text("Lenken er sendt på e-post.")).to_be_visible()
    treff = re.search(r"https?://\S+/aktiver/\S+/", str(mail.outbox[0].body))
    assert treff is not None
    lenke = treff.group(0)
    assert lenke.startswith(base)
    logg_ut(page)

    # Personen åpner lenken og velger passord.
    page.goto(lenke)
    sjekk_telefon(page)
    page.get_by_label("Velg et passord").fill("mitt-eget-passord-42")
    page.get_by_label("Skriv passordet en gang til").fill("mitt-eget-passord-42")
    page.get_by_role("button", name="Lagre og logg inn").click()
    expect(page.get_by_role("heading", name="Hei, Nora")).to_be_visible()
    sjekk_telefon(page)

    # Søker digitalt.
    page.get_by_role("link", name="Søk om kvalifiseringsprogram").click()
    sjekk_telefon(page)
    page.get_by_label("Hva ønsker du å oppnå med kvalifiseringsprogrammet?").fill("Jobb i butikk.")
    page.get_by_label("Jeg bekrefter at opplysningene er riktige.").check()
    page.get_by_role("button", name="Send søknaden").click()
    sjekk_telefon(page)
    sak = Sak.objects.get(person=person)

    # Skriver til kontoret med et bilde (med GPS i EXIF) som vedlegg.
    bilde = tmp_path / "legeerklaering.jpg"
    bilde.write_bytes(filer.jpeg_med_gps())
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Meldinger").click()
    sjekk_telefon(page)
    page.get_by_role("textbox", name="Melding").fill("Hei! Her er legeerklæringen.")
    page.get_by_label("Vedlegg (valgfritt)").set_input_files(str(bilde))
    page.get_by_role("button", name="Send meldingen").click()
    expect(page.get_by_text("Meldingen er sendt.")).to_be_visible()
    expect(page.get_by_role("link", name="Vedlegg: legeerklaering.jpg")).to_be_visible()
    sjekk_telefon(page)
    logg_ut(page)

    # Veilederen ser at noe er ulest, leser og svarer.
    logg_inn(page, base, oppsett["kvp"].username)
    expect(page.get_by_text("1 uleste meldinger fra deltakere")).to_be_visible()
    page.goto(f"{base}/saker/{sak.pk}/meldinger/")
    expect(page.get_by_text("Hei! Her er legeerklæringen.")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("textbox", name="Melding").fill("Takk, vi har fått den.")
    page.get_by_role("button", name="Send svaret").click()
    expect(page.get_by_text("Meldingen er sendt.")).to_be_visible()
    logg_ut(page)
    varsler = [e for e in mail.outbox if e.subject == "Nytt i KVP"]
    assert len(varsler) == 1 and varsler[0].to == ["nora@example.no"]
    assert "Takk" not in varsler[0].body and "Nora" not in varsler[0].body

    # Deltakeren ser svaret.
    brukernavn = Rolletildeling.objects.get(rolle=Rolle.DELTAKER, person=person).bruker.username
    page.goto(f"{base}/logg-inn/")
    page.get_by_label("Brukernavn").fill(brukernavn)
    page.get_by_label("Passord").fill("mitt-eget-passord-42")
    page.get_by_role("button", name="Logg inn").click()
    expect(page.get_by_text("(1 uleste)")).to_be_visible()
    sjekk_telefon(page)
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Meldinger").click()
    expect(page.get_by_text("Takk, vi har fått den.")).to_be_visible()
    sjekk_telefon(page)

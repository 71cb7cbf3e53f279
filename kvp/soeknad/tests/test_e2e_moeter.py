"""Ende-til-ende i ekte Chromium: booke, flytte og avlyse et overføringsmøte, møtekalenderen og oppgavene i Mine
oppgaver. Den ene reisen gjøres bare med tastaturet. axe på hver side."""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Locator, Page, expect

from kvp.felles.tests.nettleser import PASSORD, logg_inn, logg_ut, sjekk_axe
from kvp.soeknad.models import Moetetid
from kvp.soeknad.services import moetetid_opprett
from kvp.soeknad.tests.test_services import kartlegg
from kvp.tilgang.models import Rolle


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any, lag_person: Any) -> dict[str, Any]:
    veileder = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    kvp = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    for bruker, fornavn, etternavn in ((veileder, "Vera", "Veileder"), (kvp, "Kari", "Kvp")):
        bruker.first_name, bruker.last_name = fornavn, etternavn
        bruker.save(update_fields=["first_name", "last_name"])
    kartlegging = kartlegg(veileder, lag_person(fornavn="Mona", etternavn="Moete"))
    dag = timezone.localdate() + dt.timedelta(days=2)
    sone = timezone.get_current_timezone()
    tider = [
        moetetid_opprett(bruker=kvp, kvp_veileder=kvp, start=dt.datetime.combine(dag, dt.time(t), tzinfo=sone))
        for t in (9, 10, 11)
    ]
    return {"veileder": veileder, "kvp": kvp, "kartlegging": kartlegging, "tider": tider, "dag": dag}


def _valg(tid: Moetetid) -> str:
    return str(tid.pk)


def test_booke_flytte_og_avlyse_med_musen(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, k, tider, dag = side, live_server.url, oppsett["kartlegging"], oppsett["tider"], oppsett["dag"]
    logg_inn(page, base, oppsett["veileder"].username)
    page.goto(f"{base}/kartlegging/{k.pk}/")
    expect(page.get_by_role("heading", name="Kartlegging av Mona Moete")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Ledig tid hos KVP-veileder (15 minutter)").select_option(_valg(tider[0]))
    page.get_by_role("button", name="Book møtet").click()
    expect(page.locator("#booket-moete")).to_contain_text(f"Booket {dag:%d.%m.%Y} kl. 09:00 med Kari Kvp")
    sjekk_axe(page)

    # Flytt: den gamle tiden er ikke blant valgene, og møtet står til den nye er booket.
    page.get_by_role("link", name="Flytt møtet til en annen tid").click()
    expect(page.locator("#naavaerende-moete")).to_contain_text("kl. 09:00")
    sjekk_axe(page)
    velg = page.get_by_label("Ny tid hos KVP-veileder (15 minutter)")
    expect(velg.locator(f'option[value="{tider[0].pk}"]')).to_have_count(0)
    velg.select_option(_valg(tider[1]))
    page.get_by_label("Hvorfor flyttes møtet? (valgfritt)").fill("Kolliderte med legetime.")
    page.get_by_role("button", name="Flytt møtet").click()
    expect(page.get_by_text(f"Møtet er flyttet til {dag:%d.%m.%Y} kl. 10:00.")).to_be_visible()
    expect(page.locator("#booket-moete")).to_contain_text("kl. 10:00")
    expect(page.locator("#avlyste-moeter")).to_contain_text("Grunn: Kolliderte med legetime.")
    sjekk_axe(page)
    logg_ut(page)

    # KVP-veilederen: flyttingen står i Mine oppgaver, og møtet i møtekalenderen; avlys derfra.
    logg_inn(page, base, oppsett["kvp"].username)
    expect(page.get_by_role("heading", name="Mine oppgaver", level=1)).to_be_visible()
    expect(page.get_by_text(re.compile(r"er flyttet til .* av Vera Veileder"))).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("navigation", name="Hovedmeny").get_by_role("link", name="Møtekalender").click()
    expect(page.get_by_role("heading", name="Mine overføringsmøter")).to_be_visible()
    uke = page.locator("#moetekalender")
    if uke.get_by_text("10:00 Booket:").count() == 0:  # møtet er i neste uke når i dag er fredag eller senere
        page.get_by_role("link", name="Neste uke").click()
    expect(uke.get_by_text("10:00 Booket:")).to_be_visible()
    expect(uke.get_by_text("09:00 Flyttet: Mona Moete")).to_be_visible()
    expect(page.locator("#kommende-moeter")).to_contain_text("Mona Moete")
    sjekk_axe(page)
    uke.get_by_role("link", name="Avlys møtet med Mona Moete").click()
    expect(page.get_by_role("heading", name="Dette skjer når du avlyser")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("button", name="Avlys møtet").click()  # uten grunn: feiloppsummeringen
    expect(page.get_by_text("Dette feltet må fylles ut.").first).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Hvorfor avlyses møtet?").fill("Personen er innlagt.")
    page.get_by_role("button", name="Avlys møtet").click()
    expect(page.get_by_text("Møtet er avlyst, og tiden er ledig igjen.")).to_be_visible()
    expect(page.locator("#avlyste-moeter")).to_contain_text("Grunn: Personen er innlagt.")
    sjekk_axe(page)
    logg_ut(page)

    # Veilederen som kartla: «book en ny tid» i Mine oppgaver, som fører til kartleggingen.
    logg_inn(page, base, oppsett["veileder"].username)
    oppgave = page.get_by_role("link", name=re.compile("ble avlyst av Kari Kvp. Book en ny tid."))
    expect(oppgave).to_be_visible()
    sjekk_axe(page)
    oppgave.click()
    expect(page.get_by_role("heading", name="Kartlegging av Mona Moete")).to_be_visible()
    expect(page.get_by_role("button", name="Book møtet")).to_be_visible()
    assert not Moetetid.objects.filter(kartlegging=k).exists()


def test_booke_og_avlyse_bare_med_tastaturet(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base, k, tider = side, live_server.url, oppsett["kartlegging"], oppsett["tider"]
    logg_inn(page, base, oppsett["veileder"].username)
    page.goto(f"{base}/kartlegging/{k.pk}/")
    expect(page.get_by_role("heading", name="Kartlegging av Mona Moete")).to_be_visible()

    def tab_til(finn: Locator, maks: int = 60) -> None:
        for _ in range(maks):
            page.keyboard.press("Tab")
            if finn.evaluate("e => e === document.activeElement"):
                return
        raise AssertionError("Nådde ikke elementet med Tab")

    velg = page.get_by_label("Ledig tid hos KVP-veileder (15 minutter)")
    tab_til(velg)
    page.keyboard.press("ArrowDown")  # første ledige tid (09:00)
    expect(velg).to_have_value(_valg(tider[0]))
    tab_til(page.get_by_role("button", name="Book møtet"))
    page.keyboard.press("Enter")
    expect(page.locator("#booket-moete")).to_contain_text("kl. 09:00")
    sjekk_axe(page)

    tab_til(page.get_by_role("link", name="Avlys møtet"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Dette skjer når du avlyser")).to_be_visible()
    tab_til(page.get_by_label("Hvorfor avlyses møtet?"))
    page.keyboard.type("Personen ønsker ikke KVP likevel.")
    tab_til(page.get_by_role("button", name="Avlys møtet"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("Møtet er avlyst, og tiden er ledig igjen.")).to_be_visible()
    expect(page.locator("#avlyste-moeter")).to_contain_text("Grunn: Personen ønsker ikke KVP likevel.")
    sjekk_axe(page)
    assert not Moetetid.objects.filter(kartlegging=k).exists()

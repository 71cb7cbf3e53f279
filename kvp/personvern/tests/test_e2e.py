"""Lederens nye sider i ekte Chromium, med axe: brukeradministrasjon, sletting av en person, innloggingen med
OpenID Connect-knapper og feilsiden når innloggingen ikke kan fullføres."""

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from kvp.conftest import syntetisk_fnr
from kvp.felles.tests.nettleser import PASSORD, logg_inn, sjekk_axe
from kvp.person.services import person_opprett
from kvp.tilgang.models import Bruker, Kommune, Rolle


@pytest.fixture
def oppsett(transactional_db: Any, kontor_a: Any, lag_bruker: Any) -> dict[str, Any]:
    leder = lag_bruker(Rolle.LEDER, Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    person = person_opprett(
        bruker=leder, foedselsnummer=syntetisk_fnr(), fornavn="Sletta", etternavn="Slettesen",
        kommune=Kommune.objects.get(nummer="1127"),
    )  # fmt: skip
    return {"leder": leder, "person": person, "kontor": kontor_a}


def test_leder_administrerer_brukere_og_sletter_en_person(live_server: Any, side: Page, oppsett: dict[str, Any]):
    page, base = side, live_server.url
    logg_inn(page, base, oppsett["leder"].username)
    page.get_by_role("link", name="Brukere").click()
    expect(page.get_by_role("heading", name="Brukere", exact=True)).to_be_visible()
    sjekk_axe(page)

    page.get_by_role("link", name="Ny bruker").click()
    sjekk_axe(page)
    page.get_by_label("Brukernavn (NAV-ident)").fill("Z990555")
    page.get_by_label("Fornavn").fill("Nora")
    page.get_by_label("Etternavn").fill("Nyansatt")
    page.get_by_label("Rolle").select_option("VEILEDER")
    page.get_by_label("Passord").fill("kort")
    page.get_by_role("button", name="Opprett bruker").click()
    expect(page.get_by_text("Du må rette dette")).to_be_visible()
    sjekk_axe(page)
    page.get_by_label("Passord").fill("")
    page.get_by_role("button", name="Opprett bruker").click()
    expect(page.get_by_text("Brukeren Z990555 er opprettet.")).to_be_visible()
    sjekk_axe(page)

    page.get_by_label("Brukernavn (NAV-ident)").fill("Z990555")
    page.get_by_label("Rolle").select_option("BESLUTTER")
    page.get_by_role("button", name="Gi rollen").click()
    expect(page.get_by_text("Rollen er gitt.")).to_be_visible()
    page.get_by_role("button", name="Ta bort rollen Beslutter fra Nora Nyansatt").click()
    expect(page.get_by_text("Rollen er tatt bort.")).to_be_visible()
    page.get_by_role("button", name="Deaktiver Nora Nyansatt").click()
    expect(page.get_by_text("er deaktivert og kan ikke logge inn")).to_be_visible()
    assert not Bruker.objects.get(username="Z990555").is_active

    page.goto(f"{base}/personer/{oppsett['person'].pk}/")
    page.get_by_role("link", name="Slett personopplysninger").click()
    sjekk_axe(page)
    page.get_by_label("Begrunnelse").fill("Begjæring fra personen")
    page.get_by_role("button", name="Slett opplysningene").click()
    expect(page.get_by_text("Personopplysningene er slettet.")).to_be_visible()
    sjekk_axe(page)


def test_innloggingssiden_med_tjenester_og_feilsiden(live_server: Any, side: Page, settings: Any, db: Any):
    settings.KVP_OIDC = {
        navn: {**o, "discovery": "http://127.0.0.1:9/.well-known/openid-configuration", "client_id": "kvp"}
        for navn, o in settings.KVP_OIDC.items()
    }
    page, base = side, live_server.url
    page.goto(f"{base}/logg-inn/")
    expect(page.get_by_role("link", name="Logg inn med ID-porten")).to_be_visible()
    sjekk_axe(page)
    page.get_by_role("link", name="Logg inn som NAV-ansatt").click()  # tjenesten svarer ikke (port 9)
    expect(page.get_by_text("Innloggingstjenesten svarer ikke nå.")).to_be_visible()
    sjekk_axe(page)

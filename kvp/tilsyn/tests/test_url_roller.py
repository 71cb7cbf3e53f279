"""URL × rolle for tilsynet og rettleiingen: hvem får se hva (GET), med et tilsyn under arbeid på kontor A
(Rogaland) og en rettleiing til fylket. Skrivingene (POST) for et annet fylke står i test_tilsyn.py."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Rolle
from kvp.tilsyn import services

pytestmark = pytest.mark.django_db

ROLLER = ("sf", "sf_annet", "leder_a", "kvp_a", "leder_b", "deltaker")

#: URL → forventet status per rolle, i rekkefølgen i ROLLER.
FORVENTET: dict[str, tuple[int, ...]] = {
    "liste": (200, 200, 200, 403, 200, 403),
    "ny": (200, 200, 403, 403, 403, 403),
    "detalj": (200, 404, 404, 404, 404, 404),
    "sak_i_utvalget": (200, 404, 404, 404, 404, 404),
    "sak_utenfor_utvalget": (404, 404, 404, 404, 404, 404),
    "rapport_pdf": (404, 404, 404, 404, 404, 404),
    "rettleiing_liste": (200, 200, 200, 200, 200, 403),
    "rettleiing_ny": (200, 200, 403, 403, 403, 403),
    "rettleiing": (200, 404, 200, 200, 404, 404),
}


@pytest.fixture
def oppsett(
    lag_bruker: Any,
    kontor_a: Any,
    kontor_b: Any,
    kvp_veileder_a: Any,
    lag_person: Any,
    statsforvalter: Any,
    tilsyn_med_utvalg: Any,
) -> dict[str, Any]:
    person = lag_person(fornavn="Utenfor")
    _, utenfor = soeknad_registrer(
        bruker=kvp_veileder_a,
        person=person,
        mottatt_dato=timezone.localdate() - dt.timedelta(days=1),
        kanal=Kanal.PAPIR,
    )
    rettleiing = services.rettleiing_publiser(
        bruker=statsforvalter,
        mottaker="fylke:Rogaland",
        tittel="Om vilkårene",
        tekst="x",
        lenker="",
        steg="GENERELT",
        gyldig_fra=timezone.localdate(),
        gyldig_til=None,
    )
    t = tilsyn_med_utvalg
    i_utvalget = t.utvalg.first().sak_id
    urler = {
        "liste": reverse("tilsyn:liste"),
        "ny": reverse("tilsyn:ny"),
        "detalj": reverse("tilsyn:detalj", args=[t.pk]),
        "sak_i_utvalget": reverse("tilsyn:sak", args=[t.pk, i_utvalget]),
        "sak_utenfor_utvalget": reverse("tilsyn:sak", args=[t.pk, utenfor.pk]),
        "rapport_pdf": reverse("tilsyn:rapport_pdf", args=[t.pk]),
        "rettleiing_liste": reverse("tilsyn:rettleiing_liste"),
        "rettleiing_ny": reverse("tilsyn:rettleiing_ny"),
        "rettleiing": reverse("tilsyn:rettleiing", args=[rettleiing.pk]),
    }
    brukere = {
        "sf": statsforvalter,
        "sf_annet": lag_bruker(Rolle.STATSFORVALTER, fylke="Innlandet"),
        "leder_a": lag_bruker(Rolle.LEDER, kontor=kontor_a),
        "kvp_a": kvp_veileder_a,
        "leder_b": lag_bruker(Rolle.LEDER, kontor=kontor_b),
        "deltaker": lag_bruker(Rolle.DELTAKER, person=person),
    }
    return {"urler": urler, "brukere": brukere}


@pytest.mark.parametrize("rolle", ROLLER)
def test_get_per_rolle(client, oppsett, rolle):
    client.force_login(oppsett["brukere"][rolle])
    faktisk = {navn: client.get(url).status_code for navn, url in oppsett["urler"].items()}
    forventet = {navn: statuser[ROLLER.index(rolle)] for navn, statuser in FORVENTET.items()}
    assert faktisk == forventet


def test_bare_post_paa_skrivingene(client, oppsett, tilsyn_med_utvalg):
    client.force_login(oppsett["brukere"]["sf"])
    t = tilsyn_med_utvalg
    for navn in ("utvalg", "bekreft_forslag", "funn", "rapport", "tiltak", "avgjoer"):
        assert client.get(reverse(f"tilsyn:{navn}", args=[t.pk])).status_code == 405

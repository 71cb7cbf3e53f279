"""Innlogging og utlogging står i revisjonsloggen til kontorene brukeren hører til."""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse
from django.test import Client
from django.urls import reverse

from kvp.felles.models import Handling, Logghendelse
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.services import rolle_tildel

PASSORD = "et-langt-testpassord-123"


def _logg_inn(client: Client, bruker: Bruker) -> "_MonkeyPatchedWSGIResponse":
    return client.post(reverse("tilgang:logg_inn"), {"username": bruker.username, "password": PASSORD})


def test_innlogging_og_utlogging_logges_for_hvert_kontor_brukeren_har_rolle_ved(client, lag_bruker, kontor_a, kontor_b):
    bruker = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord=PASSORD)
    rolle_tildel(bruker=bruker, rolle=Rolle.LEDER, kontor=kontor_b)

    assert _logg_inn(client, bruker).status_code == 302
    inn = Logghendelse.objects.filter(bruker=bruker, handling=Handling.INNLOGGING)
    assert inn.count() == 2
    assert {h.kontor_id for h in inn} == {kontor_a.pk, kontor_b.pk}

    assert client.post(reverse("tilgang:logg_ut")).status_code == 302
    ut = Logghendelse.objects.filter(bruker=bruker, handling=Handling.UTLOGGING)
    assert {h.kontor_id for h in ut} == {kontor_a.pk, kontor_b.pk}
    assert all(h.beskrivelse == "Logget ut" for h in ut)


def test_deltakerens_innlogging_logges_paa_personens_kontor(client, lag_bruker, lag_person, kontor_a):
    deltaker = lag_bruker(Rolle.DELTAKER, passord=PASSORD, person=lag_person())

    assert _logg_inn(client, deltaker).status_code == 302

    hendelse = Logghendelse.objects.get(bruker=deltaker, handling=Handling.INNLOGGING)
    assert hendelse.kontor_id == kontor_a.pk
    assert hendelse.beskrivelse == "Logget inn"


def test_feil_passord_logger_ingen_innlogging_og_utlogging_uten_innlogging_logger_ingenting(
    client, lag_bruker, kontor_a
):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)

    svar = client.post(reverse("tilgang:logg_inn"), {"username": bruker.username, "password": "feil"})
    client.post(reverse("tilgang:logg_ut"))

    assert svar.status_code == 400
    assert not Logghendelse.objects.filter(handling__in=[Handling.INNLOGGING, Handling.UTLOGGING]).exists()

"""Innloggingssperren bak proxy: treffer klienten, ikke proxyen, og stopper passordspraying (tilgang/sperre.py)."""

import re
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.test import Client
from django.urls import reverse

from kvp.tilgang.models import Rolle

PASSORD = "et-langt-testpassord-123"
PROXY = "10.0.0.1"
KLIENT_A = "203.0.113.5"
KLIENT_B = "198.51.100.7"

pytestmark = pytest.mark.django_db


def _uten_csrf(html: str) -> str:
    return re.sub(r'"X-CSRFToken": "[^"]+"', "", html)


@pytest.fixture(autouse=True)
def _bak_en_proxy(settings: Any) -> None:
    settings.KVP_PROXY_ANTALL = 1


def _logg_inn(client: Client, brukernavn: str, passord: str = "feil-passord", *, klient: str, xff: str = "") -> int:
    """Forespørselen slik appen ser den bak én proxy: proxyen legger klientens adresse til X-Forwarded-For."""
    kjede = f"{xff}, {klient}" if xff else klient
    svar = client.post(
        reverse("tilgang:logg_inn"),
        {"username": brukernavn, "password": passord},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=kjede,
    )
    return svar.status_code


def test_sperren_treffer_klienten_bak_proxyen_ikke_alle_som_kommer_gjennom_den(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    for _ in range(5):
        _logg_inn(client, bruker.username, klient=KLIENT_A)

    assert _logg_inn(client, bruker.username, PASSORD, klient=KLIENT_A) == 429
    # Samme proxy, annen klient: ikke sperret.
    assert _logg_inn(Client(), bruker.username, "feil-passord", klient=KLIENT_B) == 400
    assert _logg_inn(Client(), bruker.username, PASSORD, klient=KLIENT_B) == 302


def test_et_forfalsket_ekstra_ledd_i_x_forwarded_for_slipper_ikke_unna_sperren(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    for n in range(5):
        _logg_inn(client, bruker.username, klient=KLIENT_A, xff=f"192.0.2.{n}")

    assert _logg_inn(client, bruker.username, PASSORD, klient=KLIENT_A, xff="192.0.2.99") == 429
    assert AccessAttempt.objects.filter(ip_address=KLIENT_A).exists()
    assert not AccessAttempt.objects.filter(ip_address__startswith="192.0.2.").exists()


def test_mange_brukernavn_fra_en_adresse_sperrer_adressen(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    for n in range(20):
        assert _logg_inn(client, f"gjett{n}", klient=KLIENT_A) in (400, 429)

    assert _logg_inn(client, bruker.username, PASSORD, klient=KLIENT_A) == 429
    assert _logg_inn(Client(), bruker.username, PASSORD, klient=KLIENT_B) == 302


def test_ett_brukernavn_fra_mange_adresser_sperrer_brukernavnet(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    for n in range(20):
        assert _logg_inn(Client(), bruker.username, klient=f"198.51.100.{n + 10}") in (400, 429)

    assert _logg_inn(client, bruker.username, PASSORD, klient=KLIENT_A) == 429


def test_egen_vellykket_innlogging_nullstiller_ikke_adressens_feil_paa_andre_brukernavn(client, lag_bruker, kontor_a):
    egen = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    for n in range(19):
        _logg_inn(client, f"gjett{n}", klient=KLIENT_A)
    assert _logg_inn(client, egen.username, PASSORD, klient=KLIENT_A) == 302
    client.logout()

    assert _logg_inn(client, "gjett-siste", klient=KLIENT_A) == 429


def test_sperremeldingen_er_lik_for_kjente_og_ukjente_brukernavn(lag_bruker, kontor_a):
    kjent = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    svar = {}
    for navn, klient in ((kjent.username, KLIENT_A), ("finnes-ikke", KLIENT_B)):
        c = Client()
        for _ in range(5):
            _logg_inn(c, navn, klient=klient)
        svar[navn] = c.post(
            reverse("tilgang:logg_inn"),
            {"username": navn, "password": "feil-passord"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=klient,
        )

    a, b = svar[kjent.username], svar["finnes-ikke"]
    assert a.status_code == b.status_code == 429
    assert _uten_csrf(a.content.decode()) == _uten_csrf(b.content.decode())
    tekst = a.content.decode()
    assert "for mange mislykkede forsøk" in tekst
    assert "brukernavn" not in tekst.lower()


def test_brukernavn_som_ligner_foedselsnummer_maskeres_i_sperrepostene(client, lag_bruker, kontor_a):
    for brukernavn in ("17859000509", "178590 00509", "178590-00509"):
        _logg_inn(client, brukernavn, klient=KLIENT_A)
    fnr_bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    fnr_bruker.username = "01019012345"
    fnr_bruker.save()
    assert _logg_inn(Client(), "01019012345", PASSORD, klient=KLIENT_B) == 302

    poster = [
        *AccessAttempt.objects.values_list("username", "post_data"),
        *AccessFailureLog.objects.values_list("username", "username"),
        *AccessLog.objects.values_list("username", "username"),
    ]
    assert len(poster) >= 2
    for brukernavn, data in poster:
        for hemmelig in ("00509", "12345"):
            assert hemmelig not in brukernavn and hemmelig not in data
    assert AccessAttempt.objects.filter(username__startswith="178590*****#").count() == 1
    assert AccessLog.objects.get().username.startswith("010190*****#")

"""KOSTRA 11CF i API-et: kjøringene i tokenets scope, filen som ble lagret (ISO-8859-1), 404 for et annet kontor,
problem details og revisjonslogg (kallet og en lesing per deltaker i filen)."""

import datetime as dt
import hashlib
from decimal import Decimal

import pytest

from kvp.felles.models import Logghendelse
from kvp.statistikk.services import kostra_kjoering_kjoer
from kvp.statistikk.tests.hjelpere import betal
from kvp.tilgang.models import Rolle

PROBLEM = "application/problem+json"


@pytest.fixture
def kjoering(lag_sak_i_program, leder_a, lag_person):
    sak = lag_sak_i_program(fra_og_med=dt.date(2025, 3, 3), fornavn="Øystein")
    betal(sak, 2025, 3, Decimal(10000))
    return kostra_kjoering_kjoer(bruker=leder_a, kommune_nummer="1127", aar=2025), sak


def test_kjoeringene_i_scope_og_filen_som_lagret(api_klient, lag_token, kjoering, kontor_a):
    k, sak = kjoering
    _, token = lag_token(kontor=kontor_a)
    liste = api_klient("get", "/api/v1/kostra/kjoeringer", token)
    assert liste.status_code == 200, liste.content
    data = liste.json()
    assert data["antall"] == 1
    rad = data["kjoeringer"][0]
    assert rad["id"] == str(k.pk) and rad["kommunenummer"] == "1127" and rad["aar"] == 2025
    assert rad["antall_poster"] == 1 and rad["avslutningskode"] == 2 and rad["antall_feil"] >= 1
    assert api_klient("get", "/api/v1/kostra/kjoeringer?aar=2024", token).json()["kjoeringer"] == []
    assert api_klient("get", f"/api/v1/kostra/kjoeringer/{k.pk}", token).json()["sjekksum"] == k.sjekksum

    fil = api_klient("get", f"/api/v1/kostra/kjoeringer/{k.pk}/fil", token)
    assert fil.status_code == 200
    assert fil["Content-Type"] == "text/plain; charset=iso-8859-1"
    assert fil.content == bytes(k.fil)
    assert hashlib.sha256(fil.content).hexdigest() == fil["X-Sjekksum-SHA256"] == k.sjekksum
    assert len(fil.content.rstrip(b"\r\n").split(b"\n")[0].rstrip(b"\r")) == 152
    assert Logghendelse.objects.filter(handling="LES", person=sak.person, objekt_id=str(k.pk)).exists()


def test_annet_kontor_faar_404_og_veileder_403(api_klient, lag_token, kjoering, kontor_b, kontor_a):
    k, _ = kjoering
    _, token_b = lag_token(kontor=kontor_b)
    assert api_klient("get", "/api/v1/kostra/kjoeringer", token_b).json()["kjoeringer"] == []
    for sti in (f"/api/v1/kostra/kjoeringer/{k.pk}", f"/api/v1/kostra/kjoeringer/{k.pk}/fil"):
        svar = api_klient("get", sti, token_b)
        assert svar.status_code == 404 and svar["Content-Type"].startswith(PROBLEM)
        assert svar.json()["detail"] == "Fant ikke kjøringen."
        assert k.sjekksum not in svar.content.decode()
    _, veileder = lag_token(kontor=kontor_a, rolle=Rolle.KVP_VEILEDER)
    svar = api_klient("get", f"/api/v1/kostra/kjoeringer/{k.pk}/fil", veileder)
    assert svar.status_code in (403, 404) and svar["Content-Type"].startswith(PROBLEM)
    assert not Logghendelse.objects.filter(
        handling="LES", objekt_id=str(k.pk), formaal="KOSTRA 11CF lastet ned"
    ).exists()


def test_ugyldig_id_og_aar_gir_problem_details(api_klient, lag_token, kontor_a):
    _, token = lag_token(kontor=kontor_a)
    for sti in ("/api/v1/kostra/kjoeringer/ikke-en-id/fil", "/api/v1/kostra/kjoeringer?aar=tolv"):
        svar = api_klient("get", sti, token)
        assert svar.status_code == 422 and svar["Content-Type"].startswith(PROBLEM)
    assert api_klient("get", "/api/v1/kostra/kjoeringer", None).status_code == 401

"""API-et: tokenets scope (annet kontor gir 404), tilbakekalt token gir 401, idempotens, problem details,
grense per token og beregningen med kontrakten til `kvp beregn`."""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.test import override_settings

from kvp.api.models import Tjenestekonto
from kvp.api.services import tjenestekonto_tilbakekall
from kvp.felles.models import Logghendelse
from kvp.oppmoete.models import Oppmoete
from kvp.plan.models import Aktivitet
from kvp.tilgang.models import Rolle

PROBLEM = "application/problem+json"
EKSEMPEL = Path(__file__).resolve().parents[3] / "docs" / "eksempler" / "mars-2025.json"


def _er_problem(svar: Any, status: int) -> Any:
    assert svar.status_code == status, svar.content
    assert svar["Content-Type"].startswith(PROBLEM)
    data = svar.json()
    assert data["status"] == status
    assert data["title"] and data["detail"] and data["type"]
    return data


def test_tokenet_lagres_bare_som_hash(lag_token, kontor_a):
    konto, token = lag_token(kontor=kontor_a)
    assert token.startswith(f"kvp_{konto.prefiks}_")
    assert token not in json.dumps(list(Tjenestekonto.objects.values()), default=str)
    assert not konto.bruker.has_usable_password()


def test_person_fra_annet_kontor_gir_404(api_klient, lag_token, lag_person, kontor_a, kontor_b):
    person = lag_person(fornavn="Synlig")
    _, token_a = lag_token(kontor=kontor_a)
    _, token_b = lag_token(kontor=kontor_b)
    svar = api_klient("get", f"/api/v1/personer/{person.pk}", token_a)
    assert svar.status_code == 200
    assert svar.json()["fornavn"] == "Synlig"
    data = _er_problem(api_klient("get", f"/api/v1/personer/{person.pk}", token_b), 404)
    assert "Synlig" not in json.dumps(data)
    assert api_klient("get", "/api/v1/personer", token_b).json()["personer"] == []
    assert [p["fornavn"] for p in api_klient("get", "/api/v1/personer", token_a).json()["personer"]] == ["Synlig"]


def test_sak_og_runde_fra_annet_kontor_gir_404(api_klient, lag_token, lag_sak_i_program, kontor_b):
    sak = lag_sak_i_program()
    _, token_b = lag_token(kontor=kontor_b)
    _er_problem(api_klient("get", f"/api/v1/saker/{sak.pk}", token_b), 404)
    assert api_klient("get", "/api/v1/saker", token_b).json()["saker"] == []


def test_lesing_logges_per_person_og_hvert_kall_logges(api_klient, lag_token, lag_person, kontor_a):
    person = lag_person()
    konto, token = lag_token(kontor=kontor_a)
    api_klient("get", "/api/v1/personer", token)
    api_klient("get", f"/api/v1/personer/{person.pk}", token)
    rader = Logghendelse.objects.filter(bruker=konto.bruker)
    assert rader.filter(objekttype="API-kall").count() == 2
    assert rader.filter(handling="LES", person=person).count() == 2


def test_tilbakekalt_token_gir_401(api_klient, lag_token, kontor_a, leder_a):
    konto, token = lag_token(kontor=kontor_a)
    assert api_klient("get", "/api/v1/personer", token).status_code == 200
    tjenestekonto_tilbakekall(bruker=leder_a, konto_id=konto.pk)
    svar = api_klient("get", "/api/v1/personer", token)
    _er_problem(svar, 401)
    assert svar["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("token", [None, "", "kvp_abc_feil", "noe-helt-annet", "kvp_\x00_x"])
def test_manglende_eller_feil_token_gir_401(api_klient, db, token):
    _er_problem(api_klient("get", "/api/v1/personer", token or None), 401)


def test_leder_ved_annet_kontor_kan_ikke_tilbakekalle(lag_token, kontor_a, kvp_veileder_b):
    from kvp.felles.feil import IkkeFunnet

    konto, _ = lag_token(kontor=kontor_a)
    with pytest.raises(IkkeFunnet):
        tjenestekonto_tilbakekall(bruker=kvp_veileder_b, konto_id=konto.pk)


def test_ugyldig_id_og_ukjent_adresse_gir_problem(api_klient, lag_token, kontor_a):
    _, token = lag_token(kontor=kontor_a)
    _er_problem(api_klient("get", "/api/v1/personer/ikke-en-id", token), 422)
    _er_problem(api_klient("get", "/api/v1/finnes-ikke", token), 404)
    data = _er_problem(api_klient("get", "/api/v1/personer?grense=0", token), 422)
    assert data["feil"][0]["melding"] == "Verdien er for liten."


def test_rolle_uten_tilgang_gir_403(api_klient, lag_token, kontor_a):
    _, token = lag_token(kontor=kontor_a, rolle=Rolle.OEKONOMI)
    data = _er_problem(api_klient("get", "/api/v1/personer", token), 403)
    assert data["detail"] == "Du har ikke tilgang til dette."


@override_settings(KVP_API_GRENSE=(2, 60))
def test_grense_per_token_gir_429_med_retry_after(api_klient, lag_token, kontor_a, kontor_b):
    from django.core.cache import cache

    cache.clear()
    _, token = lag_token(kontor=kontor_a)
    _, annet = lag_token(kontor=kontor_b)
    assert [api_klient("get", "/api/v1/saker", token).status_code for _ in range(2)] == [200, 200]
    svar = api_klient("get", "/api/v1/saker", token)
    _er_problem(svar, 429)
    assert 1 <= int(svar["Retry-After"]) <= 61
    assert api_klient("get", "/api/v1/saker", annet).status_code == 200  # grensen gjelder per token
    cache.clear()


@pytest.fixture
def aktivitet(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(fra_og_med=dt.date(2025, 1, 6), til_og_med=dt.date(2026, 1, 5))
    return Aktivitet.objects.create(
        sak=sak,
        type="ARBEIDSTRENING",
        timer_per_uke=20,
        fra_og_med=dt.date(2025, 3, 3),
        til_og_med=dt.date(2025, 6, 27),
        tilbyder="Jobbklubben AS",
        endret_av=kvp_veileder_a,
    )


def _oppmoete(aktivitet: Any, dato: str = "2025-03-04", status: str = "DELTATT") -> dict[str, Any]:
    return {"registreringer": [{"aktivitet_id": str(aktivitet.pk), "fra_og_med": dato, "status": status}]}


def test_oppmoete_med_idempotensnoekkel(api_klient, lag_token, aktivitet, kontor_a, kontor_b):
    _, token = lag_token(kontor=kontor_a, rolle=Rolle.KVP_VEILEDER, navn="Jobbklubben AS")
    innhold = json.dumps(_oppmoete(aktivitet))
    hode = {"Idempotency-Key": "melding-1"}
    liste = api_klient("get", "/api/v1/aktiviteter?tilbyder=jobbklubben as", token).json()
    assert [a["id"] for a in liste["aktiviteter"]] == [str(aktivitet.pk)]

    foerste = api_klient(
        "post", "/api/v1/oppmoete", token, data=innhold, content_type="application/json", headers=dict(hode)
    )
    assert foerste.status_code == 200, foerste.content
    assert foerste.json() == {
        "registrert": [{"aktivitet_id": str(aktivitet.pk), "sak_id": str(aktivitet.sak_id), "dager": 1}]
    }
    assert Oppmoete.objects.get(sak=aktivitet.sak, dato=dt.date(2025, 3, 4)).status == "DELTATT"

    # Samme nøkkel og samme innhold: samme svar, ingen ny registrering (en endring i mellomtiden står seg).
    Oppmoete.objects.filter(sak=aktivitet.sak, dato=dt.date(2025, 3, 4)).update(status="GYLDIG_FRAVAER")
    igjen = api_klient(
        "post", "/api/v1/oppmoete", token, data=innhold, content_type="application/json", headers=dict(hode)
    )
    assert igjen.status_code == 200
    assert igjen.json() == foerste.json()
    assert Oppmoete.objects.get(sak=aktivitet.sak, dato=dt.date(2025, 3, 4)).status == "GYLDIG_FRAVAER"

    # Samme nøkkel, annet innhold: 422.
    annet = json.dumps(_oppmoete(aktivitet, dato="2025-03-05"))
    data = _er_problem(
        api_klient("post", "/api/v1/oppmoete", token, data=annet, content_type="application/json", headers=dict(hode)),
        422,
    )
    assert data["kode"] == "KVP_IDEMPOTENS_ANNET_INNHOLD"
    assert not Oppmoete.objects.filter(sak=aktivitet.sak, dato=dt.date(2025, 3, 5)).exists()

    # Et token ved et annet kontor finner ikke aktiviteten.
    _, token_b = lag_token(kontor=kontor_b, rolle=Rolle.KVP_VEILEDER)
    _er_problem(
        api_klient(
            "post",
            "/api/v1/oppmoete",
            token_b,
            data=annet,
            content_type="application/json",
            headers={"Idempotency-Key": "b"},
        ),
        404,
    )


def test_oppmoete_alt_eller_ingenting_og_uten_noekkel(api_klient, lag_token, aktivitet, kontor_a):
    _, token = lag_token(kontor=kontor_a, rolle=Rolle.KVP_VEILEDER)
    innhold = _oppmoete(aktivitet)
    innhold["registreringer"].append({**innhold["registreringer"][0], "fra_og_med": "2025-08-01"})  # utenfor
    data = _er_problem(
        api_klient(
            "post",
            "/api/v1/oppmoete",
            token,
            data=json.dumps(innhold),
            content_type="application/json",
            headers={"Idempotency-Key": "k"},
        ),
        400,
    )
    assert data["detail"].startswith("Registrering nr. 2: datoene er utenfor aktiviteten")
    assert not Oppmoete.objects.filter(sak=aktivitet.sak).exists()
    _er_problem(
        api_klient(
            "post", "/api/v1/oppmoete", token, data=json.dumps(_oppmoete(aktivitet)), content_type="application/json"
        ),
        422,
    )
    _er_problem(
        api_klient(
            "post",
            "/api/v1/oppmoete",
            token,
            data="{ikke json",
            content_type="application/json",
            headers={"Idempotency-Key": "x"},
        ),
        400,
    )


def test_beregning_har_samme_kontrakt_som_cli(api_klient, lag_token, kontor_a):
    import io

    from kvp_regler import cli

    _, token = lag_token(kontor=kontor_a)
    tekst = EKSEMPEL.read_text(encoding="utf-8")
    ut = io.StringIO()
    cli.beregn(io.StringIO(tekst), ut)
    svar = api_klient("post", "/api/v1/beregning", token, data=tekst, content_type="application/json")
    assert svar.status_code == 200
    assert svar.json() == json.loads(ut.getvalue())
    liste = api_klient("post", "/api/v1/beregning", token, data=f"[{tekst}, {tekst}]", content_type="application/json")
    assert len(liste.json()) == 2
    data = _er_problem(api_klient("post", "/api/v1/beregning", token, data="{}", content_type="application/json"), 422)
    assert data["kode"] == "KVP_BEREGNING"


def test_skjemaet_er_openapi_med_problem_details(client, db):
    skjema = client.get("/api/v1/openapi.json").json()
    assert skjema["openapi"].startswith("3.")
    svar = skjema["paths"]["/api/v1/personer/{person_id}"]["get"]["responses"]
    assert "application/problem+json" in svar["404"]["content"]
    assert "/api/v1/beregning" in skjema["paths"]


def test_for_stor_forespoersel_gir_413(api_klient, lag_token, kontor_a, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    _, token = lag_token(kontor=kontor_a)
    svar = api_klient(
        "post", "/api/v1/beregning", token, data="[" + "{}," * 600 + "{}]", content_type="application/json"
    )
    _er_problem(svar, 413)

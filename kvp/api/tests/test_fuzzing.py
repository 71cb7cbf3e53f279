"""schemathesis mot API-et (gjennom WSGI, i testdatabasen) med et token for lederrollen ved kontor A: ingen
serverfeil, ingen svar som bryter skjemaet, og aldri data fra kontor B.

Kjøretiden holdes nede med et fast antall eksempler per operasjon; `derandomize` gjør kjøringen lik hver gang."""

from typing import Any, cast

import pytest
import schemathesis
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kvp.conftest import syntetisk_fnr
from kvp.person.services import person_opprett
from kvp.tilgang.models import Rolle

MERKE_B = "Hemmeligsen"
MAKS_EKSEMPLER = 25


@pytest.fixture
def data_og_token(db, lag_token, lag_person, kontor_a, kontor_b, kongsvinger, lag_bruker, settings):
    """Data ved begge kontorene, og et token for lederrollen ved kontor A. Grensen per token er av under fuzzingen."""
    settings.KVP_API_GRENSE = (1_000_000, 60)
    lag_person(fornavn="Synlig")
    veileder_b = lag_bruker(Rolle.VEILEDER, kontor=kontor_b)
    person_opprett(
        bruker=veileder_b, foedselsnummer=syntetisk_fnr(), fornavn=MERKE_B, etternavn="B", kommune=kongsvinger
    )
    _, token = lag_token(kontor=kontor_a, rolle=Rolle.LEDER)
    # Som Djangos testklient: WSGI-appen skal ikke lukke testdatabasens forbindelse etter hver forespørsel.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield token
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_api_taaler_fuzzing(data_og_token):
    """Hver operasjon i skjemaet får et fast antall genererte forespørsler (pytest-pluginen til schemathesis virker
    ikke med pytest 9, så operasjonene kjøres her med hypothesis direkte)."""
    skjema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    operasjoner = [cast(Any, r).ok() for r in skjema.get_all_operations()]
    assert len(operasjoner) >= 9
    hode = {"Authorization": f"Bearer {data_og_token}"}
    sjekker = [
        not_a_server_error,
        status_code_conformance,
        content_type_conformance,
        response_schema_conformance,
        response_headers_conformance,
    ]
    statuser: list[int] = []
    for operasjon in operasjoner:

        @settings(
            max_examples=MAKS_EKSEMPLER,
            derandomize=True,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(case=operasjon.as_strategy())
        def kall(case):
            cache.clear()
            svar = case.call_and_validate(headers=hode, checks=sjekker)
            assert MERKE_B not in svar.text, f"{case.method} {case.path} lekket data fra kontor B"
            statuser.append(svar.status_code)

        kall()
    assert 200 in statuser
    assert len(statuser) >= 5 * len(operasjoner)

from typing import Any

import pytest

from kvp.api.services import tjenestekonto_opprett
from kvp.tilgang.models import Rolle


@pytest.fixture
def lag_token(lag_bruker: Any) -> Any:
    """Et token med `rolle` ved `kontor` (opprettet av en leder ved kontoret, gjennom tjenesten)."""

    def lag(*, kontor: Any, rolle: str = Rolle.LEDER, navn: str = "Testsystem") -> tuple[Any, str]:
        leder = lag_bruker(Rolle.LEDER, kontor=kontor)
        return tjenestekonto_opprett(bruker=leder, kontor_id=kontor.pk, navn=navn, rolle=rolle)

    return lag


@pytest.fixture
def api_klient(client: Any) -> Any:
    def kall(metode: str, sti: str, token: str | None, **kwargs: Any) -> Any:
        headers = kwargs.pop("headers", {})
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return getattr(client, metode)(sti, headers=headers, **kwargs)

    return kall

"""Fixtures for oppmøte: en sak i program."""

from collections.abc import Callable
from typing import Any

import pytest

from kvp.sak.models import Sak


@pytest.fixture
def deltaker_for(lag_bruker: Callable[..., Any]) -> Callable[[Sak], Any]:
    """En innlogging med DELTAKER-rollen for personen i saken."""
    from kvp.tilgang.models import Rolle

    def lag(sak: Sak, **kwargs: Any) -> Any:
        return lag_bruker(Rolle.DELTAKER, person=sak.person, **kwargs)

    return lag

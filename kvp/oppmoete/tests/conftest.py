"""Fixtures for oppmøte: en sak i program."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from kvp.conftest import syntetisk_fnr
from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer


@pytest.fixture
def lag_sak_i_program(lag_person: Callable[..., Any], kvp_veileder_a: Any) -> Callable[..., Sak]:
    """En innvilget sak i program. Programfeltene settes direkte her fordi vedtakstjenestene (som eier dem) ikke er
    det som testes; oppmøte og utbetaling trenger bare en sak med programperiode."""

    def lag(
        *,
        fra_og_med: dt.date = dt.date(2025, 1, 6),
        til_og_med: dt.date = dt.date(2026, 1, 5),
        foedselsdato: dt.date | None = None,
        **person: Any,
    ) -> Sak:
        if foedselsdato is not None:
            person["foedselsnummer"] = syntetisk_fnr(foedselsdato)
        _, sak = soeknad_registrer(
            bruker=kvp_veileder_a,
            person=lag_person(**person),
            mottatt_dato=timezone.localdate() - dt.timedelta(days=5),
            kanal=Kanal.PAPIR,
        )
        Sak.objects.filter(pk=sak.pk).update(
            status=Status.I_PROGRAM,
            saksbehandler=kvp_veileder_a,
            vedtak_dato=fra_og_med - dt.timedelta(days=10),
            begynt_dato=fra_og_med,
            program_fra_og_med=fra_og_med,
            program_til_og_med=til_og_med,
        )
        return Sak.objects.select_related("person__kommune").get(pk=sak.pk)

    return lag


@pytest.fixture
def deltaker_for(lag_bruker: Callable[..., Any]) -> Callable[[Sak], Any]:
    """En innlogging med DELTAKER-rollen for personen i saken."""
    from kvp.tilgang.models import Rolle

    def lag(sak: Sak, **kwargs: Any) -> Any:
        return lag_bruker(Rolle.DELTAKER, person=sak.person, **kwargs)

    return lag

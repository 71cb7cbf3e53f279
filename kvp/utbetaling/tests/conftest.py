"""Fixtures for utbetaling: saker i program, attesterte måneder og korreksjoner (direkte på modellene til
oppmøtetjenestene er på plass) og to økonomimedarbeidere på kontor A."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from kvp.conftest import syntetisk_fnr
from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Rolle


@pytest.fixture
def lag_sak_i_program(lag_person: Callable[..., Any], kvp_veileder_a: Any) -> Callable[..., Sak]:
    """En innvilget sak i program (programfeltene settes direkte; vedtakstjenestene testes ikke her)."""

    def lag(
        *,
        fra_og_med: dt.date = dt.date(2025, 1, 6),
        til_og_med: dt.date = dt.date(2026, 1, 5),
        foedselsdato: dt.date | None = None,
        **person: Any,
    ) -> Sak:
        person.setdefault("foedselsnummer", syntetisk_fnr(foedselsdato or dt.date(1980, 6, 15)))
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
def attester(kvp_veileder_a: Any) -> Callable[..., Maanedsattestering]:
    def lag(sak: Sak, aar: int, maaned: int) -> Maanedsattestering:
        return Maanedsattestering.objects.create(
            sak=sak, aar=aar, maaned=maaned, attestert_av=kvp_veileder_a, attestert=timezone.now()
        )

    return lag


@pytest.fixture
def registrer_ugyldig_fravaer(kvp_veileder_a: Any) -> Callable[..., None]:
    """En korreksjon etter attestering: ny registrering, `versjon += 1` og `sist_korrigert` (som oppmøtetjenesten
    gjør)."""

    def lag(sak: Sak, dato: dt.date) -> None:
        Oppmoete.objects.create(sak=sak, dato=dato, status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=kvp_veileder_a)
        attestering = Maanedsattestering.objects.get(sak=sak, aar=dato.year, maaned=dato.month)
        attestering.versjon += 1
        attestering.sist_korrigert = timezone.now()
        attestering.save()

    return lag


@pytest.fixture
def oekonomi_a(lag_bruker: Callable[..., Any], kontor_a: Any) -> Any:
    return lag_bruker(Rolle.OEKONOMI, kontor=kontor_a)


@pytest.fixture
def oekonomi_a2(lag_bruker: Callable[..., Any], kontor_a: Any) -> Any:
    return lag_bruker(Rolle.OEKONOMI, kontor=kontor_a)

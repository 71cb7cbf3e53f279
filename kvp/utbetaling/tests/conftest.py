"""Fixtures for utbetaling: saker i program, attesterte måneder og korreksjoner (direkte på modellene til
oppmøtetjenestene er på plass) og to økonomimedarbeidere på kontor A."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle


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


@pytest.fixture
def kommunekonto(oekonomi_a: Any, randaberg: Any) -> None:
    """Randabergs konto for utbetalingene (må finnes før en runde kan godkjennes)."""
    from kvp.utbetaling.services import kommune_innstillinger_endre

    kommune_innstillinger_endre(
        bruker=oekonomi_a,
        kommune_nummer="1127",
        utbetalingsdag=15,
        beregningsmodell="VIRKEDAGER",
        maks_trekk_prosent=50,
        kontonummer="86011117947",
        organisasjonsnummer="964965226",
    )


@pytest.fixture
def betal() -> Callable[..., Any]:
    """Runden er godkjent (eller eksportert/bekreftet) og teller som betalt. Statusen settes direkte: godkjenningen
    testes i test_runde.py, og her gjelder det hva som skjer med måneder som er betalt."""
    from kvp.utbetaling.models import Rundestatus, Utbetalingsrunde

    def sett(runde: Utbetalingsrunde, status: str = Rundestatus.GODKJENT) -> Utbetalingsrunde:
        Utbetalingsrunde.objects.filter(pk=runde.pk).update(status=status)
        runde.refresh_from_db()
        return runde

    return sett

"""Dager uten stønad etter fattede vedtak om permisjon eller avbrudd (spec/regler.md § 6.2: «no stønad»).

Et vedtak om permisjon eller avbrudd gjør virkedagene fra og med vedtakets første dag stønadsløse, til og med
vedtakets sluttdato eller dagen før et vedtak om gjenopptak. Vedtaket går foran registreringer for de dagene.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypeVar

from kvp_regler.beregning.modell import Dagstatus

__all__ = ["GJENOPPTAK", "VEDTAK_UTEN_STOENAD", "dager_uten_stoenad", "siste_dag_med_stoenad"]

GJENOPPTAK = "GJENOPPTAK"

#: Vedtakstype → dagstatusen dagene får.
VEDTAK_UTEN_STOENAD: dict[str, Dagstatus] = {
    "PERMISJON": Dagstatus.PERMISJON_UTEN_STOENAD,
    "AVBRUDD": Dagstatus.AVBRUDD,
}

N = TypeVar("N", bound=Hashable)


def siste_dag_med_stoenad(stanset_fra_og_med: date) -> date:
    """Sosialtjenesteloven § 34 (stans) og § 32 (varighet), forutsetning A-STANS i docs/regler/vilkaar-og-vedtak.md:
    et vedtak om stans eller avslutning gjelder fra og med datoen i vedtaket, så den datoen er den første dagen uten
    program og stønad. Siste dag i program og med stønad er dagen før."""
    return stanset_fra_og_med - timedelta(days=1)


@dataclass(slots=True)
class _Periode:
    fra_og_med: date
    til_og_med: date | None
    status: Dagstatus


def dager_uten_stoenad(
    vedtak: Iterable[tuple[N, str, date, date | None]], fra_og_med: date, til_og_med: date
) -> dict[N, dict[date, Dagstatus]]:
    """Sosialtjenesteloven § 31 og forskriften: virkedagene i perioden som fattede vedtak om permisjon eller avbrudd
    gjør stønadsløse, per sak.

    `vedtak` er (sak, vedtakstype, fra og med, til og med eller `None`) for fattede vedtak, sortert etter sak og så
    i den rekkefølgen de gjelder (fra og med, så fattet). Andre typer enn permisjon, avbrudd og gjenopptak hoppes over.
    Et gjenopptak avslutter hver åpen permisjon eller avbrudd dagen før det gjelder fra (og en periode som begynner
    samme dag eller senere, før den begynner).
    """
    perioder: dict[N, list[_Periode]] = {}
    for sak, type_, v_fra, v_til in vedtak:
        if type_ == GJENOPPTAK:
            for periode in perioder.get(sak, []):
                if periode.til_og_med is None or periode.til_og_med >= v_fra:
                    periode.til_og_med = (
                        v_fra - timedelta(days=1)
                        if periode.fra_og_med < v_fra
                        else (periode.fra_og_med - timedelta(days=1))
                    )
        elif type_ in VEDTAK_UTEN_STOENAD:
            perioder.setdefault(sak, []).append(_Periode(v_fra, v_til, VEDTAK_UTEN_STOENAD[type_]))
    dager: dict[N, dict[date, Dagstatus]] = {}
    for sak, liste in perioder.items():
        for periode in liste:
            dag = max(periode.fra_og_med, fra_og_med)
            slutt = min(periode.til_og_med or til_og_med, til_og_med)
            while dag <= slutt:
                if dag.weekday() < 5:
                    dager.setdefault(sak, {})[dag] = periode.status
                dag += timedelta(days=1)
    return dager

"""Vurdering av programplanen uke for uke: timer mot full tid og innholdet forskriften § 1 krever.

* Full tid er parameteren `timer_per_uke_full_tid` per uke [V] (forskriften § 1 tredje ledd), slått opp for hver uke.
* Arbeidsrettede tiltak skal alltid være med fra halvveis i programmet [V] (forskriften § 1).
* Arbeidssøking skal alltid være med i sluttfasen [V]; hvor lang sluttfasen er, er ikke tallfestet [U]
  (innstillingen `KVP_PLAN_SLUTTFASE_UKER`, som kommer inn som argument).
* Planen skal si når evalueringene skal skje [V] (forskriften § 1).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kvp_regler.parametere import STANDARD, Parametersett
from kvp_regler.program.timer import full_tid, timer_tekst

__all__ = [
    "ARBEIDSRETTEDE",
    "Aktivitetsstatus",
    "Aktivitetstype",
    "Planaktivitet",
    "Planuke",
    "Planvurdering",
    "timer_per_uke",
    "ukesperioder",
    "vurder_plan",
]


class Aktivitetstype(StrEnum):
    """Innholdet i programmet (sosialtjenesteloven § 30, forskriften § 1). Lagrede verdier; modellen bruker dem."""

    ARBEIDSRETTET_TILTAK = "ARBEIDSRETTET_TILTAK"
    ARBEIDSTRENING = "ARBEIDSTRENING"
    ARBEIDSSOEKING = "ARBEIDSSOEKING"
    OPPLAERING = "OPPLAERING"
    NORSKOPPLAERING = "NORSKOPPLAERING"
    TETT_OPPFOELGING = "TETT_OPPFOELGING"
    HELSEHJELP = "HELSEHJELP"
    MOTIVASJON_MESTRING = "MOTIVASJON_MESTRING"
    EGENAKTIVITET = "EGENAKTIVITET"
    OEKONOMISK_RAADGIVNING = "OEKONOMISK_RAADGIVNING"
    BOOPPFOELGING = "BOOPPFOELGING"
    LOENNET_ARBEID = "LOENNET_ARBEID"


class Aktivitetsstatus(StrEnum):
    PLANLAGT = "PLANLAGT"
    PAAGAAR = "PAAGAAR"
    FULLFOERT = "FULLFOERT"
    AVBRUTT = "AVBRUTT"


#: Aktiviteter som regnes som arbeidsrettede tiltak når planen sjekkes mot forskriften § 1 [I].
ARBEIDSRETTEDE: frozenset[str] = frozenset(
    {Aktivitetstype.ARBEIDSRETTET_TILTAK, Aktivitetstype.ARBEIDSTRENING, Aktivitetstype.LOENNET_ARBEID}
)


@dataclass(frozen=True)
class Planaktivitet:
    type: str
    timer_per_uke: Decimal
    fra_og_med: dt.date
    til_og_med: dt.date
    status: str = Aktivitetsstatus.PLANLAGT


@dataclass(frozen=True)
class Planuke:
    mandag: dt.date
    timer: Decimal
    arbeidsrettet: bool
    arbeidssoeking: bool
    full_tid: Decimal
    """Timer per uke på full tid den uka (parameteren `timer_per_uke_full_tid` på første programdag i uka)."""

    @property
    def ukenummer(self) -> str:
        aar, uke, _ = self.mandag.isocalendar()
        return f"uke {uke} {aar}"

    @property
    def under_full_tid(self) -> bool:
        return self.timer < self.full_tid

    @property
    def mangler_timer(self) -> Decimal:
        return max(self.full_tid - self.timer, Decimal(0))


@dataclass(frozen=True)
class Planvurdering:
    uker: list[Planuke]
    advarsler: list[str]
    halvveis: dt.date
    sluttfase_fra: dt.date
    full_tid: Decimal
    """Full tid ved programstart, til overskrifter («mot full tid (… timer)»)."""


def _mandag(dato: dt.date) -> dt.date:
    return dato - dt.timedelta(days=dato.weekday())


def ukesperioder(fra: dt.date, til: dt.date) -> list[tuple[dt.date, dt.date, dt.date]]:
    """(mandag, første dag, siste dag) for hver uke som har minst én virkedag i perioden."""
    uker = []
    mandag = _mandag(fra)
    while mandag <= til:
        foerste = max(mandag, fra)
        siste = min(mandag + dt.timedelta(days=4), til)
        if foerste <= siste:
            uker.append((mandag, foerste, siste))
        mandag += dt.timedelta(days=7)
    return uker


def timer_per_uke(aktiviteter: Iterable[Planaktivitet], fra: dt.date, til: dt.date) -> list[tuple[dt.date, Decimal]]:
    """Sum timer per uke for aktivitetene som ikke er avbrutt og har en virkedag i uka."""
    aktive = [a for a in aktiviteter if a.status != Aktivitetsstatus.AVBRUTT]
    return [
        (
            mandag,
            sum((a.timer_per_uke for a in aktive if a.fra_og_med <= siste and a.til_og_med >= foerste), Decimal(0)),
        )
        for mandag, foerste, siste in ukesperioder(fra, til)
    ]


def vurder_plan(
    *,
    aktiviteter: Sequence[Planaktivitet],
    program_fra: dt.date,
    program_til: dt.date,
    sluttfase_uker: int,
    antall_evalueringer: int,
    arbeidsrettede: Iterable[str] = ARBEIDSRETTEDE,
    parametere: Parametersett = STANDARD,
) -> Planvurdering:
    """Forskriften § 1: hver uke i programmet med timer og innhold, og advarslene saksbehandleren skal se."""
    arbeidsrettede = set(arbeidsrettede)
    aktive = [a for a in aktiviteter if a.status != Aktivitetsstatus.AVBRUTT]
    halvveis = program_fra + (program_til - program_fra) / 2
    sluttfase_fra = max(program_fra, program_til - dt.timedelta(weeks=sluttfase_uker) + dt.timedelta(days=1))
    uker = []
    for mandag, foerste, siste in ukesperioder(program_fra, program_til):
        i_uka = [a for a in aktive if a.fra_og_med <= siste and a.til_og_med >= foerste]
        uker.append(
            Planuke(
                mandag=mandag,
                timer=sum((a.timer_per_uke for a in i_uka), Decimal(0)),
                arbeidsrettet=any(a.type in arbeidsrettede for a in i_uka),
                arbeidssoeking=any(a.type == Aktivitetstype.ARBEIDSSOEKING for a in i_uka),
                full_tid=full_tid(foerste, parametere),
            )
        )
    advarsler = []
    korte = [u for u in uker if u.under_full_tid]
    if korte:
        advarsler.append(
            f"{len(korte)} av {len(uker)} uker har mindre enn {timer_tekst(korte[0].full_tid)} timer (første: "
            f"{korte[0].ukenummer} med {timer_tekst(korte[0].timer)} timer). Programmet skal være på full tid "
            "(forskriften § 1)."
        )
    uten_arbeid = [u for u in uker if u.mandag + dt.timedelta(days=4) >= halvveis and not u.arbeidsrettet]
    if uten_arbeid:
        advarsler.append(
            f"Arbeidsrettede tiltak mangler i {len(uten_arbeid)} uker fra halvveis i programmet "
            f"({halvveis:%d.%m.%Y}; første: {uten_arbeid[0].ukenummer}). De skal alltid være med fra halvveis "
            "(forskriften § 1)."
        )
    uten_soeking = [u for u in uker if u.mandag + dt.timedelta(days=4) >= sluttfase_fra and not u.arbeidssoeking]
    if uten_soeking:
        advarsler.append(
            f"Arbeidssøking mangler i {len(uten_soeking)} uker i sluttfasen (fra {sluttfase_fra:%d.%m.%Y}; første: "
            f"{uten_soeking[0].ukenummer}). Den skal alltid være med i sluttfasen (forskriften § 1)."
        )
    if antall_evalueringer == 0:
        advarsler.append(
            "Planen har ingen evalueringstidspunkter. Den skal si når programmet evalueres (forskriften § 1)."
        )
    return Planvurdering(
        uker=uker,
        advarsler=advarsler,
        halvveis=halvveis,
        sluttfase_fra=sluttfase_fra,
        full_tid=full_tid(program_fra, parametere),
    )

"""Sorterbare tabeller: sorteringen gjøres på serveren etter `?sorter=<kolonne>&retning=stigende|synkende`.

Visningen sier hvilke kolonner som kan sorteres, og hvilke felt hver kolonne sorterer på:

    sortering = sortering_fra(request.GET, {"navn": ("etternavn", "fornavn"), "kommune": ("kommune__navn",)}, "navn")
    qs = qs.order_by(*sortering.order_by)

og malen tegner overskriften med `{% sorterbar sortering "navn" "Navn" %}` (lenke som bytter retning, og `aria-sort`
på kolonnen det er sortert etter). En ukjent kolonne eller retning gir standardsorteringen, aldri en feil: lenken
kan være bokmerket fra før en kolonne ble fjernet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

STIGENDE = "stigende"
SYNKENDE = "synkende"


@dataclass(frozen=True)
class Sortering:
    kolonner: Mapping[str, tuple[str, ...]]
    kolonne: str
    synkende: bool
    andre: tuple[tuple[str, str], ...] = ()  # de andre GET-parametrene (filtrene), som lenkene tar med seg

    @property
    def order_by(self) -> list[str]:
        felt = list(self.kolonner[self.kolonne])
        if self.synkende:
            felt = [f[1:] if f.startswith("-") else f"-{f}" for f in felt]
        return [*felt, "pk"]  # pk til slutt: samme rekkefølge hver gang, også ved like verdier

    @property
    def parametre(self) -> str:
        """Sorteringen og filtrene som URL-parametre (til lenkene for neste og forrige side)."""
        return urlencode([*self.andre, ("sorter", self.kolonne), ("retning", SYNKENDE if self.synkende else STIGENDE)])

    def aria_sort(self, kolonne: str) -> str:
        if kolonne != self.kolonne:
            return ""
        return "descending" if self.synkende else "ascending"

    def lenke(self, kolonne: str) -> str:
        """Lenken i kolonneoverskriften: samme kolonne bytter retning, en ny kolonne sorterer stigende."""
        retning = STIGENDE if kolonne != self.kolonne or self.synkende else SYNKENDE
        return "?" + urlencode([*self.andre, ("sorter", kolonne), ("retning", retning)])


def sortering_fra(
    get: Any, kolonner: Mapping[str, tuple[str, ...]], standard: str, *, standard_synkende: bool = False
) -> Sortering:
    kolonne = get.get("sorter", "")
    retning = get.get("retning", "")
    if kolonne not in kolonner:
        kolonne, retning = standard, SYNKENDE if standard_synkende else STIGENDE
    andre = tuple((k, v) for k, v in get.items() if k not in ("sorter", "retning", "side") and isinstance(v, str))
    return Sortering(kolonner=kolonner, kolonne=kolonne, synkende=retning == SYNKENDE, andre=andre)

"""Tallene brevet viser ved siden av månedsbeløpet: stønaden per dag (sosialtjenesteloven § 35).

Brevet sier hva deltakeren får for en hel måned og for hver dag i programmet. Dagbeløpet er den eksakte dagsatsen for
stønaden pluss barnetillegget fra første linje av hver type i beregningen (JSON-kontrakten, `dagsats_eksakt`),
rundet til øre én gang her (all avrunding av penger skjer i `kvp_regler`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kvp_regler.belop import rund_av_til_oere

__all__ = ["beloep_per_dag"]


def beloep_per_dag(linjer: Iterable[Mapping[str, Any]]) -> Decimal | None:
    """Sosialtjenesteloven § 35: stønad + barnetillegg for én dag i programmet, i kroner og øre.

    `linjer` er linjene i `resultat_til_json`; `None` når beregningen ikke har en stønadslinje."""
    dagsats: dict[str, Fraction] = {}
    for linje in linjer:
        if linje["type"] in ("STOENAD", "BARNETILLEGG") and linje["type"] not in dagsats:
            dagsats[linje["type"]] = Fraction(linje["dagsats_eksakt"])
    if "STOENAD" not in dagsats:
        return None
    return rund_av_til_oere(sum(dagsats.values(), Fraction(0)))

"""Helligdager i Norge (pakken `holidays`) og virkedager. Ren hjelpekode uten database."""

import datetime as dt
from functools import lru_cache

import holidays

from kvp_regler.tid import MAANEDER, UKEDAGER, maanedsnavn


@lru_cache(maxsize=64)
def _helligdager_for_aar(aar: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("NO", years=aar, language="no"))


def helligdager(fra: dt.date, til: dt.date) -> dict[dt.date, str]:
    """Offentlige helligdager på virkedager (mandag–fredag) i perioden, med norsk navn."""
    svar: dict[dt.date, str] = {}
    for aar in range(fra.year, til.year + 1):
        for dato, navn in _helligdager_for_aar(aar).items():
            if fra <= dato <= til and dato.weekday() < 5:
                svar[dato] = navn
    return svar


def virkedager(fra: dt.date, til: dt.date) -> list[dt.date]:
    """Mandag–fredag i perioden (helligdager er med)."""
    dager = []
    dato = fra
    while dato <= til:
        if dato.weekday() < 5:
            dager.append(dato)
        dato += dt.timedelta(days=1)
    return dager


# Ukedagene og månedsnavnene står ett sted, i `kvp_regler.tid`; navnene her er for eksisterende importer.
__all__ = ["MAANEDER", "UKEDAGER", "helligdager", "maanedsnavn", "virkedager"]

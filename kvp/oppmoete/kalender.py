"""Helligdager i Norge (fra `kvp_regler.kalender`) og virkedager. Ren hjelpekode uten database."""

import datetime as dt

from kvp_regler.kalender import helligdager_i_perioden
from kvp_regler.tid import MAANEDER, UKEDAGER, maanedsnavn


def helligdager(fra: dt.date, til: dt.date) -> dict[dt.date, str]:
    """Offentlige helligdager på virkedager (mandag–fredag) i perioden, med norsk navn (`kvp_regler.kalender`)."""
    return helligdager_i_perioden(fra, til)


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

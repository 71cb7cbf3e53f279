"""Helligdagsloven § 2 og lov 26. april 1947 om 1. og 17. mai som høgtidsdager: den ene kalenderen over norske
helligdager og virkedager i systemet. Ren Python uten klokke; påsken regnes ut her (ingen avhengighet).

Alle som trenger helligdager eller fridager (klagefristene, forhåndsvarselets svarfrist, oppmøtet og
utbetalingsdatoen) bruker denne modulen, så de er enige om hvilke dager det gjelder.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "er_fridag",
    "er_helligdag",
    "forskyv_til_virkedag",
    "helligdager",
    "helligdager_i_perioden",
    "helligdager_med_navn",
    "paaskedag",
]


def paaskedag(aar: int) -> date:
    """Helligdagsloven § 2: første påskedag (den gregorianske påskeregelen, Meeus/Jones/Butcher)."""
    a = aar % 19
    b, c = divmod(aar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    maaned, dag = divmod(h + ll - 7 * m + 114, 31)
    return date(aar, maaned, dag + 1)


#: Dagene som flytter seg med påsken: dager etter første påskedag og navnet.
_FLYTTBARE = (
    (-3, "Skjærtorsdag"),
    (-2, "Langfredag"),
    (0, "Første påskedag"),
    (1, "Andre påskedag"),
    (39, "Kristi himmelfartsdag"),
    (49, "Første pinsedag"),
    (50, "Andre pinsedag"),
)
#: De faste dagene: (måned, dag) og navnet.
_FASTE = (
    ((1, 1), "Første nyttårsdag"),
    ((5, 1), "Arbeidernes dag"),
    ((5, 17), "Grunnlovsdag"),
    ((12, 25), "Første juledag"),
    ((12, 26), "Andre juledag"),
)


@lru_cache(maxsize=64)
def helligdager_med_navn(aar: int) -> dict[date, str]:
    """De offentlige helligdagene og høytidsdagene i Norge et år, med navn. Søndagene er helligdager av seg selv og
    står ikke her (se `er_fridag`)."""
    paaske = paaskedag(aar)
    navn: dict[date, list[str]] = {}
    for n, dag in _FLYTTBARE:
        navn.setdefault(paaske + timedelta(days=n), []).append(dag)
    for (m, d), dag in _FASTE:
        navn.setdefault(date(aar, m, d), []).append(dag)
    # To helligdager samme dag (andre pinsedag 17. mai 2027): begge navnene.
    return {dato: "; ".join(sorted(navn[dato])) for dato in sorted(navn)}


def helligdager(aar: int) -> frozenset[date]:
    """Datoene i `helligdager_med_navn`."""
    return frozenset(helligdager_med_navn(aar))


def er_helligdag(dato: date) -> bool:
    return dato in helligdager_med_navn(dato.year)


def helligdager_i_perioden(fra: date, til: date, *, bare_hverdager: bool = True) -> dict[date, str]:
    """Helligdagene i perioden (begge ender med), med navn; standard bare dem som faller på mandag–fredag."""
    return {
        dato: navn
        for aar in range(fra.year, til.year + 1)
        for dato, navn in helligdager_med_navn(aar).items()
        if fra <= dato <= til and (dato.weekday() < 5 or not bare_hverdager)
    }


def er_fridag(dato: date) -> bool:
    """Lørdag, søndag eller en offentlig helligdag/høytidsdag (domstolloven § 149 annet ledd)."""
    return dato.weekday() >= 5 or er_helligdag(dato)


def forskyv_til_virkedag(dato: date) -> date:
    """Domstolloven § 149 annet ledd, brukt på forvaltningslovens frister [I]: en frist som ender på en lørdag,
    søndag eller helligdag, går ut den neste dagen som ikke er det."""
    while er_fridag(dato):
        dato += timedelta(days=1)
    return dato

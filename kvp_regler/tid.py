"""Datoer, perioder og virkedager. Ingen klokke: alle datoer kommer inn som argumenter."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

__all__ = [
    "Periode",
    "antall_virkedager",
    "bursdag",
    "er_virkedag",
    "maanedens_virkedager",
    "maaneder_i_perioden",
    "maanedsnavn",
    "maanedsperiode",
    "virkedager_til_og_med",
]

UKEDAGER = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

#: Månedsnavnene, de eneste i systemet (like på bokmål og nynorsk).
MAANEDER = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


#: Målformene brevene skrives på (bokmål og nynorsk).
MAALFORMER = ("NB", "NN")


def maanedsnavn(aar: int, maaned: int, maalform: str = "NB") -> str:
    """«mars 2025»: månedens navn og året, med liten forbokstav, på målformen (`NB` eller `NN`). Månedsnavnene er
    de samme på bokmål og nynorsk."""
    if maalform not in MAALFORMER:
        raise ValueError(f"Ukjent målform {maalform!r}")
    return f"{MAANEDER[maaned - 1]} {aar}"


@dataclass(frozen=True, slots=True)
class Periode:
    """En periode fra og med `fra_og_med` til og med `til_og_med` (begge dager med)."""

    fra_og_med: date
    til_og_med: date

    def __post_init__(self) -> None:
        if self.til_og_med < self.fra_og_med:
            raise ValueError(f"til_og_med {self.til_og_med} er før fra_og_med {self.fra_og_med}")

    def inneholder(self, dato: date) -> bool:
        return self.fra_og_med <= dato <= self.til_og_med


def er_virkedag(dato: date) -> bool:
    """Mandag–fredag. Helligdager på hverdager er virkedager (spec/beregning.md § 2)."""
    return dato.weekday() < 5


def virkedager_til_og_med(ordinal: int) -> int:
    """Antall virkedager fra 0001-01-01 til og med dagen med ordinal `ordinal` (`date.toordinal()`)."""
    # date.fromordinal(1) (0001-01-01) er en mandag: hver hele uke gir fem virkedager.
    uker, rest = divmod(ordinal, 7)
    return 5 * uker + min(rest, 5)


def antall_virkedager(fra_og_med: date, til_og_med: date) -> int:
    """Antall virkedager i perioden, begge ender med (0 når perioden er tom)."""
    if til_og_med < fra_og_med:
        return 0
    return virkedager_til_og_med(til_og_med.toordinal()) - virkedager_til_og_med(fra_og_med.toordinal() - 1)


def maanedens_virkedager(aar: int, maaned: int) -> int:
    siste = calendar.monthrange(aar, maaned)[1]
    return antall_virkedager(date(aar, maaned, 1), date(aar, maaned, siste))


def maanedsperiode(aar: int, maaned: int) -> tuple[date, date]:
    """Første og siste dag i måneden. `ValueError` for en måned som ikke finnes (år utenfor 1900–2999 regnes som
    skrivefeil)."""
    if not 1 <= maaned <= 12 or not 1900 <= aar <= 2999:
        raise ValueError(f"ugyldig måned: {aar}-{maaned}")
    return date(aar, maaned, 1), date(aar, maaned, calendar.monthrange(aar, maaned)[1])


def maaneder_i_perioden(fra_og_med: date, til_og_med: date) -> list[tuple[int, int]]:
    """(år, måned) for hver måned perioden berører, i rekkefølge (tom når perioden er tom)."""
    maaneder = []
    aar, maaned = fra_og_med.year, fra_og_med.month
    while (aar, maaned) <= (til_og_med.year, til_og_med.month):
        maaneder.append((aar, maaned))
        aar, maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)
    return maaneder


def bursdag(foedselsdato: date, alder: int) -> date:
    """Datoen personen fyller `alder` år. Født 29. februar: bursdag 1. mars i år som ikke er skuddår."""
    if foedselsdato.month == 2 and foedselsdato.day == 29:
        aar = foedselsdato.year + alder
        return date(aar, 2, 29) if calendar.isleap(aar) else date(aar, 3, 1)
    return date(foedselsdato.year + alder, foedselsdato.month, foedselsdato.day)

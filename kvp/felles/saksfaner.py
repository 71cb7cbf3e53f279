"""Faneregisteret for saksbildet: hver app melder inn sin fane, og saksbildet viser dem uten å importere appene.

Saksbildet (`kvp.sak`) står lavt i lagene, mens vedtak, plan, oppmøte, utbetaling, brev og klage står over det. De
melder derfor inn fanene sine her, i grunnmuren, fra `AppConfig.ready()`:

    from kvp.felles.saksfaner import Fane, registrer_fane
    registrer_fane(Fane(kode="plan", tittel="Plan", mal="plan/_saksfane.html", rekkefoelge=30))

Fanen er en vanlig lenke (`?fane=plan`) med `aria-current="page"` på den valgte, så den virker uten JavaScript.
Bare den valgte fanens mal vises, og malen henter selv sine data (med appens malhjelpere), så hver fane leser bare
sitt. `synlig(bruker, sak)` avgjør om fanen vises for brukeren; den får ikke gjøre spørringer mot databasen (saken er
hentet med tilgangssjekk, med person, kommune og kontor), så fanelisten koster ingenting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Synlig = Callable[[Any, Any], bool]


def _alltid(bruker: Any, sak: Any) -> bool:
    return True


@dataclass(frozen=True)
class Fane:
    """Én fane på saksbildet. `kode` står i URL-en (`?fane=<kode>`), `mal` tegnes med `sak` og `request`."""

    kode: str
    tittel: str
    mal: str
    rekkefoelge: int
    synlig: Synlig = _alltid


_FANER: dict[str, Fane] = {}


def registrer_fane(fane: Fane) -> None:
    """Melder inn en fane. Samme kode to ganger erstatter den forrige (idempotent ved omlasting)."""
    _FANER[fane.kode] = fane


def faner_for(bruker: Any, sak: Any) -> list[Fane]:
    """Fanene brukeren ser på denne saken, i fast rekkefølge."""
    return [f for f in sorted(_FANER.values(), key=lambda f: (f.rekkefoelge, f.kode)) if f.synlig(bruker, sak)]

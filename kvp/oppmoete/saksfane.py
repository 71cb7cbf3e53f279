"""Oppmøte-fanen på saksbildet (kvp.felles.saksfaner): saksbildet viser den uten å importere denne appen."""

from typing import Any

from kvp.felles.saksfaner import Fane, registrer_fane
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling


def _synlig(bruker: Any, sak: Any) -> bool:
    # Bare kontorrollene teller (som i `tilgang.kan`); saken er hentet med person og kommune, så ingen spørring.
    return tilgang.kan(bruker, "oppmoete", sak, Handling.LES)


def registrer() -> None:
    registrer_fane(
        Fane(kode="oppmoete", tittel="Oppmøte", mal="oppmoete/_saksbilde.html", rekkefoelge=30, synlig=_synlig)
    )

"""Plan-fanen på saksbildet (kvp.felles.saksfaner): saksbildet viser den uten å importere denne appen."""

from typing import Any

from kvp.felles.saksfaner import Fane, registrer_fane
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling


def _synlig(bruker: Any, sak: Any) -> bool:
    # Bare kontorrollene teller (som i `tilgang.kan`); saken er hentet med person og kommune, så ingen spørring.
    return tilgang.kan(bruker, "plan", sak, Handling.LES)


def registrer() -> None:
    registrer_fane(Fane(kode="plan", tittel="Plan", mal="plan/_saksbilde.html", rekkefoelge=20, synlig=_synlig))

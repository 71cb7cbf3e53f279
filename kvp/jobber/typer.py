"""Jobbtypene: hver app registrerer sine i `AppConfig.ready()` med `registrer`, og `kvp.jobber` kjører dem uten å
importere appen (lagene i docs/arkitektur.md).

En jobbtype er en funksjon `kjoer(jobb, fremdrift) -> Utfall`. Den må tåle å kjøres på nytt fra starten etter et
avbrudd (en drept arbeidsprosess): arbeidet lagres i transaksjoner som enten er helt lagret eller ikke i det hele
tatt, og en ny kjøring hopper over det som allerede er gjort.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from .fremdrift import Fremdrift
    from .models import Jobb


class Utfall(NamedTuple):
    """Det brukeren ser når jobben er ferdig: en norsk melding og eventuelt en lenke til resultatet."""

    melding: str
    lenke: str = ""
    lenketekst: str = ""


@dataclass(frozen=True)
class Start:
    """En jobb som kan startes fra jobbsiden: knappen poster til `url_navn` (visningen i appen som eier jobben)."""

    url_navn: str
    knappetekst: str
    beskrivelse: str
    roller: tuple[str, ...]


@dataclass(frozen=True)
class Jobbtype:
    navn: str
    kjoer: "Callable[[Jobb, Fremdrift], Utfall]"
    start: Start | None = None


_TYPER: dict[str, Jobbtype] = {}


def registrer(navn: str, kjoer: "Callable[[Jobb, Fremdrift], Utfall]", *, start: Start | None = None) -> None:
    """Registrerer jobbtypen `navn` (samme funksjon to ganger er greit; en annen funksjon med samme navn er en feil)."""
    eksisterende = _TYPER.get(navn)
    if eksisterende is not None and eksisterende.kjoer is not kjoer:
        raise ValueError(f"Jobbtypen {navn!r} er registrert fra før")
    _TYPER[navn] = Jobbtype(navn=navn, kjoer=kjoer, start=start)


def hent(navn: str) -> Jobbtype | None:
    return _TYPER.get(navn)


def startbare(roller: frozenset[str]) -> list[Start]:
    """Jobbene som kan startes fra jobbsiden av en bruker med `roller`."""
    return [t.start for t in _TYPER.values() if t.start is not None and roller & set(t.start.roller)]

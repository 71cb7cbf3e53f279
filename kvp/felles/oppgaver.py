"""Oppgaveregisteret: hver app melder inn en funksjon som finner brukerens oppgaver i sine egne data.

Det finnes ingen oppgavetabell. En oppgave er en utledning av dataene (et returnert vedtak, en måned som ikke er
attestert, en runde som venter på godkjenning), og den forsvinner av seg selv når dataene sier at den er gjort.

En app registrerer sin leverandør i `AppConfig.ready()`:

    from kvp.felles.oppgaver import registrer_oppgaver
    registrer_oppgaver("klage", klager_som_venter)

der `klager_som_venter(bruker, i_dag) -> list[Oppgave]` henter bare det brukeren har tilgang til. Registeret står i
grunnmuren så alle lagene kan melde seg inn; `kvp.arbeidsflate` samler oppgavene (Mine oppgaver, tallet i menyen).
Se ADR 0014.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID


@dataclass(frozen=True)
class Oppgave:
    """Én oppgave som venter på brukeren. `lenke` går dit oppgaven gjøres."""

    type: str  # stabil nøkkel, f.eks. "VEDTAK_RETURNERT"
    typenavn: str  # til brukeren, f.eks. "Vedtak returnert"
    tittel: str
    lenke: str
    frist: dt.date | None = None
    nivaa: str = "OK"  # "OK", "VARSEL" eller "OVERSKREDET"
    person_id: UUID | None = None
    person_navn: str = ""
    kontor_id: UUID | None = None
    sak_id: UUID | None = None


Leverandoer = Callable[[Any, dt.date], list[Oppgave]]

_LEVERANDOERER: dict[str, Leverandoer] = {}


def registrer_oppgaver(navn: str, leverandoer: Leverandoer) -> None:
    """Melder inn en leverandør av oppgaver. Samme navn to ganger erstatter den forrige (idempotent ved omlasting)."""
    _LEVERANDOERER[navn] = leverandoer


def leverandoerer() -> dict[str, Leverandoer]:
    """Leverandørene i rekkefølgen de ble registrert (rekkefølgen i INSTALLED_APPS)."""
    return dict(_LEVERANDOERER)

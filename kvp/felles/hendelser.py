"""Domenehendelser: et lavere lag melder fra om noe som har skjedd, høyere lag reagerer (docs/arkitektur.md).

Lagene importerer bare nedover. Når en tjeneste i et lavere lag har følger for et høyere lag (et fattet vedtak gir
vedtaksbrev og korreksjoner av attesterte måneder), publiserer tjenesten en hendelse her, og appen i det høyere laget
abonnerer i `AppConfig.ready()`. Mottakerne kjøres straks, i rekkefølgen de ble registrert, i samme transaksjon
som tjenesten: feiler en mottaker, rulles alt tilbake, akkurat som om tjenesten hadde kalt den selv.

I motsetning til Djangos signaler er hendelsene typede verdier, hver hendelse har en fast liste mottakere som
`docs/arkitektur.md` viser og en test holder lik koden (`mottakere`), og ingenting skjer ved `save()`.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from uuid import UUID


@dataclass(frozen=True)
class VedtakFattet:
    """Et vedtak er fattet (status FATTET). `bruker` er den som fattet det."""

    vedtak_id: UUID
    sak_id: UUID
    type: str
    fra_og_med: dt.date | None
    bruker: Any


@dataclass(frozen=True)
class BrevSkalSendes:
    """Et brev som ikke er et vedtaksbrev, skal sendes deltakeren: `type` er «OPPSTART» (programmet har begynt),
    «FORELOEPIG_SVAR» (`objekt_id` er det foreløpige svaret) eller «FORHAANDSVARSEL» (`objekt_id` er varselet).
    `bruker` er den som registrerte det."""

    sak_id: UUID
    type: str
    objekt_id: UUID | int | None
    bruker: Any


@dataclass(frozen=True)
class GrunnlagEndret:
    """Data som beregningen bygger på, er endret fra og med `fra_og_med` for personen (barn eller forsørgerperioder i
    `kvp.person`). Mottakerne gjør attesterte måneder fra den datoen til korreksjoner, så utbetalingen regner dem på
    nytt. `grunn` står i korreksjonen; `bruker` er den som endret."""

    person_id: UUID
    fra_og_med: dt.date
    grunn: str
    bruker: Any


H = TypeVar("H")
_mottakere: dict[type, list[Callable[[Any], None]]] = defaultdict(list)


def abonner(hendelsestype: type[H], mottaker: Callable[[H], None]) -> None:
    """Registrerer en mottaker (kalles fra `AppConfig.ready()`; samme mottaker to ganger registreres én gang)."""
    if mottaker not in _mottakere[hendelsestype]:
        _mottakere[hendelsestype].append(mottaker)


def publiser(hendelse: object) -> None:
    """Kaller hver mottaker av hendelsens type, i registreringsrekkefølgen."""
    for mottaker in list(_mottakere[type(hendelse)]):
        mottaker(hendelse)


def mottakere(hendelsestype: type) -> list[str]:
    """Mottakerne som `modul.funksjon`, til dokumentasjonen og testen som holder den lik koden."""
    return [f"{m.__module__}.{m.__qualname__}" for m in _mottakere[hendelsestype]]

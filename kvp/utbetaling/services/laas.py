"""Henting for skriving: objektet låses (`select_for_update`) og hentes gjennom tilgangslaget (`kvp.tilgang.objekter`):
bare økonomi ved kontoret det hører til får det. Ellers `IkkeFunnet`, eller `IkkeTilgang` for den som ser det.

Alle utbetalingsoperasjoner for én kommune (runder for alle måneder, korreksjoner, G-regulering, godkjenning,
eksport, bekreftelse, forkasting og tilbakekrevingene) går etter hverandre: hver transaksjon låser kommuneraden først
(`kommune_laas`), og først deretter runden. Samme rekkefølge overalt, så to operasjoner kan ikke vranglåse.
"""

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar
from uuid import UUID

from django.db import DatabaseError, IntegrityError, models

from kvp.felles.feil import KvpFeil
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Kommune
from kvp.tilgang.objekter import Handling

from ..models import Tilbakekreving, Utbetalingsrunde

P = ParamSpec("P")
R = TypeVar("R")

KOLLISJON = (
    "En annen utbetalingsoperasjon for samme kommune ble kjørt samtidig, og denne ble stoppet. Det som allerede var "
    "lagret, er beholdt. Prøv igjen om litt."
)

FORKASTET = "Runden ble forkastet av en annen i økonomi i mellomtiden. Simuler måneden på nytt om den skal betales."


def kommune_laas(kommune_id: Any) -> Kommune:
    """Låser kommuneraden til transaksjonen er ferdig: utbetalingsoperasjonene for kommunen venter på hverandre."""
    return Kommune.objects.select_for_update().get(pk=kommune_id)


def kommuner_laas(kommuner: "models.QuerySet[Kommune]") -> list[Kommune]:
    """Låser flere kommuner, alltid i samme rekkefølge (primærnøkkelen), så to operasjoner ikke vranglåser."""
    return list(kommuner.select_for_update().order_by("pk"))


def kollisjon_som_feil(funksjon: Callable[P, R]) -> Callable[P, R]:
    """Skulle to operasjoner likevel kollidere i databasen (brutt unikhet, vranglås eller tidsavbrudd på låsen), får
    brukeren en forståelig melding (`KVP_UTBETALING_KOLLISJON`), ikke en 500."""

    @functools.wraps(funksjon)
    def innpakket(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return funksjon(*args, **kwargs)
        except (IntegrityError, DatabaseError) as feil:
            if isinstance(feil, IntegrityError) or _er_laasefeil(feil):
                raise KvpFeil(KOLLISJON, kode="KVP_UTBETALING_KOLLISJON") from feil
            raise

    return innpakket


def _er_laasefeil(feil: DatabaseError) -> bool:
    tekst = str(feil).lower()
    return any(t in tekst for t in ("deadlock", "database is locked", "lock timeout", "could not serialize"))


def kommune_for_skriving(*, bruker: Bruker, kommune_nummer: str) -> Kommune:
    """Kommunen, låst, når brukeren har rollen økonomi ved kontoret som betjener den (tilgangslaget)."""
    kommune: Kommune = tilgang.hent(bruker, "utbetalingskommune", kommune_nummer, Handling.SKRIV, laas=True)
    return kommune


def runde_for_skriving(*, bruker: Bruker, runde_id: UUID, handling: Handling = Handling.SKRIV) -> Utbetalingsrunde:
    """Runden, låst etter kommunen den hører til (se modulteksten). Statusen leses etter at låsen er tatt."""
    kommune_id = tilgang.utbetalingsrunde(bruker, runde_id, handling).kommune_id
    kommune = kommune_laas(kommune_id)
    runde = Utbetalingsrunde.objects.select_for_update().filter(pk=runde_id).first()
    if runde is None:
        raise KvpFeil(FORKASTET, kode="KVP_RUNDE_FORKASTET")
    runde.kommune = kommune
    return runde


def tilbakekreving_for_skriving(
    *, bruker: Bruker, tilbakekreving_id: UUID, handling: Handling = Handling.SKRIV
) -> Tilbakekreving:
    """Tilbakekrevingen, låst etter kommunen til deltakeren (se modulteksten): forslag og vedtak venter på en runde
    for kommunen som trekker den, og omvendt. Statusen leses etter at låsen er tatt."""
    kommune_id = tilgang.tilbakekreving(
        bruker, tilbakekreving_id, handling, queryset=Tilbakekreving.objects.select_related("sak__person")
    ).sak.person.kommune_id
    kommune_laas(kommune_id)
    tk: Tilbakekreving = tilgang.tilbakekreving(
        bruker, tilbakekreving_id, handling, laas=True, relatert=("sak__kontor", "sak__person")
    )
    return tk

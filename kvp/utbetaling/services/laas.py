"""Henting for skriving: objektet låses (`select_for_update`) og finnes bare når brukeren har rollen økonomi ved
kontoret det hører til. Ellers `IkkeFunnet` (ingen lekkasje av hva som finnes ved andre kontorer).

Alle utbetalingsoperasjoner for én kommune (runder for alle måneder, korreksjoner, G-regulering, godkjenning,
eksport, bekreftelse, forkasting og tilbakekrevingene) går etter hverandre: hver transaksjon låser kommuneraden først
(`kommune_laas`), og først deretter runden. Samme rekkefølge overalt, så to operasjoner kan ikke vranglåse.
"""

import functools
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar
from uuid import UUID

from django.db import DatabaseError, IntegrityError, models

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.tilgang.models import Bruker, Kommune, Rolle
from kvp.tilgang.tilgang import krev_rolle

from ..models import Tilbakekreving, Utbetalingsrunde

M = TypeVar("M", bound=models.Model)
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


def for_skriving(
    queryset: "models.QuerySet[M]", *, bruker: Bruker, kontorfelt: str, ikke_funnet: str, **filter: Any
) -> M:
    """Det ene objektet i `queryset` som passer `filter` og ligger ved et kontor (`kontorfelt`) der brukeren har
    rollen økonomi, låst til transaksjonen er ferdig. `IkkeTilgang` uten rollen, `IkkeFunnet` ellers."""
    kontorer = krev_rolle(bruker, (Rolle.OEKONOMI,))
    objekt = queryset.select_for_update().filter(**{f"{kontorfelt}__in": kontorer}, **filter).first()
    if objekt is None:
        raise IkkeFunnet(ikke_funnet)
    return objekt


def kommune_for_skriving(*, bruker: Bruker, kommune_nummer: str) -> Kommune:
    return for_skriving(
        Kommune.objects.all(),
        bruker=bruker,
        kontorfelt="nav_kontor_id",
        ikke_funnet="Fant ikke kommunen.",
        nummer=kommune_nummer,
    )


def runde_for_skriving(*, bruker: Bruker, runde_id: UUID) -> Utbetalingsrunde:
    """Runden, låst etter kommunen den hører til (se modulteksten). Statusen leses etter at låsen er tatt."""
    kontorer = krev_rolle(bruker, (Rolle.OEKONOMI,))
    kommune_id = (
        Utbetalingsrunde.objects.filter(pk=runde_id, kommune__nav_kontor_id__in=kontorer)
        .values_list("kommune_id", flat=True)
        .first()
    )
    if kommune_id is None:
        raise IkkeFunnet("Fant ikke utbetalingsrunden.")
    kommune = kommune_laas(kommune_id)
    runde = Utbetalingsrunde.objects.select_for_update().filter(pk=runde_id).first()
    if runde is None:
        raise KvpFeil(FORKASTET, kode="KVP_RUNDE_FORKASTET")
    runde.kommune = kommune
    return runde


def tilbakekreving_for_skriving(*, bruker: Bruker, tilbakekreving_id: UUID) -> Tilbakekreving:
    """Tilbakekrevingen, låst etter kommunen til deltakeren (se modulteksten): forslag og vedtak venter på en runde
    for kommunen som trekker den, og omvendt. Statusen leses etter at låsen er tatt."""
    kontorer = krev_rolle(bruker, (Rolle.OEKONOMI,))
    kommune_id = (
        Tilbakekreving.objects.filter(pk=tilbakekreving_id, sak__person__kommune__nav_kontor_id__in=kontorer)
        .values_list("sak__person__kommune_id", flat=True)
        .first()
    )
    if kommune_id is None:
        raise IkkeFunnet("Fant ikke tilbakekrevingen.")
    kommune_laas(kommune_id)
    return for_skriving(
        Tilbakekreving.objects.select_related("sak__kontor", "sak__person"),
        bruker=bruker,
        kontorfelt="sak__person__kommune__nav_kontor_id",
        ikke_funnet="Fant ikke tilbakekrevingen.",
        pk=tilbakekreving_id,
    )

"""Henting for skriving: objektet låses (`select_for_update`) og finnes bare når brukeren har rollen økonomi ved
kontoret det hører til. Ellers `IkkeFunnet` (ingen lekkasje av hva som finnes ved andre kontorer)."""

from typing import Any, TypeVar
from uuid import UUID

from django.db import models

from kvp.felles.feil import IkkeFunnet
from kvp.tilgang.models import Bruker, Kommune, Rolle
from kvp.tilgang.tilgang import krev_rolle

from ..models import Tilbakekreving, Utbetalingsrunde

M = TypeVar("M", bound=models.Model)


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
    return for_skriving(
        Utbetalingsrunde.objects.select_related("kommune"),
        bruker=bruker,
        kontorfelt="kommune__nav_kontor_id",
        ikke_funnet="Fant ikke utbetalingsrunden.",
        pk=runde_id,
    )


def tilbakekreving_for_skriving(*, bruker: Bruker, tilbakekreving_id: UUID) -> Tilbakekreving:
    return for_skriving(
        Tilbakekreving.objects.select_related("sak__kontor", "sak__person"),
        bruker=bruker,
        kontorfelt="sak__person__kommune__nav_kontor_id",
        ikke_funnet="Fant ikke tilbakekrevingen.",
        pk=tilbakekreving_id,
    )

"""Lesing av vedtaksbrev: kontorets saksbehandlere, beslutter og leder, og deltakeren selv (bare fattede)."""

from uuid import UUID

from django.db.models import Q, QuerySet

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Brev

ROLLER_SOM_SER_BREV = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)


def _synlige_brev(bruker: Bruker) -> QuerySet[Brev]:
    tilgang = tilgang_for(bruker)
    scope = Q(vedtak__sak__kontor_id__in=tilgang.kontorer_med(*ROLLER_SOM_SER_BREV))
    if tilgang.statsforvalter_fylker:
        scope |= Q(vedtak__sak__kontor__fylke__in=tilgang.statsforvalter_fylker, vedtak__sak__til_statsforvalter=True)
    if tilgang.deltaker_personer:
        scope |= Q(vedtak__sak__person_id__in=tilgang.deltaker_personer)
    return Brev.objects.filter(scope)


def brev_hent(*, bruker: Bruker, vedtak_id: UUID) -> Brev:
    """Brevet til et fattet vedtak, om brukeren har tilgang; ellers IkkeFunnet (404). Lesingen logges."""
    brev = (
        _synlige_brev(bruker)
        .select_related("vedtak", "vedtak__sak", "vedtak__sak__kontor", "vedtak__sak__person")
        .filter(vedtak_id=vedtak_id)
        .first()
    )
    if brev is None:
        raise IkkeFunnet("Fant ikke brevet.")
    sak = brev.vedtak.sak
    logghendelse_registrer(bruker=bruker, kontor=sak.kontor, person=sak.person, handling="LES", objekt=brev)
    return brev


def brev_for_deltaker(*, bruker: Bruker) -> QuerySet[Brev]:
    """Deltakerens egne brev, nyeste først (bare fattede vedtak har brev)."""
    personer = tilgang_for(bruker).deltaker_personer
    return (
        Brev.objects.filter(vedtak__sak__person_id__in=personer)
        .select_related("vedtak")
        .only("id", "tittel", "opprettet", "vedtak__id", "vedtak__vedtak_dato")
        .order_by("-opprettet")
    )

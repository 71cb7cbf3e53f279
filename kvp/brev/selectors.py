"""Lesing av brev: kontorets saksbehandlere, beslutter og leder, og deltakeren selv (bare fattede)."""

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
    scope = Q(sak__kontor_id__in=tilgang.kontorer_med(*ROLLER_SOM_SER_BREV))
    if tilgang.statsforvalter_fylker:
        scope |= Q(sak__kontor__fylke__in=tilgang.statsforvalter_fylker, sak__til_statsforvalter=True)
    if tilgang.deltaker_personer:
        scope |= Q(sak__person_id__in=tilgang.deltaker_personer)
    return Brev.objects.filter(scope)


def brev_hent(*, bruker: Bruker, vedtak_id: UUID | None = None, brev_id: UUID | None = None) -> Brev:
    """Brevet til et fattet vedtak (`vedtak_id`) eller et hvilket som helst brev (`brev_id`), om brukeren har
    tilgang; ellers IkkeFunnet (404). Lesingen logges."""
    filter_ = {"vedtak_id": vedtak_id} if vedtak_id is not None else {"pk": brev_id}
    brev = _synlige_brev(bruker).select_related("vedtak", "sak", "sak__kontor", "sak__person").filter(**filter_).first()
    if brev is None:
        raise IkkeFunnet("Fant ikke brevet.")
    sak = brev.sak
    logghendelse_registrer(bruker=bruker, kontor=sak.kontor, person=sak.person, handling="LES", objekt=brev)
    return brev


def brev_for_deltaker(*, bruker: Bruker) -> QuerySet[Brev]:
    """Deltakerens egne brev, nyeste først (vedtaksbrev bare for fattede vedtak)."""
    personer = tilgang_for(bruker).deltaker_personer
    return (
        Brev.objects.filter(sak__person_id__in=personer)
        .only("id", "tittel", "dato", "opprettet")
        .order_by("-opprettet")
    )


def brev_for_sak(*, sak_id: UUID) -> QuerySet[Brev]:
    """Sakens brev, nyeste først, til saksbildet (kalleren har sjekket tilgangen til saken)."""
    return Brev.objects.filter(sak_id=sak_id).only("id", "tittel", "dato", "type", "opprettet").order_by("-opprettet")

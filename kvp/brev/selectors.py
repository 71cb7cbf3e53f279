"""Lesing av vedtaksbrev: kontorets saksbehandlere, beslutter og leder, og deltakeren selv (bare fattede)."""

from uuid import UUID

from django.db.models import QuerySet

from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Brev

ROLLER_SOM_SER_BREV = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)


def brev_hent(*, bruker: Bruker, vedtak_id: UUID) -> Brev:
    """Brevet til et fattet vedtak, om brukeren har tilgang; ellers IkkeFunnet (404). Lesingen logges."""
    brev: Brev = tilgang.brev(
        bruker, vedtak_id, relatert=("vedtak", "vedtak__sak", "vedtak__sak__kontor", "vedtak__sak__person")
    )
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

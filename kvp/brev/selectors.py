"""Lesing av brev: kontorets saksbehandlere, beslutter og leder, og deltakeren selv (bare fattede)."""

from uuid import UUID

from django.db.models import QuerySet

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Brev

ROLLER_SOM_SER_BREV = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)


def brev_hent(*, bruker: Bruker, vedtak_id: UUID | None = None, brev_id: UUID | None = None) -> Brev:
    """Brevet til et fattet vedtak (`vedtak_id`) eller et hvilket som helst brev (`brev_id`), om brukeren har
    tilgang (gjennom tilgangslaget); ellers IkkeFunnet (404). Lesingen logges."""
    if vedtak_id is not None:
        brev_id = Brev.objects.filter(vedtak_id=vedtak_id).values_list("pk", flat=True).first()
        if brev_id is None:
            raise IkkeFunnet("Fant ikke brevet.")
    brev: Brev = tilgang.brev(bruker, brev_id, relatert=("vedtak", "sak", "sak__kontor", "sak__person"))
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

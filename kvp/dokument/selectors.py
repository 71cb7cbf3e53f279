"""Lesing av dokumenter: bare deltakeren i saken og kontorets saksbehandlere, og hver lesing logges."""

from uuid import UUID

from django.db.models import QuerySet

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import lesing_registrer
from kvp.tilgang.models import Bruker

from .models import Dokument
from .tilgang import er_deltaker_i, er_kontor_for, sak_for_deltaker_eller_kontor


def dokument_hent(*, bruker: Bruker, dokument_id: UUID) -> Dokument:
    """Ett dokument til visning eller nedlasting; 404 for alle andre enn deltakeren og kontoret. Lesingen logges."""
    dokument = Dokument.objects.select_related("sak", "sak__kontor").filter(pk=dokument_id).first()
    if dokument is None or not (er_deltaker_i(bruker, dokument.sak) or er_kontor_for(bruker, dokument.sak)):
        raise IkkeFunnet("Fant ikke dokumentet.")
    lesing_registrer(
        bruker=bruker,
        personer=[(dokument.sak.person_id, dokument.sak.kontor_id)],
        formaal="Åpnet et dokument i saken",
        objekttype="dokument",
        objekt_id=str(dokument.pk),
    )
    return dokument


def dokumenter_for_sak(*, bruker: Bruker, sak_id: UUID) -> QuerySet[Dokument]:
    """Sakens dokumenter (uten logging: siden som viser dem, logger lesingen)."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    return Dokument.objects.filter(sak=sak).select_related("lastet_opp_av")

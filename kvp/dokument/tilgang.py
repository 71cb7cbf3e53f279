"""Hvem som ser en sak utenfor saksbehandlingens egne sider: deltakeren selv og kontorets saksbehandlere."""

from typing import Any
from uuid import UUID

from kvp.felles.feil import IkkeFunnet
from kvp.sak.models import Sak
from kvp.sak.selectors import ROLLER_SOM_SER_SAKER
from kvp.tilgang.models import Bruker
from kvp.tilgang.tilgang import tilgang_for


def er_deltaker_i(bruker: Bruker, sak: Any) -> bool:
    return sak.person_id in tilgang_for(bruker).deltaker_personer


def er_kontor_for(bruker: Bruker, sak: Any) -> bool:
    return sak.kontor_id in tilgang_for(bruker).kontorer_med(*ROLLER_SOM_SER_SAKER)


def sak_for_deltaker_eller_kontor(*, bruker: Bruker, sak_id: UUID) -> Sak:
    """Saken, når brukeren er deltakeren i den eller har en saksrolle på kontoret; ellers 404."""
    sak = Sak.objects.select_related("person", "kontor", "saksbehandler").filter(pk=sak_id).first()
    if sak is None or not (er_deltaker_i(bruker, sak) or er_kontor_for(bruker, sak)):
        raise IkkeFunnet("Fant ikke saken.")
    return sak

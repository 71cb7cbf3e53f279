"""Lesing av jobber: den som startet jobben, og lederne ved kontoret den hører til, ser den. Ingen andre får vite
at den finnes (404). Jobbene har ingen personopplysninger (tittel og melding nevner kommune, måned og antall), så
det logges ingen lesing per person."""

from uuid import UUID

from django.db.models import Q, QuerySet

from kvp.felles.feil import IkkeFunnet
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Jobb


def _synlige(bruker: Bruker) -> "QuerySet[Jobb]":
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.LEDER)
    return Jobb.objects.filter(Q(startet_av=bruker) | Q(kontor_id__in=kontorer))


def jobber_for_bruker(*, bruker: Bruker, antall: int = 50) -> list[Jobb]:
    """De siste jobbene brukeren har startet, og (for en leder) alle jobbene ved kontorene hen leder."""
    return list(_synlige(bruker).select_related("startet_av").order_by("-opprettet")[:antall])


def jobb_for_bruker(*, bruker: Bruker, jobb_id: UUID) -> Jobb:
    jobb = _synlige(bruker).select_related("startet_av").filter(pk=jobb_id).first()
    if jobb is None:
        raise IkkeFunnet("Fant ikke jobben.")
    return jobb

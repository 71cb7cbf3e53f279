"""Lesing av jobber gjennom tilgangslaget (typen «jobb»): den som startet jobben, og lederne ved kontoret den hører
til, ser den. Ingen andre får vite at den finnes (404). Jobbene har ingen personopplysninger (tittel og melding
nevner kommune, måned og antall), så det logges ingen lesing per person."""

from uuid import UUID

from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker

from .models import Jobb


def jobber_for_bruker(*, bruker: Bruker, antall: int = 50) -> list[Jobb]:
    """De siste jobbene brukeren har startet, og (for en leder) alle jobbene ved kontorene hen leder."""
    return list(tilgang.synlige(bruker, "jobb").select_related("startet_av").order_by("-opprettet")[:antall])


def jobb_for_bruker(*, bruker: Bruker, jobb_id: UUID) -> Jobb:
    jobb: Jobb = tilgang.jobb(bruker, jobb_id)
    return jobb

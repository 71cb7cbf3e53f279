"""Lesing for deltakerens KVP: samtalen om en sak, uleste meldinger og varslene kontoret skal se."""

from uuid import UUID

from django.db.models import Q, QuerySet

from kvp.dokument.tilgang import sak_for_deltaker_eller_kontor
from kvp.felles.services import lesing_registrer
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Melding, Varsel


def samtale_hent(*, bruker: Bruker, sak_id: UUID) -> tuple[Sak, list[Melding]]:
    """Saken og meldingene i den, for deltakeren selv eller kontoret. Lesingen logges per person."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    meldinger = list(Melding.objects.filter(sak=sak).select_related("avsender", "vedlegg"))
    lesing_registrer(
        bruker=bruker,
        personer=[(sak.person_id, sak.kontor_id)],
        formaal="Leste samtalen i saken",
        objekttype="meldinger",
        objekt_id=str(sak.pk),
    )
    return sak, meldinger


def deltakers_sak(*, bruker: Bruker) -> Sak | None:
    """Deltakerens nyeste sak (samtalen hører til den)."""
    personer = tilgang_for(bruker).deltaker_personer
    return Sak.objects.filter(person_id__in=personer).select_related("kontor").order_by("-mottatt_dato").first()


def _saker_for_veileder(bruker: Bruker) -> Q:
    """Sakene en KVP-veileder svarer på: egne saker, og saker uten saksbehandler på kontoret."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    return Q(sak__kontor_id__in=kontorer) & (Q(sak__saksbehandler=bruker) | Q(sak__saksbehandler__isnull=True))


def uleste_antall(*, bruker: Bruker) -> int:
    """Uleste meldinger til brukeren: fra kontoret for deltakeren, fra deltakerne for KVP-veilederen."""
    tilgang = tilgang_for(bruker)
    antall = 0
    if tilgang.deltaker_personer:
        antall += Melding.objects.filter(
            sak__person_id__in=tilgang.deltaker_personer, fra_deltaker=False, lest__isnull=True
        ).count()
    if tilgang.kontorer_med(Rolle.KVP_VEILEDER):
        antall += Melding.objects.filter(_saker_for_veileder(bruker), fra_deltaker=True, lest__isnull=True).count()
    return antall


def deltakermeldinger_aapne(bruker: Bruker) -> QuerySet[Melding]:
    """Uleste meldinger fra deltakerne som KVP-veilederen skal følge opp (til «mine oppgaver»).

    Gir bare meldinger i saker på brukerens kontor (egne saker og saker uten saksbehandler). Den som viser dem,
    logger lesingen per person.
    """
    if not tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER):
        return Melding.objects.none()
    return (
        Melding.objects.filter(_saker_for_veileder(bruker), fra_deltaker=True, lest__isnull=True)
        .select_related("sak", "sak__person")
        .order_by("sendt")
    )


def varsler_som_feilet(*, bruker: Bruker) -> QuerySet[Varsel]:
    """Varsler til personer på brukerens kontor som ikke er sendt (kontoret ser dem og kan ta kontakt)."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER, Rolle.LEDER)
    return Varsel.objects.filter(person__kontor_id__in=kontorer, status=Varsel.Status.FEILET).select_related("person")

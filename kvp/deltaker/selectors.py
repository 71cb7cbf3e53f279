"""Lesing for deltakerens KVP: samtalen om en sak, uleste meldinger og varslene kontoret skal se."""

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Q, QuerySet
from django.urls import reverse

from kvp.dokument.tilgang import sak_for_deltaker_eller_kontor
from kvp.felles.services import lesing_registrer
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

from .models import Endringsmelding, Melding, Varsel


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


@dataclass(frozen=True)
class Deltakeroppgave:
    """En åpen oppgave fra en deltaker: en ulest melding eller en endring som ikke er behandlet."""

    hva: str
    sak_id: UUID
    person_id: UUID
    kontor_id: UUID
    navn: str
    tidspunkt: dt.datetime
    url: str


def deltakermeldinger_aapne(bruker: Bruker) -> list[Deltakeroppgave]:
    """Uleste meldinger og ubehandlede endringer fra deltakerne som KVP-veilederen skal følge opp (til «mine
    oppgaver»), eldste først.

    Gir bare saker på brukerens kontor (egne saker og saker uten saksbehandler). Den som viser listen, logger
    lesingen per person (`person_id`, `kontor_id`).
    """
    if not tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER):
        return []
    oppgaver = [
        Deltakeroppgave(
            hva="Ulest melding fra deltakeren",
            sak_id=m.sak_id,
            person_id=m.sak.person_id,
            kontor_id=m.sak.kontor_id,
            navn=m.sak.person.navn,
            tidspunkt=m.sendt,
            url=reverse("deltaker:sak_meldinger", kwargs={"sak_id": m.sak_id}),
        )
        for m in Melding.objects.filter(
            _saker_for_veileder(bruker), fra_deltaker=True, lest__isnull=True
        ).select_related("sak", "sak__person")
    ]
    oppgaver += [
        Deltakeroppgave(
            hva=f"Endring meldt: {e.get_type_display()}",
            sak_id=e.sak_id,
            person_id=e.sak.person_id,
            kontor_id=e.sak.kontor_id,
            navn=e.sak.person.navn,
            tidspunkt=e.meldt,
            url=reverse("sak:detalj", kwargs={"sak_id": e.sak_id}),
        )
        for e in Endringsmelding.objects.filter(_saker_for_veileder(bruker), behandlet__isnull=True).select_related(
            "sak", "sak__person"
        )
    ]
    return sorted(oppgaver, key=lambda o: o.tidspunkt)


def endringer_for_sak(*, bruker: Bruker, sak_id: UUID) -> list[Endringsmelding]:
    """Endringene deltakeren har meldt i saken, åpne først (saksbildet logger lesingen av saken)."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    return list(Endringsmelding.objects.filter(sak=sak).select_related("behandlet_av").order_by("-behandlet", "-meldt"))


def varsler_som_feilet(*, bruker: Bruker) -> QuerySet[Varsel]:
    """Varsler til personer på brukerens kontor som ikke er sendt (kontoret ser dem og kan ta kontakt)."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER, Rolle.LEDER)
    return Varsel.objects.filter(person__kontor_id__in=kontorer, status=Varsel.Status.FEILET).select_related("person")

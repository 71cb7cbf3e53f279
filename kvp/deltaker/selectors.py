"""Lesing for deltakerens KVP: samtalen om en sak, uleste meldinger og varslene kontoret skal se."""

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from kvp.dokument.tilgang import sak_for_deltaker_eller_kontor
from kvp.felles.oppgaver import Oppgave
from kvp.felles.services import lesing_registrer
from kvp.person.models import Person
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker, Rolle, Rolletildeling
from kvp.tilgang.tilgang import tilgang_for

from .models import Endringsmelding, Melding, Varsel

#: Høyst så mange uleste meldinger leses for «Mine oppgaver».
MAKS_OPPGAVER = 200


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


def deltakers_maalform(*, bruker: Bruker) -> str:
    """Deltakerens målform ("NB" eller "NN"); bokmål for alle andre."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        return "NB"
    return Person.objects.filter(pk__in=personer).values_list("maalform", flat=True).first() or "NB"


def deltakers_sak(*, bruker: Bruker) -> Sak | None:
    """Deltakerens nyeste sak (samtalen hører til den)."""
    personer = tilgang_for(bruker).deltaker_personer
    saker = Sak.objects.filter(person_id__in=personer).select_related("kontor", "person")
    return saker.order_by("-mottatt_dato").first()


def _veileder_borte() -> Q:
    """Saker der saksbehandleren er borte: brukeren er deaktivert, eller har ikke lenger KVP-veilederrollen ved
    sakens kontor. Da svarer kontoret (alle KVP-veilederne der), og lederen ser meldingen som en oppgave."""
    har_rollen = Rolletildeling.objects.filter(
        bruker_id=OuterRef("sak__saksbehandler_id"), kontor_id=OuterRef("sak__kontor_id"), rolle=Rolle.KVP_VEILEDER
    )
    return Q(sak__saksbehandler__is_active=False) | Q(~Exists(har_rollen))


def _saker_for_veileder(bruker: Bruker) -> Q:
    """Sakene en KVP-veileder svarer på: egne saker, saker uten saksbehandler på kontoret, og saker der
    saksbehandleren er borte (se `_veileder_borte`)."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    return Q(sak__kontor_id__in=kontorer) & (
        Q(sak__saksbehandler=bruker) | Q(sak__saksbehandler__isnull=True) | _veileder_borte()
    )


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


def meldinger_oppgaver(bruker: Bruker, i_dag: dt.date) -> list[Oppgave]:
    """Leverandøren til «Mine oppgaver» (ADR 0014): én oppgave per sak med uleste meldinger fra deltakeren,
    og én per endring deltakeren har meldt som ikke er behandlet.

    KVP-veilederen får sakene hen svarer på (egne, uten saksbehandler, og der saksbehandleren er borte). Lederen ved
    kontoret får sakene der saksbehandleren er borte, så kontoret ser meldingen. Oppgaven lenker til samtalen og
    forsvinner når en KVP-veileder har åpnet samtalen (meldingene er lest) eller svart.
    """
    tilgang = tilgang_for(bruker)
    filter_ = Q(pk__in=[])
    if tilgang.kontorer_med(Rolle.KVP_VEILEDER):
        filter_ |= _saker_for_veileder(bruker)
    ledet = tilgang.kontorer_med(Rolle.LEDER)
    if ledet:
        filter_ |= Q(sak__kontor_id__in=ledet) & _veileder_borte()
    if not tilgang.kontorer_med(Rolle.KVP_VEILEDER) and not ledet:
        return []
    per_sak: dict[UUID, tuple[Melding, int]] = {}
    for m in (
        Melding.objects.filter(filter_, fra_deltaker=True, lest__isnull=True)
        .select_related("sak", "sak__person")
        .order_by("sendt")[:MAKS_OPPGAVER]
    ):
        foerste, antall = per_sak.get(m.sak_id, (m, 0))
        per_sak[m.sak_id] = (foerste, antall + 1)
    oppgaver = []
    for foerste, antall in per_sak.values():
        sak = foerste.sak
        sendt = timezone.localtime(foerste.sendt).date()
        frist = settings.KVP_MELDING_SVARFRIST_DAGER
        oppgaver.append(
            Oppgave(
                type="DELTAKERMELDING",
                typenavn="Melding fra deltakeren",
                tittel=f"{antall} ulest{'e' if antall > 1 else ''} melding{'er' if antall > 1 else ''} fra deltakeren",
                lenke=reverse("deltaker:sak_meldinger", kwargs={"sak_id": sak.pk}),
                frist=sendt + dt.timedelta(days=frist),
                nivaa="OVERSKREDET" if (i_dag - sendt).days > frist else "VARSEL",
                person_id=sak.person_id,
                person_navn=sak.person.navn,
                kontor_id=sak.kontor_id,
                sak_id=sak.pk,
            )
        )
    if tilgang.kontorer_med(Rolle.KVP_VEILEDER):
        for e in Endringsmelding.objects.filter(_saker_for_veileder(bruker), behandlet__isnull=True).select_related(
            "sak", "sak__person"
        )[:MAKS_OPPGAVER]:
            oppgaver.append(
                Oppgave(
                    type="DELTAKERENDRING",
                    typenavn="Endring fra deltakeren",
                    tittel=f"Endring meldt: {e.get_type_display()}",
                    lenke=reverse("sak:detalj", kwargs={"sak_id": e.sak_id}),
                    person_id=e.sak.person_id,
                    person_navn=e.sak.person.navn,
                    kontor_id=e.sak.kontor_id,
                    sak_id=e.sak_id,
                )
            )
    return oppgaver


def endringer_for_sak(*, bruker: Bruker, sak_id: UUID) -> list[Endringsmelding]:
    """Endringene deltakeren har meldt i saken, åpne først (saksbildet logger lesingen av saken)."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    return list(Endringsmelding.objects.filter(sak=sak).select_related("behandlet_av").order_by("-behandlet", "-meldt"))


def varsler_som_feilet(*, bruker: Bruker) -> QuerySet[Varsel]:
    """Varsler til personer på brukerens kontor som ikke er sendt (kontoret ser dem og kan ta kontakt)."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER, Rolle.LEDER)
    return Varsel.objects.filter(person__kontor_id__in=kontorer, status=Varsel.Status.FEILET).select_related("person")

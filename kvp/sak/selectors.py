"""Lesing av saker og KVP-tavla. Alt filtreres på brukerens kontor, fylke eller egen person."""

import datetime as dt
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db.models import Case, Count, Exists, OuterRef, QuerySet, When
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for
from kvp_regler.vilkaar.frister import foreloepig_svar_frist

from .models import AAPNE_STATUSER, ForeloepigSvar, Sak, Status

ROLLER_SOM_SER_SAKER = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)
UTEN_SAKSBEHANDLER = "ingen"


def _synlige_saker(bruker: Bruker) -> QuerySet[Sak]:
    """Sakene brukeren ser i saksbehandlingen: kontorets, og statsforvalterens innsendte.

    Deltakeren ser ikke saksbehandlernes sider for sin egen sak (utkast til vedtak, vurderinger, kalenderen med
    skjemaene); hen har egne sider (Min side, Min plan og mitt oppmøte, brevene) med egne utvalg.
    """
    saker: QuerySet[Sak] = tilgang.synlige(bruker, "sak", Handling.LES)
    return saker


def saker_for_bruker(*, bruker: Bruker) -> QuerySet[Sak]:
    """Sakene brukeren ser (uten logging: den som viser dem, logger lesingen per person)."""
    return _synlige_saker(bruker)


def sak_hent(*, bruker: Bruker, sak_id: UUID) -> Sak:
    """Én sak brukeren har tilgang til; ellers IkkeFunnet (404, aldri dataene). Visningen logges."""
    sak = (
        _synlige_saker(bruker)
        .select_related("person", "person__kommune", "kontor", "saksbehandler", "soeknad")
        .filter(pk=sak_id)
        .first()
    )
    if sak is None:
        raise IkkeFunnet("Fant ikke saken.")
    logghendelse_registrer(bruker=bruker, kontor=sak.kontor, person=sak.person, handling="LES", objekt=sak)
    return sak


def saker_for_deltaker(*, bruker: Bruker) -> QuerySet[Sak]:
    personer = tilgang_for(bruker).deltaker_personer
    return Sak.objects.filter(person_id__in=personer).select_related("kontor").order_by("-mottatt_dato")


def foreloepige_svar_for_sak(*, sak: Sak) -> QuerySet[ForeloepigSvar]:
    """Kalles bare med en sak hentet gjennom sak_hent."""
    return sak.foreloepige_svar.select_related("registrert_av")


@dataclass(frozen=True)
class Tavlekort:
    sak: Sak
    dager: int
    frist: str  # "OK", "VARSEL" eller "OVERSKREDET"
    mangler_foreloepig_svar: bool


@dataclass(frozen=True)
class Tavlekolonne:
    status: str
    tittel: str
    kort: list[Tavlekort]
    antall: int

    @property
    def skjult(self) -> int:
        return self.antall - len(self.kort)


def _frist(dager: int, kontor: Any) -> str:
    if dager >= kontor.frist_overskredet_dager:
        return "OVERSKREDET"
    if dager >= kontor.frist_varsel_dager:
        return "VARSEL"
    return "OK"


def saker_for_tavle(*, bruker: Bruker, saksbehandler: str = "", i_dag: dt.date | None = None) -> list[Tavlekolonne]:
    """KVP-tavla: én kolonne per åpen status, saker uten saksbehandler først, så eldste først.

    Antall spørringer er konstant: én telling for alle kolonner og én spørring per kolonne
    (hver viser høyst KVP_TAVLE_MAKS_PER_KOLONNE kort; resten telles).
    """
    kontorer = tilgang.kontorer(bruker, "sak", Handling.LES, krev=True)
    i_dag = i_dag or timezone.localdate()
    qs = Sak.objects.filter(kontor_id__in=kontorer, status__in=AAPNE_STATUSER)
    if saksbehandler == UTEN_SAKSBEHANDLER:
        qs = qs.filter(saksbehandler__isnull=True)
    elif saksbehandler:
        # skjemaet slipper bare gjennom id-er fra listen; noe annet gir en tom tavle, aldri en feil
        qs = qs.filter(saksbehandler_id=int(saksbehandler)) if str(saksbehandler).isdigit() else qs.none()
    antall = dict(qs.values_list("status").annotate(n=Count("id")).order_by())
    maks = settings.KVP_TAVLE_MAKS_PER_KOLONNE
    kolonner = []
    for status in AAPNE_STATUSER:
        rader = (
            qs.filter(status=status)
            .select_related("person", "kontor", "saksbehandler")
            .only(
                "id",
                "status",
                "mottatt_dato",
                "kontor_id",
                "saksbehandler_id",
                "person_id",
                "person__fornavn",
                "person__etternavn",
                "person__foedselsnummer",
                "kontor__navn",
                "kontor__frist_varsel_dager",
                "kontor__frist_overskredet_dager",
                "saksbehandler__first_name",
                "saksbehandler__last_name",
                "saksbehandler__username",
            )
            .annotate(har_svar=Exists(ForeloepigSvar.objects.filter(sak_id=OuterRef("pk"))))
            .annotate(tildelt=Case(When(saksbehandler_id__isnull=True, then=0), default=1))
            .order_by("tildelt", "mottatt_dato", "id")[:maks]
        )
        kort = []
        for sak in rader:
            dager = (i_dag - sak.mottatt_dato).days
            kort.append(
                Tavlekort(
                    sak=sak,
                    dager=dager,
                    frist=_frist(dager, sak.kontor),
                    mangler_foreloepig_svar=i_dag >= foreloepig_svar_frist(sak.mottatt_dato) and not sak.har_svar,
                )
            )
        kolonner.append(
            Tavlekolonne(status=status, tittel=Status(status).label, kort=kort, antall=antall.get(status, 0))
        )
    lesing_registrer(
        bruker=bruker,
        personer=((k.sak.person_id, k.sak.kontor_id) for kol in kolonner for k in kol.kort),
        formaal="Saksoversikt på KVP-tavla",
        objekttype="KVP-tavla",
    )
    return kolonner

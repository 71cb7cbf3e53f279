"""Lesing i tilsynet og rettleiingen. Hver funksjon tar `bruker` og sjekker tilgangen.

* Statsforvalteren ser tilsyn og rettleiinger for kontorene i sine fylker, og åpner bare saker som står i utvalget
  til et av disse tilsynene. Hver lesing av personopplysninger logges med tilsynet den var for (`formaal`).
* Lederen på kontoret ser tilsynet og rapporten fra rapporten er sendt, og svarer med tiltak.
* Alle med en kontorrolle ser rettleiingene til kontoret sitt og hvilke de selv har lest.

Ikke funnet og ingen tilgang til objektet gir `IkkeFunnet` (404), så et annet fylke ikke får vite hva som finnes.
"""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from uuid import UUID

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet

from kvp.brev.models import Brev
from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import lesing_registrer
from kvp.oppmoete.models import Maanedsattestering
from kvp.plan.models import Aktivitet
from kvp.sak.models import ForeloepigSvar, Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import KONTORROLLER, Bruker, NavKontor, Rolle
from kvp.tilgang.tilgang import tilgang_for
from kvp.utbetaling.models import Utbetalingspost
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vilkaarsvurdering
from kvp.vedtak.selectors import evalueringsdatoer_for_sak

from .models import Kontrollpunkt, Rettleiing, RettleiingLest, Tilsyn, Tilsynsstatus, Utvalgssak


class Handling(StrEnum):
    LES = "LES"
    """Se tilsynet (statsforvalteren i fylket; lederen på kontoret når rapporten er sendt)."""
    ARBEID = "ARBEID"
    """Føre tilsynet: trekke utvalget, vurdere, registrere funn, sende rapporten, godta tiltakene."""
    SVAR = "SVAR"
    """Svare på rapporten med tiltak (lederen på kontoret)."""


#: Tilsynets handlinger i tilgangslaget (registrert i `TilsynConfig.ready()`).
_HANDLING = {
    Handling.LES: tilgang.Handling.LES,
    Handling.ARBEID: tilgang.Handling.BEHANDLE,
    Handling.SVAR: tilgang.Handling.SKRIV,
}


def formaal(tilsyn: Tilsyn) -> str:
    """Formålet i revisjonsloggen for lesinger i tilsynet."""
    return f"Tilsyn {str(tilsyn.pk)[:8]}: {tilsyn.tema}"


def er_statsforvalter(bruker: Bruker) -> bool:
    return bool(tilgang_for(bruker).statsforvalter_fylker)


def kontorer_for_statsforvalter(*, bruker: Bruker) -> QuerySet[NavKontor]:
    """Kontorene i statsforvalterens fylker (tomt for alle andre)."""
    return NavKontor.objects.filter(fylke__in=tilgang_for(bruker).statsforvalter_fylker).order_by("fylke", "navn")


def tilsyn_hent(*, bruker: Bruker, id: UUID, handling: str = Handling.LES, laas: bool = False) -> Tilsyn:
    """Ett tilsyn brukeren har tilgang til for `handling`; ellers IkkeFunnet (eller IkkeTilgang når brukeren ser
    tilsynet, men ikke kan gjøre handlingen). `laas` låser raden til transaksjonen er ferdig."""
    t: Tilsyn = tilgang.tilsyn(bruker, id, _HANDLING[Handling(handling)], laas=laas)
    return t


def tilsyn_liste(*, bruker: Bruker) -> QuerySet[Tilsyn]:
    """Tilsynene brukeren ser: statsforvalterens i fylket, og lederens for eget kontor når rapporten er sendt."""
    qs: QuerySet[Tilsyn] = tilgang.synlige(bruker, "tilsyn", tilgang.Handling.LES)
    return qs.select_related("kontor").order_by("-opprettet")


def utvalg_for_tilsyn(*, bruker: Bruker, tilsyn: Tilsyn) -> list[Utvalgssak]:
    """Sakene i utvalget med kontrollpunktene. Bare for statsforvalteren; visningen logges per person."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn.pk, handling=Handling.ARBEID)
    utvalg = list(
        tilsyn.utvalg.select_related("sak__person", "sak__kontor").prefetch_related(
            Prefetch("kontrollpunkter", queryset=Kontrollpunkt.objects.order_by("id"))
        )
    )
    lesing_registrer(
        bruker=bruker,
        personer=((u.sak.person_id, u.sak.kontor_id) for u in utvalg),
        formaal=formaal(tilsyn),
        objekttype="Tilsyn, utvalget",
        objekt_id=str(tilsyn.pk),
    )
    return utvalg


@dataclass(frozen=True)
class Saksbevis:
    """Alt statsforvalteren ser av en sak i utvalget."""

    tilsyn: Tilsyn
    utvalgssak: Utvalgssak
    sak: Sak
    vilkaarsvurdering: Vilkaarsvurdering | None
    vedtak: list[Vedtak]
    brev: dict[UUID, Brev]
    foreloepige_svar: list[ForeloepigSvar]
    aktiviteter: list[Aktivitet]
    evalueringer: list[dt.date]
    """Evalueringsdatoene fra vedtaket (den ene kilden, ADR 0019)."""
    attesteringer: list[Maanedsattestering]
    utbetalinger: list[Utbetalingspost]
    kontrollpunkter: list[Kontrollpunkt]


def tilsyn_sak_hent(*, bruker: Bruker, tilsyn_id: UUID, sak_id: UUID) -> Saksbevis:
    """En sak i utvalget til tilsynet, med bevisene. En sak utenfor utvalget gir IkkeFunnet, også om den finnes.

    Lesingen logges på personen med tilsynet som formål."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID)
    utvalgssak = (
        Utvalgssak.objects.select_related("sak__person", "sak__kontor", "sak__soeknad")
        .filter(tilsyn=tilsyn, sak_id=sak_id)
        .first()
    )
    if utvalgssak is None:
        raise IkkeFunnet("Fant ikke saken.")
    sak = utvalgssak.sak
    vedtak = list(
        Vedtak.objects.filter(sak=sak, status=Vedtaksstatus.FATTET)
        .select_related("beslutter", "opprettet_av")
        .prefetch_related("skrevet_av", "hendelser__bruker")
        .order_by("vedtak_dato", "fattet_tidspunkt")
    )
    brev = {b.vedtak_id: b for b in Brev.objects.filter(vedtak__in=vedtak).defer("pdf")}
    bevis = Saksbevis(
        tilsyn=tilsyn,
        utvalgssak=utvalgssak,
        sak=sak,
        vilkaarsvurdering=Vilkaarsvurdering.objects.filter(sak=sak).first(),
        vedtak=vedtak,
        brev=brev,
        foreloepige_svar=list(ForeloepigSvar.objects.filter(sak=sak).order_by("sendt_dato")),
        aktiviteter=list(Aktivitet.objects.filter(sak=sak).order_by("fra_og_med", "type")),
        evalueringer=evalueringsdatoer_for_sak(sak=sak),
        attesteringer=list(Maanedsattestering.objects.filter(sak=sak).order_by("aar", "maaned")),
        utbetalinger=list(Utbetalingspost.objects.filter(sak=sak).order_by("aar", "maaned", "pk")),
        kontrollpunkter=list(utvalgssak.kontrollpunkter.order_by("id")),
    )
    lesing_registrer(
        bruker=bruker,
        personer=[(sak.person_id, sak.kontor_id)],
        formaal=formaal(tilsyn),
        objekttype="Tilsyn, saken",
        objekt_id=str(sak.pk),
    )
    return bevis


def kontrollpunkt_hent(*, bruker: Bruker, tilsyn_id: UUID, kontrollpunkt_id: int) -> Kontrollpunkt:
    """Et kontrollpunkt i et tilsyn statsforvalteren fører; ellers IkkeFunnet."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID)
    punkt = (
        Kontrollpunkt.objects.select_related("utvalgssak")
        .filter(pk=kontrollpunkt_id, utvalgssak__tilsyn=tilsyn)
        .first()
    )
    if punkt is None:
        raise IkkeFunnet("Fant ikke kontrollpunktet.")
    return punkt


def tilsyn_som_venter_paa_kontoret(*, bruker: Bruker) -> QuerySet[Tilsyn]:
    """Tilsyn der rapporten er sendt og lederen på kontoret skal svare med tiltak."""
    return Tilsyn.objects.filter(
        kontor_id__in=tilgang_for(bruker).kontorer_med(Rolle.LEDER), status=Tilsynsstatus.RAPPORT_SENDT
    ).select_related("kontor")


def funn_for_tilsyn(*, tilsyn: Tilsyn) -> QuerySet[Any]:
    """Kalles bare med et tilsyn hentet gjennom tilsyn_hent. Funnene har ingen personopplysninger."""
    return tilsyn.funn.order_by("type", "opprettet", "id")


# --- Rettleiing ---------------------------------------------------------------------------------------------------


def _kontorer_med_kontorrolle(bruker: Bruker) -> list[UUID]:
    return tilgang_for(bruker).kontorer_med(*KONTORROLLER)


def _gjelder_kontorene(kontorer: list[UUID]) -> Q:
    fylker = NavKontor.objects.filter(pk__in=kontorer).values("fylke")
    return Q(kontor_id__in=kontorer) | Q(kontor__isnull=True, fylke__in=fylker)


def rettleiing_hent(*, bruker: Bruker, id: UUID) -> Rettleiing:
    """En rettleiing fra statsforvalteren i brukerens fylke, eller til brukerens kontor; ellers IkkeFunnet."""
    rettleiing: Rettleiing = tilgang.rettleiing(bruker, id)
    return rettleiing


def rettleiinger_for_statsforvalter(*, bruker: Bruker) -> QuerySet[Rettleiing]:
    """Rettleiingene statsforvalteren har publisert i sine fylker, med hvor mange som har lest dem."""
    return (
        Rettleiing.objects.filter(fylke__in=tilgang_for(bruker).statsforvalter_fylker)
        .select_related("kontor")
        .prefetch_related("lest__kontor")
    )


def rettleiinger_for_kontoret(
    *, bruker: Bruker, i_dag: dt.date, steg: str | None = None, bare_uleste: bool = False
) -> QuerySet[Rettleiing]:
    """Gyldige rettleiinger til kontorene der brukeren har en kontorrolle, med `er_lest` for brukeren."""
    kontorer = _kontorer_med_kontorrolle(bruker)
    if not kontorer:
        return Rettleiing.objects.none()
    qs = (
        Rettleiing.objects.filter(_gjelder_kontorene(kontorer), gyldig_fra__lte=i_dag)
        .filter(Q(gyldig_til__isnull=True) | Q(gyldig_til__gte=i_dag))
        .annotate(er_lest=Exists(RettleiingLest.objects.filter(rettleiing=OuterRef("pk"), bruker=bruker)))
        .select_related("kontor")
    )
    if steg:
        qs = qs.filter(steg=steg)
    if bare_uleste:
        qs = qs.filter(er_lest=False)
    return qs

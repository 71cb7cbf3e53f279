"""Lesing av vilkårsvurderinger, vedtak og frister. Alt avgrenses til brukerens kontor; visninger logges."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.sak.models import AKTIVE_STATUSER, Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import krev_rolle
from kvp_regler.vilkaar import Frist, programfrister

from .models import (
    Forhaandsvarsel,
    ForhaandsvarselGjelder,
    Vedtak,
    VedtakHendelse,
    Vedtaksstatus,
    Vedtakstype,
    Vilkaarsvurdering,
)

ROLLER_SOM_SER_VEDTAK = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)


def vilkaarsvurdering_for_sak(*, sak: Sak) -> Vilkaarsvurdering | None:
    """Kalles bare med en sak hentet gjennom `sak_hent` (som sjekker tilgang og logger)."""
    return Vilkaarsvurdering.objects.filter(sak=sak).select_related("vurdert_av").first()


def vedtak_for_sak(*, sak: Sak) -> QuerySet[Vedtak]:
    """Kalles bare med en sak hentet gjennom `sak_hent`."""
    return sak.vedtak.select_related("opprettet_av", "beslutter").order_by("-opprettet")


def vedtak_hent(*, bruker: Bruker, vedtak_id: UUID) -> Vedtak:
    """Ett vedtak ved brukerens kontor; ellers IkkeFunnet (404). Visningen logges."""
    vedtak: Vedtak = tilgang.vedtak(
        bruker,
        vedtak_id,
        Handling.LES,
        relatert=("sak", "sak__person", "sak__person__kommune", "sak__kontor", "opprettet_av", "beslutter"),
        queryset=Vedtak.objects.prefetch_related(
            Prefetch("hendelser", queryset=VedtakHendelse.objects.select_related("bruker"))
        ),
    )
    logghendelse_registrer(
        bruker=bruker, kontor=vedtak.sak.kontor, person=vedtak.sak.person, handling="LES", objekt=vedtak
    )
    return vedtak


def vedtak_til_beslutter(*, bruker: Bruker) -> QuerySet[Vedtak]:
    """Vedtak som venter på en beslutter ved brukerens kontorer (også de brukeren selv har skrevet, merket)."""
    kontorer = krev_rolle(bruker, (Rolle.BESLUTTER, Rolle.LEDER))
    return (
        Vedtak.objects.filter(sak__kontor_id__in=kontorer, status=Vedtaksstatus.TIL_BESLUTTER)
        .select_related("sak", "sak__person", "opprettet_av")
        .order_by("endret")
    )


@dataclass(frozen=True)
class Saksfrister:
    sak: Sak
    frister: list[Frist]


def evalueringsdatoer_i(fattede: Iterable[Vedtak]) -> list[dt.date]:
    """Evalueringene i det siste fattede vedtaket som fastsatte dem (innvilgelse eller endring).

    `fattede` er sakens fattede vedtak, nyeste først. Dette er den ene kilden til evalueringsdatoene: planen,
    fristene, Mine oppgaver, tilsynet og deltakerens side leser dem herfra (ADR 0019)."""
    for v in fattede:
        if v.type in (Vedtakstype.INNVILGELSE, Vedtakstype.ENDRING) and v.evalueringsdatoer:
            return sorted(dt.date.fromisoformat(d) for d in v.evalueringsdatoer)
    return []


def evalueringsdatoer_for_sak(*, sak: Sak) -> list[dt.date]:
    """Evalueringsdatoene vedtaket fastsatte for saken. Kalles bare med en sak hentet gjennom tilgangslaget."""
    fattede = (
        Vedtak.objects.filter(
            sak=sak, status=Vedtaksstatus.FATTET, type__in=(Vedtakstype.INNVILGELSE, Vedtakstype.ENDRING)
        )
        .only("type", "evalueringsdatoer", "fattet_tidspunkt")
        .order_by("-fattet_tidspunkt")
    )
    return evalueringsdatoer_i(fattede)


def _evalueringsdatoer(sak: Sak) -> list[dt.date]:
    return evalueringsdatoer_i(sak.fattede)  # type: ignore[attr-defined]


def frister_for_kontor(*, bruker: Bruker, i_dag: dt.date | None = None, maks: int = 200) -> list[Saksfrister]:
    """Aktive saker ved brukerens kontorer som har en frist som krever handling, mest presserende først."""
    kontorer = tilgang.kontorer(bruker, "vedtak", Handling.LES, krev=True)
    i_dag = i_dag or timezone.localdate()
    saker = (
        Sak.objects.filter(kontor_id__in=kontorer, status__in=AKTIVE_STATUSER)
        .select_related("person", "kontor", "saksbehandler")
        .prefetch_related(
            Prefetch(
                "vedtak",
                queryset=Vedtak.objects.filter(status=Vedtaksstatus.FATTET).order_by("-fattet_tidspunkt"),
                to_attr="fattede",
            )
        )
        .order_by("program_til_og_med", "id")
    )
    svar = []
    for sak in saker:
        frister = programfrister(
            i_dag=i_dag,
            vedtak_dato=sak.vedtak_dato,
            begynt_dato=sak.begynt_dato,
            program_fra_og_med=sak.program_fra_og_med,
            program_til_og_med=sak.program_til_og_med,
            evalueringsdatoer=_evalueringsdatoer(sak),
            frist_oppstart_maaneder=sak.kontor.frist_oppstart_maaneder,
            varsel_programslutt_uker=sak.kontor.varsel_programslutt_uker,
        )
        if frister:
            svar.append(Saksfrister(sak=sak, frister=frister))
    svar.sort(key=lambda s: (s.frister[0].nivaa != "OVERSKREDET", s.frister[0].dato))
    return svar[:maks]


#: Hvem som ser forhåndsvarslene: KVP-saksbehandlerne, beslutter og leder, og økonomi (tilbakekreving).
ROLLER_SOM_SER_FORHAANDSVARSEL = (*ROLLER_SOM_SER_VEDTAK, Rolle.OEKONOMI)


def forhaandsvarsler_for_sak(*, sak: Sak) -> QuerySet[Forhaandsvarsel]:
    """Sakens forhåndsvarsler, nyeste først. Kalles bare med en sak hentet gjennom `sak_hent`."""
    return sak.forhaandsvarsler.select_related("opprettet_av", "svar_registrert_av", "brev").order_by(
        "-sendt_dato", "-opprettet"
    )


def forhaandsvarsler_med_utloept_frist(
    *, bruker: Bruker, sak: Sak | None = None, i_dag: dt.date | None = None
) -> list[Forhaandsvarsel]:
    """Oppgavene for saksbehandleren (forvaltningsloven § 16): forhåndsvarsler ved brukerens kontorer der svarfristen
    er ute uten at deltakeren har svart, og vedtaket ennå ikke er fattet (eller tilbakekrevingen avgjort). Eldste
    frist først. Med `sak` bare den sakens. Hver person som vises, logges som lest."""
    i_dag = i_dag or timezone.localdate()
    varsler = (
        tilgang.synlige(bruker, "forhaandsvarsel")
        .filter(svar_dato__isnull=True, avgjort__isnull=True, svarfrist__lt=i_dag)
        .select_related("sak", "sak__person", "sak__kontor")
    )
    if sak is not None:
        varsler = varsler.filter(sak=sak)
    liste = [
        v
        for v in varsler.order_by("svarfrist", "opprettet")
        if v.gjelder == ForhaandsvarselGjelder.TILBAKEKREVING or v.sak.status in AKTIVE_STATUSER
    ]
    if sak is None and liste:
        lesing_registrer(
            bruker=bruker,
            personer=((v.sak.person_id, v.sak.kontor_id) for v in liste),
            formaal="Forhåndsvarsler med utløpt svarfrist",
            objekttype="forhåndsvarsler",
        )
    return liste


def forhaandsvarsel_hent(*, bruker: Bruker, forhaandsvarsel_id: UUID) -> Forhaandsvarsel:
    """Ett forhåndsvarsel ved brukerens kontorer; ellers IkkeFunnet (404). Lesingen logges."""
    varsel: Forhaandsvarsel = tilgang.hent(
        bruker, "forhaandsvarsel", forhaandsvarsel_id, Handling.LES, relatert=("sak", "sak__person", "sak__kontor")
    )
    logghendelse_registrer(
        bruker=bruker, kontor=varsel.sak.kontor, person=varsel.sak.person, handling="LES", objekt=varsel
    )
    return varsel

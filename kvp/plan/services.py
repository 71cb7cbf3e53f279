"""Skriving av programplanen. Hver endring lagres som en ny rad i planhistorikken og i revisjonsloggen."""

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import transaction

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import AKTIVE_STATUSER, Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp_regler.program.plan import Planaktivitet, timer_per_uke
from kvp_regler.program.timer import maks_arbeidstimer, minste_verdi, timer_tekst

from .models import Aktivitet, Aktivitetsstatus, Aktivitetstype, Planhistorikk

ROLLER_SOM_SKRIVER = (Rolle.KVP_VEILEDER,)


def _hent_sak(*, bruker: Bruker, sak_id: UUID) -> tuple[Sak, tuple[dt.date, dt.date]]:
    sak: Sak = tilgang.plan(bruker, sak_id, Handling.SKRIV, laas=True, relatert=("person", "kontor"))
    if sak.status not in AKTIVE_STATUSER:
        raise KvpFeil("Planen kan bare endres mens saken er innvilget eller i program.", kode="KVP_SAK_STATUS")
    periode = sak.programperiode()
    if periode is None:
        raise KvpFeil("Saken har ingen programperiode ennå.", kode="KVP_INGEN_PROGRAMPERIODE")
    return sak, periode


def _som_data(aktivitet: Aktivitet) -> dict[str, Any]:
    return {
        "type": aktivitet.type,
        "beskrivelse": aktivitet.beskrivelse,
        "timer_per_uke": str(aktivitet.timer_per_uke),
        "fra_og_med": aktivitet.fra_og_med.isoformat(),
        "til_og_med": aktivitet.til_og_med.isoformat(),
        "tilbyder": aktivitet.tilbyder,
        "status": aktivitet.status,
        "avtalt_med_deltaker": aktivitet.avtalt_med_deltaker,
    }


def _sjekk_aktivitet(*, sak: Sak, periode: tuple[dt.date, dt.date], aktivitet: Aktivitet) -> None:
    if aktivitet.type not in Aktivitetstype.values:
        raise KvpFeil("Velg en aktivitetstype fra listen.", felt="type", kode="KVP_PLAN_TYPE")
    if aktivitet.status not in Aktivitetsstatus.values:
        raise KvpFeil("Velg en status fra listen.", felt="status", kode="KVP_PLAN_STATUS")
    timer = aktivitet.timer_per_uke
    full_tid, _ = minste_verdi("timer_per_uke_full_tid", aktivitet.fra_og_med, aktivitet.til_og_med)
    if not Decimal(0) < timer <= full_tid:
        raise KvpFeil(
            f"Timer per uke må være mer enn 0 og høyst {timer_tekst(full_tid)}.",
            felt="timer_per_uke",
            kode="KVP_PLAN_TIMER",
        )
    maks_arbeid, _ = minste_verdi("maks_arbeidstimer_per_uke", aktivitet.fra_og_med, aktivitet.til_og_med)
    if aktivitet.type == Aktivitetstype.LOENNET_ARBEID and timer > maks_arbeid:
        raise KvpFeil(
            f"Lønnet arbeid kan være høyst {timer_tekst(maks_arbeid)} timer per uke (50 % stilling).",
            felt="timer_per_uke",
            kode="KVP_PLAN_ARBEID",
        )
    if aktivitet.til_og_med < aktivitet.fra_og_med:
        raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med", kode="KVP_DATO")
    fra, til = periode
    if aktivitet.fra_og_med < fra or aktivitet.til_og_med > til:
        raise KvpFeil(
            f"Aktiviteten må ligge innenfor programperioden {fra:%d.%m.%Y}–{til:%d.%m.%Y}.",
            felt="fra_og_med",
            kode="KVP_PLAN_UTENFOR",
        )
    andre = list(Aktivitet.objects.filter(sak=sak).exclude(pk=aktivitet.pk))

    alle = [*andre, aktivitet]
    planaktiviteter = [
        Planaktivitet(
            type=a.type,
            timer_per_uke=a.timer_per_uke,
            fra_og_med=a.fra_og_med,
            til_og_med=a.til_og_med,
            status=a.status,
        )
        for a in alle
    ]
    maks = Decimal(settings.KVP_PLAN_MAKS_TIMER_PER_UKE)
    for mandag, timer_i_uka in timer_per_uke(planaktiviteter, aktivitet.fra_og_med, aktivitet.til_og_med):
        if timer_i_uka > maks:
            aar, uke, _ = mandag.isocalendar()
            raise KvpFeil(
                f"Aktivitetene overlapper og blir {timer_tekst(timer_i_uka)} timer i uke {uke} {aar}. "
                f"Mer enn {timer_tekst(maks)} timer i uka er ikke mulig å følge opp; juster timene eller periodene.",
                felt="timer_per_uke",
                kode="KVP_PLAN_OVERLAPP",
            )
    arbeid = [p for p in planaktiviteter if p.type == Aktivitetstype.LOENNET_ARBEID]
    for mandag, timer_i_uka in timer_per_uke(arbeid, aktivitet.fra_og_med, aktivitet.til_og_med):
        grense = maks_arbeidstimer(max(mandag, aktivitet.fra_og_med))
        if timer_i_uka > grense:
            aar, uke, _ = mandag.isocalendar()
            raise KvpFeil(
                f"Lønnet arbeid blir {timer_tekst(timer_i_uka)} timer i uke {uke} {aar}; høyst {timer_tekst(grense)} "
                "timer per uke (50 % stilling).",
                felt="timer_per_uke",
                kode="KVP_PLAN_ARBEID",
            )

    # Saken er låst (`_hent_sak`): et dobbeltklikk eller to faner gir ikke samme aktivitet to ganger.
    def noekkel(a: Aktivitet) -> tuple[Any, ...]:
        return (a.type, a.fra_og_med, a.til_og_med, Decimal(a.timer_per_uke), a.beskrivelse, a.tilbyder)

    if any(noekkel(a) == noekkel(aktivitet) for a in andre):
        raise KvpFeil(
            "Denne aktiviteten finnes allerede i planen med samme periode og timer. Endre den i stedet.",
            kode="KVP_PLAN_DOBBEL",
        )


def _historikk(*, bruker: Bruker, sak: Sak, objekt: Any, objekttype: str, handling: str, data: dict[str, Any]) -> None:
    Planhistorikk.objects.create(
        sak=sak, objekttype=objekttype, objekt_id=objekt.pk, handling=handling, data=data, endret_av=bruker
    )


@transaction.atomic
def aktivitet_opprett(
    *,
    bruker: Bruker,
    sak_id: UUID,
    type: str,
    timer_per_uke: Decimal,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    beskrivelse: str = "",
    tilbyder: str = "",
    status: str = Aktivitetsstatus.PLANLAGT,
    avtalt_med_deltaker: bool = False,
) -> Aktivitet:
    """Legger en aktivitet til i planen."""
    sak, periode = _hent_sak(bruker=bruker, sak_id=sak_id)
    aktivitet = Aktivitet(
        sak=sak,
        type=type,
        timer_per_uke=timer_per_uke,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        beskrivelse=beskrivelse.strip(),
        tilbyder=tilbyder.strip(),
        status=status,
        avtalt_med_deltaker=avtalt_med_deltaker,
        endret_av=bruker,
    )
    _sjekk_aktivitet(sak=sak, periode=periode, aktivitet=aktivitet)
    aktivitet.save()
    data = _som_data(aktivitet)
    _historikk(bruker=bruker, sak=sak, objekt=aktivitet, objekttype="AKTIVITET", handling="OPPRETT", data=data)
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="OPPRETT", objekt=aktivitet, etter=data
    )
    return aktivitet


@transaction.atomic
def aktivitet_endre(*, bruker: Bruker, aktivitet_id: UUID, **endringer: Any) -> Aktivitet:
    """Endrer en aktivitet (også status og «avtalt med deltaker»). Den forrige versjonen står i historikken."""
    gammel = Aktivitet.objects.filter(pk=aktivitet_id).only("sak_id").first()
    if gammel is None:
        raise IkkeFunnet("Fant ikke aktiviteten.")
    sak, periode = _hent_sak(bruker=bruker, sak_id=gammel.sak_id)
    aktivitet = Aktivitet.objects.select_for_update().get(pk=aktivitet_id)
    foer = _som_data(aktivitet)
    lovlige = {
        "type",
        "timer_per_uke",
        "fra_og_med",
        "til_og_med",
        "beskrivelse",
        "tilbyder",
        "status",
        "avtalt_med_deltaker",
    }
    for felt, verdi in endringer.items():
        if felt not in lovlige:
            raise KvpFeil(f"Feltet {felt} kan ikke endres.", kode="KVP_PLAN_FELT")
        setattr(
            aktivitet, felt, verdi.strip() if isinstance(verdi, str) and felt in {"beskrivelse", "tilbyder"} else verdi
        )
    aktivitet.endret_av = bruker
    _sjekk_aktivitet(sak=sak, periode=periode, aktivitet=aktivitet)
    etter = _som_data(aktivitet)
    if etter == foer:
        return aktivitet
    aktivitet.save()
    _historikk(bruker=bruker, sak=sak, objekt=aktivitet, objekttype="AKTIVITET", handling="ENDRE", data=etter)
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="ENDRE", objekt=aktivitet, foer=foer, etter=etter
    )
    return aktivitet

"""Demodata for programplan og oppmøte: deltakeren i demoen (Dina) er i program med plan, oppmøte og attesterte
måneder. Alt går gjennom tjenestene; programfeltene på saken settes av vedtakene (`kvp.demo.vedtak`), og bare om de
mangler, settes de direkte her, som i testfixturen `lag_sak_i_program`."""

import datetime as dt
from decimal import Decimal
from typing import Any

from kvp.oppmoete.kalender import helligdager, virkedager
from kvp.oppmoete.models import Dagstatus, Dokumentasjon
from kvp.oppmoete.services import maaned_attester, oppmoete_registrer
from kvp.plan.models import Aktivitetsstatus, Aktivitetstype
from kvp.plan.services import aktivitet_opprett
from kvp.sak.models import AKTIVE_STATUSER, Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp_regler.program.timer import full_tid

from .datoer import dinas_programstart


def _virkedag(aar: int, maaned: int, nr: int) -> dt.date:
    fra = dt.date(aar, maaned, 1)
    til = (fra + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    hellig = helligdager(fra, til)
    return [d for d in virkedager(fra, til) if d not in hellig][nr]


def plan_og_oppmoete_demodata(*, kvp_veileder: Any, deltaker_person: Any, i_dag: dt.date) -> Sak | None:
    """Deltakeren er i program fra `dinas_programstart`, med plan og oppmøte til `i_dag`."""
    start = dinas_programstart(i_dag)
    slutt = start + dt.timedelta(days=364)
    sak = Sak.objects.filter(person=deltaker_person, status__in=AKTIVE_STATUSER).first()
    if sak is None:
        _, sak = soeknad_registrer(
            bruker=kvp_veileder, person=deltaker_person, mottatt_dato=start - dt.timedelta(days=40), kanal=Kanal.PAPIR
        )
    if sak.program_fra_og_med is None:
        Sak.objects.filter(pk=sak.pk).update(
            status=Status.I_PROGRAM,
            saksbehandler=kvp_veileder,
            vedtak_dato=start - dt.timedelta(days=14),
            begynt_dato=start,
            program_fra_og_med=start,
            program_til_og_med=slutt,
        )
    sak = Sak.objects.select_related("person__kommune").get(pk=sak.pk)
    if sak.aktiviteter.exists():
        return sak
    halvveis = start + (slutt - start) / 2
    en_dag = full_tid(start) / 5  # planen fyller full tid: tre dager arbeidstrening, én oppfølging, én til
    for type_, timer, fra, til, tilbyder in (
        (Aktivitetstype.ARBEIDSTRENING, 3 * en_dag, start, slutt, "Kafé Trappa, Randaberg"),
        (Aktivitetstype.TETT_OPPFOELGING, en_dag, start, slutt, "NAV Randaberg-Kvitsøy"),
        (Aktivitetstype.NORSKOPPLAERING, en_dag, start, halvveis, "Voksenopplæringen"),
        (Aktivitetstype.ARBEIDSSOEKING, en_dag, halvveis + dt.timedelta(days=1), slutt, "NAV Randaberg-Kvitsøy"),
    ):
        aktivitet_opprett(
            bruker=kvp_veileder,
            sak_id=sak.pk,
            type=type_,
            timer_per_uke=timer,
            fra_og_med=fra,
            til_og_med=til,
            tilbyder=tilbyder,
            status=Aktivitetsstatus.PAAGAAR if fra <= i_dag else Aktivitetsstatus.PLANLAGT,
            avtalt_med_deltaker=True,
        )
    aar, maaned = start.year, start.month
    ferdige = []
    while (aar, maaned) < (i_dag.year, i_dag.month):
        syk = _virkedag(aar, maaned, 6)
        oppmoete_registrer(
            bruker=kvp_veileder,
            sak_id=sak.pk,
            fra_og_med=syk,
            status=Dagstatus.GYLDIG_FRAVAER,
            dokumentasjon=Dokumentasjon.EGENMELDING,
        )
        oppmoete_registrer(
            bruker=kvp_veileder,
            sak_id=sak.pk,
            fra_og_med=_virkedag(aar, maaned, 11),
            status=Dagstatus.UGYLDIG_FRAVAER,
            timer=Decimal("3"),
            merknad="Kom for sent",
        )
        ferdige.append((aar, maaned))
        aar, maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)
    for aar, maaned in ferdige[:-1]:  # den siste ferdige måneden venter på attestering
        maaned_attester(bruker=kvp_veileder, sak_id=sak.pk, aar=aar, maaned=maaned)
    return sak

"""Skriving for jobbene: start (idempotent per nøkkel), kjøring med fremdrift, og gjenopptak etter en arbeidsprosess
som stoppet midt i.

* `jobb_start` lager jobben og legger oppgaven i køen i samme transaksjon (databasebakenden lagrer oppgaven i samme
  database), så det finnes aldri en jobb uten oppgave eller omvendt. Finnes en aktiv jobb med samme nøkkel, gis den
  tilbake i stedet for å starte arbeidet to ganger (også databasen nekter to aktive jobber med samme nøkkel).
* `jobb_kjoer` kjøres av oppgaven. Bare oppgaven jobben peker på (`oppgave_id`) får kjøre den.
* `jobber_gjenoppta` kjøres når en arbeidsprosess starter: jobber som eies av en prosess som ikke finnes lenger
  (samme maskin), eller som ikke har gitt hjerteslag innen fristen, legges i køen igjen med en ny oppgave. Jobbtypene
  lagrer i transaksjoner som er helt lagret eller ikke lagret, og hopper over det som er gjort, så jobben fortsetter
  der den stoppet. Etter `MAKS_FORSOEK` avbrudd feiler jobben med en norsk melding.
"""

import datetime as dt
import logging
import os
import socket
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker, NavKontor

from . import typer
from .fremdrift import Fremdrift, JobbOvertatt
from .models import AKTIVE, Jobb, Jobbstatus

logger = logging.getLogger(__name__)

MAKS_FORSOEK = 3
HJERTESLAG_FRIST = dt.timedelta(minutes=15)
"""En jobb uten hjerteslag så lenge regnes som stoppet, også når arbeidsprosessen var på en annen maskin."""

INTERN_FEIL = (
    "Jobben stoppet på grunn av en feil i systemet. Det som ble lagret før feilen, er beholdt: hver del lagres helt "
    "eller ikke i det hele tatt. Start jobben på nytt; den fortsetter der den stoppet. Kontakt brukerstøtte om det "
    "skjer igjen."
)
FOR_MANGE_AVBRUDD = (
    "Jobben ble avbrutt {antall} ganger uten å bli ferdig. Det som ble lagret før avbruddene, er beholdt: hver del "
    "lagres helt eller ikke i det hele tatt. Start jobben på nytt, eller kontakt brukerstøtte."
)


def arbeider_navn() -> str:
    """Denne prosessen som arbeidsprosess: maskin og prosessnummer."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _legg_i_koen(jobb: Jobb) -> None:
    from .tasks import kjoer_jobb  # noqa: PLC0415 - tasks importerer services

    resultat = kjoer_jobb.enqueue(jobb_id=str(jobb.pk))
    jobb.oppgave_id = str(resultat.id)


@transaction.atomic
def jobb_start(
    *,
    bruker: Bruker,
    kontor: NavKontor,
    type: str,
    noekkel: str,
    tittel: str,
    parametre: dict[str, Any] | None = None,
) -> tuple[Jobb, bool]:
    """Starter jobben, eller gir tilbake den aktive jobben med samme nøkkel. Gir (jobben, om den er ny).

    Tilgangen sjekkes av tjenesten som kaller (den vet hvem som får starte hva), helst mens den holder en lås som
    gjør at to samtidige forespørsler ser hverandre (se `kvp.utbetaling.services.jobber`)."""
    if typer.hent(type) is None:
        raise ValueError(f"Ukjent jobbtype {type!r}")
    aktiv = Jobb.objects.filter(noekkel=noekkel, status__in=AKTIVE).first()
    if aktiv is not None:
        return aktiv, False
    try:
        with transaction.atomic():
            jobb = Jobb.objects.create(
                type=type, tittel=tittel, noekkel=noekkel, parametre=parametre or {}, kontor=kontor, startet_av=bruker
            )
    except IntegrityError:  # en annen startet samme jobb i samme øyeblikk
        return Jobb.objects.get(noekkel=noekkel, status__in=AKTIVE), False
    _legg_i_koen(jobb)
    jobb.save(update_fields=["oppgave_id"])
    logghendelse_registrer(
        bruker=bruker, kontor=kontor, handling="OPPRETT", objekt=jobb, beskrivelse=f"Startet jobben «{tittel}»"
    )
    return jobb, True


def _ta_jobben(jobb_id: str, oppgave_id: str) -> Jobb | None:
    with transaction.atomic():
        jobb = Jobb.objects.select_for_update().filter(pk=jobb_id).first()
        if jobb is None or jobb.oppgave_id != oppgave_id or jobb.status not in AKTIVE:
            return None
        naa = timezone.now()
        jobb.status = Jobbstatus.KJOERER
        jobb.forsoek += 1
        jobb.arbeider = arbeider_navn()
        jobb.startet = jobb.startet or naa
        jobb.hjerteslag = naa
        jobb.save(update_fields=["status", "forsoek", "arbeider", "startet", "hjerteslag"])
        return jobb


def _avslutt(jobb: Jobb, oppgave_id: str, *, status: str, melding: str, lenke: str = "", lenketekst: str = "") -> bool:
    endringer: dict[str, Any] = {"status": status, "melding": melding, "avsluttet": timezone.now()}
    endringer["hjerteslag"] = endringer["avsluttet"]
    if lenke:
        endringer.update(lenke=lenke, lenketekst=lenketekst)
    return bool(Jobb.objects.filter(pk=jobb.pk, oppgave_id=oppgave_id, status=Jobbstatus.KJOERER).update(**endringer))


def jobb_kjoer(*, jobb_id: str, oppgave_id: str) -> str:
    """Kjører jobben (kalles av oppgaven `tasks.kjoer_jobb`). Feil blir en norsk melding på jobben, aldri et
    unntak ut av arbeidsprosessen. Gir en kort tekst til oppgavens resultat."""
    jobb = _ta_jobben(jobb_id, oppgave_id)
    if jobb is None:
        return "hoppet over: jobben eies av en annen oppgave eller er avsluttet"
    jobbtype = typer.hent(jobb.type)
    fremdrift = Fremdrift(jobb_id=jobb.pk, oppgave_id=oppgave_id)
    try:
        if jobbtype is None:
            raise KvpFeil("Denne typen jobb finnes ikke lenger. Kontakt brukerstøtte.", kode="KVP_JOBB_UKJENT")
        utfall = jobbtype.kjoer(jobb, fremdrift)
    except JobbOvertatt:
        return "stoppet: jobben er tatt over av en annen oppgave"
    except KvpFeil as feil:
        _avslutt(jobb, oppgave_id, status=Jobbstatus.FEILET, melding=feil.melding)
        return "feilet"
    except Exception:
        logger.exception("Jobben %s (%s) feilet", jobb.pk, jobb.type)
        _avslutt(jobb, oppgave_id, status=Jobbstatus.FEILET, melding=INTERN_FEIL)
        return "feilet"
    _avslutt(
        jobb,
        oppgave_id,
        status=Jobbstatus.FERDIG,
        melding=utfall.melding,
        lenke=utfall.lenke,
        lenketekst=utfall.lenketekst,
    )
    return "ferdig"


def _prosessen_finnes(arbeider: str) -> bool:
    """Om arbeidsprosessen lever. Bare prosesser på denne maskinen kan sjekkes; de andre regnes som levende."""
    maskin, _, pid = arbeider.rpartition(":")
    if maskin != socket.gethostname() or not pid.isdigit():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _stoppet(jobb: Jobb, grense: dt.datetime) -> bool:
    if jobb.status == Jobbstatus.KJOERER:
        return not _prosessen_finnes(jobb.arbeider) or (jobb.hjerteslag is not None and jobb.hjerteslag < grense)
    return False


HENTET_FRIST = dt.timedelta(minutes=1)
"""En ventende jobb der oppgaven ble hentet av en arbeidsprosess for så lenge siden uten at jobben startet, regnes som
stoppet (arbeidsprosessen døde mellom å hente oppgaven og å starte jobben, eller oppgaven kunne ikke kjøres)."""


def _oppgaven_er_borte(jobb: Jobb, oppgaver: Any) -> bool:
    oppgave = oppgaver.filter(pk=jobb.oppgave_id).values("status", "started_at").first()
    if oppgave is None or oppgave["status"] in ("FAILED", "SUCCESSFUL"):
        return True
    startet = oppgave["started_at"]
    return bool(oppgave["status"] == "RUNNING" and startet is not None and startet < timezone.now() - HENTET_FRIST)


def jobber_gjenoppta(*, frist: dt.timedelta = HJERTESLAG_FRIST) -> int:
    """Legger stoppede jobber i køen igjen (eller lar dem feile etter `MAKS_FORSOEK`). Gir antall jobber som ble
    tatt opp igjen eller avsluttet."""
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 - bakenden er lastet først her

    grense = timezone.now() - frist
    antall = 0
    for jobb_id in Jobb.objects.filter(status__in=AKTIVE).values_list("pk", flat=True):
        with transaction.atomic():
            jobb = Jobb.objects.select_for_update().filter(pk=jobb_id).first()
            if jobb is None:
                continue
            if jobb.status == Jobbstatus.VENTER:
                if not _oppgaven_er_borte(jobb, DBTaskResult.objects):
                    continue
                jobb.forsoek += 1  # oppgaven ble hentet, men jobben startet aldri: teller som et avbrudd
            elif not _stoppet(jobb, grense):
                continue
            gammel = jobb.oppgave_id
            DBTaskResult.objects.filter(pk=gammel, status="RUNNING").update(
                status="FAILED",
                finished_at=timezone.now(),
                exception_class_path="kvp.jobber.services.ArbeidsprosessenStoppet",
                traceback="Arbeidsprosessen stoppet midt i jobben; jobben er tatt opp igjen av en ny oppgave.",
            )
            if jobb.forsoek >= MAKS_FORSOEK:
                jobb.status = Jobbstatus.FEILET
                jobb.melding = FOR_MANGE_AVBRUDD.format(antall=jobb.forsoek)
                jobb.avsluttet = timezone.now()
                jobb.save(update_fields=["status", "melding", "avsluttet", "forsoek"])
            else:
                jobb.status = Jobbstatus.VENTER
                jobb.arbeider = ""
                jobb.steg = "Tas opp igjen etter et avbrudd"
                _legg_i_koen(jobb)
                jobb.save(update_fields=["status", "arbeider", "steg", "oppgave_id", "forsoek"])
            logger.warning("Jobben %s ble stoppet midt i (forsøk %s); %s", jobb.pk, jobb.forsoek, jobb.status)
            antall += 1
    return antall

"""Utbetalingens bakgrunnsjobber (`kvp.jobber`): simulering av runden og G-regulering, startet fra webappen.

Startene låser kommuneraden (`laas.kommune_for_skriving`, som også krever rollen økonomi) før de ser etter en aktiv
jobb med samme nøkkel, så to samtidige forespørsler for samme kommune og måned gir én jobb. Selve arbeidet er de
vanlige tjenestene (`utbetalingsrunde_kjoer`, `grunnbeloep_reguler`): runden lagres i biter som hver er én
transaksjon, G-reguleringen i én transaksjon, og begge hopper over det som er gjort. En jobb som tas opp igjen etter
en drept arbeidsprosess, fortsetter derfor der den stoppet, og ingenting blir halvt lagret eller betalt to ganger.
"""

import os
import time

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.jobber.fremdrift import Fremdrift
from kvp.jobber.models import Jobb
from kvp.jobber.services import jobb_start
from kvp.jobber.typer import Utfall
from kvp.oppmoete.grunnlag import maanedsperiode
from kvp.tilgang.models import Bruker, Kommune, NavKontor

from ..beregning import maanedstekst
from ..models import Rundestatus, Utbetaling, Utbetalingsrunde
from .g_regulering import grunnbeloep_reguler
from .laas import kollisjon_som_feil, kommune_for_skriving
from .runde_bit import kandidater
from .simulering import utbetalingsrunde_kjoer

TYPE_RUNDE = "utbetaling.runde"
TYPE_G_REGULERING = "utbetaling.g_regulering"

#: Bare for testene: sover så mange sekunder etter hver bit, så en test kan drepe arbeidsprosessen midt i runden
#: (samme variabel som `manage.py utbetalingsrunde_kjoer`).
PAUSE_VARIABEL = "KVP_TEST_PAUSE_ETTER_BIT"


@kollisjon_som_feil
@transaction.atomic
def utbetalingsrunde_start_som_jobb(*, bruker: Bruker, kommune_nummer: str, aar: int, maaned: int) -> Jobb:
    """Starter simuleringen av månedens runde som bakgrunnsjobb, eller gir jobben som allerede kjører for samme
    kommune og måned."""
    maanedsperiode(aar, maaned)
    kommune = kommune_for_skriving(bruker=bruker, kommune_nummer=kommune_nummer)
    idag = timezone.localdate()
    if (aar, maaned) >= (idag.year, idag.month):
        raise KvpFeil("Stønaden betales etterskuddsvis: velg en måned som er avsluttet.", felt="maaned")
    runde = Utbetalingsrunde.objects.filter(kommune=kommune, aar=aar, maaned=maaned).first()
    if runde is not None and runde.status != Rundestatus.SIMULERT:
        raise KvpFeil(
            f"Runden for {maanedstekst(aar, maaned)} er allerede {runde.get_status_display().lower()}.",
            kode="KVP_RUNDE_LAAST",
        )
    jobb, _ = jobb_start(
        bruker=bruker,
        kontor=_kontor(kommune),
        type=TYPE_RUNDE,
        noekkel=f"{TYPE_RUNDE}:{kommune.nummer}:{aar}-{maaned:02d}",
        tittel=f"Simulering av utbetalingsrunden for {kommune.navn}, {maanedstekst(aar, maaned)}",
        parametre={"kommune": kommune.nummer, "aar": aar, "maaned": maaned},
    )
    return jobb


@kollisjon_som_feil
@transaction.atomic
def grunnbeloep_reguler_start_som_jobb(*, bruker: Bruker, kommune_nummer: str) -> Jobb:
    """Starter G-reguleringen for kommunen som bakgrunnsjobb, eller gir jobben som allerede kjører for kommunen."""
    kommune = kommune_for_skriving(bruker=bruker, kommune_nummer=kommune_nummer)
    jobb, _ = jobb_start(
        bruker=bruker,
        kontor=_kontor(kommune),
        type=TYPE_G_REGULERING,
        noekkel=f"{TYPE_G_REGULERING}:{kommune.nummer}",
        tittel=f"G-regulering for {kommune.navn}",
        parametre={"kommune": kommune.nummer},
    )
    return jobb


def _kontor(kommune: Kommune) -> NavKontor:
    if kommune.nav_kontor is None:  # kommune_for_skriving finner bare kommuner ved brukerens kontor
        raise IkkeFunnet("Fant ikke kommunen.")
    return kommune.nav_kontor


def _fremdrift_for_runden(runde: Utbetalingsrunde, fremdrift: Fremdrift) -> None:
    gjort = Utbetaling.objects.filter(runde=runde).count()
    gjenstaar = len(kandidater(runde, 10**9))
    fremdrift.oppdater(gjort=gjort, totalt=gjort + gjenstaar, steg="Beregner deltakerne")


def kjoer_runde(jobb: Jobb, fremdrift: Fremdrift) -> Utfall:
    """Jobbtypen `utbetaling.runde`: `utbetalingsrunde_kjoer` med fremdrift etter hver bit."""
    p = jobb.parametre
    pause = float(os.environ.get(PAUSE_VARIABEL, "0") or 0)
    fremdrift.oppdater(steg="Beregner korreksjoner og finner deltakerne")
    runden: list[Utbetalingsrunde] = []
    telling = {"gjort": 0, "totalt": 0}

    def etter_bit(nye: int) -> None:
        # Totalen telles én gang (etter første bit); deretter legges hver bits nye til. Å telle kandidatene på nytt
        # etter hver bit ville lete gjennom hele kommunen hver gang (kvadratisk i antall deltakere).
        if not runden:
            runden.append(Utbetalingsrunde.objects.get(kommune__nummer=p["kommune"], aar=p["aar"], maaned=p["maaned"]))
            telling["gjort"] = Utbetaling.objects.filter(runde=runden[0]).count()
            telling["totalt"] = telling["gjort"] + len(kandidater(runden[0], 10**9))
        else:
            telling["gjort"] += nye
        telling["totalt"] = max(telling["totalt"], telling["gjort"])
        fremdrift.oppdater(gjort=telling["gjort"], totalt=telling["totalt"], steg="Beregner deltakerne")
        if pause:
            time.sleep(pause)

    runde = utbetalingsrunde_kjoer(
        bruker=jobb.startet_av,
        kommune_nummer=p["kommune"],
        aar=p["aar"],
        maaned=p["maaned"],
        bitstoerrelse=int(p.get("bitstoerrelse") or getattr(settings, "KVP_UTBETALING_BITSTOERRELSE", 500)),
        etter_bit=etter_bit,
    )
    _fremdrift_for_runden(runde, fremdrift)
    antall = Utbetaling.objects.filter(runde=runde).count()
    return Utfall(
        melding=f"Utbetalingsrunden for {maanedstekst(runde.aar, runde.maaned)} er simulert: "
        f"{antall} {'deltaker' if antall == 1 else 'deltakere'}.",
        lenke=reverse("utbetaling:runde", kwargs={"runde_id": runde.pk}),
        lenketekst="Se utbetalingsrunden",
    )


def kjoer_g_regulering(jobb: Jobb, fremdrift: Fremdrift) -> Utfall:
    """Jobbtypen `utbetaling.g_regulering`: `grunnbeloep_reguler` for kommunen (én transaksjon)."""
    fremdrift.oppdater(gjort=0, totalt=1, steg="Beregner betalte måneder på nytt med gjeldende grunnbeløp")
    kommune = Kommune.objects.get(nummer=jobb.parametre["kommune"])
    antall = grunnbeloep_reguler(bruker=jobb.startet_av, kommune=kommune)
    fremdrift.oppdater(gjort=1)
    if not antall:
        return Utfall(melding="G-reguleringen er ferdig: ingen betalte måneder trengte å beregnes på nytt.")
    return Utfall(
        melding=f"G-reguleringen er ferdig: {antall} betalte {'måned' if antall == 1 else 'måneder'} er beregnet på "
        "nytt med gjeldende grunnbeløp. Differansen kommer med i neste utbetalingsrunde."
    )

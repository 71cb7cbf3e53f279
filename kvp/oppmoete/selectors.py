"""Lesing av oppmøte og stønad per måned. Kalles med en sak som er hentet med tilgangskontroll (`sak_hent`),
eller for deltakerens egen sak gjennom `sak_for_deltaker`."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for

from .grunnlag import beregn, beregn_som_json, grunnlag_for_maaned, grunnlag_for_saker, maanedsperiode
from .kalender import helligdager, maanedsnavn, virkedager
from .models import AnnenYtelse, Arbeidsperiode, Dagstatus, Kilde, Maanedsattestering, Oppmoete, Oppmoetekorreksjon


@dataclass(frozen=True)
class Kalenderdag:
    dato: dt.date
    i_maaned: bool
    i_program: bool
    status: str
    status_tekst: str
    registrert: bool
    helligdag: str = ""
    timer: Any = None
    dokumentasjon: str = ""
    kilde: str = ""
    merknad: str = ""


@dataclass(frozen=True)
class Kalender:
    aar: int
    maaned: int
    uker: list[list[Kalenderdag]]
    forrige: str | None
    neste: str | None

    @property
    def navn(self) -> str:
        return maanedsnavn(self.aar, self.maaned)

    @property
    def kode(self) -> str:
        return f"{self.aar:04d}-{self.maaned:02d}"


@dataclass(frozen=True)
class Stoenad:
    aar: int
    maaned: int
    resultat: dict[str, Any] | None
    feil: str
    attestering: Maanedsattestering | None
    korreksjoner: list[Oppmoetekorreksjon] = field(default_factory=list)

    @property
    def navn(self) -> str:
        return maanedsnavn(self.aar, self.maaned)


def maaned_kode(aar: int, maaned: int) -> str:
    return f"{aar:04d}-{maaned:02d}"


def maaneder_i_program(sak: Sak) -> list[tuple[int, int]]:
    periode = sak.programperiode()
    if periode is None:
        return []
    fra, til = periode
    maaneder = []
    aar, maaned = fra.year, fra.month
    while (aar, maaned) <= (til.year, til.month):
        maaneder.append((aar, maaned))
        aar, maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)
    return maaneder


def valgt_maaned(sak: Sak, tekst: str | None, i_dag: dt.date | None = None) -> tuple[int, int] | None:
    """Måneden i `?maaned=ÅÅÅÅ-MM` hvis den er i programmet; ellers inneværende måned (eller nærmeste i programmet)."""
    maaneder = maaneder_i_program(sak)
    if not maaneder:
        return None
    if tekst:
        try:
            aar, maaned = (int(del_) for del_ in tekst.split("-", 1))
            if (aar, maaned) in maaneder:
                return aar, maaned
        except ValueError:
            pass
    i_dag = i_dag or timezone.localdate()
    naa = (i_dag.year, i_dag.month)
    if naa in maaneder:
        return naa
    return maaneder[0] if naa < maaneder[0] else maaneder[-1]


def kalender_for_maaned(*, sak: Sak, aar: int, maaned: int) -> Kalender:
    fra, til = maanedsperiode(aar, maaned)
    mandag = fra - dt.timedelta(days=fra.weekday())
    fredag_siste = til + dt.timedelta(days=(4 - til.weekday()) % 7) if til.weekday() < 5 else til
    dager = virkedager(mandag, fredag_siste)
    registrert = {o.dato: o for o in Oppmoete.objects.filter(sak=sak, dato__range=(dager[0], dager[-1]))}
    hellig = helligdager(dager[0], dager[-1])
    periode = sak.programperiode()
    uker: list[list[Kalenderdag]] = []
    for dato in dager:
        if dato.weekday() == 0 or not uker:
            uker.append([])
        rad = registrert.get(dato)
        i_program = periode is not None and periode[0] <= dato <= periode[1]
        if rad is not None:
            status = rad.status
        elif dato in hellig:
            status = Dagstatus.HELLIGDAG
        else:
            status = Dagstatus.DELTATT
        uker[-1].append(
            Kalenderdag(
                dato=dato,
                i_maaned=fra <= dato <= til,
                i_program=i_program,
                status=status,
                status_tekst=Dagstatus(status).label if i_program else "Ikke i program",
                registrert=rad is not None,
                helligdag=hellig.get(dato, ""),
                timer=rad.timer if rad else None,
                dokumentasjon=rad.get_dokumentasjon_display() if rad and rad.dokumentasjon != "INGEN" else "",
                kilde=rad.get_kilde_display() if rad else "",
                merknad=rad.merknad if rad else "",
            )
        )
    maaneder = maaneder_i_program(sak)
    indeks = maaneder.index((aar, maaned)) if (aar, maaned) in maaneder else None
    forrige = maaned_kode(*maaneder[indeks - 1]) if indeks else None
    neste = maaned_kode(*maaneder[indeks + 1]) if indeks is not None and indeks + 1 < len(maaneder) else None
    return Kalender(aar=aar, maaned=maaned, uker=uker, forrige=forrige, neste=neste)


def ferie_brukt(*, sak: Sak, aar: int) -> int:
    return Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE, dato__year=aar).count()


def attestering_for_maaned(*, sak: Sak, aar: int, maaned: int) -> Maanedsattestering | None:
    return Maanedsattestering.objects.filter(sak=sak, aar=aar, maaned=maaned).select_related("attestert_av").first()


def stoenad_for_maaned(*, sak: Sak, aar: int, maaned: int) -> Stoenad:
    """Resultatet av `kvp_regler` for måneden, fra de registrerte dataene, og om måneden er attestert."""
    attestering = attestering_for_maaned(sak=sak, aar=aar, maaned=maaned)
    korreksjoner = list(attestering.korreksjoner.select_related("registrert_av")) if attestering is not None else []
    try:
        resultat = beregn_som_json(grunnlag_for_maaned(sak, aar, maaned))
    except KvpFeil as feil:
        return Stoenad(aar=aar, maaned=maaned, resultat=None, feil=feil.melding, attestering=attestering)
    return Stoenad(
        aar=aar, maaned=maaned, resultat=resultat, feil="", attestering=attestering, korreksjoner=korreksjoner
    )


def arbeid_for_sak(*, sak: Sak) -> QuerySet[Arbeidsperiode]:
    return Arbeidsperiode.objects.filter(sak=sak).order_by("fra_og_med")


def ytelser_for_sak(*, sak: Sak) -> QuerySet[AnnenYtelse]:
    return AnnenYtelse.objects.filter(sak=sak).order_by("fra_og_med")


def sak_for_deltaker(*, bruker: Bruker) -> Sak | None:
    """Deltakerens sak med programperiode (den nyeste). Visningen logges."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    sak = (
        Sak.objects.select_related("person__kommune", "kontor")
        .filter(person_id__in=personer, program_fra_og_med__isnull=False)
        .order_by("-program_fra_og_med")
        .first()
    )
    if sak is not None:
        logghendelse_registrer(
            bruker=bruker,
            kontor=sak.kontor,
            person=sak.person,
            handling="LES",
            objekt=sak,
            formaal="Deltakeren så eget oppmøte og egen stønad",
        )
    return sak


@dataclass(frozen=True)
class Oversiktsrad:
    sak: Sak
    registrerte_dager: int
    attestering: Maanedsattestering | None
    total: str | None
    feil: str


def forrige_maaned(i_dag: dt.date | None = None) -> tuple[int, int]:
    i_dag = i_dag or timezone.localdate()
    return (i_dag.year - 1, 12) if i_dag.month == 1 else (i_dag.year, i_dag.month - 1)


def tolk_maaned(tekst: str | None) -> tuple[int, int] | None:
    """`ÅÅÅÅ-MM` som (år, måned), eller None for alt annet."""
    if not tekst:
        return None
    try:
        aar, maaned = (int(del_) for del_ in tekst.split("-", 1))
        maanedsperiode(aar, maaned)
    except (ValueError, KvpFeil):
        return None
    return aar, maaned


def deltakere_for_oversikt(*, bruker: Bruker, aar: int, maaned: int) -> list[Oversiktsrad]:
    """Deltakerne i program i måneden på brukerens kontorer, med registreringer, attestering og stønad.

    Fast antall spørringer uansett antall deltakere (stønaden beregnes med `grunnlag_for_saker`).
    """
    kontorer = tilgang.kontorer(bruker, "oppmoete", Handling.LES, krev=True)
    fra, til = maanedsperiode(aar, maaned)
    saker = [
        sak
        for sak in Sak.objects.filter(kontor_id__in=kontorer, program_fra_og_med__lte=til, program_til_og_med__gte=fra)
        .exclude(avsluttet_dato__lt=fra)
        .select_related("person__kommune", "kontor")
        .order_by("person__etternavn", "person__fornavn", "id")
        if sak.programperiode() is not None
    ]
    ider = [s.pk for s in saker]
    antall = dict(
        Oppmoete.objects.filter(sak_id__in=ider, dato__range=(fra, til))
        .exclude(kilde=Kilde.AUTOMATISK)
        .values_list("sak_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    attesteringer = {a.sak_id: a for a in Maanedsattestering.objects.filter(sak_id__in=ider, aar=aar, maaned=maaned)}
    dokumenter = grunnlag_for_saker(saker, aar, maaned)
    rader = []
    for sak in saker:
        try:
            total, feil = str(beregn(dokumenter[sak.pk]).total), ""
        except KvpFeil as f:
            total, feil = None, f.melding
        rader.append(
            Oversiktsrad(
                sak=sak,
                registrerte_dager=antall.get(sak.pk, 0),
                attestering=attesteringer.get(sak.pk),
                total=total,
                feil=feil,
            )
        )
    return rader

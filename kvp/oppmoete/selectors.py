"""Lesing av oppmøte og stønad per måned. Kalles med en sak som er hentet med tilgangskontroll (`sak_hent`),
eller for deltakerens egen sak gjennom `sak_for_deltaker`."""

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, QuerySet
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.plan.models import Aktivitet, Aktivitetsstatus
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for

from .grunnlag import beregn, beregn_som_json, grunnlag_for_maaned, grunnlag_for_saker, maanedsperiode
from .kalender import helligdager, maanedsnavn, virkedager
from .models import AnnenYtelse, Arbeidsperiode, Dagstatus, Kilde, Maanedsattestering, Oppmoete, Oppmoetekorreksjon

#: Visningskoden for en virkedag i programmet som har vært, men ikke er registrert, i en måned som ikke er attestert.
IKKE_REGISTRERT = "IKKE_REGISTRERT"

#: Kalenderen er lesbar uten farge: hver status har en forkortelse og en tekst (forklaringen står under kalenderen).
FORKORTELSER: dict[str, str] = {
    Dagstatus.DELTATT: "D",
    Dagstatus.HELLIGDAG: "H",
    Dagstatus.GYLDIG_FRAVAER: "GF",
    Dagstatus.FERIE: "F",
    Dagstatus.PERMISJON_MED_STOENAD: "PM",
    Dagstatus.UGYLDIG_FRAVAER: "UF",
    Dagstatus.FRAVAER_UTEN_STOENAD: "FU",
    Dagstatus.PERMISJON_UTEN_STOENAD: "PU",
    Dagstatus.AVBRUDD: "AV",
    IKKE_REGISTRERT: "IR",
}


def forklaring() -> list[tuple[str, str, str]]:
    """(kode, forkortelse, tekst) for hver status i kalenderen, i fast rekkefølge."""
    tekster = {**dict(Dagstatus.choices), IKKE_REGISTRERT: "Ikke registrert"}
    return [(kode, forkortelse, tekster[kode]) for kode, forkortelse in FORKORTELSER.items()]


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
    helg: bool = False
    fremtid: bool = False
    velgbar: bool = False
    valgt: bool = False

    @property
    def forkortelse(self) -> str:
        return FORKORTELSER.get(self.status, "") if self.i_maaned and self.i_program else ""


@dataclass(frozen=True)
class Kalender:
    aar: int
    maaned: int
    uker: list[list[Kalenderdag]]
    forrige: str | None
    neste: str | None
    attestert: bool = False
    valgt: tuple[dt.date, dt.date] | None = None

    @property
    def navn(self) -> str:
        return maanedsnavn(self.aar, self.maaned)

    @property
    def kode(self) -> str:
        return f"{self.aar:04d}-{self.maaned:02d}"

    @property
    def velgbar(self) -> bool:
        return any(d.velgbar for uke in self.uker for d in uke)

    @property
    def rader(self) -> list[tuple[int, dt.date | None, dt.date | None, list[Kalenderdag]]]:
        """(ukenummer, første og siste dag i uka som kan velges, dagene) for hver uke."""
        svar = []
        for uke in self.uker:
            velgbare = [d.dato for d in uke if d.velgbar]
            svar.append(
                (
                    uke[0].dato.isocalendar().week,
                    velgbare[0] if velgbare else None,
                    velgbare[-1] if velgbare else None,
                    uke,
                )
            )
        return svar

    @property
    def valgte_virkedager(self) -> int:
        return sum(1 for uke in self.uker for d in uke if d.valgt)


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


def dag_kan_velges(sak: Sak, aar: int, maaned: int, dato: dt.date, i_dag: dt.date | None = None) -> bool:
    """Kan dagen velges i kalenderen for å registreres: en virkedag i måneden og i programmet som har vært."""
    periode = sak.programperiode()
    i_dag = i_dag or timezone.localdate()
    return (
        periode is not None
        and (dato.year, dato.month) == (aar, maaned)
        and dato.weekday() < 5
        and periode[0] <= dato <= min(periode[1], i_dag)
    )


def kalender_for_maaned(
    *,
    sak: Sak,
    aar: int,
    maaned: int,
    kan_velge: bool = False,
    valgt: tuple[dt.date, dt.date] | None = None,
    i_dag: dt.date | None = None,
) -> Kalender:
    """Måneden i hele uker (mandag–søndag). Virkedager i programmet som har vært uten registrering, vises som «Ikke
    registrert» til måneden er attestert (da regnes de som deltatt, spec/beregning.md § 3). Med `kan_velge` kan
    dagene som har vært velges (ikke i en attestert måned); `valgt` er perioden som er valgt."""
    i_dag = i_dag or timezone.localdate()
    fra, til = maanedsperiode(aar, maaned)
    mandag = fra - dt.timedelta(days=fra.weekday())
    soendag = til + dt.timedelta(days=6 - til.weekday())
    registrert = {o.dato: o for o in Oppmoete.objects.filter(sak=sak, dato__range=(mandag, soendag))}
    hellig = helligdager(mandag, soendag)
    periode = sak.programperiode()
    attestert = Maanedsattestering.objects.filter(sak=sak, aar=aar, maaned=maaned).exists()
    uker: list[list[Kalenderdag]] = []
    dato = mandag
    while dato <= soendag:
        if dato.weekday() == 0:
            uker.append([])
        rad = registrert.get(dato)
        i_maaned = fra <= dato <= til
        i_program = periode is not None and periode[0] <= dato <= periode[1]
        helg = dato.weekday() >= 5
        fremtid = dato > i_dag
        if helg:
            status, tekst = "HELG", "Helg"
        elif not i_program:
            status, tekst = "", "Ikke i program"
        elif rad is not None:
            status, tekst = rad.status, rad.get_status_display()
        elif dato in hellig:
            status, tekst = Dagstatus.HELLIGDAG, Dagstatus.HELLIGDAG.label
        elif fremtid:
            status, tekst = "FREMTID", "Ikke passert ennå"
        elif attestert and i_maaned:
            status, tekst = Dagstatus.DELTATT, "Deltatt (ikke registrert, regnet som deltatt ved attesteringen)"
        else:
            status, tekst = IKKE_REGISTRERT, "Ikke registrert"
        velgbar = kan_velge and not attestert and dag_kan_velges(sak, aar, maaned, dato, i_dag)
        uker[-1].append(
            Kalenderdag(
                dato=dato,
                i_maaned=i_maaned,
                i_program=i_program,
                status=status,
                status_tekst=tekst,
                registrert=rad is not None,
                helligdag=hellig.get(dato, ""),
                timer=rad.timer if rad else None,
                dokumentasjon=rad.get_dokumentasjon_display() if rad and rad.dokumentasjon != "INGEN" else "",
                kilde=rad.get_kilde_display() if rad else "",
                merknad=rad.merknad if rad else "",
                helg=helg,
                fremtid=fremtid,
                velgbar=velgbar,
                valgt=velgbar and valgt is not None and valgt[0] <= dato <= valgt[1],
            )
        )
        dato += dt.timedelta(days=1)
    maaneder = maaneder_i_program(sak)
    indeks = maaneder.index((aar, maaned)) if (aar, maaned) in maaneder else None
    forrige = maaned_kode(*maaneder[indeks - 1]) if indeks else None
    neste = maaned_kode(*maaneder[indeks + 1]) if indeks is not None and indeks + 1 < len(maaneder) else None
    return Kalender(aar=aar, maaned=maaned, uker=uker, forrige=forrige, neste=neste, attestert=attestert, valgt=valgt)


def tolk_utvalg(
    sak: Sak, aar: int, maaned: int, *, fra: str | None, til: str | None, dag: str | None
) -> tuple[dt.date, dt.date | None] | None:
    """Perioden som er valgt i kalenderen (fra adressen: `fra`, `til` og dagen som ble klikket, `dag`).

    Første klikk velger én dag; andre klikk gjør valget til perioden mellom de to; et tredje begynner på nytt. Datoer
    som ikke kan velges (helg, frem i tid, utenfor måneden eller programmet), overses.
    """

    def dato(tekst: str | None) -> dt.date | None:
        try:
            d = dt.date.fromisoformat(tekst or "")
        except ValueError:
            return None
        return d if (d.year, d.month) == (aar, maaned) else None

    start, slutt, klikket = dato(fra), dato(til), dato(dag)
    if klikket is not None and not dag_kan_velges(sak, aar, maaned, klikket):
        klikket = None
    if klikket is not None:
        if start is not None and slutt is None:
            start, slutt = min(start, klikket), max(start, klikket)
        else:
            start, slutt = klikket, None
    if start is None:
        return None
    if slutt is None:
        return start, None  # én dag valgt; neste klikk gjør den til en periode
    return (start, slutt) if start <= slutt else (slutt, start)


def ikke_registrerte_dager(*, sak: Sak, aar: int, maaned: int) -> list[dt.date]:
    """Virkedagene i måneden og programmet (som har vært) uten registrering og som ikke er helligdager: de regnes som
    deltatt når måneden attesteres."""
    fra, til = maanedsperiode(aar, maaned)
    periode = sak.programperiode()
    if periode is None:
        return []
    fra, til = max(fra, periode[0]), min(til, periode[1], timezone.localdate())
    if til < fra:
        return []
    registrert = set(Oppmoete.objects.filter(sak=sak, dato__range=(fra, til)).values_list("dato", flat=True))
    hellig = helligdager(fra, til)
    return [d for d in virkedager(fra, til) if d not in registrert and d not in hellig]


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


@dataclass(frozen=True)
class Aktivitetsgruppe:
    """Deltakerne med samme aktivitet (type og tilbyder) i en måned, til samlet registrering."""

    noekkel: str
    navn: str
    saker: list[Sak]
    attesterte: set[Any]


def aktivitetsgrupper(*, bruker: Bruker, aar: int, maaned: int) -> list[Aktivitetsgruppe]:
    """Aktivitetene (type og tilbyder) i sakene brukeren kan registrere oppmøte for, som pågår i måneden, med
    deltakerne i program. Fast antall spørringer."""
    fra, til = maanedsperiode(aar, maaned)
    saker = tilgang.synlige(bruker, "oppmoete", Handling.SKRIV, krev=True)
    aktiviteter = (
        Aktivitet.objects.filter(sak__in=saker, fra_og_med__lte=til, til_og_med__gte=fra)
        .exclude(status=Aktivitetsstatus.AVBRUTT)
        .select_related("sak__person", "sak__kontor")
        .order_by("type", "tilbyder", "sak__person__etternavn", "sak__person__fornavn", "sak_id")
    )
    grupper: dict[str, tuple[str, dict[Any, Sak]]] = {}
    for a in aktiviteter:
        periode = a.sak.programperiode()
        if periode is None or periode[1] < fra or periode[0] > til:
            continue
        noekkel = f"{a.type}|{a.tilbyder}"
        navn = a.get_type_display() + (f" – {a.tilbyder}" if a.tilbyder else "")
        grupper.setdefault(noekkel, (navn, {}))[1].setdefault(a.sak_id, a.sak)
    ider = {sak_id for _, s in grupper.values() for sak_id in s}
    attesterte = set(
        Maanedsattestering.objects.filter(sak_id__in=ider, aar=aar, maaned=maaned).values_list("sak_id", flat=True)
    )
    return [
        Aktivitetsgruppe(noekkel=k, navn=navn, saker=list(s.values()), attesterte=attesterte & set(s))
        for k, (navn, s) in grupper.items()
    ]


def samlet_registrering(
    *, saker: list[Sak], fra_og_med: dt.date, til_og_med: dt.date, status: str
) -> dict[Any, dict[dt.date, str]]:
    """Dagene hver sak får statusen for: virkedager i perioden og i sakens program, uten helligdager."""
    hellig = helligdager(fra_og_med, til_og_med)
    svar: dict[Any, dict[dt.date, str]] = {}
    for sak in saker:
        periode = sak.programperiode()
        dager = [
            d
            for d in virkedager(fra_og_med, til_og_med)
            if d not in hellig and periode is not None and periode[0] <= d <= periode[1]
        ]
        if dager:
            svar[sak.pk] = dict.fromkeys(dager, status)
    return svar

"""Tallene bak statistikksidene: bestand, strøm, alder, barn, utfall, varighet, ventetid og utbetalt stønad.

Alt telles i databasen eller fra én smal spørring per tabell; ingen personopplysninger forlater modulen, bare
antall og summer per kontor. Når en visning går på tvers av kontorer (fylket), skjules antall under 5 (og summer
for færre enn 5 mottakere), og når bare én celle i en rad er skjult, skjules også den nest minste, så den ikke kan
regnes ut av totalen (docs/regler/kostra-11cf.md, «Statistikken»).
"""

from __future__ import annotations

import bisect
import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db.models import Count, Q, Sum
from django.db.models.functions import ExtractMonth, ExtractYear

from kvp.klage.models import Klage, Klagestatus
from kvp.klage.models import Utfall as Klageutfall
from kvp.person.models import Forsoergerperiode
from kvp.sak.models import Sak
from kvp.tilgang.models import NavKontor
from kvp.utbetaling.models import Rundestatus, Utbetaling, Utbetalingsrunde
from kvp.vedtak.models import KostraSituasjon, KostraStatus, Vedtak, Vedtaksstatus
from kvp_regler.kostra import utledning as u
from kvp_regler.parametere import STANDARD
from kvp_regler.statistikk import andel_prosent

#: Minste antall som vises når en visning går på tvers av kontorer.
MINSTE_ANTALL = 5
SKJULT = "<5"

Maaned = tuple[int, int]


def maaneder(fra: Maaned, til: Maaned) -> list[Maaned]:
    ut, (aar, mnd) = [], fra
    while (aar, mnd) <= til:
        ut.append((aar, mnd))
        aar, mnd = (aar + 1, 1) if mnd == 12 else (aar, mnd + 1)
    return ut


def maanedsnavn(m: Maaned) -> str:
    return f"{m[1]:02d}.{m[0]}"


def _foerste(m: Maaned) -> dt.date:
    return dt.date(m[0], m[1], 1)


def _siste(m: Maaned) -> dt.date:
    neste = (m[0] + 1, 1) if m[1] == 12 else (m[0], m[1] + 1)
    return _foerste(neste) - dt.timedelta(days=1)


@dataclass
class Tabell:
    """Én tabell (og ett diagram): rader med en verdi per kontor, og totalen."""

    id: str
    tittel: str
    beskrivelse: str
    radtittel: str
    kontorer: list[tuple[UUID, str]]
    rader: list[str] = field(default_factory=list)
    verdier: dict[str, dict[UUID, int | Decimal | None]] = field(default_factory=dict)
    enhet: str = "antall"  # antall, kroner, dager, prosent
    #: For summer og medianer: antall personer bak tallet (brukes til å skjule små grupper).
    grunnlag: dict[str, dict[UUID, int]] = field(default_factory=dict)
    total_er_sum: bool = True
    totaler: dict[str, int | Decimal | None] = field(default_factory=dict)
    skjul_smaa: bool = False
    maal: str = ""

    def celler(self) -> list[tuple[str, list[str], str]]:
        """Radene som tekst, med skjulte små tall: (rad, celle per kontor, total)."""
        ut = []
        noekler = [k for k, _ in self.kontorer]
        flere = len(noekler) > 1
        tekst = self._tekst
        for rad in self.rader:
            verdier = self.verdier.get(rad, {})
            grunnlag = self.grunnlag.get(rad)
            vs = [verdier.get(k) for k in noekler]
            skjult: set[int] = set()
            if self.skjul_smaa:
                ns = [int(grunnlag.get(k, 0)) for k in noekler] if grunnlag is not None else [int(v or 0) for v in vs]
                skjult = {i for i, n in enumerate(ns) if 0 < n < MINSTE_ANTALL}
                if len(skjult) == 1 and flere:
                    andre = sorted((n, i) for i, n in enumerate(ns) if i not in skjult and n > 0)
                    if andre:
                        skjult.add(andre[0][1])
            tekster = [SKJULT if i in skjult else tekst(v) for i, v in enumerate(vs)]
            total = self.total(rad)
            total_n = sum(grunnlag.values()) if grunnlag is not None else total
            if self.skjul_smaa and total_n is not None and 0 < int(total_n) < MINSTE_ANTALL:
                total_tekst = SKJULT
            else:
                total_tekst = tekst(total)
            ut.append((rad, tekster, total_tekst))
        return ut

    def total(self, rad: str) -> int | Decimal | None:
        if not self.total_er_sum:
            return self.totaler.get(rad)
        return sum((v for v in self.verdier.get(rad, {}).values() if v is not None), start=0)

    def _tekst(self, verdi: int | Decimal | None) -> str:
        if verdi is None:
            return "–"
        if self.enhet == "kroner":
            return f"{int(verdi):,}".replace(",", "\u00a0")
        if self.enhet == "prosent":
            return f"{verdi} %"
        return str(verdi)

    def diagramverdier(
        self, celler: list[tuple[str, list[str], str]] | None = None
    ) -> list[tuple[str, float | None, str]]:
        """(etikett, verdi eller None når skjult, tekst) for totalen per rad (av `celler()`, eller cellene fra før)."""
        ut = []
        for rad, _tekster, total in self.celler() if celler is None else celler:
            verdi = None if total in (SKJULT, "–") else float(self.total(rad) or 0)
            ut.append((rad, verdi, total))
        return ut


def _kontorer(kontor_ids: Sequence[UUID]) -> list[tuple[UUID, str]]:
    return list(NavKontor.objects.filter(pk__in=kontor_ids).order_by("navn").values_list("pk", "navn"))


def _maanedstelling(
    qs: Any, datofelt: str, fra: Maaned | None = None, til: Maaned | None = None
) -> dict[tuple[UUID, int, int], int]:
    if fra is not None and til is not None:
        qs = qs.filter(**{f"{datofelt}__gte": _foerste(fra), f"{datofelt}__lte": _siste(til)})
    return {
        (k, a, m): n
        for k, a, m, n in qs.annotate(a=ExtractYear(datofelt), m=ExtractMonth(datofelt))
        .values_list("kontor_id", "a", "m")
        .annotate(n=Count("pk"))
        .values_list("kontor_id", "a", "m", "n")
    }


def bestand_og_strom(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    kontorer = _kontorer(kontor_ids)
    mnd = maaneder(fra, til)
    saker = Sak.objects.filter(kontor_id__in=kontor_ids, begynt_dato__isnull=False)
    starter = _maanedstelling(saker, "begynt_dato")
    slutter = _maanedstelling(saker.filter(avsluttet_dato__isnull=False), "avsluttet_dato")
    bestand = Tabell(
        "bestand",
        "Deltakere i program per måned",
        "Deltakere som var i program minst én dag i måneden.",
        "Måned",
        kontorer,
        skjul_smaa=skjul,
    )
    strom_start = Tabell(
        "starter", "Nye deltakere per måned", "Deltakere som begynte i program.", "Måned", kontorer, skjul_smaa=skjul
    )
    strom_slutt = Tabell(
        "avslutninger",
        "Avsluttede program per måned",
        "Program som ble avsluttet eller stanset.",
        "Måned",
        kontorer,
        skjul_smaa=skjul,
    )
    for k, _ in kontorer:
        startet_foer = sum(n for (kk, a, m), n in starter.items() if kk == k and (a, m) < fra)
        sluttet_foer = sum(n for (kk, a, m), n in slutter.items() if kk == k and (a, m) < fra)
        for m in mnd:
            navn = maanedsnavn(m)
            nye = starter.get((k, *m), 0)
            ferdige = slutter.get((k, *m), 0)
            startet_foer += nye
            # i program en dag i måneden: begynt senest siste dag, ikke avsluttet før første dag
            bestand.verdier.setdefault(navn, {})[k] = startet_foer - sluttet_foer
            sluttet_foer += ferdige
            strom_start.verdier.setdefault(navn, {})[k] = nye
            strom_slutt.verdier.setdefault(navn, {})[k] = ferdige
    for t in (bestand, strom_start, strom_slutt):
        t.rader = [maanedsnavn(m) for m in mnd]
    return [bestand, strom_start, strom_slutt]


def _aldersgrupper(dato: dt.date) -> list[tuple[str, Callable[[int], bool]]]:
    grense = int(STANDARD["alder_full_stoenad"].verdi(dato))
    return [
        (f"Under {grense} år", lambda a: a < grense),
        (f"{grense}–34 år", lambda a: grense <= a < 35),
        ("35–49 år", lambda a: 35 <= a < 50),
        ("50 år og eldre", lambda a: a >= 50),
    ]


def _tell(kontorer: list[tuple[UUID, str]], rader: list[str], par: Iterable[tuple[UUID, str]], **tabell: Any) -> Tabell:
    t = Tabell(kontorer=kontorer, rader=rader, **tabell)
    nr = {k: i for i, (k, _) in enumerate(kontorer)}
    teller = Counter((nr[k], rad) for k, rad in par)  # heltall er billigere å hashe enn UUID
    for rad in rader:
        t.verdier[rad] = {k: teller.get((i, rad), 0) for i, (k, _) in enumerate(kontorer)}
    return t


def alder_og_barn(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    kontorer = _kontorer(kontor_ids)
    start, slutt = _foerste(fra), _siste(til)
    nye: list[Any] = list(
        Sak.objects.filter(kontor_id__in=kontor_ids, begynt_dato__gte=start, begynt_dato__lte=slutt).values_list(
            "pk", "kontor_id", "begynt_dato", "person__foedselsdato", "person_id"
        )
    )
    grupper = _aldersgrupper(slutt)
    grenser = [int(STANDARD["alder_full_stoenad"].verdi(slutt)), 35, 50]  # samme grenser som gruppene
    alder_par = [
        (k, grupper[bisect.bisect_right(grenser, u.alder(foedt, begynt))][0]) for _pk, k, begynt, foedt, _p in nye
    ]
    alder = _tell(
        kontorer,
        [g for g, _ in grupper],
        alder_par,
        id="alder",
        tittel="Alder ved oppstart",
        beskrivelse="Nye deltakere i perioden etter alder den dagen de begynte. Unge under grensen for full stønad "
        "er en prioritert gruppe.",
        radtittel="Aldersgruppe",
        skjul_smaa=skjul,
    )
    barn: dict[UUID, list[u.BarnIHusstanden]] = defaultdict(list)
    perioder: dict[tuple[UUID, dt.date], list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for forelder_id, fdato, fom, tom in Forsoergerperiode.objects.filter(
        barn__forelder_id__in=Sak.objects.filter(
            kontor_id__in=kontor_ids, begynt_dato__gte=start, begynt_dato__lte=slutt
        ).values("person_id"),
        barn__foedselsdato__lte=slutt,
    ).values_list("barn__forelder_id", "barn__foedselsdato", "fra_og_med", "til_og_med"):
        perioder[(forelder_id, fdato)].append((fom, tom))
    for (person_id, fdato), pp in perioder.items():
        barn[person_id].append(u.BarnIHusstanden(fdato, tuple(pp)))
    rader = ["Ingen barn", "1 barn", "2 barn", "3 barn eller flere"]
    barn_par = []
    for _pk, k, begynt, _foedt, person_id in nye:  # barna hører til personen, telt den dagen saken begynte
        n = u.antall_barn(barn.get(person_id, []), begynt)
        barn_par.append((k, rader[min(n, 3)]))
    barn_tabell = _tell(
        kontorer,
        rader,
        barn_par,
        id="barn",
        tittel=f"Barn under {u.BARN_UNDER} år i husstanden ved oppstart",
        beskrivelse=f"Nye deltakere i perioden etter hvor mange barn under {u.BARN_UNDER} år de forsørget da de "
        "begynte.",
        radtittel="Barn",
        skjul_smaa=skjul,
    )
    return [alder, barn_tabell]


def utfall_og_varighet(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    kontorer = _kontorer(kontor_ids)
    start, slutt = _foerste(fra), _siste(til)
    avsluttede = Sak.objects.filter(
        kontor_id__in=kontor_ids, avsluttet_dato__gte=start, avsluttet_dato__lte=slutt, begynt_dato__isnull=False
    )
    statuser = dict(KostraStatus.choices)
    situasjoner = dict(KostraSituasjon.choices)
    fattede = Vedtak.objects.filter(sak__in=avsluttede, status=Vedtaksstatus.FATTET).exclude(kostra_status="")
    status_rader = [statuser[s].split(" – ", 1)[1] for s in KostraStatus.values] + ["Ikke registrert"]
    status_par: list[tuple[UUID, str]] = []
    registrert: Counter[UUID] = Counter()
    for k, status, n in (
        fattede.values_list("sak__kontor_id", "kostra_status")
        .annotate(n=Count("pk"))  # ett vedtak med KOSTRA-status per avsluttet sak
        .values_list("sak__kontor_id", "kostra_status", "n")
    ):
        status_par += [(k, statuser[status].split(" – ", 1)[1])] * n
        registrert[k] += n
    for k, n in avsluttede.values_list("kontor_id").annotate(n=Count("pk")).values_list("kontor_id", "n"):
        status_par += [(k, "Ikke registrert")] * max(n - registrert[k], 0)
    inntekt_par: list[tuple[UUID, str]] = []
    for k, inntekt, n in (
        fattede.filter(kostra_status__in=(KostraStatus.FULLFOERT, KostraStatus.ETTER_AVBRUDD))
        .values_list("sak__kontor_id", "kostra_inntektskilde")
        .annotate(n=Count("pk"))
        .values_list("sak__kontor_id", "kostra_inntektskilde", "n")
    ):
        inntekt_par += [(k, situasjoner.get(inntekt, "Ikke registrert"))] * n
    utfall = _tell(
        kontorer,
        status_rader,
        status_par,
        id="utfall",
        tittel="Hvordan programmet endte",
        beskrivelse="Avsluttede program i perioden etter KOSTRA-status (SSBs kodeliste).",
        radtittel="Utfall",
        skjul_smaa=skjul,
    )
    inntekt = _tell(
        kontorer,
        [*situasjoner.values(), "Ikke registrert"],
        inntekt_par,
        id="inntekt",
        tittel="Viktigste inntektskilde etter fullført program",
        beskrivelse="Fullførte program og program avsluttet etter avbrudd, etter inntektskilden rett etterpå "
        "(arbeid, utdanning, andre ytelser).",
        radtittel="Inntektskilde",
        skjul_smaa=skjul,
    )
    rader = ["Under 6 måneder", "6–11 måneder", "12–17 måneder", "18–23 måneder", "24 måneder eller mer"]
    varighet_par = []
    rader_v: list[Any] = list(
        avsluttede.values_list("kontor_id", "begynt_dato", "avsluttet_dato")
        .annotate(n=Count("pk"))
        .values_list("kontor_id", "begynt_dato", "avsluttet_dato", "n")
    )
    for k, begynt, avsluttet, n in rader_v:
        mnd = (avsluttet.year - begynt.year) * 12 + avsluttet.month - begynt.month - (avsluttet.day < begynt.day)
        varighet_par += [(k, rader[min(max(mnd, 0) // 6, 4)])] * n
    varighet = _tell(
        kontorer,
        rader,
        varighet_par,
        id="varighet",
        tittel="Hvor lenge programmet varte",
        beskrivelse="Avsluttede program i perioden etter tiden fra oppstart til avslutning.",
        radtittel="Varighet",
        skjul_smaa=skjul,
    )
    return [utfall, inntekt, varighet]


def ventetid(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    """Søknad → vedtak og innvilgelse → oppstart, mot kontorets egne mål."""
    kontorer = _kontorer(kontor_ids)
    start, slutt = _foerste(fra), _siste(til)
    maal = dict(NavKontor.objects.filter(pk__in=kontor_ids).values_list("pk", "frist_overskredet_dager"))
    oppstart_maal = dict(NavKontor.objects.filter(pk__in=kontor_ids).values_list("pk", "frist_oppstart_maaneder"))
    vedtak: dict[UUID, list[int]] = defaultdict(list)
    vedtatte: list[Any] = list(
        Sak.objects.filter(kontor_id__in=kontor_ids, vedtak_dato__gte=start, vedtak_dato__lte=slutt).values_list(
            "kontor_id", "mottatt_dato", "vedtak_dato"
        )
    )
    for k, mottatt, vedtatt in vedtatte:
        vedtak[k].append((vedtatt - mottatt).days)
    oppstart: dict[UUID, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    startede: list[Any] = list(
        Sak.objects.filter(
            kontor_id__in=kontor_ids, begynt_dato__gte=start, begynt_dato__lte=slutt, vedtak_dato__isnull=False
        ).values_list("kontor_id", "vedtak_dato", "begynt_dato")
    )
    for k, vedtatt, begynt in startede:
        oppstart[k].append((vedtatt, begynt))
    rader_v = ["Vedtak i perioden", "Median dager fra søknad til vedtak", "Andel innen kontorets mål (prosent)"]
    rader_o = [
        "Oppstarter i perioden",
        "Median dager fra innvilgelse til oppstart",
        "Andel innen kontorets mål (prosent)",
    ]
    tv = Tabell(
        "soeknad_vedtak",
        "Fra søknad til vedtak",
        "Saker med vedtak om program i perioden. Målet er kontorets frist for saksbehandlingen.",
        "Mål",
        kontorer,
        rader=rader_v,
        total_er_sum=False,
        skjul_smaa=skjul,
        maal=", ".join(f"{n}: {maal.get(k, '–')} dager" for k, n in kontorer),
    )
    to = Tabell(
        "innvilgelse_oppstart",
        "Fra innvilgelse til oppstart",
        "Deltakere som begynte i perioden. Målet er kontorets frist for oppstart etter innvilgelsen.",
        "Mål",
        kontorer,
        rader=rader_o,
        total_er_sum=False,
        skjul_smaa=skjul,
        maal=", ".join(f"{n}: {oppstart_maal.get(k, '–')} måneder" for k, n in kontorer),
    )
    alle_v: list[int] = []
    alle_v_innen = 0
    alle_o: list[int] = []
    alle_o_innen = 0
    for k, _ in kontorer:
        dager = vedtak.get(k, [])
        innen = sum(d <= maal.get(k, 0) for d in dager)
        alle_v += dager
        alle_v_innen += innen
        _fyll(tv, rader_v, k, dager, innen)
        par = oppstart.get(k, [])
        grense = oppstart_maal.get(k, 0)
        dager_o = [(b - v).days for v, b in par]
        innen_o = sum(b <= _legg_til_maaneder(v, grense) for v, b in par)
        alle_o += dager_o
        alle_o_innen += innen_o
        _fyll(to, rader_o, k, dager_o, innen_o)
    for t, rader, alle, innen in ((tv, rader_v, alle_v, alle_v_innen), (to, rader_o, alle_o, alle_o_innen)):
        t.totaler = {
            rader[0]: len(alle),
            rader[1]: int(statistics.median(alle)) if alle else None,
            rader[2]: andel_prosent(innen, len(alle)),
        }
        t.grunnlag = {r: {k: int(t.verdier[rader[0]].get(k) or 0) for k, _ in kontorer} for r in rader}
    return [tv, to]


def _fyll(t: Tabell, rader: list[str], k: UUID, dager: list[int], innen: int) -> None:
    t.verdier.setdefault(rader[0], {})[k] = len(dager)
    t.verdier.setdefault(rader[1], {})[k] = int(statistics.median(dager)) if dager else None
    t.verdier.setdefault(rader[2], {})[k] = andel_prosent(innen, len(dager))


def _legg_til_maaneder(dato: dt.date, antall: int) -> dt.date:
    aar, mnd = divmod(dato.month - 1 + antall, 12)
    m = (dato.year + aar, mnd + 1)
    return min(dt.date(m[0], m[1], 1) + dt.timedelta(days=dato.day - 1), _siste(m))


def utbetalt(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    kontorer = _kontorer(kontor_ids)
    t = Tabell(
        "utbetalt",
        "Utbetalt stønad per måned",
        "Brutto kvalifiseringsstønad i godkjente utbetalingsrunder for kontorets kommuner, etter måneden runden "
        "gjaldt.",
        "Måned",
        kontorer,
        enhet="kroner",
        skjul_smaa=skjul,
    )
    mnd = maaneder(fra, til)
    t.rader = [maanedsnavn(m) for m in mnd]
    runder = {
        r[0]: r[1:]
        for r in Utbetalingsrunde.objects.filter(kommune__nav_kontor_id__in=kontor_ids)
        .exclude(status=Rundestatus.SIMULERT)
        .filter(Q(aar__gt=fra[0]) | Q(aar=fra[0], maaned__gte=fra[1]))
        .filter(Q(aar__lt=til[0]) | Q(aar=til[0], maaned__lte=til[1]))
        .values_list("pk", "kommune__nav_kontor_id", "aar", "maaned")
    }
    summer = (
        Utbetaling.objects.filter(runde_id__in=list(runder))
        .values_list("runde_id")
        .annotate(s=Sum("brutto"), n=Count("pk"))  # én utbetaling per sak og runde
        .values_list("runde_id", "s", "n")
    )
    for runde_id, s, n in summer:
        k, a, m = runder[runde_id]
        navn = maanedsnavn((a, m))
        t.verdier.setdefault(navn, {})[k] = t.verdier.get(navn, {}).get(k, Decimal(0)) + s
        t.grunnlag.setdefault(navn, {})[k] = t.grunnlag.get(navn, {}).get(k, 0) + n
    for navn in t.rader:
        for k, _ in kontorer:
            t.verdier.setdefault(navn, {}).setdefault(k, Decimal(0))
            t.grunnlag.setdefault(navn, {}).setdefault(k, 0)
    return [t]


#: Klagenes utfall: kontorets (omgjort, avvist) og statsforvalterens (fvl. § 34), og de som ikke er avgjort ennå.
KLAGEUTFALL: list[tuple[str, str]] = [
    ("OMGJORT", "Omgjort av kontoret"),
    ("AVVIST_KONTOR", "Avvist av kontoret"),
    (Klageutfall.STADFESTET, "Stadfestet av statsforvalteren"),
    (Klageutfall.ENDRET, "Endret av statsforvalteren"),
    (Klageutfall.OPPHEVET, "Opphevet av statsforvalteren"),
    (Klageutfall.AVVIST, "Avvist av statsforvalteren"),
    ("IKKE_AVGJORT", "Ikke avgjort ennå"),
]


def klageutfall(status: str, utfall: str) -> str:
    """Nøkkelen i `KLAGEUTFALL` for en klage (status og statsforvalterens utfall)."""
    if utfall:
        return utfall
    if status in (Klagestatus.OMGJOERES, Klagestatus.OMGJORT):
        return "OMGJORT"
    if status == Klagestatus.AVVIST:
        return "AVVIST_KONTOR"
    return "IKKE_AVGJORT"


def _klagetabeller(kontorer: list[tuple[UUID, str]], skjul: bool) -> tuple[Tabell, Tabell]:
    mottatt = Tabell(
        "klager",
        "Klager mottatt per måned",
        "Klager på vedtak om kvalifiseringsprogram og -stønad, etter måneden kontoret mottok klagen.",
        "Måned",
        kontorer,
        skjul_smaa=skjul,
    )
    utfall = Tabell(
        "klageutfall",
        "Utfallet av klagene",
        "Klager mottatt i perioden etter utfallet: omgjort eller avvist av kontoret, eller statsforvalterens "
        "avgjørelse (stadfestet, endret, opphevet, avvist).",
        "Utfall",
        kontorer,
        rader=[navn for _, navn in KLAGEUTFALL],
        skjul_smaa=skjul,
    )
    return mottatt, utfall


def klager(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    kontorer = _kontorer(kontor_ids)
    mottatt, utfall = _klagetabeller(kontorer, skjul)
    mnd = maaneder(fra, til)
    mottatt.rader = [maanedsnavn(m) for m in mnd]
    for rad in mottatt.rader:
        mottatt.verdier[rad] = {k: 0 for k, _ in kontorer}
    navn = dict(KLAGEUTFALL)
    utfall.verdier = {rad: {k: 0 for k, _ in kontorer} for rad in utfall.rader}
    for k, dato, status, sf in Klage.objects.filter(
        sak__kontor_id__in=kontor_ids, mottatt_dato__gte=_foerste(fra), mottatt_dato__lte=_siste(til)
    ).values_list("sak__kontor_id", "mottatt_dato", "status", "utfall"):
        rad = maanedsnavn((dato.year, dato.month))
        mottatt.verdier[rad][k] = int(mottatt.verdier[rad][k] or 0) + 1
        rad = navn[klageutfall(status, sf)]
        utfall.verdier[rad][k] = int(utfall.verdier[rad][k] or 0) + 1
    return [mottatt, utfall]


def alle_tabeller(kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, *, skjul: bool) -> list[Tabell]:
    """Alle tabellene, beregnet direkte fra sakene (fasiten for de forhåndsberegnede tallene i `maanedstall.py`)."""
    return [
        *bestand_og_strom(kontor_ids, fra, til, skjul),
        *alder_og_barn(kontor_ids, fra, til, skjul),
        *utfall_og_varighet(kontor_ids, fra, til, skjul),
        *ventetid(kontor_ids, fra, til, skjul),
        *utbetalt(kontor_ids, fra, til, skjul),
        *klager(kontor_ids, fra, til, skjul),
    ]

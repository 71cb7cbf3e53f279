"""Forhåndsberegnede månedstall for statistikksidene: antall og summer per kontor, serie, måned og nøkkel.

Sidene leser disse i stedet for å telle saker og utbetalinger for hver visning (`docs/benchmarks.md`). Tallene for et
kontor lages i én transaksjon fra de samme radene som den direkte beregningen i `tall.py` leser, og tabellene bygges
av dem med de samme reglene; `kvp/demo/tests/test_statistikk_maanedstall.py` sammenligner de to på tilfeldige
data, celle for celle.

Seriene (nøkkelen er det som trengs for å regne ut tabellen for en vilkårlig periode):

* `start`, `slutt`: oppstarter og avslutninger per måned (bestanden er summen av dem fram til måneden);
* `alder`: alder ved oppstart i hele år (gruppene settes sammen når tabellen lages, med grensen for datoen da);
* `barn`: barn under myndighetsalderen i husstanden ved oppstart (0–3, der 3 er tre eller flere);
* `utfall`, `inntekt`: KOSTRA-status og inntektskilde i fattede vedtak for saker avsluttet i måneden;
* `varighet`: varighetsgruppen (0–4) for saker avsluttet i måneden;
* `vedtak`: dager fra søknad til vedtak, etter vedtaksmåneden (medianen regnes av fordelingen);
* `oppstart`: «dager:måneder» fra innvilgelse til oppstart, der måneder er det minste antall måneder etter vedtaket
  oppstarten lå innenfor, så andelen innen kontorets mål kan regnes for et hvilket som helst mål;
* `utbetalt`: antall utbetalinger og brutto i godkjente runder, etter måneden runden gjaldt;
* `klage`: klager etter måneden de kom inn, med utfallet som nøkkel.

Fordelingene (alle unntatt start, slutt, utbetalt og klage) har i tillegg årssummer (`alder/år` osv., måneden er
januar): en periode over ti år leser da hele år derfra og bare månedene i endene fra månedstallene (en tidel så
mange rader for fylkets ti kontorer).

Endringer i sakene, vedtakene, personene, rundene og klagene øker kontorets versjon (`merk_endret`, fra signalene i
`apps.py`) og legger én beregning av kontoret i jobbkøen (`tasks.maanedstall_beregn`); sidene viser imens de sist
beregnede tallene med en merknad (`klargjoer`).
`manage.py statistikk_tall` beregner alle kontorene på nytt (etter import eller endringer rett i databasen).
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Count, F, Q, Sum
from django.utils import timezone

from kvp.klage.models import Klage
from kvp.person.models import Forsoergerperiode
from kvp.sak.models import Sak
from kvp.tilgang.models import NavKontor
from kvp.utbetaling.models import Rundestatus, Utbetaling
from kvp.vedtak.models import KostraSituasjon, KostraStatus, Vedtak, Vedtaksstatus
from kvp_regler.kostra import utledning as u
from kvp_regler.parametere import STANDARD
from kvp_regler.statistikk import andel_prosent

from . import tall
from .models import Maanedstall, Tallstatus
from .tall import Maaned, Tabell

#: Seriene som leses per måned (resten summeres over perioden i databasen).
MAANEDLIGE = ("start", "slutt", "utbetalt", "klage")
#: Fordelingene, som summeres over perioden. De har også årssummer (serien med `AAR` etter navnet, måneden er januar
#: i året), så en lang periode leser hele år fra dem og bare månedene i endene fra månedstallene.
FORDELINGER = ("alder", "barn", "utfall", "inntekt", "varighet", "vedtak", "oppstart")
AAR = "/år"
VARIGHET = ["Under 6 måneder", "6–11 måneder", "12–17 måneder", "18–23 måneder", "24 måneder eller mer"]
BARN = ["Ingen barn", "1 barn", "2 barn", "3 barn eller flere"]


def mnr(aar: int, maaned: int) -> int:
    return aar * 12 + maaned - 1


def _dato_mnr(d: dt.date) -> int:
    return mnr(d.year, d.month)


def minste_maaneder(vedtatt: dt.date, begynt: dt.date) -> int:
    """Det minste antall måneder g der oppstarten er innen g måneder etter vedtaket (som `tall.ventetid` regner)."""
    if begynt <= vedtatt:
        return 0
    g = max((begynt.year - vedtatt.year) * 12 + begynt.month - vedtatt.month - 1, 0)
    while begynt > tall._legg_til_maaneder(vedtatt, g):
        g += 1
    return g


# ---------------------------------------------------------------------------------------------------------------
# Beregning for ett kontor


def _rader(kontor_id: UUID) -> list[Maanedstall]:
    teller: dict[tuple[str, int, str], int] = defaultdict(int)

    def legg(serie: str, m: int, noekkel: str = "") -> None:
        teller[(serie, m, noekkel)] += 1

    saker: list[Any] = list(
        Sak.objects.filter(kontor_id=kontor_id).values_list(
            "person_id", "begynt_dato", "avsluttet_dato", "vedtak_dato", "mottatt_dato", "person__foedselsdato"
        )
    )
    perioder: dict[tuple[UUID, dt.date], list[tuple[dt.date, dt.date | None]]] = defaultdict(list)
    for forelder_id, fdato, fom, tom in Forsoergerperiode.objects.filter(
        barn__forelder_id__in=Sak.objects.filter(kontor_id=kontor_id, begynt_dato__isnull=False).values("person_id")
    ).values_list("barn__forelder_id", "barn__foedselsdato", "fra_og_med", "til_og_med"):
        perioder[(forelder_id, fdato)].append((fom, tom))
    barn: dict[UUID, list[u.BarnIHusstanden]] = defaultdict(list)
    for (person_id, fdato), pp in perioder.items():
        barn[person_id].append(u.BarnIHusstanden(fdato, tuple(pp)))
    for person_id, begynt, avsluttet, vedtatt, mottatt, foedt in saker:
        if vedtatt is not None:
            legg("vedtak", _dato_mnr(vedtatt), str((vedtatt - mottatt).days))
        if begynt is None:
            continue
        m = _dato_mnr(begynt)
        legg("start", m)
        legg("alder", m, str(u.alder(foedt, begynt)))
        legg("barn", m, str(min(u.antall_barn(barn.get(person_id, []), begynt), 3)))
        if vedtatt is not None:
            legg("oppstart", m, f"{(begynt - vedtatt).days}:{minste_maaneder(vedtatt, begynt)}")
        if avsluttet is not None:
            ma = _dato_mnr(avsluttet)
            legg("slutt", ma)
            mnd = (avsluttet.year - begynt.year) * 12 + avsluttet.month - begynt.month - (avsluttet.day < begynt.day)
            legg("varighet", ma, str(min(max(mnd, 0) // 6, 4)))
    for avsluttet, status, inntekt in (
        Vedtak.objects.filter(
            sak__kontor_id=kontor_id,
            sak__begynt_dato__isnull=False,
            sak__avsluttet_dato__isnull=False,
            status=Vedtaksstatus.FATTET,
        )
        .exclude(kostra_status="")
        .values_list("sak__avsluttet_dato", "kostra_status", "kostra_inntektskilde")
    ):
        legg("utfall", _dato_mnr(avsluttet), status)
        if status in (KostraStatus.FULLFOERT, KostraStatus.ETTER_AVBRUDD):
            legg("inntekt", _dato_mnr(avsluttet), inntekt)
    for mottatt, status, utfall in Klage.objects.filter(sak__kontor_id=kontor_id).values_list(
        "mottatt_dato", "status", "utfall"
    ):
        legg("klage", _dato_mnr(mottatt), tall.klageutfall(status, utfall))
    aarlig: dict[tuple[str, int, str], int] = defaultdict(int)
    for (serie, m, noekkel), n in teller.items():
        if serie in FORDELINGER:
            aarlig[(serie + AAR, m - m % 12, noekkel)] += n
    rader = [
        Maanedstall(kontor_id=kontor_id, serie=serie, maaned=m, noekkel=noekkel, antall=n)
        for (serie, m, noekkel), n in (*teller.items(), *aarlig.items())
    ]
    for aar, maaned, s, n in (
        Utbetaling.objects.filter(runde__kommune__nav_kontor_id=kontor_id)
        .exclude(runde__status=Rundestatus.SIMULERT)
        .values_list("runde__aar", "runde__maaned")
        .annotate(s=Sum("brutto"), n=Count("pk"))
        .values_list("runde__aar", "runde__maaned", "s", "n")
    ):
        rader.append(Maanedstall(kontor_id=kontor_id, serie="utbetalt", maaned=mnr(aar, maaned), antall=n, beloep=s))
    return rader


def kontor_beregn(kontor_id: UUID, *, bare_utdatert: bool = False) -> bool:
    """Beregner kontorets månedstall på nytt. Gir om de ble lagret (med `bare_utdatert` hoppes kontorer over som er
    à jour).

    Versjonen leses før dataene, og tallene lagres med den versjonen: en endring som lagres etter at versjonen ble
    lest, øker versjonen og gir en ny beregning. Dataene leses uten lås, så lagringer i sakene venter ikke på en
    beregning; bare byttet av radene skjer med kontorets statusrad låst, og en beregning som er forbigått av en
    nyere (to beregninger samtidig), lagrer ingenting."""
    status, _ = Tallstatus.objects.get_or_create(kontor_id=kontor_id)
    if bare_utdatert and status.beregnet_versjon >= status.versjon:
        return False
    versjon = status.versjon
    rader = _rader(kontor_id)
    with transaction.atomic():
        status = Tallstatus.objects.select_for_update().get(kontor_id=kontor_id)
        if status.beregnet_versjon > versjon or (bare_utdatert and status.beregnet_versjon >= versjon):
            return False  # en annen beregning har lagret like nye tall imens
        Maanedstall.objects.filter(kontor_id=kontor_id).delete()
        Maanedstall.objects.bulk_create(rader, batch_size=5000)
        Tallstatus.objects.filter(kontor_id=kontor_id).update(beregnet_versjon=versjon, beregnet=timezone.now())
    return True


def oppdater(kontor_ids: Iterable[UUID]) -> None:
    """Beregner kontorene som ikke er à jour (eller aldri er beregnet) med en gang (testene, kommandoen)."""
    ids = list(kontor_ids)
    ferdige = set(
        Tallstatus.objects.filter(kontor_id__in=ids, beregnet_versjon__gte=F("versjon")).values_list(
            "kontor_id", flat=True
        )
    )
    for k in ids:
        if k not in ferdige:
            kontor_beregn(k, bare_utdatert=True)


#: En beregning som har ligget i køen så lenge uten å bli ferdig (arbeidsprosessen døde), legges i køen igjen.
KOE_FRIST = dt.timedelta(minutes=30)


def _legg_i_koen(kontor_ids: Iterable[UUID], *, gamle_foer: dt.datetime | None = None) -> int:
    """Legger én beregning i jobbkøen for hvert av kontorene som ikke har en der fra før (eller har en eldre enn
    `gamle_foer`). Statusradene låses, så to samtidige endringer gir én beregning. Gir antallet."""
    from .tasks import maanedstall_beregn  # noqa: PLC0415 - oppgaven importerer denne modulen

    with transaction.atomic():
        ledig = Q(koet__isnull=True) if gamle_foer is None else Q(koet__isnull=True) | Q(koet__lt=gamle_foer)
        nye = list(
            Tallstatus.objects.select_for_update()
            .filter(ledig, kontor_id__in=list(kontor_ids))
            .order_by("kontor_id")
            .values_list("kontor_id", flat=True)
        )
        if nye:
            Tallstatus.objects.filter(kontor_id__in=nye).update(koet=timezone.now())
            for k in nye:
                maanedstall_beregn.enqueue(kontor_id=str(k))
    return len(nye)


def merk_endret(kontor_ids: Iterable[UUID | None]) -> None:
    """Etter at transaksjonen som endret dataene er lagret: øker versjonen for kontorene og legger én beregning per
    kontor i jobbkøen (ingen ny så lenge en venter). Kontorer som aldri er beregnet, har ingen statusrad og
    beregnes første gang noen ser på dem."""
    ids = {k for k in kontor_ids if k is not None}
    if ids:
        transaction.on_commit(lambda: _endret(ids))


def _endret(ids: set[UUID]) -> None:
    Tallstatus.objects.filter(kontor_id__in=ids).update(versjon=F("versjon") + 1)
    _legg_i_koen(ids)


def jobb_beregn(kontor_id: UUID) -> bool:
    """Beregningen i bakgrunnsjobben: tømmer `koet` først (endringer fra nå av legger en ny beregning i køen) og
    beregner kontoret om det er utdatert."""
    if not Tallstatus.objects.filter(kontor_id=kontor_id).update(koet=None):
        return False  # kontoret er slettet
    return kontor_beregn(kontor_id, bare_utdatert=True)


@dataclasses.dataclass(frozen=True)
class Status:
    """Hvor nye tallene på en side er: når de sist ble beregnet (det eldste av kontorene), om nye tall beregnes, og
    hvilke beregninger som vises (kontor, versjon og tidspunkt; endres hver gang et kontor beregnes på nytt, og er
    derfor en del av nøkkelen i hurtigbufferet for sidene)."""

    beregnet: dt.datetime | None
    utdatert: bool
    beregninger: tuple[tuple[str, int, str], ...] = ()


def klargjoer(kontor_ids: Sequence[UUID]) -> Status:
    """Før en side leser tallene: kontorer som aldri er beregnet, beregnes nå (det finnes ingen tall å vise ennå);
    utdaterte kontorer beregnes ikke her, men i bakgrunnsjobben (lagt i køen igjen om den mangler eller har ligget
    for lenge). Gir statusen siden viser."""

    def les() -> dict[UUID, Any]:
        return {
            s["kontor_id"]: s
            for s in Tallstatus.objects.filter(kontor_id__in=kontor_ids).values(
                "kontor_id", "versjon", "beregnet_versjon", "beregnet", "koet"
            )
        }

    statuser = les()
    aldri = [k for k in kontor_ids if k not in statuser or statuser[k]["beregnet"] is None]
    if aldri:
        for k in aldri:
            kontor_beregn(k, bare_utdatert=True)
        statuser = les()
    utdatert = [k for k, s in statuser.items() if s["beregnet_versjon"] < s["versjon"]]
    if utdatert:
        _legg_i_koen(utdatert, gamle_foer=timezone.now() - KOE_FRIST)
    tider = [s["beregnet"] for s in statuser.values() if s["beregnet"] is not None]
    return Status(
        beregnet=min(tider) if tider else None,
        utdatert=bool(utdatert),
        beregninger=tuple(sorted((str(k), s["beregnet_versjon"], str(s["beregnet"])) for k, s in statuser.items())),
    )


def beregnet(kontor_ids: Sequence[UUID]) -> dt.datetime | None:
    """Når det eldste av kontorenes tall ble beregnet."""
    tider = [t for t in Tallstatus.objects.filter(kontor_id__in=kontor_ids).values_list("beregnet", flat=True) if t]
    return min(tider) if tider else None


# ---------------------------------------------------------------------------------------------------------------
# Tabellene fra månedstallene


def _pluss(t: Tabell, rad: str, k: UUID, n: int) -> None:
    t.verdier[rad][k] = int(t.verdier[rad][k] or 0) + n


def _tom(t: Tabell, rader: list[str], standard: int | Decimal = 0) -> Tabell:
    t.rader = rader
    t.verdier = {rad: {k: standard for k, _ in t.kontorer} for rad in rader}
    return t


def alle_tabeller(
    kontor_ids: Sequence[UUID], fra: Maaned, til: Maaned, *, skjul: bool, beregn: bool = True
) -> list[Tabell]:
    """De samme tabellene som `tall.alle_tabeller`, fra månedstallene (med `beregn` oppdateres de først om de er
    utdatert; sidene viser de sist beregnede tallene, se `klargjoer`)."""
    if beregn:
        oppdater(kontor_ids)
    kontorer = tall._kontorer(kontor_ids)
    m_fra, m_til = mnr(*fra), mnr(*til)
    slutt = tall._siste(til)
    mnd = tall.maaneder(fra, til)
    navn = [tall.maanedsnavn(m) for m in mnd]
    maanedlig: dict[tuple[UUID, str, int], tuple[int, Decimal | None]] = {}
    i_perioden: dict[tuple[UUID, str], int] = defaultdict(int)
    # oppstarter og avslutninger før perioden (bestanden i første måned), summert i databasen
    foer: dict[tuple[UUID, str], int] = defaultdict(int)
    for k, serie, n in (
        Maanedstall.objects.filter(kontor_id__in=kontor_ids, serie__in=("start", "slutt"), maaned__lt=m_fra)
        .values_list("kontor_id", "serie")
        .annotate(n=Sum("antall"))
        .values_list("kontor_id", "serie", "n")
    ):
        foer[(k, serie)] = n
    for k, serie, m, n, s in (
        Maanedstall.objects.filter(kontor_id__in=kontor_ids, serie__in=MAANEDLIGE, maaned__gte=m_fra, maaned__lte=m_til)
        .values_list("kontor_id", "serie", "maaned")
        .annotate(n=Sum("antall"), s=Sum("beloep"))
        .values_list("kontor_id", "serie", "maaned", "n", "s")
    ):
        maanedlig[(k, serie, m)] = (n, s)
        i_perioden[(k, serie)] += n
    periode: dict[str, list[tuple[UUID, str, int]]] = defaultdict(list)
    for k, serie, noekkel, n in (
        Maanedstall.objects.filter(_fordelinger(m_fra, m_til), kontor_id__in=kontor_ids)
        .values_list("kontor_id", "serie", "noekkel")
        .annotate(n=Sum("antall"))
        .values_list("kontor_id", "serie", "noekkel", "n")
    ):
        periode[serie.removesuffix(AAR)].append((k, noekkel, n))

    # Bestand og strøm
    bestand, starter, avslutninger = (_tom(t, navn) for t in _maler(kontorer, tall.bestand_og_strom, fra, til, skjul))
    for k, _ in kontorer:
        startet, sluttet = foer[(k, "start")], foer[(k, "slutt")]
        for (aar, maaned), rad in zip(mnd, navn, strict=True):
            m = mnr(aar, maaned)
            nye = maanedlig.get((k, "start", m), (0, None))[0]
            ferdige = maanedlig.get((k, "slutt", m), (0, None))[0]
            startet += nye
            bestand.verdier[rad][k] = startet - sluttet
            sluttet += ferdige
            starter.verdier[rad][k] = nye
            avslutninger.verdier[rad][k] = ferdige

    # Alder og barn
    grense = int(STANDARD["alder_full_stoenad"].verdi(slutt))
    grupper = tall._aldersgrupper(slutt)
    grenser = [grense, 35, 50]
    alder, barn = (_tom(t, t.rader) for t in _maler(kontorer, tall.alder_og_barn, fra, til, skjul))
    for k, noekkel, n in periode["alder"]:
        _pluss(alder, grupper[bisect.bisect_right(grenser, int(noekkel))][0], k, n)
    for k, noekkel, n in periode["barn"]:
        _pluss(barn, BARN[int(noekkel)], k, n)

    # Utfall, inntektskilde og varighet
    utfall, inntekt, varighet = (_tom(t, t.rader) for t in _maler(kontorer, tall.utfall_og_varighet, fra, til, skjul))
    statuser = {s: tekst.split(" – ", 1)[1] for s, tekst in KostraStatus.choices}
    registrert: dict[UUID, int] = defaultdict(int)
    for k, noekkel, n in periode["utfall"]:
        _pluss(utfall, statuser[noekkel], k, n)
        registrert[k] += n
    for k, _ in kontorer:
        _pluss(utfall, "Ikke registrert", k, max(i_perioden[(k, "slutt")] - registrert[k], 0))
    situasjoner = dict(KostraSituasjon.choices)
    for k, noekkel, n in periode["inntekt"]:
        _pluss(inntekt, situasjoner.get(noekkel, "Ikke registrert"), k, n)
    for k, noekkel, n in periode["varighet"]:
        _pluss(varighet, VARIGHET[int(noekkel)], k, n)

    # Ventetid: fordelingen av dager gir median og andel innen målet
    tv, to = _maler(kontorer, tall.ventetid, fra, til, skjul)
    maal = dict(NavKontor.objects.filter(pk__in=kontor_ids).values_list("pk", "frist_overskredet_dager"))
    oppstart_maal = dict(NavKontor.objects.filter(pk__in=kontor_ids).values_list("pk", "frist_oppstart_maaneder"))
    vedtak_dager: dict[UUID, list[int]] = defaultdict(list)
    for k, noekkel, n in periode["vedtak"]:
        vedtak_dager[k] += [int(noekkel)] * n
    oppstart: dict[UUID, list[tuple[int, int]]] = defaultdict(list)
    for k, noekkel, n in periode["oppstart"]:
        d, mp = noekkel.split(":")
        oppstart[k] += [(int(d), int(mp))] * n
    alle_v: list[int] = []
    alle_o: list[int] = []
    innen_v = innen_o = 0
    for k, _ in kontorer:
        dager = vedtak_dager.get(k, [])
        frist = maal.get(k, 0)
        innen = sum(d <= frist for d in dager)
        alle_v += dager
        innen_v += innen
        tall._fyll(tv, tv.rader, k, dager, innen)
        par = oppstart.get(k, [])
        g = oppstart_maal.get(k, 0)
        innen = sum(mp <= g for _, mp in par)
        alle_o += [d for d, _ in par]
        innen_o += innen
        tall._fyll(to, to.rader, k, [d for d, _ in par], innen)
    for t, alle, innen in ((tv, alle_v, innen_v), (to, alle_o, innen_o)):
        t.totaler = {
            t.rader[0]: len(alle),
            t.rader[1]: int(statistics.median(alle)) if alle else None,
            t.rader[2]: andel_prosent(innen, len(alle)),
        }
        t.grunnlag = {r: {k: int(t.verdier[t.rader[0]].get(k) or 0) for k, _ in kontorer} for r in t.rader}
    tv.maal = ", ".join(f"{n}: {maal.get(k, '–')} dager" for k, n in kontorer)
    to.maal = ", ".join(f"{n}: {oppstart_maal.get(k, '–')} måneder" for k, n in kontorer)

    # Utbetalt
    (utbetalt,) = _maler(kontorer, tall.utbetalt, fra, til, skjul)
    _tom(utbetalt, navn, Decimal(0))
    utbetalt.grunnlag = {rad: {k: 0 for k, _ in kontorer} for rad in navn}
    for k, _ in kontorer:
        for (aar, maaned), rad in zip(mnd, navn, strict=True):
            n, s = maanedlig.get((k, "utbetalt", mnr(aar, maaned)), (0, None))
            if n:
                utbetalt.verdier[rad][k] = s or Decimal(0)
                utbetalt.grunnlag[rad][k] = n

    # Klager
    mottatt, klageutfall = tall._klagetabeller(kontorer, skjul)
    _tom(mottatt, navn)
    _tom(klageutfall, klageutfall.rader)
    utfallnavn = dict(tall.KLAGEUTFALL)
    for (k, serie, nr), (n, _) in maanedlig.items():
        if serie == "klage":
            _pluss(mottatt, tall.maanedsnavn((nr // 12, nr % 12 + 1)), k, n)
    for k, noekkel, n in (
        Maanedstall.objects.filter(kontor_id__in=kontor_ids, serie="klage", maaned__gte=m_fra, maaned__lte=m_til)
        .values_list("kontor_id", "noekkel")
        .annotate(n=Sum("antall"))
        .values_list("kontor_id", "noekkel", "n")
    ):
        _pluss(klageutfall, utfallnavn[noekkel], k, n)

    return [
        bestand,
        starter,
        avslutninger,
        alder,
        barn,
        utfall,
        inntekt,
        varighet,
        tv,
        to,
        utbetalt,
        mottatt,
        klageutfall,
    ]


def _fordelinger(m_fra: int, m_til: int) -> Q:
    """Radene for fordelingene i perioden: årssummene for hele år, og månedstallene for månedene før og etter dem."""
    foerste = -(-m_fra // 12)  # det første hele året
    siste = (m_til + 1) // 12 - 1  # det siste hele året
    if foerste > siste:
        return Q(serie__in=FORDELINGER, maaned__gte=m_fra, maaned__lte=m_til)
    return (
        Q(serie__in=[f + AAR for f in FORDELINGER], maaned__gte=foerste * 12, maaned__lte=siste * 12)
        | Q(serie__in=FORDELINGER, maaned__gte=m_fra, maaned__lt=foerste * 12)
        | Q(serie__in=FORDELINGER, maaned__gte=(siste + 1) * 12, maaned__lte=m_til)
    )


def _maler(kontorer: list[tuple[UUID, str]], lag: Any, fra: Maaned, til: Maaned, skjul: bool) -> list[Tabell]:
    """Tabellene (overskrifter, rader, enhet) fra den direkte beregningen for ingen kontorer (uten spørringer mot
    sakene), med kontorene satt inn."""
    maler: list[Tabell] = lag([], fra, til, skjul)
    for t in maler:
        t.kontorer = kontorer
    return maler

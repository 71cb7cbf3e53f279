"""Naiv referanseberegning av kvalifiseringsstønad — et uavhengig orakel, KUN for tester.

This module is an independent oracle for the differential tests in `test_referanse.py`. It is written directly
from `spec/beregning.md` (§2–§5) without looking at the optimised implementation in
`kvp_regler/beregning/stoenad.py`, and it is deliberately naive:

* it walks the calculation period one calendar day at a time;
* every amount is an exact `fractions.Fraction`; nothing is cached, nothing is vectorised;
* it has its own birthday logic (29 February → 1 March in non-leap years) instead of `kvp_regler.tid.bursdag`.

The only things it shares with the project are the input types (`kvp_regler.beregning.modell`) and the dated
parameter values (`kvp_regler.parametere.STANDARD`), so that a parameter change does not need to be made twice.
It does not validate its input: give it only valid `Beregningsgrunnlag`.

Never use it in production code.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from kvp_regler.beregning.modell import Beregningsgrunnlag, Beregningsmodell, Dagstatus
from kvp_regler.parametere import STANDARD

__all__ = ["beregn_referanse"]

# Line types in the order the spec sorts them (§6: STOENAD, BARNETILLEGG, FRADRAG).
STOENAD = "STOENAD"
BARNETILLEGG = "BARNETILLEGG"
FRADRAG = "FRADRAG"
TYPER = (STOENAD, BARNETILLEGG, FRADRAG)

# §4: the fixed monthly amount is the årsbeløp divided by the number of months in a year.
MAANEDER_PER_AAR = 12

# §3, status table: statuses whose factor s(d) is 1. UGYLDIG_FRAVAER is handled separately; all others are 0.
STATUS_MED_FULL_STOENAD = {
    Dagstatus.DELTATT,
    Dagstatus.HELLIGDAG,
    Dagstatus.GYLDIG_FRAVAER,
    Dagstatus.FERIE,
    Dagstatus.PERMISJON_MED_STOENAD,
}

Referanselinje = tuple[str, date, date, int, Fraction, Decimal]


def _param(navn: str, dag: date) -> Fraction:
    """The value of a dated parameter on `dag` (§1)."""
    return STANDARD[navn].verdi(dag)


def _er_virkedag(dag: date) -> bool:
    """§2: a virkedag is Monday–Friday (holidays on weekdays included)."""
    return dag.weekday() <= 4


def _fyller_aar(foedselsdato: date, alder: int) -> date:
    """The date on which someone born `foedselsdato` turns `alder` (§2).

    Born 29 February: the birthday is 1 March in years that are not leap years.
    """
    aar = foedselsdato.year + alder
    if foedselsdato.month == 2 and foedselsdato.day == 29 and not calendar.isleap(aar):
        return date(aar, 3, 1)
    return date(aar, foedselsdato.month, foedselsdato.day)


def _innenfor(dag: date, fra_og_med: date | None, til_og_med: date | None) -> bool:
    """`dag` lies in [fra_og_med, til_og_med]; a missing end is unbounded."""
    if fra_og_med is not None and dag < fra_og_med:
        return False
    return not (til_og_med is not None and dag > til_og_med)


def _virkedager_i_maaneden(dag: date) -> int:
    """§4: W = the number of virkedager in the whole calendar month of `dag` (counted day by day)."""
    antall = 0
    d = date(dag.year, dag.month, 1)
    while d.month == dag.month:
        if _er_virkedag(d):
            antall += 1
        d += timedelta(days=1)
    return antall


def _er_programdag(grunnlag: Beregningsgrunnlag, dag: date) -> bool:
    """§2: a virkedag inside at least one granted programme period."""
    if not _er_virkedag(dag):
        return False
    return any(p.fra_og_med <= dag <= p.til_og_med for p in grunnlag.programperioder)


def _under_25(grunnlag: Beregningsgrunnlag, dag: date) -> bool:
    """§2: under 25 on `dag` when `dag` is before the 25th birthday (the birthday itself is full rate)."""
    return dag < _fyller_aar(grunnlag.deltaker.foedselsdato, 25)


def _antall_barn_med_tillegg(grunnlag: Beregningsgrunnlag, dag: date) -> int:
    """§2: children born on or before `dag`, not yet 18 on `dag`, and inside their forsørger period."""
    antall = 0
    for barn in grunnlag.barn:
        if dag < barn.foedselsdato:
            continue
        if dag >= _fyller_aar(barn.foedselsdato, 18):
            continue
        if not _innenfor(dag, barn.fra_og_med, barn.til_og_med):
            continue
        antall += 1
    return antall


def _statusfaktor(grunnlag: Beregningsgrunnlag, dag: date) -> Fraction:
    """§3, status table: s(d). Without a registration the day is DELTATT (factor 1)."""
    status = Dagstatus.DELTATT
    timer = None
    for registrering in grunnlag.dager:
        if registrering.dato == dag:
            status = registrering.status
            timer = registrering.timer
    if status in STATUS_MED_FULL_STOENAD:
        return Fraction(1)
    if status == Dagstatus.UGYLDIG_FRAVAER:
        if timer is None:
            return Fraction(0)
        # "reduced tilsvarende": 1 − timer / 7.5
        return 1 - Fraction(timer) / _param("timer_per_virkedag", dag)
    # FRAVAER_UTEN_STOENAD, PERMISJON_UTEN_STOENAD, AVBRUDD
    return Fraction(0)


def _arbeidsfaktor(grunnlag: Beregningsgrunnlag, dag: date) -> Fraction:
    """§3: w(d) = 1 − (sum of the weekly hours of every work period covering `dag`) / 37.5."""
    timer = Fraction(0)
    for arbeid in grunnlag.arbeid:
        if arbeid.fra_og_med <= dag <= arbeid.til_og_med:
            timer += Fraction(arbeid.timer_per_uke)
    return 1 - timer / _param("timer_per_uke_full_tid", dag)


def _ytelser(grunnlag: Beregningsgrunnlag, dag: date) -> Fraction:
    """§3: sum of the dagsatser of all other benefits covering `dag`."""
    total = Fraction(0)
    for ytelse in grunnlag.ytelser:
        if ytelse.fra_og_med <= dag <= ytelse.til_og_med:
            total += Fraction(ytelse.dagsats)
    return total


def _dagens_beloep(grunnlag: Beregningsgrunnlag, dag: date) -> dict[str, Fraction]:
    """The exact daily amount of each line type on `dag` (§3 and §4). FRADRAG is negative. 0 = no amount."""
    null = {STOENAD: Fraction(0), BARNETILLEGG: Fraction(0), FRADRAG: Fraction(0)}
    if not _er_programdag(grunnlag, dag):
        return null  # §2: days outside every programme period give nothing

    # §3: aarsbeloep(d) = faktor(d) × G(d) × (2/3 if under 25 on d)
    aarsbeloep = _param("faktor", dag) * _param("grunnbeloep", dag)
    if _under_25(grunnlag, dag):
        aarsbeloep = aarsbeloep * _param("andel_under_25", dag)

    # §3: barnetillegg(d) = sats(d) × number of children giving barnetillegg on d
    barnetillegg = _param("barnetillegg_sats", dag) * _antall_barn_med_tillegg(grunnlag, dag)

    if grunnlag.beregningsmodell == Beregningsmodell.VIRKEDAGER:
        # §3 / §4 VIRKEDAGER: dagsats = aarsbeloep / 260; barnetillegg per virkedag as it is
        dagsats = aarsbeloep / _param("virkedager_per_aar", dag)
        tillegg_per_dag = barnetillegg
    elif grunnlag.beregningsmodell == Beregningsmodell.FAST_MAANEDSBELOEP:
        # §4 FAST_MAANEDSBELOEP: aarsbeloep / 12 / W and barnetillegg × 22 / W, W = virkedager in the month
        w_maaned = _virkedager_i_maaneden(dag)
        dagsats = aarsbeloep / MAANEDER_PER_AAR / w_maaned
        tillegg_per_dag = barnetillegg * _param("barnetillegg_dager_per_maaned", dag) / w_maaned
    else:  # pragma: no cover - only two models exist
        raise ValueError(f"ukjent beregningsmodell {grunnlag.beregningsmodell!r}")

    s = _statusfaktor(grunnlag, dag)
    w = _arbeidsfaktor(grunnlag, dag)

    stoenad = dagsats * s * w
    tillegg = tillegg_per_dag * s * w
    # §3: fradrag(d) = min(sum of benefits, stoenad(d) + tillegg(d)); §5: FRADRAG lines are negative
    fradrag = min(_ytelser(grunnlag, dag), stoenad + tillegg)
    return {STOENAD: stoenad, BARNETILLEGG: tillegg, FRADRAG: -fradrag}


def _rund_halv_opp(belop: Fraction) -> Decimal:
    """§5: round a non-negative exact amount half up to øre (2 decimals)."""
    assert belop >= 0
    oere = math.floor(belop * 100 + Fraction(1, 2))
    return Decimal(oere).scaleb(-2)


def _linjebeloep(dagsats: Fraction, antall_dager: int) -> Decimal:
    """§5: exact daily amount × days, rounded half up once per line; negative lines: round |x| then negate."""
    eksakt = dagsats * antall_dager
    if eksakt < 0:
        return -_rund_halv_opp(-eksakt)
    return _rund_halv_opp(eksakt)


@dataclass
class _Rekke:
    """A run of virkedager being built into a line (§5)."""

    fra_og_med: date
    til_og_med: date
    antall_dager: int
    dagsats: Fraction

    def som_linje(self, linjetype: str) -> Referanselinje:
        beloep = _linjebeloep(self.dagsats, self.antall_dager)
        return (linjetype, self.fra_og_med, self.til_og_med, self.antall_dager, self.dagsats, beloep)


def beregn_referanse(grunnlag: Beregningsgrunnlag) -> tuple[Decimal, list[Referanselinje]]:
    """Naive reference calculation of `grunnlag` (spec/beregning.md §2–§5). For tests only.

    Returns `(total, linjer)`, each line `(type, fra_og_med, til_og_med, antall_dager, dagsats, beloep)`, with
    `dagsats` exact (negative for FRADRAG) and `beloep` a Decimal with 2 decimals. Lines are sorted by
    `fra_og_med`, then by type in the order STOENAD, BARNETILLEGG, FRADRAG.
    """
    # 1. Walk the period day by day and keep every virkedag of the period with its amounts (§2, §3, §4).
    #    Weekends are skipped, so "consecutive among the virkedager of the period" is "adjacent in this list".
    virkedager: list[tuple[date, dict[str, Fraction]]] = []
    dag = grunnlag.periode.fra_og_med
    while dag <= grunnlag.periode.til_og_med:
        if _er_virkedag(dag):
            virkedager.append((dag, _dagens_beloep(grunnlag, dag)))
        dag += timedelta(days=1)

    # 2. Build the lines per type (§5): a run continues while the type's amount is non-zero, equal to the run's
    #    amount, and the day is in the same calendar month as the run. Anything else closes the run.
    linjer: list[Referanselinje] = []
    for linjetype in TYPER:
        aapen: _Rekke | None = None  # the open run of this type, if any
        for dag, beloep in virkedager:
            dagsats = beloep[linjetype]
            if (
                aapen is not None
                and dagsats != 0
                and dagsats == aapen.dagsats
                and (dag.year, dag.month) == (aapen.fra_og_med.year, aapen.fra_og_med.month)
            ):
                aapen.til_og_med = dag
                aapen.antall_dager += 1
                continue
            if aapen is not None:
                linjer.append(aapen.som_linje(linjetype))
                aapen = None
            if dagsats != 0:
                aapen = _Rekke(fra_og_med=dag, til_og_med=dag, antall_dager=1, dagsats=dagsats)
        if aapen is not None:
            linjer.append(aapen.som_linje(linjetype))

    # 3. Sort (§6: fra_og_med, then STOENAD, BARNETILLEGG, FRADRAG) and add up the rounded lines (§5).
    linjer.sort(key=lambda linje: (linje[1], TYPER.index(linje[0])))
    total = Decimal("0.00")
    for linje in linjer:
        total += linje[5]

    # 4. The project's one refinement beyond §5 (docs/regler/beregning.md, «avrundingsgrensen»): fradrag can never
    #    exceed stønad + barnetillegg on a day, but rounding each line on its own can still make the sum a few øre
    #    negative. Then the last FRADRAG line (in sorted order), and earlier ones if needed, give back those øre.
    nr = len(linjer) - 1
    while total < 0 and nr >= 0:
        type_, fra, til, antall, dagsats, linjebeloep = linjer[nr]
        if type_ == "FRADRAG":
            tilbake = min(-total, -linjebeloep)
            linjer[nr] = (type_, fra, til, antall, dagsats, linjebeloep + tilbake)
            total += tilbake
        nr -= 1
    return total, linjer

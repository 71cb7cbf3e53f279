"""Differensialtest: `beregn_stoenad` (optimert) mot `beregn_referanse` (naivt orakel), spec/beregning.md §2–§5.

Every line (type, dates, number of days, exact daily amount, rounded amount) and the total must be identical.
The inputs are generated with hypothesis around the places where the rules change: month ends, the parameter
change dates, the participant's 25th birthday (also for people born 29 February), children's 18th birthdays and
forsørger periods, programme periods that overlap, touch or miss the period, day registrations of every status,
paid work up to 18.75 hours per week and other benefits.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvp_regler.beregning import (
    Arbeid,
    Barn,
    Beregningsgrunnlag,
    Beregningsmodell,
    Beregningsresultat,
    Dagregistrering,
    Dagstatus,
    Deltaker,
    Ytelse,
    Ytelsestype,
    beregn_stoenad,
)
from kvp_regler.tests.referanse import beregn_referanse
from kvp_regler.tid import Periode

FOERSTE_DATO = date(2023, 6, 1)
SISTE_DATO = date(2026, 12, 31)
ENDRINGSDATOER = (
    date(2024, 1, 1),
    date(2024, 5, 1),
    date(2024, 7, 1),
    date(2025, 1, 1),
    date(2025, 5, 1),
    date(2026, 1, 1),
    date(2026, 5, 1),
)
MAKS_LENGDE = 92  # days; a period is 1 to 93 days long (about three months)


# --------------------------------------------------------------------------------------------------------------
# Comparison
# --------------------------------------------------------------------------------------------------------------


def _som_tupler(resultat: Beregningsresultat) -> list[tuple[str, date, date, int, Fraction, Decimal]]:
    return [
        (str(linje.type), linje.fra_og_med, linje.til_og_med, linje.antall_dager, linje.dagsats, linje.beloep)
        for linje in resultat.linjer
    ]


def _sammenlign(grunnlag: Beregningsgrunnlag) -> None:
    """Run both implementations and require identical lines and total."""
    resultat = beregn_stoenad(grunnlag)
    forventet_total, forventede_linjer = beregn_referanse(grunnlag)
    faktiske_linjer = _som_tupler(resultat)
    assert faktiske_linjer == forventede_linjer, f"linjene er ulike for {grunnlag!r}"
    for linje in resultat.linjer:
        assert isinstance(linje.dagsats, Fraction)
        assert linje.beloep.as_tuple().exponent == -2, f"beløpet {linje.beloep!r} har ikke to desimaler"
    assert resultat.total == forventet_total, f"totalen er ulik for {grunnlag!r}"


# --------------------------------------------------------------------------------------------------------------
# Strategies
# --------------------------------------------------------------------------------------------------------------


def _klem(dag: date, fra: date = FOERSTE_DATO, til: date = SISTE_DATO) -> date:
    return max(fra, min(til, dag))


def _aar_tilbake(dag: date, aar: int) -> date:
    """The date `aar` years before `dag` (29 February → 1 March when the target year is no leap year)."""
    try:
        return dag.replace(year=dag.year - aar)
    except ValueError:
        return date(dag.year - aar, 3, 1)


def _desimal(hundredeler: int) -> Decimal:
    """An exact Decimal with 2 decimals from a whole number of hundredths (no floats involved)."""
    return Decimal(hundredeler).scaleb(-2)


@st.composite
def perioder(draw) -> Periode:
    """1 day to ~3 months, often across a month end or a parameter change date."""
    valg = draw(st.sampled_from(["tilfeldig", "før en endringsdato", "før et månedsskifte"]))
    if valg == "tilfeldig":
        anker = draw(st.dates(FOERSTE_DATO, SISTE_DATO))
    elif valg == "før en endringsdato":
        anker = draw(st.sampled_from(ENDRINGSDATOER)) - timedelta(days=draw(st.integers(0, 70)))
    else:
        anker = draw(st.dates(FOERSTE_DATO, SISTE_DATO)).replace(day=1) - timedelta(days=draw(st.integers(0, 6)))
    fra = _klem(anker)
    lengde = draw(st.one_of(st.integers(0, MAKS_LENGDE), st.integers(0, 10)))
    return Periode(fra, _klem(fra + timedelta(days=lengde)))


def _dato_rundt(draw, periode: Periode, foer: int = 60, etter: int = 60) -> date:
    """A date from `foer` days before the period to `etter` days after it."""
    lengde = (periode.til_og_med - periode.fra_og_med).days
    return periode.fra_og_med + timedelta(days=draw(st.integers(-foer, lengde + etter)))


def _overlappende(draw, periode: Periode) -> tuple[date, date]:
    """A date range that overlaps the period: it starts up to 60 days before or inside it, and ends inside or after."""
    lengde = (periode.til_og_med - periode.fra_og_med).days
    fra = periode.fra_og_med + timedelta(days=draw(st.integers(-60, lengde)))
    til = max(fra, periode.fra_og_med) + timedelta(days=draw(st.one_of(st.integers(0, 20), st.integers(0, 150))))
    return fra, til


def _delperiode(draw, periode: Periode) -> tuple[date, date]:
    """A date range that may lie before, across, inside or after the period."""
    fra = _dato_rundt(draw, periode)
    til = fra + timedelta(days=draw(st.one_of(st.integers(0, 20), st.integers(0, 150))))
    return fra, til


@st.composite
def deltakere(draw, periode: Periode) -> Deltaker:
    valg = draw(st.sampled_from(["25 i perioden", "29. februar", "tilfeldig"]))
    if valg == "25 i perioden":
        # 25th birthday inside or close to the period
        bursdag_25 = _dato_rundt(draw, periode, foer=10, etter=10)
        return Deltaker(_aar_tilbake(bursdag_25, 25))
    if valg == "29. februar":
        # 2000-02-29 turns 25 on 2025-03-01 (no leap year); the others are under/over 25 all the time
        return Deltaker(draw(st.sampled_from([date(2000, 2, 29), date(1996, 2, 29), date(2004, 2, 29)])))
    return Deltaker(draw(st.dates(date(1960, 1, 1), date(2008, 12, 31))))


@st.composite
def barn_liste(draw, periode: Periode) -> tuple[Barn, ...]:
    barn = []
    for _ in range(draw(st.integers(0, 4))):
        valg = draw(st.sampled_from(["18 i perioden", "29. februar", "født rundt perioden", "tilfeldig"]))
        if valg == "18 i perioden":
            foedselsdato = _aar_tilbake(_dato_rundt(draw, periode, foer=10, etter=10), 18)
        elif valg == "29. februar":
            foedselsdato = draw(st.sampled_from([date(2008, 2, 29), date(2004, 2, 29), date(2024, 2, 29)]))
        elif valg == "født rundt perioden":
            foedselsdato = _dato_rundt(draw, periode, foer=20, etter=10)
        else:
            foedselsdato = draw(st.dates(date(2004, 1, 1), date(2026, 12, 31)))
        fra = draw(st.one_of(st.none(), st.just(_dato_rundt(draw, periode, foer=40, etter=20))))
        til = draw(st.one_of(st.none(), st.just(_dato_rundt(draw, periode, foer=20, etter=40))))
        if fra is not None and til is not None and til < fra:
            fra, til = til, fra
        barn.append(Barn(foedselsdato, fra, til))
    return tuple(barn)


@st.composite
def programperioder(draw, periode: Periode) -> tuple[Periode, ...]:
    """1 to 3 programme periods; the first always overlaps the calculation period (else most examples give no
    lines and test nothing), the others may lie anywhere around it or next to the previous one."""
    resultat: list[Periode] = [Periode(*_overlappende(draw, periode))]
    for _ in range(draw(st.integers(0, 2))):
        if draw(st.booleans()):
            # adjacent to (or overlapping) the previous programme period
            forrige = resultat[-1]
            fra = forrige.til_og_med + timedelta(days=draw(st.integers(-5, 3)))
            til = fra + timedelta(days=draw(st.integers(0, 60)))
        else:
            fra, til = _delperiode(draw, periode)
        resultat.append(Periode(fra, til))
    return tuple(resultat)


@st.composite
def dagregistreringer(draw, periode: Periode) -> tuple[Dagregistrering, ...]:
    virkedager = [
        periode.fra_og_med + timedelta(days=i)
        for i in range((periode.til_og_med - periode.fra_og_med).days + 1)
        if (periode.fra_og_med + timedelta(days=i)).weekday() < 5
    ]
    if not virkedager:
        return ()
    datoer = draw(st.lists(st.sampled_from(virkedager), unique=True, max_size=6))
    registreringer = []
    for dato in datoer:
        status = draw(st.sampled_from(list(Dagstatus)))
        timer = None
        if status == Dagstatus.UGYLDIG_FRAVAER and draw(st.booleans()):
            timer = _desimal(draw(st.one_of(st.integers(1, 750), st.sampled_from([1, 375, 749, 750]))))
        registreringer.append(Dagregistrering(dato, status, timer))
    return tuple(registreringer)


@st.composite
def arbeidsperioder(draw, periode: Periode) -> tuple[Arbeid, ...]:
    # The hours of both periods together never exceed 18.75 per week, even where they overlap.
    igjen = 1875
    arbeid = []
    for _ in range(draw(st.integers(0, 2))):
        hundredeler = draw(st.one_of(st.integers(0, igjen), st.sampled_from([0, igjen, igjen // 2])))
        igjen -= hundredeler
        fra, til = _delperiode(draw, periode)
        arbeid.append(Arbeid(fra, til, _desimal(hundredeler)))
    return tuple(arbeid)


@st.composite
def ytelser(draw, periode: Periode) -> tuple[Ytelse, ...]:
    resultat = []
    for _ in range(draw(st.integers(0, 2))):
        fra, til = _delperiode(draw, periode)
        dagsats = _desimal(draw(st.one_of(st.integers(0, 200_000), st.integers(0, 20_000), st.just(200_000))))
        resultat.append(Ytelse(draw(st.sampled_from(list(Ytelsestype))), fra, til, dagsats))
    return tuple(resultat)


@st.composite
def grunnlag(draw) -> Beregningsgrunnlag:
    periode = draw(perioder())
    return Beregningsgrunnlag(
        periode=periode,
        deltaker=draw(deltakere(periode)),
        programperioder=draw(programperioder(periode)),
        beregningsmodell=draw(st.sampled_from(list(Beregningsmodell))),
        barn=draw(barn_liste(periode)),
        dager=draw(dagregistreringer(periode)),
        arbeid=draw(arbeidsperioder(periode)),
        ytelser=draw(ytelser(periode)),
    )


# --------------------------------------------------------------------------------------------------------------
# The property
# --------------------------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(grunnlag())
def test_optimert_beregning_er_lik_referansen(g: Beregningsgrunnlag) -> None:
    _sammenlign(g)


# --------------------------------------------------------------------------------------------------------------
# Hand-picked cases
# --------------------------------------------------------------------------------------------------------------

HELE_2025 = (Periode(date(2025, 1, 6), date(2026, 1, 5)),)
VIRKEDAGER = Beregningsmodell.VIRKEDAGER
FAST = Beregningsmodell.FAST_MAANEDSBELOEP

HAANDPLUKKET = {
    "barn fyller 18 midt i måneden": Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 1), date(2025, 3, 31)),
        deltaker=Deltaker(date(1980, 5, 5)),
        programperioder=HELE_2025,
        barn=(Barn(date(2007, 3, 12)), Barn(date(2015, 6, 1))),
    ),
    "født 29. februar fyller 25 i et år som ikke er skuddår (FAST)": Beregningsgrunnlag(
        periode=Periode(date(2025, 2, 17), date(2025, 3, 14)),
        deltaker=Deltaker(date(2000, 2, 29)),
        programperioder=HELE_2025,
        beregningsmodell=FAST,
    ),
    "født 29. februar fyller 25 (VIRKEDAGER)": Beregningsgrunnlag(
        periode=Periode(date(2025, 2, 24), date(2025, 3, 7)),
        deltaker=Deltaker(date(2000, 2, 29)),
        programperioder=HELE_2025,
    ),
    "fyller 25 midt i måneden": Beregningsgrunnlag(
        periode=Periode(date(2025, 4, 1), date(2025, 4, 30)),
        deltaker=Deltaker(date(2000, 4, 16)),
        programperioder=HELE_2025,
    ),
    "FAST over et månedsskifte med barn og arbeid": Beregningsgrunnlag(
        periode=Periode(date(2025, 1, 20), date(2025, 2, 14)),
        deltaker=Deltaker(date(1990, 1, 1)),
        programperioder=HELE_2025,
        beregningsmodell=FAST,
        barn=(Barn(date(2012, 1, 1)), Barn(date(2020, 1, 1), fra_og_med=date(2025, 2, 3))),
        arbeid=(Arbeid(date(2025, 1, 27), date(2025, 2, 7), Decimal("10")),),
    ),
    "ytelse større enn dagens beløp": Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 1), date(2025, 3, 31)),
        deltaker=Deltaker(date(1990, 1, 1)),
        programperioder=HELE_2025,
        barn=(Barn(date(2015, 1, 1)),),
        ytelser=(
            Ytelse(Ytelsestype.SYKEPENGER, date(2025, 3, 10), date(2025, 3, 14), Decimal("2000.00")),
            Ytelse(Ytelsestype.DAGPENGER, date(2025, 3, 12), date(2025, 3, 20), Decimal("350.00")),
        ),
    ),
    "alle statuser og ugyldig fravær med timer": Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 1), date(2025, 3, 31)),
        deltaker=Deltaker(date(2001, 3, 15)),
        programperioder=HELE_2025,
        barn=(Barn(date(2015, 6, 1)),),
        dager=(
            Dagregistrering(date(2025, 3, 3), Dagstatus.HELLIGDAG),
            Dagregistrering(date(2025, 3, 4), Dagstatus.UGYLDIG_FRAVAER, Decimal("3")),
            Dagregistrering(date(2025, 3, 5), Dagstatus.UGYLDIG_FRAVAER),
            Dagregistrering(date(2025, 3, 6), Dagstatus.UGYLDIG_FRAVAER, Decimal("7.5")),
            Dagregistrering(date(2025, 3, 7), Dagstatus.FERIE),
            Dagregistrering(date(2025, 3, 10), Dagstatus.FRAVAER_UTEN_STOENAD),
            Dagregistrering(date(2025, 3, 11), Dagstatus.PERMISJON_UTEN_STOENAD),
            Dagregistrering(date(2025, 3, 12), Dagstatus.AVBRUDD),
            Dagregistrering(date(2025, 3, 13), Dagstatus.GYLDIG_FRAVAER),
            Dagregistrering(date(2025, 3, 14), Dagstatus.PERMISJON_MED_STOENAD),
            Dagregistrering(date(2025, 3, 17), Dagstatus.UGYLDIG_FRAVAER, Decimal("0.01")),
        ),
        arbeid=(Arbeid(date(2025, 3, 10), date(2025, 3, 31), Decimal("10")),),
        ytelser=(Ytelse(Ytelsestype.SYKEPENGER, date(2025, 3, 17), date(2025, 3, 21), Decimal("350.00")),),
    ),
    "arbeid 18,75 timer fordelt på to overlappende perioder": Beregningsgrunnlag(
        periode=Periode(date(2024, 6, 17), date(2024, 7, 12)),
        deltaker=Deltaker(date(1985, 1, 1)),
        programperioder=(Periode(date(2024, 1, 1), date(2024, 12, 31)),),
        barn=(Barn(date(2010, 1, 1)),),
        arbeid=(
            Arbeid(date(2024, 6, 1), date(2024, 7, 5), Decimal("9.37")),
            Arbeid(date(2024, 6, 24), date(2024, 7, 31), Decimal("9.38")),
        ),
    ),
    "programperioder med hull, overlapp og utenfor perioden": Beregningsgrunnlag(
        periode=Periode(date(2025, 12, 15), date(2026, 1, 20)),
        deltaker=Deltaker(date(2001, 1, 7)),
        programperioder=(
            Periode(date(2025, 12, 1), date(2025, 12, 19)),
            Periode(date(2025, 12, 17), date(2025, 12, 23)),
            Periode(date(2025, 12, 29), date(2026, 1, 9)),
            Periode(date(2026, 1, 10), date(2026, 1, 14)),
        ),
        barn=(Barn(date(2008, 1, 8)),),
    ),
    "ingen programdag i perioden": Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 1), date(2025, 3, 31)),
        deltaker=Deltaker(date(1990, 1, 1)),
        programperioder=(Periode(date(2025, 4, 1), date(2025, 6, 30)),),
    ),
    "bare en lørdag": Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 1), date(2025, 3, 1)),
        deltaker=Deltaker(date(1990, 1, 1)),
        programperioder=HELE_2025,
    ),
    "barn født 29. februar 2008 fyller 18 i 2026 (FAST)": Beregningsgrunnlag(
        periode=Periode(date(2026, 2, 2), date(2026, 3, 31)),
        deltaker=Deltaker(date(1990, 1, 1)),
        programperioder=(Periode(date(2026, 1, 1), date(2026, 12, 31)),),
        beregningsmodell=FAST,
        barn=(Barn(date(2008, 2, 29)), Barn(date(2026, 3, 10))),
    ),
    "G-regulering og ny faktor ved månedsskifte": Beregningsgrunnlag(
        periode=Periode(date(2024, 4, 15), date(2024, 7, 15)),
        deltaker=Deltaker(date(1999, 5, 20)),
        programperioder=(Periode(date(2024, 1, 1), date(2024, 12, 31)),),
        beregningsmodell=FAST,
        barn=(Barn(date(2006, 6, 12)),),
    ),
    # Found by the property (shrunk): the exact per-line rounding of §5 gives a total of -0.01 here
    # (STOENAD 1824.92 + BARNETILLEGG 27.00 - FRADRAG 635.31 - FRADRAG 1216.62); the project's guard makes the
    # last FRADRAG line -1216.61 and the total 0.00 (see test_avrundingsgrensen_gir_aldri_negativ_total).
    "fradraget avrundet per linje gir negativ total": Beregningsgrunnlag(
        periode=Periode(date(2023, 6, 1), date(2023, 6, 5)),
        deltaker=Deltaker(date(1998, 6, 6)),
        programperioder=(Periode(date(2023, 6, 1), date(2023, 6, 30)),),
        barn=(Barn(date(2005, 6, 2)),),
        ytelser=(Ytelse(Ytelsestype.DAGPENGER, date(2023, 6, 1), date(2023, 6, 5), Decimal("2000.00")),),
    ),
}


@pytest.mark.parametrize("g", list(HAANDPLUKKET.values()), ids=list(HAANDPLUKKET))
def test_haandplukkede_tilfeller(g: Beregningsgrunnlag) -> None:
    _sammenlign(g)


def test_referansen_gir_eksemplene_i_spec_7() -> None:
    """The oracle itself reproduces the hand-computed examples of spec/beregning.md §7."""
    mars = Periode(date(2025, 3, 1), date(2025, 3, 31))
    full = Beregningsgrunnlag(mars, Deltaker(date(1980, 1, 1)), HELE_2025)
    total, linjer = beregn_referanse(full)
    assert linjer == [
        ("STOENAD", date(2025, 3, 3), date(2025, 3, 31), 21, Fraction("253141.148") / 260, Decimal("20446.02"))
    ]
    assert total == Decimal("20446.02")

    under_25 = Beregningsgrunnlag(mars, Deltaker(date(2001, 3, 15)), HELE_2025)
    total, linjer = beregn_referanse(under_25)
    assert [(linje[3], linje[5]) for linje in linjer] == [(21, Decimal("13630.68"))]
    assert total == Decimal("13630.68")


def test_referansen_fradrag_er_negativt_og_avrundet_etter_absoluttverdi() -> None:
    """§5: FRADRAG lines are negative; |x| is rounded half up before the sign is applied."""
    g = Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 3), date(2025, 3, 3)),
        deltaker=Deltaker(date(1980, 1, 1)),
        programperioder=HELE_2025,
        ytelser=(Ytelse(Ytelsestype.ANNEN, date(2025, 3, 3), date(2025, 3, 3), Decimal("0.005")),),
    )
    total, linjer = beregn_referanse(g)
    assert linjer[1][0] == "FRADRAG"
    assert linjer[1][4] == Fraction(-1, 200)
    assert linjer[1][5] == Decimal("-0.01")
    assert total == linjer[0][5] - Decimal("0.01")


def test_avrundingsgrensen_gir_aldri_negativ_total() -> None:
    """Linjene rundet hver for seg ville gitt -0,01; det siste fradraget gir tilbake øret (docs/regler/beregning.md)."""
    g = HAANDPLUKKET["fradraget avrundet per linje gir negativ total"]
    resultat = beregn_stoenad(g)
    assert resultat.total == Decimal("0.00")
    assert [linje.beloep for linje in resultat.linjer] == [
        Decimal("1824.92"),
        Decimal("27.00"),
        Decimal("-635.31"),
        Decimal("-1216.61"),
    ]
    assert "satt 0,01 kr lavere" in resultat.linjer[-1].forklaring


@settings(max_examples=200, deadline=None)
@given(grunnlag())
def test_generatoren_gir_perioder_som_overlapper_programmet(g: Beregningsgrunnlag) -> None:
    """An example without programme days gives no lines and compares nothing."""
    assert any(p.fra_og_med <= g.periode.til_og_med and p.til_og_med >= g.periode.fra_og_med for p in g.programperioder)

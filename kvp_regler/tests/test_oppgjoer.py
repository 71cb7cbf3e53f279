"""Oppgjøret av en utbetaling: trekkgrensen (ned til øre), motregningen, skattetrekket (ned til kroner) og
trekkprosenten uten skattekort fra de daterte parameterne."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp_regler.oppgjoer import (
    gjoer_opp,
    korreksjonsdifferanser,
    motregn,
    motregn_over_tid,
    skattetrekk,
    skattetrekk_prosent,
    skattetrekk_prosent_uten_skattekort,
    trekkramme,
)
from kvp_regler.parametere import STANDARD, ManglendeParameter, les_parametersett

D = Decimal


@pytest.mark.parametrize(
    ("brutto", "prosent", "ramme"),
    [
        (D("1000.00"), 50, "500.00"),
        (D("1000.01"), 50, "500.00"),  # 500,005 rundes ned, ikke halvt opp
        (D("1000.03"), 50, "500.01"),  # 500,015 rundes ned
        (D("333.33"), 33, "109.99"),  # 109,9989
        (D("0.01"), 99, "0.00"),
        (D("20446.02"), 100, "20446.02"),
        (D("20446.02"), 0, "0.00"),
        (D("0.00"), 50, "0.00"),
    ],
)
def test_trekkramme_rundes_ned_til_oere(brutto: Decimal, prosent: int, ramme: str) -> None:
    svar = trekkramme(brutto, prosent)
    assert svar == D(ramme)
    assert str(svar) == ramme


@pytest.mark.parametrize("prosent", [-1, 101])
def test_trekkramme_utenfor_0_til_100_avvises(prosent: int) -> None:
    with pytest.raises(ValueError, match="mellom 0 og 100"):
        trekkramme(D("1000.00"), prosent)


def test_motregning_tar_eldste_foerst_og_stopper_ved_rammen() -> None:
    # Rammen er 500,00: den første gjøres opp (300), den andre får resten (200), den tredje ingenting.
    assert motregn(D("1000.00"), [D("300.00"), D("250.00"), D("80.00")], 50) == (D("300.00"), D("200.00"), D("0"))


def test_motregning_stopper_ved_foerste_som_ikke_faar_noe() -> None:
    # En tilbakekreving uten noe igjen stopper motregningen, også om rammen ikke er brukt opp (som før).
    assert motregn(D("1000.00"), [D("100.00"), D("0.00"), D("50.00")], 50) == (D("100.00"), D("0"), D("0"))


def test_motregning_uten_ramme_eller_aapne() -> None:
    assert motregn(D("1000.00"), [D("100.00")], 0) == (D("0"),)
    assert motregn(D("0.00"), [D("100.00")], 50) == (D("0"),)
    assert motregn(D("1000.00"), [], 50) == ()


def test_motregning_bruker_rammen_rundet_ned() -> None:
    # 50 % av 1000,01 er 500,005; rammen er 500,00, så 0,005 kr blir ikke trukket.
    assert motregn(D("1000.01"), [D("600.00")], 50) == (D("500.00"),)


@pytest.mark.parametrize(
    ("grunnlag", "prosent", "skatt"),
    [
        (D("1000.00"), D("50"), "500.00"),
        (D("1999.99"), D("50"), "999.00"),  # 999,995 rundes ned til hele kroner
        (D("1001.99"), D("33.33"), "333.00"),  # 333,963267
        (D("2.99"), D("50"), "1.00"),
        (D("1.99"), D("50"), "0.00"),
        (D("1000.00"), D("0"), "0.00"),
        (D("1000.00"), D("100"), "1000.00"),
        (D("0.00"), D("50"), "0.00"),
        (D("-250.00"), D("50"), "0.00"),  # negativt grunnlag (trekk større enn brutto) gir ikke trekk
    ],
)
def test_skattetrekk_rundes_ned_til_hele_kroner(grunnlag: Decimal, prosent: Decimal, skatt: str) -> None:
    svar = skattetrekk(grunnlag, prosent)
    assert svar == D(skatt)
    assert str(svar) == skatt  # alltid to desimaler


@pytest.mark.parametrize("prosent", [D("-0.01"), D("100.01")])
def test_skattetrekk_utenfor_0_til_100_avvises(prosent: Decimal) -> None:
    with pytest.raises(ValueError, match="mellom 0 og 100"):
        skattetrekk(D("1000.00"), prosent)


def test_trekk_uten_skattekort_er_50_prosent_fra_parameterne() -> None:
    verdi = STANDARD["skattetrekk_uten_skattekort"].verdier[-1]
    assert (verdi.tekst, verdi.paalitelighet) == ("50", "I")
    assert skattetrekk_prosent_uten_skattekort(date(2025, 4, 15)) == D("50")
    assert skattetrekk_prosent(None, date(2025, 4, 15)) == D("50")
    assert skattetrekk_prosent(D("33.5"), date(2025, 4, 15)) == D("33.5")


_DATERT = """
navn: skattetrekk_uten_skattekort
tittel: Trekk uten skattekort
enhet: prosent
hjemmel: test
verdier:
  - {gyldig_fra: 2020-01-01, verdi: "50", paalitelighet: I, kilde: test}
  - {gyldig_fra: 2026-01-01, verdi: "45.5", paalitelighet: I, kilde: test}
  - {gyldig_fra: 2027-01-01, verdi: "100/3", paalitelighet: I, kilde: test}
"""


def test_trekk_uten_skattekort_slaas_opp_paa_datoen() -> None:
    parametere = les_parametersett(_DATERT)
    assert skattetrekk_prosent_uten_skattekort(date(2025, 12, 31), parametere) == D("50")
    assert skattetrekk_prosent_uten_skattekort(date(2026, 1, 1), parametere) == D("45.5")
    with pytest.raises(ManglendeParameter):
        skattetrekk_prosent_uten_skattekort(date(2019, 12, 31), parametere)
    with pytest.raises(ValueError, match="høyst to desimaler"):
        skattetrekk_prosent_uten_skattekort(date(2027, 1, 1), parametere)


def test_gjoer_opp_fra_brutto_til_netto() -> None:
    oppgjoer = gjoer_opp(
        brutto=D("20446.03"),
        gjenstaaende=[D("4000.00"), D("9000.00")],
        maks_trekk_prosent=50,
        skattetrekk_prosent=D("30"),
    )
    # Rammen er 10 223,01 (10 223,015 ned): 4000 + 6223,01.
    assert oppgjoer.trekk == (D("4000.00"), D("6223.01"))
    assert oppgjoer.sum_trekk == D("10223.01")
    assert oppgjoer.skattegrunnlag == D("10223.02")
    assert oppgjoer.skattetrekk == D("3066.00")  # 3066,906 ned til hele kroner
    assert oppgjoer.netto == D("7157.02")


_OERE = st.integers(min_value=0, max_value=10_000_000).map(lambda o: D(o).scaleb(-2))


@given(
    brutto=_OERE,
    gjenstaaende=st.lists(_OERE, max_size=5),
    maks=st.integers(min_value=0, max_value=100),
    prosent=st.integers(min_value=0, max_value=10_000).map(lambda p: D(p).scaleb(-2)),
)
def test_oppgjoer_gaar_opp(brutto: Decimal, gjenstaaende: list[Decimal], maks: int, prosent: Decimal) -> None:
    o = gjoer_opp(brutto=brutto, gjenstaaende=gjenstaaende, maks_trekk_prosent=maks, skattetrekk_prosent=prosent)
    assert o.sum_trekk + o.skattetrekk + o.netto == brutto
    assert o.sum_trekk <= brutto * maks / 100
    assert all(D(0) <= t <= g for t, g in zip(o.trekk, gjenstaaende, strict=True))
    assert o.skattetrekk == o.skattetrekk.to_integral_value()
    assert o.skattetrekk <= o.skattegrunnlag * prosent / 100 < o.skattetrekk + 1
    assert o.netto >= 0


@given(
    brutto=_OERE,
    gjenstaaende=st.lists(_OERE, max_size=5),
    maks=st.integers(min_value=0, max_value=100),
    prosent=st.integers(min_value=0, max_value=10_000).map(lambda p: D(p).scaleb(-2)),
)
def test_netto_er_brutto_minus_trekk_minus_skatt_og_trekket_holder_seg_under_kommunens_grense(
    brutto: Decimal, gjenstaaende: list[Decimal], maks: int, prosent: Decimal
) -> None:
    o = gjoer_opp(brutto=brutto, gjenstaaende=gjenstaaende, maks_trekk_prosent=maks, skattetrekk_prosent=prosent)
    assert o.netto == o.brutto - o.sum_trekk - o.skattetrekk
    assert o.sum_trekk == sum(o.trekk, D(0))
    assert o.sum_trekk <= trekkramme(brutto, maks)
    assert all(b == b.quantize(D("0.01")) for b in (o.sum_trekk, o.skattetrekk, o.netto, *o.trekk))


@given(
    krav=_OERE,
    bruttoer=st.lists(_OERE, max_size=12),
    maks=st.integers(min_value=0, max_value=100),
)
def test_summen_som_trekkes_blir_aldri_stoerre_enn_kravet(krav: Decimal, bruttoer: list[Decimal], maks: int) -> None:
    trekk = motregn_over_tid(krav, bruttoer, maks)
    assert len(trekk) == len(bruttoer)
    assert sum(trekk, D(0)) <= krav
    for brutto, t in zip(bruttoer, trekk, strict=True):
        assert D(0) <= t <= trekkramme(brutto, maks)
    # Kravet trekkes så fort rammen tillater: er noe igjen, var hver ramme brukt helt opp.
    if sum(trekk, D(0)) < krav:
        assert all(t == trekkramme(b, maks) for b, t in zip(bruttoer, trekk, strict=True))


def test_motregning_over_tid_av_et_eksempel() -> None:
    assert motregn_over_tid(D("1000.00"), [D("5000.00"), D("5000.00"), D("5000.00")], 10) == (
        D("500.00"),
        D("500.00"),
        D("0.00"),
    )
    with pytest.raises(ValueError):
        motregn_over_tid(D("-1.00"), [D("5000.00")], 10)


_TOTAL = st.integers(min_value=0, max_value=5_000_000).map(lambda o: D(o).scaleb(-2))


@given(totaler=st.lists(_TOTAL, min_size=1, max_size=8))
def test_korreksjon_av_korreksjon_gaar_opp_i_siste_beregning(totaler: list[Decimal]) -> None:
    """En måned beregnet på nytt flere ganger: utbetalt først, så hver korreksjon. Til sammen er det betalt (og krevd
    tilbake) nøyaktig det siste beregningen sier, uansett hvor mange korreksjoner som kom imellom."""
    differanser = korreksjonsdifferanser(totaler)
    assert len(differanser) == len(totaler) - 1
    assert sum(differanser, D(0)) == totaler[-1] - totaler[0]
    assert totaler[0] + sum(differanser, D(0)) == totaler[-1]
    # Underveis er det som er utbetalt netto alltid lik den beregningen som gjaldt da.
    utbetalt = totaler[0]
    for differanse, gjeldende in zip(differanser, totaler[1:], strict=True):
        utbetalt += differanse
        assert utbetalt == gjeldende


def test_korreksjon_av_korreksjon_eksempel() -> None:
    # 23 153,26 utbetalt, rettet til 23 632,06 (barn lagt til), så til 23 400,00 (barnet flyttet en dag senere).
    assert korreksjonsdifferanser([D("23153.26"), D("23632.06"), D("23400.00")]) == (D("478.80"), D("-232.06"))
    assert korreksjonsdifferanser([D("100.00")]) == ()

"""Virkedager, bursdager og avrunding av penger."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kvp_regler.belop import desimaltekst, kroner_tekst, rund_av_til_oere, tall_tekst
from kvp_regler.tid import (
    Periode,
    antall_virkedager,
    bursdag,
    er_virkedag,
    maanedens_virkedager,
    maaneder_i_perioden,
    maanedsperiode,
)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)), st.integers(min_value=-3, max_value=120))
def test_antall_virkedager_som_opptelling(fra: date, lengde: int) -> None:
    til = fra + timedelta(days=lengde)
    opptalt = sum(1 for i in range(lengde + 1) if (fra + timedelta(days=i)).weekday() < 5)
    assert antall_virkedager(fra, til) == opptalt


@pytest.mark.parametrize(("aar", "maaned", "dager"), [(2025, 3, 21), (2025, 4, 22), (2025, 2, 20), (2024, 2, 21)])
def test_maanedens_virkedager(aar: int, maaned: int, dager: int) -> None:
    assert maanedens_virkedager(aar, maaned) == dager


@pytest.mark.parametrize(
    ("foedt", "alder", "dag"),
    [
        (date(2000, 2, 29), 25, date(2025, 3, 1)),
        (date(2000, 2, 29), 24, date(2024, 2, 29)),
        (date(2008, 2, 29), 18, date(2026, 3, 1)),
        (date(2001, 3, 15), 25, date(2026, 3, 15)),
        (date(2007, 12, 31), 18, date(2025, 12, 31)),
    ],
)
def test_bursdag(foedt: date, alder: int, dag: date) -> None:
    assert bursdag(foedt, alder) == dag


def test_virkedag_er_mandag_til_fredag_ogsaa_helligdager() -> None:
    assert er_virkedag(date(2025, 5, 1))  # 1. mai, torsdag: helligdag, men virkedag (HELLIGDAG er en betalt status)
    assert er_virkedag(date(2025, 3, 7))
    assert not er_virkedag(date(2025, 3, 8))
    assert not er_virkedag(date(2025, 3, 9))


def test_periode_kan_ikke_gaa_baklengs() -> None:
    with pytest.raises(ValueError, match="før"):
        Periode(date(2025, 3, 2), date(2025, 3, 1))


@pytest.mark.parametrize(
    ("eksakt", "avrundet"),
    [
        (Fraction(1, 200), "0.01"),
        (Fraction(1, 201), "0.00"),
        (Fraction(2044602, 100) + Fraction(5, 1000), "20446.03"),
        (Fraction(-1, 200), "-0.01"),
        (Fraction(-1, 400), "0.00"),
        (Fraction("20446.0158"), "20446.02"),
        (Fraction(0), "0.00"),
    ],
)
def test_rund_av_til_oere_halvt_opp_bort_fra_null(eksakt: Fraction, avrundet: str) -> None:
    resultat = rund_av_til_oere(eksakt)
    assert str(resultat) == avrundet
    assert isinstance(resultat, Decimal)


@given(st.fractions(min_value=-(10**7), max_value=10**7))
def test_avrunding_er_innenfor_et_halvt_oere(eksakt: Fraction) -> None:
    assert abs(Fraction(rund_av_til_oere(eksakt)) - eksakt) <= Fraction(1, 200)


def test_tekster() -> None:
    assert desimaltekst(Fraction(4868099, 7500)) == "649.0798666667"
    assert desimaltekst(Fraction(37)) == "37"
    assert desimaltekst(Fraction(-350)) == "-350"
    assert tall_tekst(Decimal("253141.148")) == "253 141,148"
    assert kroner_tekst(Fraction("20446.0158")) == "20 446,02 kr"


def test_maanedsperiode_gir_foerste_og_siste_dag_ogsaa_i_skuddaar() -> None:
    assert maanedsperiode(2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert maanedsperiode(2025, 12) == (date(2025, 12, 1), date(2025, 12, 31))
    for aar, maaned in ((2025, 0), (2025, 13), (1899, 5), (3000, 1)):
        with pytest.raises(ValueError, match="ugyldig måned"):
            maanedsperiode(aar, maaned)


def test_maanedene_i_en_periode_gaar_over_aarsskiftet() -> None:
    assert maaneder_i_perioden(date(2024, 11, 30), date(2025, 2, 1)) == [(2024, 11), (2024, 12), (2025, 1), (2025, 2)]
    assert maaneder_i_perioden(date(2025, 3, 5), date(2025, 3, 6)) == [(2025, 3)]
    assert maaneder_i_perioden(date(2025, 3, 5), date(2025, 2, 6)) == []

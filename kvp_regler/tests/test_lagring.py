"""Lagringstidene fra arkiv- og bokføringsplikten (kvp_regler/lagring.py)."""

from datetime import date

from kvp_regler.lagring import bokfoering_oppbevar_til, kan_slettes, saksmappe_oppbevar_til


def test_bokfoeringsmateriale_oppbevares_ut_aaret_fem_aar_etter_regnskapsaaret():
    assert bokfoering_oppbevar_til(date(2020, 1, 15)) == date(2025, 12, 31)
    assert bokfoering_oppbevar_til(date(2020, 12, 31)) == date(2025, 12, 31)


def test_saksmappen_oppbevares_ti_aar_etter_avslutning_ogsaa_fra_29_februar():
    assert saksmappe_oppbevar_til(date(2015, 3, 1)) == date(2025, 3, 1)
    assert saksmappe_oppbevar_til(date(2016, 2, 29)) == date(2026, 2, 28)


def test_kan_slettes_foerst_dagen_etter_siste_oppbevaringsdag():
    assert not kan_slettes(date(2025, 12, 31), date(2025, 12, 31))
    assert kan_slettes(date(2025, 12, 31), date(2026, 1, 1))

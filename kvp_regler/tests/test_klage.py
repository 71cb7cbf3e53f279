"""Klagefristen og svarfristene (forvaltningsloven §§ 29–33) ved kantene: helger, helligdager og sen klage."""

from datetime import date

import pytest

from kvp_regler.klage import (
    er_fridag,
    helligdager,
    klage_i_tide,
    klagefrist,
    kommentarfrist,
    paaskedag,
    rettefrist,
    vedtak_antatt_mottatt,
)


@pytest.mark.parametrize(
    ("aar", "paaske"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)), (2038, date(2038, 4, 25))],
)
def test_paaskedag(aar, paaske):
    assert paaskedag(aar) == paaske


def test_helligdagene_2025():
    assert helligdager(2025) == {
        date(2025, 1, 1),
        date(2025, 4, 17),
        date(2025, 4, 18),
        date(2025, 4, 20),
        date(2025, 4, 21),
        date(2025, 5, 1),
        date(2025, 5, 17),
        date(2025, 5, 29),
        date(2025, 6, 8),
        date(2025, 6, 9),
        date(2025, 12, 25),
        date(2025, 12, 26),
    }


def test_fridager():
    assert er_fridag(date(2025, 3, 15))  # lørdag
    assert er_fridag(date(2025, 3, 16))  # søndag
    assert er_fridag(date(2025, 5, 1))  # torsdag, 1. mai
    assert not er_fridag(date(2025, 3, 14))  # fredag
    assert not er_fridag(date(2025, 12, 24))  # julaften er ikke helligdag


def test_klagefristen_er_tre_uker_paa_samme_ukedag():
    assert klagefrist(date(2025, 3, 4)) == date(2025, 3, 25)  # tirsdag → tirsdag


def test_klagefrist_paa_loerdag_gaar_ut_mandag():
    assert klagefrist(date(2025, 3, 8)) == date(2025, 3, 31)


def test_klagefrist_paa_soendag_gaar_ut_mandag():
    assert klagefrist(date(2025, 3, 9)) == date(2025, 3, 31)


def test_klagefrist_i_paasken_gaar_ut_tirsdag_etter_andre_paaskedag():
    # Tre uker fra torsdag 27. mars 2025 er skjærtorsdag 17. april; langfredag, helg og andre påskedag følger.
    assert klagefrist(date(2025, 3, 27)) == date(2025, 4, 22)


def test_klagefrist_paa_17_mai_som_er_fredag_gaar_ut_mandag_etter():
    assert klagefrist(date(2024, 4, 26)) == date(2024, 5, 21)  # 17.5.2024 fredag; 20.5 er andre pinsedag


def test_klagefrist_i_jula():
    assert klagefrist(date(2025, 12, 4)) == date(2025, 12, 29)  # 25.12 torsdag → 26.12 fredag → helg → mandag


def test_vedtaket_antas_mottatt_tre_dager_etter_vedtaksdatoen():
    assert vedtak_antatt_mottatt(date(2025, 3, 1)) == date(2025, 3, 4)


def test_klage_siste_fristdag_er_i_tide_dagen_etter_er_for_sent():
    frist = klagefrist(date(2025, 3, 4))
    assert klage_i_tide(klage_mottatt=frist, frist=frist)
    assert not klage_i_tide(klage_mottatt=date(2025, 3, 26), frist=frist)


def test_rettefrist_og_kommentarfrist_flyttes_fra_helg():
    assert rettefrist(date(2025, 3, 3)) == date(2025, 3, 17)
    assert rettefrist(date(2025, 3, 1)) == date(2025, 3, 17)  # 15.3 er lørdag
    assert kommentarfrist(date(2025, 4, 3)) == date(2025, 4, 22)  # 17.4 skjærtorsdag → tirsdag 22.4

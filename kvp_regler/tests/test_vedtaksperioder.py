"""Dager uten stønad etter fattede vedtak om permisjon, avbrudd og gjenopptak (ren Python, uten database)."""

from __future__ import annotations

from datetime import date

from kvp_regler.beregning import Dagstatus
from kvp_regler.program.vedtaksperioder import dager_uten_stoenad

MARS = (date(2025, 3, 1), date(2025, 3, 31))


def test_avbrudd_til_gjenopptak_og_permisjon_med_sluttdato_gir_stoenadsloese_virkedager() -> None:
    dager = dager_uten_stoenad(
        [
            ("sak", "AVBRUDD", date(2025, 3, 10), None),
            ("sak", "GJENOPPTAK", date(2025, 3, 17), None),
            ("sak", "PERMISJON", date(2025, 3, 27), date(2025, 3, 28)),
        ],
        *MARS,
    )
    assert dager == {
        "sak": {
            **{date(2025, 3, d): Dagstatus.AVBRUDD for d in (10, 11, 12, 13, 14)},
            date(2025, 3, 27): Dagstatus.PERMISJON_UTEN_STOENAD,
            date(2025, 3, 28): Dagstatus.PERMISJON_UTEN_STOENAD,
        }
    }


def test_aapent_avbrudd_varer_ut_perioden_og_helgene_hoppes_over() -> None:
    dager = dager_uten_stoenad([(1, "AVBRUDD", date(2025, 3, 27), None)], *MARS)
    assert sorted(dager[1]) == [date(2025, 3, 27), date(2025, 3, 28), date(2025, 3, 31)]


def test_gjenopptak_foer_en_permisjon_begynner_opphever_den() -> None:
    vedtak = [(1, "PERMISJON", date(2025, 3, 20), date(2025, 3, 25)), (1, "GJENOPPTAK", date(2025, 3, 20), None)]
    assert dager_uten_stoenad(vedtak, *MARS) == {}


def test_gjenopptak_gjelder_bare_sin_egen_sak_og_andre_vedtakstyper_teller_ikke() -> None:
    vedtak = [
        (1, "AVBRUDD", date(2025, 3, 3), date(2025, 3, 4)),
        (1, "STANS", date(2025, 3, 5), None),
        (2, "PERMISJON", date(2025, 3, 3), None),
        (1, "GJENOPPTAK", date(2025, 3, 4), None),
    ]
    dager = dager_uten_stoenad(vedtak, date(2025, 3, 3), date(2025, 3, 7))
    assert dager[1] == {date(2025, 3, 3): Dagstatus.AVBRUDD}
    assert len(dager[2]) == 5


def test_vedtak_utenfor_perioden_gir_ingen_dager() -> None:
    assert dager_uten_stoenad([(1, "AVBRUDD", date(2025, 1, 6), date(2025, 1, 10))], *MARS) == {}

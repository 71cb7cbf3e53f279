"""Forvaltningsloven § 11 a andre ledd: foreløpig svar når søknaden ikke kan besvares innen en måned."""

from datetime import date

import pytest

from kvp_regler.parametere import STANDARD
from kvp_regler.vilkaar.frister import foreloepig_svar_frist


@pytest.mark.parametrize(
    ("mottatt", "frist"),
    [
        (date(2025, 3, 14), date(2025, 4, 14)),
        (date(2025, 1, 31), date(2025, 2, 28)),  # siste dag i en kortere måned
        (date(2024, 1, 31), date(2024, 2, 29)),  # skuddår
        (date(2025, 12, 15), date(2026, 1, 15)),  # over årsskiftet
    ],
)
def test_fristen_er_en_maaned_etter_mottak(mottatt, frist):
    assert foreloepig_svar_frist(mottatt) == frist


def test_antall_maaneder_kommer_fra_parameteren_med_kilde():
    parameter = STANDARD["foreloepig_svar_maaneder"]
    assert parameter.verdi(date(2025, 1, 1)) == 1
    assert "11 a" in parameter.hjemmel

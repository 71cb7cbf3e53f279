"""Feil funnet i gjennomgang 2 utenfor de tre nye appene. Hver test feilet før rettelsen.

Testene for vedtak, plan, oppmøte og utbetaling ligger i appenes egne `tests/test_gjennomgang_2.py` (de bruker
appenes fixturer)."""

import datetime as dt

import pytest

from kvp.person.fnr import UgyldigFoedselsnummer, valider


@pytest.mark.parametrize("verdi", ["²" * 11, "0101902²²²²"])
def test_foedselsnummer_med_andre_sifre_enn_0_9_gir_norsk_melding_ikke_500(verdi):
    # "²".isdigit() er sann, men kontrollsifferberegningen gjorde int("²") og feilet med ValueError (500).
    with pytest.raises(UgyldigFoedselsnummer, match="11 sifre"):
        valider(verdi, tillat_syntetisk=True, i_dag=dt.date(2026, 1, 1))

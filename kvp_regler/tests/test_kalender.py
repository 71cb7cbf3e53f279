"""Den ene helligdagskalenderen (`kvp_regler.kalender`) mot kjente datoer og mot pakken `holidays`."""

from datetime import date

import holidays
import pytest

from kvp_regler import kalender


@pytest.mark.parametrize(
    ("aar", "paaske"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2026, date(2026, 4, 5)), (2027, date(2027, 3, 28))],
)
def test_paaskedag_kjente_aar(aar, paaske):
    assert kalender.paaskedag(aar) == paaske


@pytest.mark.parametrize("aar", range(2000, 2041))
def test_helligdagene_er_de_samme_som_i_holidays_pakken(aar):
    assert kalender.helligdager_med_navn(aar) == dict(holidays.country_holidays("NO", years=aar, language="no"))


def test_forskyv_over_paasken_og_helgen():
    # Skjærtorsdag 2026 er 2. april: torsdag til mandag er fridager, fristen går ut tirsdag 7. april.
    assert kalender.forskyv_til_virkedag(date(2026, 4, 2)) == date(2026, 4, 7)
    assert kalender.forskyv_til_virkedag(date(2026, 4, 8)) == date(2026, 4, 8)


def test_helligdager_i_perioden_bare_hverdager():
    # 17. mai 2026 er en søndag: med bare i listen over alle dager.
    mai = kalender.helligdager_i_perioden(date(2026, 5, 1), date(2026, 5, 31))
    assert date(2026, 5, 17) not in mai
    assert date(2026, 5, 17) in kalender.helligdager_i_perioden(
        date(2026, 5, 1), date(2026, 5, 31), bare_hverdager=False
    )
    assert mai[date(2026, 5, 14)] == "Kristi himmelfartsdag"

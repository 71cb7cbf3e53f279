from kvp_regler.statistikk import andel_prosent, skaler, snitt


def test_andel_rundes_halvt_opp_og_tom_nevner_gir_ingen():
    assert andel_prosent(1, 8) == 13  # 12,5 → 13
    assert andel_prosent(1, 3) == 33
    assert andel_prosent(2, 3) == 67
    assert andel_prosent(0, 5) == 0
    assert andel_prosent(3, 0) is None


def test_snitt_av_dager():
    assert snitt([1, 2]) == 2  # 1,5 → 2
    assert snitt([10, 11, 11]) == 11
    assert snitt([]) is None


def test_skaler_gir_minst_en_for_en_verdi_og_null_for_ingen():
    assert skaler(0, 10, 300) == 0
    assert skaler(1, 1000, 300) == 1
    assert skaler(5, 10, 301) == 151  # 150,5 → 151
    assert skaler(10, 10, 300) == 300

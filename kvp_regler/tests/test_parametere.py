"""Daterte parametere: kjente verdier, gyldighet fra og med dato, og at feil i filene stoppes ved innlesing."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from kvp_regler.belop import rund_av_til_oere
from kvp_regler.beregning import Barn, Beregningsgrunnlag, Deltaker, aarsbeloep, beregn_stoenad
from kvp_regler.beregning.kontrakt import resultat_til_json
from kvp_regler.parametere import (
    STANDARD,
    ManglendeParameter,
    ParameterfilFeil,
    Parametersett,
    _les_standard,
    les_parametersett,
)
from kvp_regler.tid import Periode

G_PER_1_MAI = {
    2007: 66812, 2008: 70256, 2009: 72881, 2010: 75641, 2011: 79216, 2012: 82122, 2013: 85245, 2014: 88370,
    2015: 90068, 2016: 92576, 2017: 93634, 2018: 96883, 2019: 99858, 2020: 101351, 2021: 106399, 2022: 111477,
    2023: 118620, 2024: 124028, 2025: 130160, 2026: 136549,
}  # fmt: skip


@pytest.mark.parametrize("aar", sorted(G_PER_1_MAI))
def test_grunnbeloep_gjelder_fra_1_mai(aar: int) -> None:
    g = STANDARD["grunnbeloep"]
    assert g.verdi(date(aar, 5, 1)) == G_PER_1_MAI[aar]
    assert g.verdi(date(aar + 1, 4, 30)) == G_PER_1_MAI[aar]
    if aar - 1 in G_PER_1_MAI:
        assert g.verdi(date(aar, 4, 30)) == G_PER_1_MAI[aar - 1]


def test_grunnbeloep_foer_foerste_verdi_gir_navngitt_feil() -> None:
    with pytest.raises(ManglendeParameter, match="grunnbeløp") as feil:
        STANDARD["grunnbeloep"].verdi(date(2007, 4, 30))
    assert feil.value.dato == date(2007, 4, 30)


def test_faktor_gaar_fra_2_til_2041_1_juli_2024() -> None:
    faktor = STANDARD["faktor"]
    assert faktor.verdi(date(2024, 6, 30)) == 2
    assert faktor.verdi(date(2024, 7, 1)) == Fraction("2.041")


@pytest.mark.parametrize(
    ("dato", "sats"),
    [(date(2023, 12, 31), 27), (date(2024, 1, 1), 36), (date(2025, 1, 1), 37), (date(2026, 1, 1), 38)],
)
def test_barnetilleggsats(dato: date, sats: int) -> None:
    assert STANDARD["barnetillegg_sats"].verdi(dato) == sats


def test_faste_stoerrelser() -> None:
    dag = date(2025, 3, 3)
    assert STANDARD["andel_under_25"].verdi(dag) == Fraction(2, 3)
    assert STANDARD["virkedager_per_aar"].verdi(dag) == 260
    assert STANDARD["timer_per_uke_full_tid"].verdi(dag) == Fraction("37.5")
    assert STANDARD["timer_per_virkedag"].verdi(dag) == Fraction("7.5")
    assert STANDARD["maks_arbeidstimer_per_uke"].verdi(dag) == Fraction("18.75")
    assert STANDARD["barnetillegg_dager_per_maaned"].verdi(dag) == 22


def test_hver_verdi_har_kilde_og_paalitelighet() -> None:
    for parameter in STANDARD:
        assert parameter.hjemmel
        for verdi in parameter.verdier:
            assert verdi.kilde and verdi.paalitelighet in "VSCIDKU"


def test_antakelser_er_merket_som_utledet() -> None:
    """Verdier som ikke er bekreftet for KVP (divisor 260) er merket I, aldri V."""
    assert STANDARD["virkedager_per_aar"].verdier[0].paalitelighet == "I"


def test_informasjonssider_gir_s_ikke_v() -> None:
    """En nav.no-side (eller regjeringen.no, statsforvalteren, en kommune) er S, ikke V: V krever at lov- eller
    forskriftsteksten selv er lest (spec/regler.md, «How to read this document»)."""
    for parameter in STANDARD:
        for verdi in parameter.verdier:
            if verdi.paalitelighet == "V":
                assert "forskriften §" in verdi.kilde, (parameter.navn, verdi.gyldig_fra, verdi.kilde)


def test_barnetillegg_per_aar_med_kilde() -> None:
    """27 kr ut 2023 (AAPs 35 kr fra 1.2.2023 har ingen KVP-kilde), 36/37/38 kr fra nav.no for 2024–2026."""
    sats = STANDARD["barnetillegg_sats"]
    assert sats.verdi(date(2023, 2, 1)) == 27
    assert sats.verdi(date(2023, 12, 31)) == 27
    assert [sats.verdi(date(aar, 6, 1)) for aar in (2024, 2025, 2026)] == [36, 37, 38]
    for verdi in sats.verdier:
        assert verdi.paalitelighet == "S"
        assert "nav.no" in verdi.kilde
    assert "NOK 38" in sats.verdier[-1].kilde


def test_g_2026_er_bare_fra_navs_kildekode() -> None:
    siste = STANDARD["grunnbeloep"].verdier[-1]
    assert (siste.gyldig_fra, siste.verdi, siste.paalitelighet) == (date(2026, 5, 1), Fraction(136549), "C")
    assert "ikke bekreftet" in siste.kilde


def test_aarsbeloep_som_paa_nav_no() -> None:
    """nav.no: 2,041 G = 253 141 kr, under 25 år 168 761 kr (G 124 028, rundet til hele kroner på nav.no)."""
    assert rund_av_til_oere(aarsbeloep(dato=date(2024, 7, 1), under_25=False)) == rund_av_til_oere(
        Fraction("253141.148")
    )
    assert str(rund_av_til_oere(aarsbeloep(dato=date(2024, 7, 1), under_25=False))) == "253141.15"
    assert str(rund_av_til_oere(aarsbeloep(dato=date(2024, 7, 1), under_25=True))) == "168760.77"
    assert str(rund_av_til_oere(aarsbeloep(dato=date(2023, 5, 1), under_25=True))) == "158160.00"


def _fil(*verdier: str) -> str:
    linjer = "\n".join(f"  - {v}" for v in verdier)
    return f"navn: test\ntittel: Test\nenhet: kr\nhjemmel: lov\nverdier:\n{linjer}\n"


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        (
            _fil(
                '{gyldig_fra: 2025-05-01, verdi: "2", paalitelighet: V, kilde: k}',
                '{gyldig_fra: 2024-05-01, verdi: "1", paalitelighet: V, kilde: k}',
            ),
            "ikke stigende",
        ),
        (
            _fil(
                '{gyldig_fra: 2025-05-01, verdi: "2", paalitelighet: V, kilde: k}',
                '{gyldig_fra: 2025-05-01, verdi: "3", paalitelighet: V, kilde: k}',
            ),
            "duplikat",
        ),
        (_fil("{gyldig_fra: 2025-05-01, verdi: 2.041, paalitelighet: V, kilde: k}"), "eksakt tall"),
        (_fil('{gyldig_fra: 2025-05-01, verdi: "2", paalitelighet: V}'), "mangler kilde"),
        (_fil('{gyldig_fra: 2025-05-01, verdi: "2", paalitelighet: X, kilde: k}'), "pålitelighet"),
        (_fil('{gyldig_fra: mai, verdi: "2", paalitelighet: V, kilde: k}'), "dato"),
        ("navn: test\ntittel: T\nenhet: kr\nhjemmel: lov\nverdier: []\n", "ingen verdier"),
        ("navn: test\nverdier: []\n", "mangler «tittel»"),
    ],
)
def test_ugyldige_parameterfiler_stoppes(tekst: str, melding: str) -> None:
    with pytest.raises(ParameterfilFeil, match=melding):
        les_parametersett(tekst)


def test_samme_parameter_i_to_filer_stoppes() -> None:
    fil = _fil('{gyldig_fra: 2025-05-01, verdi: "2", paalitelighet: V, kilde: k}')
    with pytest.raises(ParameterfilFeil, match="to ganger"):
        les_parametersett(fil, fil)


def test_verdi_gjelder_til_dagen_foer_neste() -> None:
    sett = les_parametersett(
        _fil(
            '{gyldig_fra: 2024-05-01, verdi: "1", paalitelighet: V, kilde: k}',
            '{gyldig_fra: 2025-05-01, verdi: "2/3", paalitelighet: V, kilde: k}',
        )
    )
    p = sett["test"]
    assert p.verdi(date(2025, 5, 1) - timedelta(days=1)) == 1
    assert p.verdi(date(2025, 5, 1)) == Fraction(2, 3)
    assert p.verdi(date(2099, 1, 1)) == Fraction(2, 3)
    assert sett.endringsdatoer(date(2024, 5, 1), date(2025, 5, 1)) == (date(2025, 5, 1),)


def test_parametere_brukt_foelger_parametersettet_beregningen_brukte() -> None:
    """To parametersett med samme navn og indekser får hvert sitt svar (ikke et delt, feil mellomlagret svar)."""
    grunnlag = Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 3), date(2025, 3, 3)),
        deltaker=Deltaker(date(1980, 1, 1)),
        programperioder=(Periode(date(2025, 1, 1), date(2025, 12, 31)),),
    )
    standard = resultat_til_json(beregn_stoenad(grunnlag))
    tekster = [
        f.read_text(encoding="utf-8").replace('verdi: "124028"', 'verdi: "124029"')
        for f in sorted((Path(__file__).parents[1] / "parametere").glob("*.yaml"))
    ]
    endret = resultat_til_json(beregn_stoenad(grunnlag, les_parametersett(*tekster)))
    assert standard["parametere_brukt"]["grunnbeloep"][0]["verdi"] == "124028"
    assert endret["parametere_brukt"]["grunnbeloep"][0]["verdi"] == "124029"
    assert endret["total"] != standard["total"]
    assert _les_standard()["grunnbeloep"].verdi(date(2025, 3, 3)) == 124028


def _sett_med(gammel: str, ny: str, fil: str) -> Parametersett:
    tekster = [
        f.read_text(encoding="utf-8").replace(gammel, ny) if f.name == fil else f.read_text(encoding="utf-8")
        for f in sorted((Path(__file__).parents[1] / "parametere").glob("*.yaml"))
    ]
    return les_parametersett(*tekster)


def test_aldersgrensene_i_beregningen_leses_fra_parameterne() -> None:
    """25-årsregelen og barnas aldersgrense er parametere: en annen verdi gir et annet beløp."""
    grunnlag = Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 3), date(2025, 3, 7)),
        deltaker=Deltaker(date(1998, 1, 1)),  # 27 år
        programperioder=(Periode(date(2025, 1, 1), date(2025, 12, 31)),),
        barn=(Barn(date(2006, 1, 1)),),  # 19 år
    )
    standard = beregn_stoenad(grunnlag)
    under_30 = beregn_stoenad(grunnlag, _sett_med('verdi: "25"', 'verdi: "30"', "aldersgrenser.yaml"))
    assert under_30.total < standard.total
    barn_til_20 = beregn_stoenad(
        grunnlag, _sett_med('verdi: "18", paalitelighet: U', 'verdi: "20", paalitelighet: U', "aldersgrenser.yaml")
    )
    assert barn_til_20.total > standard.total
    # Aldersgrensene påvirker beløpet og står derfor i parametere_brukt (med verdien som gjaldt).
    assert standard.parametere_brukt["alder_full_stoenad"]["verdier"][0]["verdi"] == "25"
    assert under_30.parametere_brukt["alder_full_stoenad"]["verdier"][0]["verdi"] == "30"
    assert resultat_til_json(barn_til_20)["parametere_brukt"]["barnetillegg_alder"][0]["verdi"] == "20"
    assert resultat_til_json(standard)["parametere_brukt"]["barnetillegg_alder"][0]["verdi"] == "18"


def test_barnas_aldersgrense_er_bare_brukt_med_barn_og_ingen_grense_uten_programdag() -> None:
    uten_barn = Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 3), date(2025, 3, 7)),
        deltaker=Deltaker(date(1998, 1, 1)),
        programperioder=(Periode(date(2025, 1, 1), date(2025, 12, 31)),),
    )
    brukt = resultat_til_json(beregn_stoenad(uten_barn))["parametere_brukt"]
    assert "alder_full_stoenad" in brukt and "barnetillegg_alder" not in brukt
    assert list(brukt) == sorted(brukt)
    utenfor = Beregningsgrunnlag(
        periode=Periode(date(2025, 3, 3), date(2025, 3, 7)),
        deltaker=Deltaker(date(1998, 1, 1)),
        programperioder=(Periode(date(2025, 6, 1), date(2025, 12, 31)),),
        barn=(Barn(date(2020, 1, 1)),),
    )
    assert resultat_til_json(beregn_stoenad(utenfor))["parametere_brukt"] == {}

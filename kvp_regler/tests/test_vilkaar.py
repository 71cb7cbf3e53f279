"""Inngangsvilkårene (§ 29), varigheten (§ 32) og fristene i programmet."""

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from kvp_regler.vilkaar import (
    Arbeidsevne,
    Husstand,
    Skjoennsvurdering,
    UgyldigVurdering,
    Vilkaar,
    Vilkaarsgrunnlag,
    Vurdering,
    alle_oppfylt,
    maks_til_og_med,
    programfrister,
    veiledende_norm,
    vurder_alder,
    vurder_arbeidsevne,
    vurder_inngangsvilkaar,
    vurder_programperiode,
    vurder_skjoenn,
    vurder_ytelser,
)
from kvp_regler.vilkaar.varighet import siste_programdag_for_alder, vurder_alder_i_programperioden


@pytest.mark.parametrize(
    ("foedselsdato", "soeknadsdato", "vurdering"),
    [
        (date(2007, 3, 15), date(2025, 3, 14), Vurdering.OPPFYLT),  # 17 år, fyller 18 før programmet kan begynne
        (date(2007, 3, 15), date(2025, 3, 15), Vurdering.OPPFYLT),  # 18-årsdagen
        (date(1958, 3, 15), date(2025, 3, 31), Vurdering.OPPFYLT),  # siste dag i måneden søkeren fyller 67
        (date(1958, 3, 15), date(2025, 4, 1), Vurdering.IKKE_OPPFYLT),  # måneden etter: programmet kan ikke vare
        (date(1958, 3, 15), date(2026, 3, 14), Vurdering.IKKE_OPPFYLT),  # 67 år, men 67-årsmåneden er passert
        (date(2008, 2, 29), date(2026, 2, 28), Vurdering.OPPFYLT),  # 29. februar: 18 år 1. mars
        (date(2008, 2, 29), date(2026, 3, 1), Vurdering.OPPFYLT),
    ],
)
def test_alder_vurderes_for_programmet_ikke_bare_soeknadsdatoen(foedselsdato, soeknadsdato, vurdering):
    resultat = vurder_alder(foedselsdato=foedselsdato, soeknadsdato=soeknadsdato)
    assert resultat.vurdering == vurdering
    assert resultat.automatisk
    assert resultat.hjemmel == "sosialtjenesteloven § 29"


def test_soeker_under_18_faar_vite_naar_programmet_tidligst_kan_begynne():
    resultat = vurder_alder(foedselsdato=date(2007, 3, 15), soeknadsdato=date(2025, 1, 10))
    assert resultat.vurdering == Vurdering.OPPFYLT
    assert "15.03.2025" in resultat.forklaring and "tidligst" in resultat.forklaring


@pytest.mark.parametrize(
    ("soeknadsdato", "grenser"),
    [
        (date(2018, 12, 31), "19–67"),  # nedre grense 19 år før 1.1.2019
        (date(2019, 1, 1), "18–67"),  # senket til 18 år
    ],
)
def test_nedre_aldersgrense_leses_for_soeknadsdatoen(soeknadsdato, grenser):
    resultat = vurder_alder(foedselsdato=date(2000, 6, 1), soeknadsdato=soeknadsdato)
    assert grenser in resultat.forklaring


@pytest.mark.parametrize(
    ("fra", "til", "feil"),
    [
        (date(2025, 3, 15), date(2027, 3, 14), None),  # begynner på 18-årsdagen
        (date(2025, 3, 14), date(2027, 3, 13), "tidligst begynne 15.03.2025"),  # dagen før
    ],
)
def test_programmet_begynner_tidligst_paa_18_aarsdagen(fra, til, feil):
    svar = vurder_alder_i_programperioden(foedselsdato=date(2007, 3, 15), fra_og_med=fra, til_og_med=til)
    assert (svar is None) if feil is None else (svar is not None and feil in svar)


@pytest.mark.parametrize(
    ("til", "ok"),
    [(date(2026, 3, 31), True), (date(2026, 4, 1), False)],
)
def test_programmet_varer_ikke_ut_over_maaneden_deltakeren_fyller_67(til, ok):
    assert siste_programdag_for_alder(date(1959, 3, 15), date(2025, 1, 1)) == date(2026, 3, 31)
    svar = vurder_alder_i_programperioden(foedselsdato=date(1959, 3, 15), fra_og_med=date(2025, 1, 1), til_og_med=til)
    assert (svar is None) == ok
    if not ok:
        assert svar is not None and "31.03.2026" in svar and "67" in svar


@pytest.mark.parametrize(
    ("arbeidsevne", "vurdering"),
    [
        (Arbeidsevne.SPESIELT_TILPASSET, Vurdering.OPPFYLT),
        (Arbeidsevne.VARIG_TILPASSET, Vurdering.IKKE_OPPFYLT),
        (Arbeidsevne.STANDARD, Vurdering.IKKE_OPPFYLT),
        (Arbeidsevne.SITUASJONSBESTEMT, Vurdering.IKKE_OPPFYLT),
        (Arbeidsevne.IKKE_VURDERT, Vurdering.MAA_VURDERES),
    ],
)
def test_arbeidsevnevurderingen_maa_gi_spesielt_tilpasset_innsats(arbeidsevne, vurdering):
    resultat = vurder_arbeidsevne(arbeidsevne=arbeidsevne)
    assert resultat.vurdering == vurdering
    assert "NAV-loven § 14 a" in resultat.hjemmel


def test_veiledende_norm_for_ektepar_med_to_barn_2024():
    norm, linjer, gyldig_fra = veiledende_norm(
        husstand=Husstand.EKTEPAR,
        barn_foedselsdatoer=[date(2020, 6, 1), date(2010, 1, 1), date(2005, 1, 1)],  # 3 år, 14 år, 19 år (teller ikke)
        dato=date(2024, 3, 1),
    )
    assert norm == Fraction(13100 + 3850 + 5150)
    assert len(linjer) == 3
    assert gyldig_fra == date(2024, 1, 1)


def test_veiledende_norm_foer_foerste_sats_gir_feil_ikke_null():
    with pytest.raises(UgyldigVurdering):
        vurder_ytelser(
            ytelser_per_maaned=Decimal(0),
            husstand=Husstand.ENSLIG,
            barn_foedselsdatoer=(),
            soeknadsdato=date(2010, 1, 1),
        )


def test_ytelser_paa_normen_er_svaert_begrensede_over_normen_maa_vurderes():
    felles: dict[str, Any] = {"husstand": Husstand.ENSLIG, "barn_foedselsdatoer": (), "soeknadsdato": date(2024, 5, 1)}
    assert vurder_ytelser(ytelser_per_maaned=Decimal("7850"), **felles).vurdering == Vurdering.OPPFYLT
    over = vurder_ytelser(ytelser_per_maaned=Decimal("7850.01"), **felles)
    assert over.vurdering == Vurdering.MAA_VURDERES
    assert "7 850" in over.forklaring
    med_skjoenn = vurder_ytelser(
        ytelser_per_maaned=Decimal("9000"),
        skjoenn=Skjoennsvurdering(Vurdering.IKKE_OPPFYLT, "Full AAP; ytelsen dekker livsoppholdet."),
        **felles,
    )
    assert med_skjoenn.vurdering == Vurdering.IKKE_OPPFYLT
    assert not med_skjoenn.automatisk
    with pytest.raises(UgyldigVurdering):
        vurder_ytelser(ytelser_per_maaned=Decimal("9000"), skjoenn=Skjoennsvurdering(Vurdering.OPPFYLT, " "), **felles)
    with pytest.raises(UgyldigVurdering):
        vurder_ytelser(ytelser_per_maaned=Decimal("-1"), **felles)


def test_gamle_satser_brukt_etter_siste_kjente_gir_merknad():
    resultat = vurder_ytelser(
        ytelser_per_maaned=Decimal(0), husstand=Husstand.ENSLIG, barn_foedselsdatoer=(), soeknadsdato=date(2026, 2, 1)
    )
    assert "[U]" in resultat.forklaring
    assert resultat.vurdering == Vurdering.OPPFYLT


def test_skjoenn_krever_begrunnelse():
    with pytest.raises(UgyldigVurdering) as feil:
        vurder_skjoenn(vilkaar=Vilkaar.BEHOV_FOR_BISTAND, skjoenn=Skjoennsvurdering(Vurdering.OPPFYLT, ""))
    assert feil.value.vilkaar == Vilkaar.BEHOV_FOR_BISTAND
    assert vurder_skjoenn(vilkaar=Vilkaar.OPPHOLD_BOPEL, skjoenn=None).vurdering == Vurdering.MAA_VURDERES


def _grunnlag(**endringer: Any) -> Vilkaarsgrunnlag:
    skjoenn = {
        v: Skjoennsvurdering(Vurdering.OPPFYLT, "Vurdert i samtale.")
        for v in (Vilkaar.OPPHOLD_BOPEL, Vilkaar.INTRODUKSJONSPROGRAM, Vilkaar.BEHOV_FOR_BISTAND, Vilkaar.EGNET_PROGRAM)
    }
    verdier: dict[str, Any] = {
        "soeknadsdato": date(2025, 2, 3),
        "foedselsdato": date(1990, 5, 17),
        "arbeidsevne": Arbeidsevne.SPESIELT_TILPASSET,
        "husstand": Husstand.ENSLIG,
        "barn_foedselsdatoer": (),
        "ytelser_per_maaned": Decimal("0"),
        "skjoenn": skjoenn,
    }
    verdier.update(endringer)
    return Vilkaarsgrunnlag(**verdier)


def test_alle_vilkaar_vurderes_i_fast_rekkefoelge_og_hvert_har_hjemmel():
    resultater = vurder_inngangsvilkaar(_grunnlag())
    assert [r.vilkaar for r in resultater] == list(Vilkaar)
    assert all(r.hjemmel.startswith("sosialtjenesteloven § 29") for r in resultater)
    assert alle_oppfylt(resultater)
    assert not alle_oppfylt(vurder_inngangsvilkaar(_grunnlag(arbeidsevne=Arbeidsevne.VARIG_TILPASSET)))
    assert not alle_oppfylt(vurder_inngangsvilkaar(_grunnlag(skjoenn={})))


def test_programperiode_to_aar_og_ett_til_bare_med_saerlige_grunner():
    fra = date(2025, 3, 1)
    assert maks_til_og_med(fra, saerlige_grunner=False) == date(2027, 2, 28)
    assert maks_til_og_med(fra, saerlige_grunner=True) == date(2028, 2, 29)
    assert vurder_programperiode(fra_og_med=fra, til_og_med=date(2027, 2, 28)) is None
    assert "særlige grunner" in (vurder_programperiode(fra_og_med=fra, til_og_med=date(2027, 3, 1)) or "")
    assert vurder_programperiode(fra_og_med=fra, til_og_med=date(2027, 3, 1), saerlige_grunner="Læretid.") is None
    assert "tre år" in (vurder_programperiode(fra_og_med=fra, til_og_med=date(2028, 3, 1), saerlige_grunner="x") or "")
    assert vurder_programperiode(fra_og_med=fra, til_og_med=date(2025, 2, 1)) is not None


def _frister(i_dag: date, **endringer: Any) -> dict[str, str]:
    verdier: dict[str, Any] = {
        "i_dag": i_dag,
        "vedtak_dato": date(2025, 1, 10),
        "begynt_dato": None,
        "program_fra_og_med": date(2025, 2, 1),
        "program_til_og_med": date(2026, 1, 31),
        "evalueringsdatoer": [date(2025, 8, 1)],
        "frist_oppstart_maaneder": 6,
        "varsel_programslutt_uker": 8,
    }
    verdier.update(endringer)
    return {f.kode: f.nivaa.value for f in programfrister(**verdier)}


def test_frister_oppstart_programslutt_evaluering_og_maks_varighet():
    assert _frister(date(2025, 2, 1)) == {}
    assert _frister(date(2025, 6, 20)) == {"OPPSTART": "VARSEL"}
    assert _frister(date(2025, 7, 11)) == {"OPPSTART": "OVERSKREDET"}
    assert _frister(date(2025, 7, 11), begynt_dato=date(2025, 2, 1)) == {}
    assert _frister(date(2025, 7, 25), begynt_dato=date(2025, 2, 1)) == {"EVALUERING": "VARSEL"}
    assert _frister(date(2025, 12, 10), begynt_dato=date(2025, 2, 1)) == {"PROGRAMSLUTT": "VARSEL"}
    assert _frister(date(2026, 2, 2), begynt_dato=date(2025, 2, 1)) == {"PROGRAMSLUTT": "OVERSKREDET"}
    lang = _frister(date(2026, 12, 20), begynt_dato=date(2025, 2, 1), program_til_og_med=date(2027, 1, 31))
    assert lang == {"PROGRAMSLUTT": "VARSEL", "MAKS_VARIGHET": "VARSEL"}

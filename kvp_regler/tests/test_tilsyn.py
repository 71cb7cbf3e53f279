"""Tilsynets utvalg (reproduserbart og stratifisert) og forslagene til sjekkpunktene."""

import datetime as dt
import random
from decimal import Decimal

import pytest

from kvp_regler.program.plan import Planaktivitet
from kvp_regler.tilsyn import (
    SJEKKPUNKTER,
    Stratum,
    Utfall,
    Vedtaksbevis,
    foreloepig_svar_frist,
    trekk_utvalg,
    vurder_begrunnelse,
    vurder_evalueringer,
    vurder_fireoeyne,
    vurder_klageadgang,
    vurder_oppstart,
    vurder_plan_ved_oppstart,
    vurder_saksbehandlingstid,
)


def _kandidater(n_avslag: int = 7, n_program: int = 12, n_avsluttet: int = 3) -> list[tuple[str, Stratum]]:
    return (
        [(f"a{i:02}", Stratum.AVSLAG) for i in range(n_avslag)]
        + [(f"p{i:02}", Stratum.I_PROGRAM) for i in range(n_program)]
        + [(f"s{i:02}", Stratum.AVSLUTTET) for i in range(n_avsluttet)]
    )


def test_samme_froe_gir_samme_utvalg_uansett_rekkefoelge():
    kandidater = _kandidater()
    blandet = kandidater[:]
    random.Random(1).shuffle(blandet)  # noqa: S311 - stokking i en test
    assert trekk_utvalg(kandidater, antall_per_stratum=4, froe=42) == trekk_utvalg(
        blandet, antall_per_stratum=4, froe=42
    )


def test_utvalget_er_fast_for_et_gitt_froe():
    """Vender noen om på tallgeneratoren, endres utvalg som er lagret i tilsyn; da skal denne testen feile."""
    utvalg = trekk_utvalg(_kandidater(), antall_per_stratum=2, froe=2026)
    assert [s for _, s in utvalg] == [Stratum.AVSLAG] * 2 + [Stratum.I_PROGRAM] * 2 + [Stratum.AVSLUTTET] * 2
    assert utvalg == trekk_utvalg(_kandidater(), antall_per_stratum=2, froe=2026)
    assert len({i for i, _ in utvalg}) == 6


def test_ulike_froe_gir_ulike_utvalg():
    utvalg = {tuple(trekk_utvalg(_kandidater(), antall_per_stratum=3, froe=f)) for f in range(20)}
    assert len(utvalg) > 10


def test_hvert_stratum_trekkes_for_seg_og_et_lite_stratum_tas_helt():
    utvalg = trekk_utvalg(_kandidater(), antall_per_stratum=5, froe=7)
    per_stratum = {s: [i for i, t in utvalg if t == s] for s in Stratum}
    assert len(per_stratum[Stratum.AVSLAG]) == 5
    assert len(per_stratum[Stratum.I_PROGRAM]) == 5
    assert per_stratum[Stratum.AVSLUTTET] == ["s00", "s01", "s02"]
    assert all(i.startswith("a") for i in per_stratum[Stratum.AVSLAG])
    assert all(i.startswith("p") for i in per_stratum[Stratum.I_PROGRAM])


def test_et_stratum_paavirker_ikke_trekningen_i_et_annet():
    foer = trekk_utvalg(_kandidater(n_avsluttet=3), antall_per_stratum=3, froe=9)
    etter = trekk_utvalg(_kandidater(n_avsluttet=30), antall_per_stratum=3, froe=9)
    assert [x for x in foer if x[1] != Stratum.AVSLUTTET] == [x for x in etter if x[1] != Stratum.AVSLUTTET]


def test_tomt_grunnlag_og_ugyldig_stoerrelse():
    assert trekk_utvalg([], antall_per_stratum=3, froe=1) == []
    with pytest.raises(ValueError, match="minst 1"):
        trekk_utvalg(_kandidater(), antall_per_stratum=0, froe=1)


def test_sjekkpunktene_har_hjemmel_og_unike_koder():
    assert len({s.kode for s in SJEKKPUNKTER}) == len(SJEKKPUNKTER)
    assert all("§" in s.hjemmel for s in SJEKKPUNKTER)
    assert any(not s.automatisk for s in SJEKKPUNKTER)


@pytest.mark.parametrize(
    ("mottatt", "frist"),
    [
        (dt.date(2025, 1, 15), dt.date(2025, 2, 15)),
        (dt.date(2025, 1, 31), dt.date(2025, 2, 28)),
        (dt.date(2024, 1, 31), dt.date(2024, 2, 29)),
        (dt.date(2025, 12, 10), dt.date(2026, 1, 10)),
    ],
)
def test_fristen_for_foreloepig_svar_er_en_maaned(mottatt, frist):
    assert foreloepig_svar_frist(mottatt) == frist


def test_saksbehandlingstid():
    m = dt.date(2025, 3, 3)
    assert vurder_saksbehandlingstid(mottatt=m, vedtaksdato=dt.date(2025, 4, 3), foreloepige_svar=[]).utfall == (
        Utfall.OPPFYLT
    )
    sent = vurder_saksbehandlingstid(mottatt=m, vedtaksdato=dt.date(2025, 4, 4), foreloepige_svar=[])
    assert sent.utfall == Utfall.IKKE_OPPFYLT and "uten foreløpig svar" in sent.forklaring
    med_svar = vurder_saksbehandlingstid(
        mottatt=m, vedtaksdato=dt.date(2025, 5, 4), foreloepige_svar=[dt.date(2025, 4, 3)]
    )
    assert med_svar.utfall == Utfall.OPPFYLT
    svar_for_sent = vurder_saksbehandlingstid(
        mottatt=m, vedtaksdato=dt.date(2025, 5, 4), foreloepige_svar=[dt.date(2025, 4, 4)]
    )
    assert svar_for_sent.utfall == Utfall.IKKE_OPPFYLT
    assert vurder_saksbehandlingstid(mottatt=m, vedtaksdato=None, foreloepige_svar=[]).utfall == Utfall.MAA_VURDERES


def _vedtak(**k: object) -> Vedtaksbevis:
    verdier = {
        "navn": "innvilgelse 01.02.2025",
        "har_begrunnelse": True,
        "har_brev": True,
        "brevet_viser_hjemmel": True,
        "brevet_viser_klageadgang": True,
        "beslutter": "b",
        "skrevet_av": frozenset({"s"}),
    }
    verdier.update(k)
    return Vedtaksbevis(**verdier)  # type: ignore[arg-type]


def test_begrunnelse_klageadgang_og_fireoeyne():
    assert vurder_begrunnelse([_vedtak()]).utfall == Utfall.OPPFYLT
    assert vurder_begrunnelse([_vedtak(), _vedtak(har_begrunnelse=False)]).utfall == Utfall.IKKE_OPPFYLT
    assert vurder_begrunnelse([_vedtak(brevet_viser_hjemmel=False)]).utfall == Utfall.IKKE_OPPFYLT
    assert vurder_klageadgang([_vedtak()]).utfall == Utfall.OPPFYLT
    assert vurder_klageadgang([_vedtak(har_brev=False)]).utfall == Utfall.IKKE_OPPFYLT
    assert vurder_fireoeyne([_vedtak()]).utfall == Utfall.OPPFYLT
    assert vurder_fireoeyne([_vedtak(beslutter="s")]).utfall == Utfall.IKKE_OPPFYLT
    for f in (vurder_begrunnelse, vurder_klageadgang, vurder_fireoeyne):
        assert f([]).utfall == Utfall.MAA_VURDERES


def test_plan_ved_oppstart_maa_vaere_paa_full_tid():
    start = dt.date(2025, 1, 8)  # onsdag
    full = [Planaktivitet("ARBEIDSTRENING", Decimal("37.5"), start, dt.date(2025, 6, 1))]
    delvis = [Planaktivitet("ARBEIDSTRENING", Decimal("30"), start, dt.date(2025, 6, 1))]
    senere = [Planaktivitet("ARBEIDSTRENING", Decimal("37.5"), dt.date(2025, 1, 13), dt.date(2025, 6, 1))]
    assert vurder_plan_ved_oppstart(oppstart=start, aktiviteter=full).utfall == Utfall.OPPFYLT
    assert vurder_plan_ved_oppstart(oppstart=start, aktiviteter=delvis).utfall == Utfall.IKKE_OPPFYLT
    assert vurder_plan_ved_oppstart(oppstart=start, aktiviteter=senere).utfall == Utfall.IKKE_OPPFYLT
    assert vurder_plan_ved_oppstart(oppstart=None, aktiviteter=full).utfall == Utfall.IKKE_AKTUELT


def test_oppstart_innen_kontorets_frist():
    v = dt.date(2025, 1, 31)
    assert vurder_oppstart(vedtaksdato=v, oppstart=dt.date(2025, 7, 31), frist_maaneder=6).utfall == Utfall.OPPFYLT
    assert vurder_oppstart(vedtaksdato=v, oppstart=dt.date(2025, 8, 1), frist_maaneder=6).utfall == (
        Utfall.IKKE_OPPFYLT
    )
    assert vurder_oppstart(vedtaksdato=v, oppstart=None, frist_maaneder=6).utfall == Utfall.MAA_VURDERES
    assert vurder_oppstart(vedtaksdato=None, oppstart=None, frist_maaneder=6).utfall == Utfall.IKKE_AKTUELT


def test_evalueringer_i_programperioden():
    fra, til = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    assert vurder_evalueringer(evalueringer=[], program_fra=fra, program_til=til).utfall == Utfall.IKKE_OPPFYLT
    utenfor = vurder_evalueringer(evalueringer=[dt.date(2026, 2, 1)], program_fra=fra, program_til=til)
    assert utenfor.utfall == Utfall.IKKE_OPPFYLT
    planlagt = vurder_evalueringer(evalueringer=[dt.date(2025, 6, 1)], program_fra=fra, program_til=til)
    assert planlagt.utfall == Utfall.MAA_VURDERES and "01.06.2025" in planlagt.forklaring
    assert vurder_evalueringer(evalueringer=[], program_fra=None, program_til=None).utfall == Utfall.IKKE_AKTUELT

"""Vurderingen av programplanen (forskriften § 1): timer mot full tid, arbeidsrettede tiltak, arbeidssøking."""

import dataclasses
import datetime as dt
from decimal import Decimal
from fractions import Fraction

from kvp_regler.parametere import STANDARD, Parametersett
from kvp_regler.program.plan import (
    ARBEIDSRETTEDE,
    Aktivitetstype,
    Planaktivitet,
    Planvurdering,
    timer_per_uke,
    ukesperioder,
    vurder_plan,
)

FRA = dt.date(2025, 1, 6)  # mandag
TIL = dt.date(2025, 3, 28)  # fredag, 12 uker


def _a(type_: str, timer: str, fra: dt.date = FRA, til: dt.date = TIL, status: str = "PAAGAAR") -> Planaktivitet:
    return Planaktivitet(type=type_, timer_per_uke=Decimal(timer), fra_og_med=fra, til_og_med=til, status=status)


def _vurder(
    aktiviteter: list[Planaktivitet], evalueringer: int = 1, sluttfase: int = 4, parametere: Parametersett = STANDARD
) -> Planvurdering:
    return vurder_plan(
        aktiviteter=aktiviteter,
        program_fra=FRA,
        program_til=TIL,
        arbeidsrettede=ARBEIDSRETTEDE,
        sluttfase_uker=sluttfase,
        antall_evalueringer=evalueringer,
        parametere=parametere,
    )


def test_ukene_dekker_hele_programmet_ogsaa_delvise_uker() -> None:
    uker = ukesperioder(dt.date(2025, 1, 8), dt.date(2025, 1, 20))
    assert [u[0] for u in uker] == [dt.date(2025, 1, 6), dt.date(2025, 1, 13), dt.date(2025, 1, 20)]
    assert uker[0][1] == dt.date(2025, 1, 8)
    assert uker[-1][2] == dt.date(2025, 1, 20)
    assert ukesperioder(dt.date(2025, 1, 11), dt.date(2025, 1, 12)) == []  # bare helg


def test_en_plan_paa_37_5_timer_med_riktig_innhold_gir_ingen_advarsler() -> None:
    plan = [
        _a("TETT_OPPFOELGING", "7.5"),
        _a("ARBEIDSTRENING", "22.5"),
        _a("NORSKOPPLAERING", "7.5", til=dt.date(2025, 2, 28)),
        _a("ARBEIDSSOEKING", "7.5", fra=dt.date(2025, 3, 3)),
    ]
    vurdering = _vurder(plan)
    assert len(vurdering.uker) == 12
    assert all(u.timer == Decimal("37.5") for u in vurdering.uker)
    assert vurdering.advarsler == []


def test_uker_under_full_tid_og_manglende_innhold_gir_advarsler() -> None:
    plan = [_a("TETT_OPPFOELGING", "30"), _a("ARBEIDSTRENING", "7.5", til=dt.date(2025, 1, 31))]
    vurdering = _vurder(plan, evalueringer=0)
    tekst = " ".join(vurdering.advarsler)
    assert "8 av 12 uker har mindre enn 37,5 timer (første: uke 6 2025 med 30 timer)" in tekst
    assert "Arbeidsrettede tiltak mangler i 6 uker fra halvveis i programmet (15.02.2025; første: uke 8 2025)" in tekst
    assert "Arbeidssøking mangler i 4 uker i sluttfasen" in tekst
    assert "ingen evalueringstidspunkter" in tekst
    assert vurdering.uker[0].mangler_timer == 0
    assert vurdering.uker[-1].mangler_timer == Decimal("7.5")


def test_avbrutte_aktiviteter_teller_ikke() -> None:
    plan = [_a("ARBEIDSTRENING", "37.5", status="AVBRUTT"), _a("EGENAKTIVITET", "5")]
    assert {t for _, t in timer_per_uke(plan, FRA, TIL)} == {Decimal(5)}


def test_full_tid_leses_fra_parameteren_for_hver_uke() -> None:
    endret = dict(STANDARD.parametere)
    gammel = STANDARD["timer_per_uke_full_tid"]
    ny_verdi = dataclasses.replace(gammel.verdier[0], gyldig_fra=dt.date(2025, 2, 3), verdi=Fraction(35), tekst="35")
    endret["timer_per_uke_full_tid"] = dataclasses.replace(gammel, verdier=(*gammel.verdier, ny_verdi))
    vurdering = _vurder([_a("TETT_OPPFOELGING", "35")], parametere=Parametersett(endret))
    assert [u.full_tid for u in vurdering.uker[:5]] == [Decimal("37.5")] * 4 + [Decimal(35)]
    assert [u.under_full_tid for u in vurdering.uker[3:5]] == [True, False]
    assert vurdering.full_tid == Decimal("37.5")
    assert "4 av 12 uker har mindre enn 37,5 timer (første: uke 2 2025 med 35 timer)" in vurdering.advarsler[0]


def test_arbeidsrettede_aktiviteter_er_gyldige_aktivitetstyper() -> None:
    assert set(Aktivitetstype) >= ARBEIDSRETTEDE
    assert Aktivitetstype.ARBEIDSSOEKING not in ARBEIDSRETTEDE

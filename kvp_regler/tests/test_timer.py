"""Timegrensene i programmet leses fra de daterte parameterne for dagen de gjelder."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from kvp_regler.parametere import STANDARD, ManglendeParameter, Parametersett
from kvp_regler.program.timer import (
    arbeid_over_grensen,
    full_tid,
    maks_arbeidstimer,
    maks_timer_ugyldig_fravaer,
    minste_verdi,
    timer_tekst,
)

DAG = date(2025, 3, 3)


def _med_ny_verdi(navn: str, gyldig_fra: date, verdi: str) -> Parametersett:
    parametere = dict(STANDARD.parametere)
    gammel = parametere[navn]
    ny = dataclasses.replace(gammel.verdier[-1], gyldig_fra=gyldig_fra, verdi=Fraction(verdi), tekst=verdi)
    parametere[navn] = dataclasses.replace(gammel, verdier=(*gammel.verdier, ny))
    return Parametersett(parametere)


def test_grensene_er_parameterne_som_desimaltall() -> None:
    for oppslag, navn in (
        (full_tid, "timer_per_uke_full_tid"),
        (maks_arbeidstimer, "maks_arbeidstimer_per_uke"),
        (maks_timer_ugyldig_fravaer, "timer_per_virkedag"),
    ):
        assert isinstance(oppslag(DAG), Decimal)
        assert Fraction(oppslag(DAG)) == STANDARD[navn].verdi(DAG)
    assert (full_tid(DAG), maks_arbeidstimer(DAG), maks_timer_ugyldig_fravaer(DAG)) == (
        Decimal("37.5"),
        Decimal("18.75"),
        Decimal("7.5"),
    )
    with pytest.raises(ManglendeParameter):
        full_tid(date(2000, 1, 1))


def test_minste_verdi_i_perioden_ser_endringene() -> None:
    parametere = _med_ny_verdi("maks_arbeidstimer_per_uke", date(2025, 4, 1), "15")
    assert minste_verdi("maks_arbeidstimer_per_uke", DAG, date(2025, 3, 31), parametere) == (Decimal("18.75"), DAG)
    assert minste_verdi("maks_arbeidstimer_per_uke", DAG, date(2025, 4, 30), parametere) == (
        Decimal(15),
        date(2025, 4, 1),
    )


def test_overlappende_arbeid_over_grensen_gir_foerste_dag() -> None:
    andre = [(date(2025, 3, 10), date(2025, 3, 20), Decimal(10)), (date(2025, 3, 17), date(2025, 3, 31), Decimal(5))]

    def over(timer: str) -> tuple[date, Decimal, Decimal] | None:
        return arbeid_over_grensen(
            fra_og_med=DAG, til_og_med=date(2025, 3, 31), timer_per_uke=Decimal(timer), andre=andre
        )

    assert over("3.75") is None
    assert over("4") == (date(2025, 3, 17), Decimal(19), Decimal("18.75"))
    assert over("9") == (date(2025, 3, 10), Decimal(19), Decimal("18.75"))


def test_arbeid_sjekkes_mot_grensen_som_gjelder_dagen() -> None:
    parametere = _med_ny_verdi("maks_arbeidstimer_per_uke", date(2025, 3, 24), "15")
    svar = arbeid_over_grensen(
        fra_og_med=DAG, til_og_med=date(2025, 3, 31), timer_per_uke=Decimal(16), andre=[], parametere=parametere
    )
    assert svar == (date(2025, 3, 24), Decimal(16), Decimal(15))


def test_timetall_skrives_med_desimalkomma_uten_overfloedige_nuller() -> None:
    assert [timer_tekst(Decimal(t)) for t in ("18.75", "7.50", "30.00", "37.5")] == ["18,75", "7,5", "30", "37,5"]

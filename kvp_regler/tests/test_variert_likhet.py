"""Den raske veien gir nøyaktig samme resultater som før optimaliseringen, på den varierte blandingen fra
`bench/variert.py` (år 2019–2026, deler av måneder, 18- og 25-årsdager og G-regulering i perioden, reduksjoner).

`variert_fasit.json` og `FASIT_SHA256` ble laget med koden før optimaliseringen (commit bdb5711): totalen og
linjebeløpene per dokument, og et avtrykk av hele JSON-svaret (med forklaringer og parametere_brukt)."""

from __future__ import annotations

import gc
import hashlib
import io
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from bench.variert import lag_variert_batch
from kvp_regler import cli
from kvp_regler.beregning import beregn_mange, beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json
from kvp_regler.parametere import STANDARD

ANTALL = 2000
FASIT = Path(__file__).with_name("variert_fasit.json")
FASIT_SHA256 = "805fee26907fc7aba489cb447b3e49d27a171d0246c2ed0a28a6f1edf7366eb6"


def _dokumenter() -> list[Any]:
    dokumenter: list[Any] = json.loads(json.dumps(lag_variert_batch(ANTALL)), parse_float=Decimal, parse_int=Decimal)
    return dokumenter


def _avtrykk(resultater: list[dict[str, Any]]) -> str:
    tekst = json.dumps(resultater, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(tekst.encode()).hexdigest()


def _kompakt(resultater: list[dict[str, Any]]) -> list[Any]:
    return [[r["total"], [linje["beloep"] for linje in r["linjer"]]] for r in resultater]


def _sammenlign(resultater: list[dict[str, Any]]) -> None:
    fasit = json.loads(FASIT.read_text(encoding="utf-8"))
    kompakt = _kompakt(resultater)
    ulike = [i for i, (a, b) in enumerate(zip(kompakt, fasit, strict=True)) if a != b]
    assert not ulike, f"beløpene er endret i dokument {ulike[:10]}: {kompakt[ulike[0]]} mot fasit {fasit[ulike[0]]}"
    assert _avtrykk(resultater) == FASIT_SHA256, "beløpene er like, men teksten (forklaring/parametere) er endret"


def test_enkeltvis_kaldt_og_varmt_gir_fasiten() -> None:
    dokumenter = _dokumenter()
    STANDARD.mellomlager.clear()
    kald = [resultat_til_json(beregn_stoenad(grunnlag_fra_json(d))) for d in dokumenter]
    _sammenlign(kald)
    varm = [resultat_til_json(beregn_stoenad(grunnlag_fra_json(d))) for d in dokumenter]
    assert varm == kald


def test_beregn_mange_gir_fasiten_og_slaar_syklusrydderen_paa_igjen() -> None:
    STANDARD.mellomlager.clear()
    resultater = beregn_mange(grunnlag_fra_json(d) for d in _dokumenter())
    assert gc.isenabled()
    _sammenlign([resultat_til_json(r) for r in resultater])


def test_kvp_beregn_i_flere_prosesser_gir_fasiten(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "PARALLELL_FRA", 500)
    assert cli._prosesser(ANTALL) >= 1
    ut = io.StringIO()
    cli.beregn(io.StringIO(json.dumps(lag_variert_batch(ANTALL))), ut)
    _sammenlign(json.loads(ut.getvalue()))

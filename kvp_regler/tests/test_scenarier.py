"""Regneeksemplene i `scenarier/*.yaml` (regnet for hånd etter spec/beregning.md) mot `kvp beregn`-kontrakten."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from typing import Any

import pytest

from kvp_regler.beregning import beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json
from kvp_regler.tests.conftest import les_scenarier

SCENARIER = les_scenarier()


def _beregn(grunnlag: dict[str, Any]) -> dict[str, Any]:
    dokument = json.loads(json.dumps(grunnlag), parse_float=Decimal, parse_int=Decimal)
    return resultat_til_json(beregn_stoenad(grunnlag_fra_json(dokument)))


@pytest.mark.parametrize(("navn", "scenario"), SCENARIER, ids=[navn for navn, _ in SCENARIER])
def test_scenario(navn: str, scenario: dict[str, Any]) -> None:
    resultat = _beregn(scenario["grunnlag"])
    forventet = scenario["forventet"]
    faktiske = [
        {k: linje[k] for k in ("type", "fra_og_med", "til_og_med", "antall_dager", "beloep")}
        for linje in resultat["linjer"]
    ]
    oenskede = [
        {
            k: str(linje[k]) if k == "beloep" else linje[k]
            for k in ("type", "fra_og_med", "til_og_med", "antall_dager", "beloep")
        }
        for linje in forventet["linjer"]
    ]
    assert faktiske == oenskede, navn
    assert resultat["total"] == forventet["total"]
    for faktisk, oensket in zip(resultat["linjer"], forventet["linjer"], strict=True):
        if "dagsats" in oensket:
            assert Fraction(faktisk["dagsats_eksakt"]) == Fraction(oensket["dagsats"])


def test_scenariene_finnes() -> None:
    assert len(SCENARIER) >= 20

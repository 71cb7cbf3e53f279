"""Den raske veien til `kvp beregn`-svaret: `resultat_til_json_tekst` gir tegn for tegn den samme teksten som
`json.dumps(resultat_til_json(r), ensure_ascii=False, separators=(",", ":"))`, og `beregn_mange` etterlater
syklusrydderen som den fant den."""

from __future__ import annotations

import gc
import io
import json
import os
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings

from bench.variert import lag_variert_batch
from kvp_regler import cli
from kvp_regler.beregning import Beregningsresultat, beregn_mange, beregn_stoenad
from kvp_regler.beregning.kontrakt import (
    grunnlag_fra_json,
    resultat_til_json,
    resultat_til_json_tekst,
    tom_mellomlagrene,
)
from kvp_regler.parametere import STANDARD
from kvp_regler.tests.conftest import les_scenarier
from kvp_regler.tests.test_egenskaper import grunnlag


def _dumps(resultat: Beregningsresultat) -> str:
    return json.dumps(resultat_til_json(resultat), ensure_ascii=False, separators=(",", ":"))


def _dokumenter(antall: int, froe: int) -> list[Any]:
    dokumenter: list[Any] = json.loads(
        json.dumps(lag_variert_batch(antall, froe=froe)), parse_float=Decimal, parse_int=Decimal
    )
    return dokumenter


def test_teksten_er_lik_json_dumps_paa_den_varierte_blandingen_kaldt_og_varmt() -> None:
    dokumenter = _dokumenter(1500, froe=31)
    for _ in ("kald", "varm"):
        STANDARD.mellomlager.clear()
        resultater = beregn_mange(grunnlag_fra_json(d) for d in dokumenter)
        ulike = [i for i, r in enumerate(resultater) if resultat_til_json_tekst(r) != _dumps(r)]
        assert not ulike, f"ulik tekst i dokument {ulike[:5]}"


@pytest.mark.parametrize(("navn", "scenario"), les_scenarier(), ids=[navn for navn, _ in les_scenarier()])
def test_teksten_er_lik_json_dumps_for_regneeksemplene(navn: str, scenario: dict[str, Any]) -> None:
    dokument = json.loads(json.dumps(scenario["grunnlag"]), parse_float=Decimal, parse_int=Decimal)
    resultat = beregn_stoenad(grunnlag_fra_json(dokument))
    assert resultat_til_json_tekst(resultat) == _dumps(resultat), navn


@settings(max_examples=200, deadline=None)
@given(grunnlag())
def test_teksten_er_lik_json_dumps_for_alle_grunnlag(dokument: dict[str, Any]) -> None:
    resultat = beregn_stoenad(grunnlag_fra_json(json.loads(json.dumps(dokument), parse_float=Decimal)))
    assert resultat_til_json_tekst(resultat) == _dumps(resultat)


def test_beregn_mange_flytter_resultatene_til_eldste_generasjon_uten_aa_fryse_noe() -> None:
    dokumenter = _dokumenter(50, froe=7)
    resultater = beregn_mange(grunnlag_fra_json(d) for d in dokumenter)
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
    eldste = {id(objekt) for objekt in gc.get_objects(generation=2)}
    assert id(resultater) in eldste and id(resultater[0]) in eldste


def test_beregn_mange_lar_andres_frosne_objekter_vaere() -> None:
    gc.freeze()
    try:
        frosne = gc.get_freeze_count()
        beregn_mange(grunnlag_fra_json(d) for d in _dokumenter(20, froe=8))
        assert gc.get_freeze_count() == frosne
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_feil_i_en_arbeidsprosess_gir_intern_feil_og_ingen_resultater(monkeypatch: pytest.MonkeyPatch) -> None:
    """En feil i programmet i barneprosessen (ikke i inndataene) gir exit-kode 1 og en melding, ingen traceback."""
    ekte = cli._beregn_del

    def feiler_i_barnet(dokumenter: list[Any], start: int) -> Any:
        if start > 0:
            raise RuntimeError("test")
        return ekte(dokumenter, start)

    monkeypatch.setattr(cli, "_beregn_del", feiler_i_barnet)
    monkeypatch.setattr(cli, "PARALLELL_FRA", 8)
    monkeypatch.setattr(cli, "_prosesser", lambda _antall: 2)
    ut, feil = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(lag_variert_batch(20, froe=9))))
    monkeypatch.setattr("sys.stdout", ut)
    monkeypatch.setattr("sys.stderr", feil)
    assert cli.main(["beregn"]) == 1
    assert ut.getvalue() == ""
    assert "Intern feil" in feil.getvalue() and "Traceback" not in feil.getvalue()


def test_uten_barneprosesser_regner_prosessen_alle_delene_selv(monkeypatch: pytest.MonkeyPatch) -> None:
    """Kan det ikke lages barneprosesser (fork feiler), blir svaret det samme, i samme rekkefølge."""
    tekst = json.dumps(lag_variert_batch(30, froe=10))
    en_prosess = io.StringIO()
    monkeypatch.setattr(cli, "PARALLELL_FRA", 10**9)
    cli.beregn(io.StringIO(tekst), en_prosess)

    def ingen_fork() -> int:
        raise OSError("ingen flere prosesser")

    monkeypatch.setattr("os.fork", ingen_fork)
    monkeypatch.setattr(cli, "_prosesser", lambda _antall: 3)
    uten_fork = io.StringIO()
    cli.beregn(io.StringIO(tekst), uten_fork)
    assert uten_fork.getvalue() == en_prosess.getvalue()
    assert len(json.loads(uten_fork.getvalue())) == 30


def test_feil_i_foreldreprosessen_stopper_barna_og_gir_intern_feil(monkeypatch: pytest.MonkeyPatch) -> None:
    ekte = cli._beregn_del
    barn: list[int] = []
    ekte_fork = os.fork

    def fork() -> int:
        pid = ekte_fork()
        if pid:
            barn.append(pid)
        return pid

    def feiler_i_forelderen(dokumenter: list[Any], start: int) -> Any:
        if start == 0:
            raise RuntimeError("test")
        return ekte(dokumenter, start)

    monkeypatch.setattr("os.fork", fork)
    monkeypatch.setattr(cli, "_beregn_del", feiler_i_forelderen)
    monkeypatch.setattr(cli, "_prosesser", lambda _antall: 2)
    ut, feil = io.StringIO(), io.StringIO()
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(lag_variert_batch(20, froe=11))))
    monkeypatch.setattr("sys.stdout", ut)
    monkeypatch.setattr("sys.stderr", feil)
    assert cli.main(["beregn"]) == 1
    assert ut.getvalue() == "" and "Intern feil" in feil.getvalue()
    assert len(barn) == 1
    with pytest.raises(ChildProcessError):  # barnet er allerede ventet på: ingen zombie igjen
        os.waitpid(barn[0], os.WNOHANG)


def test_tomme_mellomlagre_gir_samme_svar() -> None:
    dokumenter = _dokumenter(200, froe=12)
    varm = [resultat_til_json_tekst(beregn_stoenad(grunnlag_fra_json(d))) for d in dokumenter]
    tom_mellomlagrene()
    assert not STANDARD.mellomlager
    kald = [resultat_til_json_tekst(beregn_stoenad(grunnlag_fra_json(d))) for d in dokumenter]
    assert kald == varm

"""Mellomlageret for parameterfilene (raskere oppstart av `kvp`): gir nøyaktig de samme parameterne som YAML-filene,
og et ødelagt eller utilgjengelig mellomlager gjør at filene leses som før."""

from pathlib import Path

import pytest

from kvp_regler import parametere
from kvp_regler.parametere import STANDARD, _les_standard


def _som_tuppel(sett: parametere.Parametersett) -> list[tuple[str, tuple[parametere.Parameterverdi, ...]]]:
    return [(p.navn, p.verdier) for p in sett]


def test_mellomlageret_gir_samme_parametere_som_filene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    fra_filene = _les_standard()
    filer = list((tmp_path / "kvp").glob("parametere-*.json"))
    assert len(filer) == 1
    fra_mellomlageret = _les_standard()
    assert _som_tuppel(fra_mellomlageret) == _som_tuppel(fra_filene) == _som_tuppel(STANDARD)


@pytest.mark.parametrize("innhold", ["ikke json", "{}", '[{"navn": "grunnbeloep"}]'])
def test_et_oedelagt_mellomlager_leses_ikke(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, innhold: str) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    _les_standard()
    fil = next((tmp_path / "kvp").glob("parametere-*.json"))
    fil.write_text(innhold, encoding="utf-8")
    assert _som_tuppel(_les_standard()) == _som_tuppel(STANDARD)
    assert fil.read_text(encoding="utf-8") != innhold  # skrevet på nytt fra filene


def test_uten_skrivbar_cache_mappe_leses_filene(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fil = tmp_path / "fil"
    fil.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(fil))  # en fil, ikke en mappe
    assert _som_tuppel(_les_standard()) == _som_tuppel(STANDARD)

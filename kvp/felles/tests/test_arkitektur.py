"""docs/arkitektur.md stemmer med koden: hendelsenes mottakere og lagenes rekkefølge."""

import re
import tomllib
from pathlib import Path

from kvp.felles import hendelser
from kvp.felles.hendelser import VedtakFattet

ROT = Path(__file__).resolve().parents[3]
DOK = (ROT / "docs" / "arkitektur.md").read_text(encoding="utf-8")


def _mottakere_i_dokumentet(hendelse: str) -> list[str]:
    rad = next(linje for linje in DOK.splitlines() if linje.startswith(f"| `{hendelse}` |"))
    mottakerkolonne = rad.split("|")[3]
    return re.findall(r"`([\w.]+)`", mottakerkolonne)


def test_mottakerne_av_vedtak_fattet_er_de_dokumenterte_i_samme_rekkefoelge():
    assert hendelser.mottakere(VedtakFattet) == _mottakere_i_dokumentet("VedtakFattet")
    assert len(hendelser.mottakere(VedtakFattet)) == 3


def test_publiser_kaller_mottakerne_i_rekkefoelge_og_bare_for_sin_type():
    class Proeve:
        pass

    kalt: list[str] = []
    hendelser.abonner(Proeve, lambda h: kalt.append("a"))
    andre = lambda h: kalt.append("b")  # noqa: E731
    hendelser.abonner(Proeve, andre)
    hendelser.abonner(Proeve, andre)  # samme mottaker to ganger registreres én gang
    hendelser.publiser(Proeve())
    hendelser.publiser(object())
    assert kalt == ["a", "b"]


def test_lagene_i_tegningen_er_lagene_i_kontrakten():
    kontrakter = tomllib.loads((ROT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    lag = next(k for k in kontrakter["contracts"] if k["type"] == "layers")["layers"]
    i_kontrakten = [m.strip() for rad in lag for m in rad.split("|") if m.strip().startswith("kvp")]
    tegning = DOK.split("```")[1]
    i_tegningen = re.findall(r"\b(kvp(?:_regler|\.[a-z]+))\b", tegning)
    i_tegningen = [m for m in dict.fromkeys(i_tegningen) if m != "kvp.<app>"]
    assert i_tegningen == i_kontrakten


def test_kartet_i_readme_viser_hver_app_og_bare_apper_som_finnes():
    readme = (ROT / "README.md").read_text(encoding="utf-8")
    kart = readme.split("## Kart", 1)[1]
    i_kartet = set(re.findall(r"`kvp/(\w+)/`", kart))
    apper = {p.parent.name for p in (ROT / "kvp").glob("*/apps.py")}
    assert i_kartet == apper
    mapper_i_kartet = set(re.findall(r"^\| `(\w+)/`", kart, flags=re.MULTILINE))
    assert mapper_i_kartet <= {p.name for p in ROT.iterdir() if p.is_dir()}

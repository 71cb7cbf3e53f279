"""Benchmark for beregningen av kvalifiseringsstønad (`make bench`).

Lager en realistisk, deterministisk batch med 10 000 deltakermåneder (alder rundt 25, barn, fravær, arbeid,
ytelser, begge beregningsmodeller) og måler

  a) gjennomstrømning i prosessen: `beregn_stoenad` på én kjerne (deltakermåneder per sekund), og
  b) veggtid for `kvp beregn` på hele batchen som én JSON-liste, med oppstart av Python.

Resultatet skrives til docs/benchmarks.md (egen seksjon mellom markører) med dato og maskin.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.felles import maskin
from kvp_regler.beregning import beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json
from kvp_regler.parametere import STANDARD
from kvp_regler.tid import bursdag

ROT = Path(__file__).resolve().parent.parent
ANTALL = 10_000
FROE = 20261123
STATUSER = [
    ("GYLDIG_FRAVAER", 30),
    ("UGYLDIG_FRAVAER", 25),
    ("FERIE", 20),
    ("PERMISJON_MED_STOENAD", 5),
    ("FRAVAER_UTEN_STOENAD", 5),
    ("PERMISJON_UTEN_STOENAD", 5),
    ("AVBRUDD", 5),
    ("HELLIGDAG", 5),
]


def _virkedager(fom: date, tom: date) -> list[date]:
    return [fom + timedelta(days=i) for i in range((tom - fom).days + 1) if (fom + timedelta(days=i)).weekday() < 5]


def lag_batch(antall: int = ANTALL, froe: int = FROE) -> list[dict[str, Any]]:
    """Deterministiske, syntetiske deltakermåneder med fordelinger som ligner et nasjonalt utbetalingsløp."""
    rng = random.Random(froe)
    batch = []
    for _ in range(antall):
        aar, mnd = rng.choice([(a, m) for a in (2024, 2025, 2026) for m in range(1, 13) if (a, m) <= (2026, 10)])
        fom = date(aar, mnd, 1)
        tom = (date(aar + mnd // 12, mnd % 12 + 1, 1)) - timedelta(days=1)
        alder = max(18, min(66, round(rng.gauss(26, 6))))
        foedt = date(aar - alder, rng.randint(1, 12), rng.randint(1, 28))
        start = fom - timedelta(days=rng.randint(0, 500)) if rng.random() < 0.9 else fom + timedelta(rng.randint(0, 20))
        slutt = start + timedelta(days=rng.choice([364, 729, 1094]))
        if rng.random() < 0.08:
            slutt = max(start, fom + timedelta(days=rng.randint(0, 27)))
        dok: dict[str, Any] = {
            "fra_og_med": fom.isoformat(),
            "til_og_med": tom.isoformat(),
            "beregningsmodell": "FAST_MAANEDSBELOEP" if rng.random() < 0.2 else "VIRKEDAGER",
            "deltaker": {"foedselsdato": foedt.isoformat()},
            "programperioder": [{"fra_og_med": start.isoformat(), "til_og_med": slutt.isoformat()}],
        }
        antall_barn = rng.choices([0, 1, 2, 3, 4], weights=[55, 20, 14, 8, 3])[0]
        if antall_barn:
            dok["barn"] = []
            for _ in range(antall_barn):
                barn_foedt = date(aar - rng.randint(0, 18), rng.randint(1, 12), rng.randint(1, 28))
                dok["barn"].append({"foedselsdato": barn_foedt.isoformat()})
                if bursdag(barn_foedt, 18) < fom:
                    dok["barn"][-1]["foedselsdato"] = date(aar - 10, 6, 1).isoformat()
        dager = _virkedager(fom, tom)
        registreringer = rng.choices([0, 1, 2, 3, 5], weights=[40, 25, 15, 12, 8])[0]
        if registreringer:
            dok["dager"] = []
            for dag in sorted(rng.sample(dager, registreringer)):
                status = rng.choices([s for s, _ in STATUSER], weights=[w for _, w in STATUSER])[0]
                reg: dict[str, Any] = {"dato": dag.isoformat(), "status": status}
                if status == "UGYLDIG_FRAVAER" and rng.random() < 0.5:
                    reg["timer"] = str(rng.choice([1, 1.5, 2, 3, 3.75, 4, 5, 6]))
                dok["dager"].append(reg)
        if rng.random() < 0.15:
            a_fom = rng.choice(dager)
            dok["arbeid"] = [
                {
                    "fra_og_med": a_fom.isoformat(),
                    "til_og_med": (a_fom + timedelta(days=rng.randint(7, 90))).isoformat(),
                    "timer_per_uke": str(rng.choice([4, 5, 7.5, 8, 10, 12, 15, 18.75])),
                }
            ]
        if rng.random() < 0.06:
            y_fom = rng.choice(dager)
            dok["ytelser"] = [
                {
                    "type": rng.choice(["SYKEPENGER", "DAGPENGER", "FORELDREPENGER", "ANNEN"]),
                    "fra_og_med": y_fom.isoformat(),
                    "til_og_med": (y_fom + timedelta(days=rng.randint(3, 40))).isoformat(),
                    "dagsats": f"{rng.randint(10000, 120000) / 100:.2f}",
                }
            ]
        batch.append(dok)
    return batch


def maal_i_prosess(batch: list[dict[str, Any]], runder: int = 5) -> dict[str, float]:
    """Deltakermåneder per sekund for `beregn_stoenad` alene og med JSON-serialisering, i én tråd (én kjerne)."""
    grunnlag = [grunnlag_fra_json(json.loads(json.dumps(d), parse_float=Decimal)) for d in batch]
    kald, varm, med_json = [], [], []
    for _ in range(runder):
        STANDARD.mellomlager.clear()
        t0 = time.perf_counter()
        for g in grunnlag:
            beregn_stoenad(g)
        kald.append(len(grunnlag) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        for g in grunnlag:
            beregn_stoenad(g)
        varm.append(len(grunnlag) / (time.perf_counter() - t0))
        STANDARD.mellomlager.clear()
        t0 = time.perf_counter()
        for g in grunnlag:
            resultat_til_json(beregn_stoenad(g))
        med_json.append(len(grunnlag) / (time.perf_counter() - t0))
    return {
        "kald": statistics.median(kald),
        "varm": statistics.median(varm),
        "med_json": statistics.median(med_json),
        "linjer_per_maaned": sum(len(beregn_stoenad(g).linjer) for g in grunnlag) / len(grunnlag),
    }


def maal_cli(batch: list[dict[str, Any]], runder: int = 5) -> dict[str, float]:
    """Veggtid for `kvp beregn < batch.json` (ny prosess hver gang, oppstart inkludert)."""
    kvp = Path(sys.executable).parent / "kvp"
    with tempfile.TemporaryDirectory() as mappe:
        inn = Path(mappe) / "batch.json"
        inn.write_text(json.dumps(batch), encoding="utf-8")
        tider = []
        for _ in range(runder):
            with inn.open("rb") as stdin, (Path(mappe) / "ut.json").open("wb") as stdout:
                t0 = time.perf_counter()
                subprocess.run([str(kvp), "beregn"], stdin=stdin, stdout=stdout, check=True)  # noqa: S603
                tider.append(time.perf_counter() - t0)
        resultater = json.loads((Path(mappe) / "ut.json").read_text(encoding="utf-8"))
        assert len(resultater) == len(batch)
        t0 = time.perf_counter()
        subprocess.run([str(kvp), "beregn"], input=b"{}", capture_output=True, check=False)  # noqa: S603
        oppstart = time.perf_counter() - t0
    return {"median": statistics.median(tider), "min": min(tider), "oppstart": oppstart, "bytes": inn_storrelse(batch)}


def inn_storrelse(batch: list[dict[str, Any]]) -> float:
    return len(json.dumps(batch).encode())


def _tall(verdi: float) -> str:
    return f"{verdi:,.0f}".replace(",", " ")


START = "<!-- bench:beregning start -->"
SLUTT = "<!-- bench:beregning slutt -->"


def skriv_rapport(i_prosess: dict[str, float], cli: dict[str, float]) -> str:
    idag = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    tekst = f"""{START}
## Beregning av kvalifiseringsstønad (`bench/beregning.py`)

Målt {idag} på {maskin()}.

Batch: {ANTALL} syntetiske deltakermåneder (frø {FROE}): alder rundt 26 år (normalfordelt, 18–66), 45 % med barn,
60 % med registrerte fraværsdager (noen med timer), 15 % med lønnet arbeid, 6 % med andre ytelser, 20 % med modellen
`FAST_MAANEDSBELOEP`; i snitt {i_prosess["linjer_per_maaned"]:.1f} linjer per måned. Median av 5 runder.

| Måling | Resultat | Krav |
| --- | --- | --- |
| a) `beregn_stoenad` i prosessen, én kjerne, tomt mellomlager ved start | {_tall(i_prosess["kald"])} deltakermåneder/s | ≥ 20 000/s |
| a) samme, mellomlageret for dagsatser varmt | {_tall(i_prosess["varm"])} deltakermåneder/s | |
| a) med JSON-resultat og forklaringstekster (`resultat_til_json`) | {_tall(i_prosess["med_json"])} deltakermåneder/s | |
| b) `kvp beregn` på hele batchen (JSON-liste, {cli["bytes"] / 1e6:.1f} MB inn), veggtid med oppstart | {cli["median"]:.2f} s (beste {cli["min"]:.2f} s) | < 3 s |
| b) oppstart av `kvp beregn` alene (ett lite dokument) | {cli["oppstart"] * 1000:.0f} ms | |

Dagsatsene for en kombinasjon av grunnlag huskes i parametersettets mellomlager (en ren funksjon av kombinasjonen),
så den kalde målingen viser også hvor mye et løp tjener på at mange deltakere deler satser. `kvp beregn` deler lister
med minst 2 000 dokumenter på én prosess per kjerne (her {os.cpu_count()}); svaret er det samme som i én prosess.
Maskinen er en delt virtuell maskin: samme måling kan variere med 20–30 % fra kjøring til kjøring.
{SLUTT}"""
    return tekst


def oppdater_dokument(seksjon: str, sti: Path = ROT / "docs" / "benchmarks.md") -> None:
    innhold = sti.read_text(encoding="utf-8") if sti.exists() else "# Benchmarks\n\nKjøres med `make bench`.\n"
    if START in innhold and SLUTT in innhold:
        foer, rest = innhold.split(START, 1)
        _, etter = rest.split(SLUTT, 1)
        innhold = foer + seksjon + etter
    else:
        innhold = innhold.rstrip("\n") + "\n\n" + seksjon + "\n"
    sti.write_text(innhold, encoding="utf-8")


def main() -> None:
    batch = lag_batch()
    i_prosess = maal_i_prosess(batch)
    cli = maal_cli(batch)
    seksjon = skriv_rapport(i_prosess, cli)
    oppdater_dokument(seksjon)
    print(seksjon)


if __name__ == "__main__":
    main()

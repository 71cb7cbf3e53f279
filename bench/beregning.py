"""Benchmark for beregningen av kvalifiseringsstønad (`make bench`).

Regner på den varierte blandingen i `bench/variert.py` (10 000 dokumenter: år 2019–2026, deler av måneder,
18- og 25-årsdager og G-reguleringen inne i perioden, reduksjoner; generatoren er beskrevet der) og måler

  a) gjennomstrømning i prosessen på én kjerne (saker per CPU-sekund, så andre prosesser på en delt maskin ikke
     teller med), kaldt (tomt mellomlager) og varmt, både med `beregn_mange` (batch, syklusrydderen på pause)
     og med `beregn_stoenad` én og én mens resultatene holdes i minnet, og
  b) veggtid for `kvp beregn` på hele batchen som én JSON-liste, med oppstart av Python.

Resultatet skrives til docs/benchmarks.md (egen seksjon mellom markører) med dato, maskin og belastningen
(load average) på maskinen mens det ble målt.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from bench.felles import maskin
from bench.variert import FROE, lag_variert_batch
from kvp_regler.beregning import beregn_mange, beregn_stoenad
from kvp_regler.beregning.kontrakt import (
    grunnlag_fra_json,
    resultat_til_json,
    resultat_til_json_tekst,
    tom_mellomlagrene,
)

ROT = Path(__file__).resolve().parent.parent
ANTALL = 10_000


def _per_cpu_sekund(antall: int, start: float) -> float:
    return antall / (time.process_time() - start)


def maal_i_prosess(batch: list[dict[str, Any]], runder: int = 5) -> dict[str, float]:
    """Saker per CPU-sekund i én tråd (én kjerne). Kald = alt beregningen og JSON-svaret husker mellom saker
    (parametersettets mellomlager og tabellene, `tom_mellomlagrene`) er tømt før runden."""
    grunnlag = [grunnlag_fra_json(json.loads(json.dumps(d), parse_float=Decimal)) for d in batch]
    maalt: dict[str, list[float]] = {
        "kald": [],
        "varm": [],
        "enkeltvis_kald": [],
        "enkeltvis_varm": [],
        "med_json": [],
        "med_tekst": [],
    }
    for _ in range(runder):
        tom_mellomlagrene()
        t0 = time.process_time()
        resultater = beregn_mange(grunnlag)
        maalt["kald"].append(_per_cpu_sekund(len(grunnlag), t0))
        t0 = time.process_time()
        resultater = beregn_mange(grunnlag)
        maalt["varm"].append(_per_cpu_sekund(len(grunnlag), t0))
        del resultater
        tom_mellomlagrene()
        t0 = time.process_time()
        beholdt = [beregn_stoenad(g) for g in grunnlag]
        maalt["enkeltvis_kald"].append(_per_cpu_sekund(len(grunnlag), t0))
        t0 = time.process_time()
        beholdt = [beregn_stoenad(g) for g in grunnlag]
        maalt["enkeltvis_varm"].append(_per_cpu_sekund(len(grunnlag), t0))
        del beholdt
        tom_mellomlagrene()
        t0 = time.process_time()
        _ = [resultat_til_json(r) for r in beregn_mange(grunnlag)]
        maalt["med_json"].append(_per_cpu_sekund(len(grunnlag), t0))
        tom_mellomlagrene()
        t0 = time.process_time()
        _ = [resultat_til_json_tekst(r) for r in beregn_mange(grunnlag)]
        maalt["med_tekst"].append(_per_cpu_sekund(len(grunnlag), t0))
    svar = {navn: statistics.median(verdier) for navn, verdier in maalt.items()}
    svar["linjer_per_sak"] = sum(len(r.linjer) for r in beregn_mange(grunnlag)) / len(grunnlag)
    return svar


def maal_cli(batch: list[dict[str, Any]], runder: int = 5) -> dict[str, float]:
    """Veggtid for `kvp beregn < batch.json` (ny prosess hver gang, oppstart inkludert), og CPU-tiden alle
    prosessene brukte (bruker + system, også arbeidsprosessene), som påvirkes mindre av annet arbeid på maskinen."""
    kvp = Path(sys.executable).parent / "kvp"
    with tempfile.TemporaryDirectory() as mappe:
        inn = Path(mappe) / "batch.json"
        inn.write_text(json.dumps(batch), encoding="utf-8")
        tider, cpu = [], []
        for _ in range(runder):
            with inn.open("rb") as stdin, (Path(mappe) / "ut.json").open("wb") as stdout:
                foer = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run([str(kvp), "beregn"], stdin=stdin, stdout=stdout, check=True)  # noqa: S603
                tider.append(time.perf_counter() - t0)
                etter = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(etter.ru_utime + etter.ru_stime - foer.ru_utime - foer.ru_stime)
        resultater = json.loads((Path(mappe) / "ut.json").read_text(encoding="utf-8"))
        assert len(resultater) == len(batch)
        t0 = time.perf_counter()
        subprocess.run([str(kvp), "beregn"], input=b"{}", capture_output=True, check=False)  # noqa: S603
        oppstart = time.perf_counter() - t0
    return {
        "median": statistics.median(tider),
        "min": min(tider),
        "cpu": statistics.median(cpu),
        "oppstart": oppstart,
        "bytes": inn_storrelse(batch),
    }


def inn_storrelse(batch: list[dict[str, Any]]) -> float:
    return len(json.dumps(batch).encode())


def _tall(verdi: float) -> str:
    return f"{verdi:,.0f}".replace(",", " ")


START = "<!-- bench:beregning start -->"
SLUTT = "<!-- bench:beregning slutt -->"


def _last() -> str:
    try:
        en, fem, _ = os.getloadavg()
    except OSError:
        return "ukjent"
    return f"{en:.1f} / {fem:.1f}"


def skriv_rapport(i_prosess: dict[str, float], cli: dict[str, float], last: tuple[str, str]) -> str:
    idag = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    kald_ok = "ja" if i_prosess["kald"] >= 20_000 else "nei"
    cli_ok = "ja" if cli["median"] < 1.5 else ("bare beste kjøring" if cli["min"] < 1.5 else "nei")
    tekst = f"""{START}
## Beregning av kvalifiseringsstønad (`bench/beregning.py`)

Målt {idag} på {maskin()}.
Maskinen var delt med annet arbeid mens det ble målt (load average 1 / 5 min: {last[0]} før, {last[1]} etter);
veggtidene varierer mye med det, CPU-tidene mindre.

Batch: {ANTALL} varierte saker fra `bench/variert.py` (frø {FROE}; generatoren er beskrevet der): år 2019–2026,
35 % hele måneder, resten deler av måneder, over månedsskifter, april–mai med G-reguleringen i perioden eller
3–12 måneder; 20 % fyller 25 år i perioden, barn som fyller 18, fravær, arbeid og andre ytelser; i snitt
{i_prosess["linjer_per_sak"]:.1f} linjer per sak. Median av 5 runder. Gjennomstrømningen er saker per CPU-sekund i
én tråd (én kjerne).

| Måling | Resultat | Krav | Nådd |
| --- | --- | --- | --- |
| a) `beregn_mange` (batch), alle mellomlagre tomme ved start (kald) | {_tall(i_prosess["kald"])} saker/s | ≥ 20 000/s | {kald_ok} |
| a) `beregn_mange`, mellomlageret varmt | {_tall(i_prosess["varm"])} saker/s | | |
| a) `beregn_stoenad` én og én, resultatene holdt i minnet, kald | {_tall(i_prosess["enkeltvis_kald"])} saker/s | | |
| a) `beregn_stoenad` én og én, varm | {_tall(i_prosess["enkeltvis_varm"])} saker/s | | |
| a) `beregn_mange` med JSON-resultat og forklaringstekster (`resultat_til_json`), kald | {_tall(i_prosess["med_json"])} saker/s | | |
| a) `beregn_mange` med svaret som JSON-tekst (`resultat_til_json_tekst`, som `kvp beregn`), kald | {_tall(i_prosess["med_tekst"])} saker/s | | |
| b) `kvp beregn` på hele batchen (JSON-liste, {cli["bytes"] / 1e6:.1f} MB inn), veggtid med oppstart | {cli["median"]:.2f} s (beste {cli["min"]:.2f} s) | < 1,5 s | {cli_ok} |
| b) samme, CPU-tid for alle prosessene til sammen (bruker + system) | {cli["cpu"]:.2f} s | | |
| b) oppstart av `kvp beregn` alene (ett lite dokument) | {cli["oppstart"] * 1000:.0f} ms | | | |

`beregn_mange` setter Pythons syklusrydder på pause mens batchen regnes (beregningen lager ingen sykler); med
tusenvis av resultater i minnet brukte den ellers omtrent like mye tid som selve beregningen, som forskjellen
mellom «batch» og «én og én» over viser. `kvp beregn` gjør det samme for hele kjøringen, skriver svaret rett som
JSON-tekst og deler lister med minst 2 000 dokumenter på én prosess per kjerne (her {os.cpu_count()}: prosessen selv
og barneprosesser laget med fork, som sender svaret tilbake gjennom et rør); svaret er det samme som i én prosess
(`kvp_regler/tests/test_variert_likhet.py` sammenligner med resultatene fra før optimaliseringen).
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
    batch = lag_variert_batch(ANTALL)
    foer = _last()
    i_prosess = maal_i_prosess(batch)
    cli = maal_cli(batch)
    seksjon = skriv_rapport(i_prosess, cli, (foer, _last()))
    oppdater_dokument(seksjon)
    print(seksjon)


if __name__ == "__main__":
    main()

"""Felles for benchmarkene: maskinen resultatene er målt på, og raden hver måling legger til i docs/benchmarks.md."""

from __future__ import annotations

import os
import platform
from pathlib import Path


def maskin() -> str:
    """CPU-modell, antall kjerner prosessen kan bruke, og Python-versjon (skrives ved hver måling)."""
    modell = "ukjent CPU"
    try:
        for linje in Path("/proc/cpuinfo").read_text().splitlines():
            if linje.startswith("model name"):
                modell = linje.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    kjerner = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{modell}, {kjerner} kjerner, Python {platform.python_version()}, {platform.system()}"


BENCHMARKS = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def legg_til_rad(*, start: str, slutt: str, hode: str, ny_rad: str, sti: Path = BENCHMARKS) -> None:
    """Legger `ny_rad` sist i tabellen mellom merkene `start` og `slutt` (lager seksjonen med `hode` om den mangler)."""
    innhold = sti.read_text(encoding="utf-8") if sti.exists() else "# Benchmarks\n\nKjøres med `make bench`.\n"
    if start in innhold and slutt in innhold:
        foer, rest = innhold.split(start, 1)
        seksjon, etter = rest.split(slutt, 1)
        innhold = foer + start + seksjon.rstrip("\n") + "\n" + ny_rad + "\n" + slutt + etter
    else:
        innhold = innhold.rstrip("\n") + "\n\n" + hode + ny_rad + "\n" + slutt + "\n"
    sti.write_text(innhold, encoding="utf-8")

"""Felles for benchmarkene: beskrivelse av maskinen resultatene er målt på."""

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

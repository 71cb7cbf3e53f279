"""Felles for testene av kvp_regler: scenariofilene i `scenarier/` blir én test per scenario."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from hypothesis import settings

# I CI er eksemplene faste (samme frø hver gang), så en rød kjøring kan gjentas; lokalt er de tilfeldige og leter
# videre. Et funnet moteksempel skrives ut som en @reproduce_failure-blob.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("utvikling", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "utvikling")

SCENARIOMAPPE = Path(__file__).parent / "scenarier"


def _som_json(verdi: Any) -> Any:
    """YAML leser datoer som `date`; kontrakten tar ISO-tekst, som JSON."""
    if isinstance(verdi, date):
        return verdi.isoformat()
    if isinstance(verdi, dict):
        return {k: _som_json(v) for k, v in verdi.items()}
    if isinstance(verdi, list):
        return [_som_json(v) for v in verdi]
    return verdi


def les_scenarier() -> list[tuple[str, dict[str, Any]]]:
    scenarier = []
    for fil in sorted(SCENARIOMAPPE.glob("*.yaml")):
        for scenario in yaml.safe_load(fil.read_text(encoding="utf-8")):
            scenarier.append((f"{fil.stem}: {scenario['navn']}", _som_json(scenario)))
    return scenarier

"""Avrunding av penger hører hjemme i kvp_regler (skattetrekket og trekkgrensen også), aldri i Django-koden."""

import re
from pathlib import Path

KVP = Path(__file__).resolve().parents[2]
AVRUNDING = re.compile(r"\.quantize\(|\bROUND_[A-Z_]+\b|\bround\(")


def test_ingen_avrunding_i_django_koden() -> None:
    treff = [
        f"{fil.relative_to(KVP.parent)}:{nr}: {linje.strip()}"
        for fil in sorted(KVP.rglob("*.py"))
        if "tests" not in fil.parts and "migrations" not in fil.parts
        for nr, linje in enumerate(fil.read_text(encoding="utf-8").splitlines(), start=1)
        if AVRUNDING.search(linje)
    ]
    assert not treff, "Avrunding i kvp/ (flytt den til kvp_regler):\n" + "\n".join(treff)

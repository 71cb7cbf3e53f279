"""Reglenes tall står bare i `kvp_regler/parametere/` (docs/arkitektur.md): ingen kopi i `kvp/` eller `config/`.

Testen leser alle parameterverdiene og leter etter dem i kildekoden og malene utenfor testene og migreringene:
tallkonstanter i Python (37.5, Decimal("18.75"), 7.5) og tallene skrevet i tekst («18,75 timer», «2,041 G»,
«7 850 kr»). Små heltall (alder 18, 25 og 67; 22 dager; satser i kroner under 100) ville gitt treff på alt mulig
annet; de fanges i stedet av mønstre som bare passer regelbruk («25 år», «18–67», `bursdag(..., 25)`).
"""

import io
import re
import tokenize
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

import pytest

from kvp_regler.parametere import STANDARD

ROT = Path(__file__).resolve().parents[3]
MAPPER = ("kvp", "config")


def _kildefiler() -> list[Path]:
    filer = []
    for mappe in MAPPER:
        for fil in sorted((ROT / mappe).rglob("*")):
            deler = set(fil.relative_to(ROT).parts)
            # Demodataene er eksempler (en registrering på 7,5 timer), ikke regler.
            if {"tests", "migrations", "static", "demo"} & deler or fil.name in {"conftest.py", "demodata.py"}:
                continue
            if fil.suffix in {".py", ".html", ".txt"}:
                filer.append(fil)
    return filer


def _navn(fil: Path) -> str:
    return str(fil.relative_to(ROT)) if fil.is_relative_to(ROT) else fil.name


def _verdier() -> set[Fraction]:
    return {v.verdi for p in STANDARD.parametere.values() for v in p.verdier}


def _tekstformer(verdi: Fraction) -> list[str]:
    """Måtene et tall skrives i norsk tekst og i kode: 18.75 / 18,75; 7850 / 7 850; 2/3."""
    if verdi.denominator != 1:
        desimal = Decimal(verdi.numerator) / Decimal(verdi.denominator)
        if desimal.as_tuple().exponent < -4:  # type: ignore[operator]  # 2/3 og lignende: bare som brøk
            return [f"{verdi.numerator}/{verdi.denominator}"]
        tekst = format(desimal.normalize(), "f")
        return [tekst, tekst.replace(".", ",")]
    heltall = verdi.numerator
    former = [str(heltall)]
    if heltall >= 1000:
        former += [f"{heltall:,}".replace(",", " "), f"{heltall:,}".replace(",", "\u00a0")]
    return former


def _mistenkelige_tall() -> dict[str, Fraction]:
    """Tallene som er så spesielle at et treff er en kopi av regelen: desimaltall, brøker og heltall fra 100."""
    former: dict[str, Fraction] = {}
    for verdi in _verdier():
        if verdi.denominator == 1 and verdi < 100:
            continue
        for form in _tekstformer(verdi):
            former[form] = verdi
    return former


#: Regelbruk av små heltall: aldersgrensene og årstallene i regler skrevet som tekst eller som argument.
SMAA_TALL_MOENSTRE = [
    re.compile(r"\b(?:18|19|25|67|68)\s*år\b"),
    re.compile(r"\b1[89]\s*[–-]\s*67\b"),
    re.compile(r"bursdag\([^)]*,\s*\d+\s*\)"),
]
#: Det samme i selve koden (ikke i tekst): en aldersgrense som argument.
KODEMOENSTER = re.compile(r"bursdag\([^)]*,\s*\d+\s*\)")


def _treff_i_python(fil: Path, former: dict[str, Fraction]) -> list[str]:
    treff = []
    kilde = fil.read_text(encoding="utf-8")
    for token in tokenize.generate_tokens(io.StringIO(kilde).readline):
        if token.type == tokenize.NUMBER:
            try:
                tall = Fraction(Decimal(token.string.replace("_", "")))
            except (InvalidOperation, ValueError):
                continue
            if tall in former.values() and (tall.denominator != 1 or tall >= 100):
                treff.append(f"{_navn(fil)}:{token.start[0]}: tallet {token.string}")
        elif token.type == tokenize.STRING:
            treff += _treff_i_tekst(fil, token.string, token.start[0], former)
    for n, linje in enumerate(kilde.splitlines(), start=1):
        treff += [f"{_navn(fil)}:{n}: «{m.group(0)}»" for m in KODEMOENSTER.finditer(linje)]
    return treff


def _treff_i_tekst(fil: Path, tekst: str, linje: int, former: dict[str, Fraction]) -> list[str]:
    treff = []
    for form in former:
        for m in re.finditer(r"(?<![\d.,/])" + re.escape(form) + r"(?![\d]|[.,/]\d)", tekst):
            n = linje + tekst.count("\n", 0, m.start())
            treff.append(f"{_navn(fil)}:{n}: «{form}»")
    for moenster in SMAA_TALL_MOENSTRE:
        for m in moenster.finditer(tekst):
            n = linje + tekst.count("\n", 0, m.start())
            treff.append(f"{_navn(fil)}:{n}: «{m.group(0)}»")
    return treff


def test_ingen_regelkonstanter_i_appene_eller_innstillingene():
    former = _mistenkelige_tall()
    assert "18,75" in former and "37.5" in former and "2,041" in former  # parameterne er lest
    treff: list[str] = []
    for fil in _kildefiler():
        if fil.suffix == ".py":
            treff += _treff_i_python(fil, former)
        else:
            treff += _treff_i_tekst(fil, fil.read_text(encoding="utf-8"), 1, former)
    assert not treff, "Regeltall utenfor kvp_regler (les dem fra parameterne):\n" + "\n".join(treff)


@pytest.mark.parametrize(
    ("kode", "funnet"),
    [
        ('MAKS = Decimal("18.75")\n', True),
        ("grense = 7.5\n", True),
        ('t = "høyst 18,75 timer per uke"\n', True),
        ('t = "yrkesaktiv alder (18–67 år)"\n', True),
        ("x = bursdag(f, 25)\n", True),
        ('t = "norm 7 850 kr"\n', True),
        ('t = "2025-03-18"\n', False),
        ("side = 25\n", False),
        ('t = "kl. 17.50"\n', False),
    ],
)
def test_soeket_finner_kopiene_og_ikke_annet(tmp_path, kode, funnet):
    """Søket selv kan feile: en kopi av en regel finnes, vanlige tall gjør det ikke."""
    fil = tmp_path / "proeve.py"
    fil.write_text(kode, encoding="utf-8")
    assert bool(_treff_i_python(fil, _mistenkelige_tall())) is funnet

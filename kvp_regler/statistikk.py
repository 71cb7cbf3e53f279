"""Avrunding av tall i statistikk og oversikter (andeler, snitt, målestokk i diagrammene).

Ikke penger: her rundes en andel eller et snitt av hele tall til nærmeste hele tall for visning. Samlet her fordi
all avrunding bor i `kvp_regler` (kvp/felles/tests/test_avrunding_i_reglene.py); halve rundes opp.
"""

from fractions import Fraction


def _heltall(verdi: Fraction) -> int:
    """Nærmeste hele tall, halve opp (eksakt: heltallsdivisjon på brøken)."""
    return (2 * verdi.numerator + verdi.denominator) // (2 * verdi.denominator)


def andel_prosent(del_: int, hele: int) -> int | None:
    """`del_` av `hele` i hele prosent, eller None når `hele` er 0."""
    return _heltall(Fraction(100 * del_, hele)) if hele else None


def snitt(verdier: list[int]) -> int | None:
    """Gjennomsnittet av hele tall, rundet til helt tall; None for en tom liste."""
    return _heltall(Fraction(sum(verdier), len(verdier))) if verdier else None


def skaler(verdi: float | None, stoerst: float, plass: float) -> int:
    """Lengden (minst 1) en verdi får i et diagram der `stoerst` fyller `plass`; 0 for ingen verdi."""
    if not verdi:
        return 0
    return max(1, _heltall(Fraction(plass) * Fraction(verdi) / Fraction(stoerst)))

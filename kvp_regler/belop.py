"""Penger: eksakte brøker inne i beregningen, `Decimal` med to desimaler ut. Avrunding skjer bare her.

Pythons innebygde `round()` runder halvdeler til nærmeste partall og brukes aldri for penger.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = ["ORE", "desimaltekst", "kroner_tekst", "rund_av_til_oere", "tall_tekst"]

ORE = Decimal("0.01")


def rund_av_til_oere(beloep: Fraction) -> Decimal:
    """Runder et eksakt beløp til nærmeste øre, halvdeler bort fra null («half up» på absoluttverdien).

    Et negativt beløp rundes på absoluttverdien og får fortegnet etterpå (spec/beregning.md § 5).
    """
    teller, nevner = abs(beloep.numerator), beloep.denominator
    # øre = floor(|b| * 100 + 1/2), regnet i heltall
    oere = (teller * 200 + nevner) // (2 * nevner)
    avrundet = Decimal(oere).scaleb(-2)
    return -avrundet if beloep < 0 and oere else avrundet


def desimaltekst(verdi: Fraction, desimaler: int = 10) -> str:
    """Et eksakt tall som desimaltekst, rundet halvt opp (bort fra null) til `desimaler` plasser, uten
    overflødige nuller. Brukes for visning av dagsatser; beløp rundes med `rund_av_til_oere`."""
    skala = 10**desimaler
    teller, nevner = abs(verdi.numerator), verdi.denominator
    heltall = (teller * skala * 2 + nevner) // (2 * nevner)
    tekst = str(Decimal(heltall).scaleb(-desimaler).normalize())
    if "E" in tekst:
        tekst = format(Decimal(heltall).scaleb(-desimaler).normalize(), "f")
    return ("-" + tekst) if verdi < 0 and heltall else tekst


def tall_tekst(verdi: Decimal | Fraction | int, desimaler: int | None = None) -> str:
    """Et tall på norsk form: mellomrom som tusenskille og komma som desimaltegn («253 141,15»)."""
    if isinstance(verdi, Fraction):
        verdi = Decimal(desimaltekst(verdi, 4 if desimaler is None else desimaler))
    if desimaler is not None:
        verdi = Decimal(verdi).quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)
    tekst = format(Decimal(verdi), ",f").replace(",", " ").replace(".", ",")
    return tekst


def kroner_tekst(verdi: Decimal | Fraction) -> str:
    """Et kronebeløp med to desimaler på norsk form («20 446,02 kr»)."""
    if isinstance(verdi, Fraction):
        verdi = rund_av_til_oere(verdi)
    return f"{tall_tekst(verdi, 2)} kr"

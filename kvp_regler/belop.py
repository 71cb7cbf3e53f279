"""Penger: eksakte brøker inne i beregningen, `Decimal` med to desimaler ut. Avrunding skjer bare her.

Pythons innebygde `round()` runder halvdeler til nærmeste partall og brukes aldri for penger.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

__all__ = [
    "OERE",
    "desimaltekst",
    "har_hoeyst_to_desimaler",
    "kroner_tekst",
    "oere_halvt_opp",
    "rund_av_til_oere",
    "tall_tekst",
]

OERE = Decimal("0.01")


def oere_halvt_opp(teller: int, nevner: int) -> int:
    """Antall hele øre i |teller / nevner| kroner, rundet halvt opp: floor(|b| × 100 + 1/2), i heltall."""
    return (abs(teller) * 200 + nevner) // (2 * nevner)


def rund_av_til_oere(beloep: Fraction) -> Decimal:
    """Runder et eksakt beløp til nærmeste øre, halvdeler bort fra null («half up» på absoluttverdien).

    Et negativt beløp rundes på absoluttverdien og får fortegnet etterpå (spec/beregning.md § 5).
    """
    oere = oere_halvt_opp(beloep.numerator, beloep.denominator)
    avrundet = Decimal(oere).scaleb(-2)
    return -avrundet if beloep < 0 and oere else avrundet


def har_hoeyst_to_desimaler(verdi: Decimal) -> bool:
    """Om et beløp (eller en prosent eller et timetall) er gitt med høyst to desimaler, altså i hele øre.

    Skjemaene avviser verdier med flere desimaler i stedet for å runde dem; all avrunding av penger skjer her i
    kvp_regler, aldri i Django-koden."""
    return verdi.is_finite() and verdi == verdi.quantize(OERE)


_TEKSTER: dict[tuple[int, int, int], str] = {}


def desimaltekst(verdi: Fraction, desimaler: int = 10) -> str:
    """Et eksakt tall som desimaltekst, rundet halvt opp (bort fra null) til `desimaler` plasser, uten
    overflødige nuller. Brukes for visning av dagsatser; beløp rundes med `rund_av_til_oere`.

    Få ulike dagsatser går igjen i et utbetalingsløp, så tekstene huskes (begrenset antall)."""
    noekkel = (verdi.numerator, verdi.denominator, desimaler)
    tekst = _TEKSTER.get(noekkel)
    if tekst is None:
        if len(_TEKSTER) > 50_000:
            _TEKSTER.clear()
        tekst = _TEKSTER[noekkel] = _desimaltekst(verdi, desimaler)
    return tekst


def _desimaltekst(verdi: Fraction, desimaler: int) -> str:
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
        noekkel = (verdi.numerator, verdi.denominator, -1 if desimaler is None else desimaler)
        tekst = _NORSKE.get(noekkel)
        if tekst is None:
            if len(_NORSKE) > 50_000:
                _NORSKE.clear()
            tekst = tall_tekst(Decimal(desimaltekst(verdi, 4 if desimaler is None else desimaler)))
            if desimaler is None and len(tekst.partition(",")[2]) == 1:
                tekst += "0"  # kroner med én desimal vises med to: 350,10
            _NORSKE[noekkel] = tekst
        return tekst
    if desimaler is not None:
        verdi = Decimal(verdi).quantize(Decimal(1).scaleb(-desimaler), rounding=ROUND_HALF_UP)
    return format(Decimal(verdi), ",f").replace(",", " ").replace(".", ",").replace("-", "\u2212")


_NORSKE: dict[tuple[int, int, int], str] = {}


def kroner_tekst(verdi: Decimal | Fraction | int, *, enhet: bool = True, hardt_mellomrom: bool = False) -> str:
    """Et kronebeløp med to desimaler på norsk form («20 446,02 kr»). Den ene kroneformatereren i systemet:
    beregningen, tjenestene, brevene og malene (filteret `kroner`) bruker den.

    Beløpet rundes halvt opp til hele øre. `enhet=False` gir tallet uten « kr»; `hardt_mellomrom=True` gir
    hardt mellomrom (U+00A0) som tusenskille, så tallet aldri brytes over to linjer på en side. Minus er U+2212,
    og null er aldri negativ."""
    if isinstance(verdi, Fraction):
        verdi = rund_av_til_oere(verdi)
    elif not isinstance(verdi, Decimal):
        verdi = Decimal(verdi)
    if verdi.as_tuple().exponent != -2:
        verdi = verdi.quantize(OERE, rounding=ROUND_HALF_UP)
    if not verdi:
        verdi = abs(verdi)
    tekst = format(verdi, ",f").replace(",", "\u00a0" if hardt_mellomrom else " ").replace(".", ",")
    tekst = tekst.replace("-", "\u2212")
    return f"{tekst} kr" if enhet else tekst

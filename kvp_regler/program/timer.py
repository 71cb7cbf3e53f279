"""Timegrensene i programmet, slått opp i de daterte parameterne for dagen de gjelder.

* Full tid er `timer_per_uke_full_tid` per uke (forskriften § 1 tredje ledd).
* Lønnet arbeid ved siden av programmet er høyst `maks_arbeidstimer_per_uke` per uke (sosialtjenesteloven § 37).
* Ugyldig fravær en del av dagen er høyst én programdag, `timer_per_virkedag` (forskriften § 1).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from kvp_regler.belop import tall_tekst
from kvp_regler.parametere import STANDARD, Parametersett

__all__ = [
    "arbeid_over_grensen",
    "full_tid",
    "maks_arbeidstimer",
    "maks_timer_ugyldig_fravaer",
    "minste_verdi",
    "timer_tekst",
]


def _desimal(verdi: Fraction) -> Decimal:
    tall = Decimal(verdi.numerator) / Decimal(verdi.denominator)
    if Fraction(tall) != verdi:
        raise ValueError(f"timetallet {verdi} kan ikke skrives eksakt som desimaltall")
    return tall


def full_tid(dato: date, parametere: Parametersett = STANDARD) -> Decimal:
    """Timer per uke på full tid i programmet den dagen (forskriften § 1 tredje ledd)."""
    return _desimal(parametere["timer_per_uke_full_tid"].verdi(dato))


def maks_arbeidstimer(dato: date, parametere: Parametersett = STANDARD) -> Decimal:
    """Høyeste lønnede arbeidstid per uke ved siden av programmet den dagen (sosialtjenesteloven § 37)."""
    return _desimal(parametere["maks_arbeidstimer_per_uke"].verdi(dato))


def maks_timer_ugyldig_fravaer(dato: date, parametere: Parametersett = STANDARD) -> Decimal:
    """Forskriften § 1: flest timer ugyldig fravær én dag kan ha, det vil si programtiden for en virkedag."""
    return _desimal(parametere["timer_per_virkedag"].verdi(dato))


def minste_verdi(
    navn: str, fra_og_med: date, til_og_med: date, parametere: Parametersett = STANDARD
) -> tuple[Decimal, date]:
    """Den laveste verdien parameteren `navn` har i perioden, og den første dagen den gjelder."""
    parameter = parametere[navn]
    datoer = [fra_og_med, *parameter.endringsdatoer(fra_og_med, til_og_med)]
    return min(((_desimal(parameter.verdi(d)), d) for d in datoer), key=lambda par: par[0])


def arbeid_over_grensen(
    *,
    fra_og_med: date,
    til_og_med: date,
    timer_per_uke: Decimal,
    andre: Iterable[tuple[date, date, Decimal]],
    parametere: Parametersett = STANDARD,
) -> tuple[date, Decimal, Decimal] | None:
    """Sosialtjenesteloven § 37: overlappende arbeid legges sammen. Svarer med (dag, timer i alt, grensen den dagen)
    for den første dagen i perioden der summen går over grensen, eller `None`.

    Summen og grensen kan bare endre seg der en annen periode begynner eller slutter eller parameteren endres, så det
    holder å sjekke de dagene.
    """
    andre_perioder: Sequence[tuple[date, date, Decimal]] = list(andre)
    grenser = {fra_og_med}
    for a_fra, a_til, _ in andre_perioder:
        for dato in (a_fra, a_til + timedelta(days=1)):
            if fra_og_med <= dato <= til_og_med:
                grenser.add(dato)
    grenser.update(parametere["maks_arbeidstimer_per_uke"].endringsdatoer(fra_og_med, til_og_med))
    for dato in sorted(grenser):
        sum_timer = timer_per_uke + sum((t for a, b, t in andre_perioder if a <= dato <= b), Decimal(0))
        grense = maks_arbeidstimer(dato, parametere)
        if sum_timer > grense:
            return dato, sum_timer, grense
    return None


def timer_tekst(timer: Decimal) -> str:
    """Et timetall på norsk form, uten overflødige nuller («18,75», «7,5», «30»)."""
    return tall_tekst(timer.normalize())

"""Oppgjøret av én utbetaling: trekk for tilbakekreving (motregning) innenfor trekkgrensen, og skattetrekket.

Beløpene er `Decimal` med to desimaler inn og ut; avrundingen her er oppgjørets egen (alltid ned), ikke
beregningens (`belop.rund_av_til_oere`, halvt opp):

* trekkgrensen er kommunens prosent av bruttobeløpet, rundet ned til hele øre;
* skattetrekket er prosent av skattegrunnlaget, rundet ned til hele kroner.

Rekkefølgen er: brutto → trekk for tilbakekreving → skattegrunnlag (brutto minus trekk) → skattetrekk → netto.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction
from itertools import pairwise

from kvp_regler.belop import OERE
from kvp_regler.parametere import STANDARD, Parametersett

__all__ = [
    "KRONE",
    "NULL",
    "Oppgjoer",
    "gjoer_opp",
    "korreksjonsdifferanser",
    "motregn",
    "motregn_over_tid",
    "skattetrekk",
    "skattetrekk_prosent",
    "skattetrekk_prosent_uten_skattekort",
    "trekkramme",
]

KRONE = Decimal("1")
NULL = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class Oppgjoer:
    """Én utbetaling gjort opp. `trekk` har ett beløp (≥ 0) per tilbakekreving, i samme rekkefølge som inn."""

    brutto: Decimal
    trekk: tuple[Decimal, ...]
    sum_trekk: Decimal
    skattegrunnlag: Decimal
    skattetrekk_prosent: Decimal
    skattetrekk: Decimal
    netto: Decimal


def trekkramme(brutto: Decimal, maks_trekk_prosent: int | Decimal) -> Decimal:
    """Sosialtjenesteloven § 40 [I]; grensen [U]: det største samlede trekket for tilbakekreving i én utbetaling.

    Loven sier bare at for mye utbetalt kan trekkes i senere utbetalinger (N3); hvor mye er kommunens valg
    (`maks_trekk_prosent`, 0–100). Grensen er prosenten av bruttobeløpet, rundet ned til hele øre, så trekket aldri
    går over den. Et bruttobeløp på 0 eller mindre gir ingen ramme.
    """
    if not 0 <= maks_trekk_prosent <= 100:
        raise ValueError(f"største trekk må være mellom 0 og 100 prosent, fikk {maks_trekk_prosent}")
    return (brutto * maks_trekk_prosent / 100).quantize(OERE, rounding=ROUND_DOWN)


def motregn(brutto: Decimal, gjenstaaende: Sequence[Decimal], maks_trekk_prosent: int | Decimal) -> tuple[Decimal, ...]:
    """Sosialtjenesteloven § 40 [I]: motregning av vedtatte tilbakekrevinger i utbetalingen.

    `gjenstaaende` er det som gjenstår av hver åpne tilbakekreving, eldste vedtak først. Hver trekkes så langt
    trekkrammen (`trekkramme`) rekker, i rekkefølge; den første som ikke får noe (rammen er brukt opp, eller det
    gjenstår ingenting) stopper motregningen, og resten får 0. Gir trekket per tilbakekreving (≥ 0), i samme
    rekkefølge. En tilbakekreving er oppgjort når trekket er lik det som gjensto.
    """
    ramme = trekkramme(brutto, maks_trekk_prosent)
    trukket = NULL
    trekk: list[Decimal] = []
    for gjenstaar in gjenstaaende:
        beloep = min(gjenstaar, ramme - trukket)
        if beloep <= 0:
            break
        trukket += beloep
        trekk.append(beloep)
    trekk.extend(NULL for _ in range(len(gjenstaaende) - len(trekk)))
    return tuple(trekk)


def skattetrekk(grunnlag: Decimal, prosent: Decimal) -> Decimal:
    """[I] (trekkrutinene): prosenttrekk av skattegrunnlaget, rundet ned til hele kroner (med to desimaler).

    Kvalifiseringsstønaden er skattepliktig (N3 [V]). Skattegrunnlaget er bruttobeløpet minus trekk for
    tilbakekreving; et grunnlag på 0 eller mindre gir ikke trekk.
    """
    if not Decimal(0) <= prosent <= Decimal(100):
        raise ValueError(f"skattetrekket må være mellom 0 og 100 prosent, fikk {prosent}")
    if grunnlag <= 0:
        return NULL
    return (grunnlag * prosent / 100).quantize(KRONE, rounding=ROUND_DOWN).quantize(OERE)


def _som_decimal(navn: str, verdi: Fraction) -> Decimal:
    """En eksakt prosent med høyst to desimaler som `Decimal` (ellers `ValueError`: verdien kan ikke lagres)."""
    desimal = Decimal(verdi.numerator) / Decimal(verdi.denominator)
    if Fraction(desimal) != verdi or desimal != desimal.quantize(OERE):
        raise ValueError(f"{navn}: {verdi} er ikke en prosent med høyst to desimaler")
    return desimal


def skattetrekk_prosent_uten_skattekort(dato: date, parametere: Parametersett = STANDARD) -> Decimal:
    """[I] Skatteetaten, «trekk uten skattekort»: prosenten som trekkes når deltakerens skattekort ikke er
    registrert, slik parameteren `skattetrekk_uten_skattekort` gir den for `dato` (utbetalingsdatoen)."""
    return _som_decimal("skattetrekk_uten_skattekort", parametere["skattetrekk_uten_skattekort"].verdi(dato))


def skattetrekk_prosent(fra_skattekort: Decimal | None, dato: date, parametere: Parametersett = STANDARD) -> Decimal:
    """[I]: prosenttrekket fra skattekortet når det er registrert, ellers trekket uten skattekort for `dato`."""
    if fra_skattekort is not None:
        return fra_skattekort
    return skattetrekk_prosent_uten_skattekort(dato, parametere)


def gjoer_opp(
    *,
    brutto: Decimal,
    gjenstaaende: Sequence[Decimal],
    maks_trekk_prosent: int | Decimal,
    skattetrekk_prosent: Decimal,
) -> Oppgjoer:
    """Sosialtjenesteloven § 40 [I] og trekkrutinene [I]: én utbetaling fra brutto til netto.

    Først trekk for tilbakekreving (`motregn`), så skattetrekk av det som gjenstår (`skattetrekk`).
    """
    trekk = motregn(brutto, gjenstaaende, maks_trekk_prosent)
    sum_trekk = sum(trekk, NULL)
    skattegrunnlag = brutto - sum_trekk
    skatt = skattetrekk(skattegrunnlag, skattetrekk_prosent)
    return Oppgjoer(
        brutto=brutto,
        trekk=trekk,
        sum_trekk=sum_trekk,
        skattegrunnlag=skattegrunnlag,
        skattetrekk_prosent=skattetrekk_prosent,
        skattetrekk=skatt,
        netto=skattegrunnlag - skatt,
    )


def motregn_over_tid(
    krav: Decimal, bruttoer: Sequence[Decimal], maks_trekk_prosent: int | Decimal
) -> tuple[Decimal, ...]:
    """Sosialtjenesteloven § 40 [I]: én tilbakekreving (`krav`) trukket i en rekke senere utbetalinger (`bruttoer`,
    i tur og orden). Gir trekket i hver utbetaling; hvert trekk holder seg innenfor trekkrammen, og summen blir aldri
    større enn kravet. Det som gjenstår etter siste utbetaling er `krav - sum(trekk)`."""
    if krav < 0:
        raise ValueError(f"et krav kan ikke være negativt, fikk {krav}")
    gjenstaar = krav
    trekk: list[Decimal] = []
    for brutto in bruttoer:
        (beloep,) = motregn(brutto, (gjenstaar,), maks_trekk_prosent)
        gjenstaar -= beloep
        trekk.append(beloep)
    return tuple(trekk)


def korreksjonsdifferanser(totaler: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Korreksjonene av én måned: `totaler` er månedens beregninger i rekkefølge (den første er den utbetalte).
    Hver ny beregning gir differansen mot den forrige (pluss = etterbetaling, minus = tilbakekreving), så en korreksjon
    av en korreksjon bygger på den forrige korreksjonen, ikke på den første utbetalingen. Summen av differansene er
    alltid siste beregning minus den første."""
    return tuple(ny - forrige for forrige, ny in pairwise(totaler))

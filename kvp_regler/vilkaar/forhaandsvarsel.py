"""Forvaltningsloven § 16: forhåndsvarsel før vedtak om stans, avslutning mot deltakerens ønske og tilbakekreving.

Loven krever at parten får en frist til å uttale seg, men setter ingen lengde. Lengden er den daterte parameteren
`forhaandsvarsel_svarfrist_dager` [I]. Fristen regnes fra dagen brevet sendes (det ligger på «Min side» samme dag);
ender den på en lørdag eller søndag, forlenges den til mandag (domstolloven § 149 andre ledd, brukt tilsvarende
[K]). Helligdager på hverdager forlenger ikke fristen [I]. Se docs/regler/brev-og-forhaandsvarsel.md.
"""

from __future__ import annotations

from datetime import date, timedelta

from kvp_regler.parametere import STANDARD, Parametersett

__all__ = ["forhaandsvarsel_svarfrist", "svarfrist_er_ute"]


def forhaandsvarsel_svarfrist(sendt: date, parametere: Parametersett = STANDARD) -> date:
    """Forvaltningsloven § 16: siste dag parten kan svare på et forhåndsvarsel sendt `sendt`.

    `sendt` + svarfristen i dager; en frist som ender på lørdag eller søndag, flyttes til mandag."""
    frist = sendt + timedelta(days=int(parametere["forhaandsvarsel_svarfrist_dager"].verdi(sendt)))
    while frist.weekday() >= 5:
        frist += timedelta(days=1)
    return frist


def svarfrist_er_ute(*, svarfrist: date, i_dag: date) -> bool:
    """Forvaltningsloven § 16: fristen er ute dagen etter den siste svardagen."""
    return i_dag > svarfrist

"""Programmets varighet (sosialtjenesteloven § 32; forskriften § 2; spec/regler.md § 1.4).

Programmet gis for inntil to år; unntaksvis kan det forlenges med inntil ett år når særlige grunner tilsier det.
Det gir høyst tre år per program, regnet fra første programdag.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

__all__ = ["HJEMMEL_VARIGHET", "maks_til_og_med", "vurder_programperiode"]

HJEMMEL_VARIGHET = "sosialtjenesteloven § 32"
ORDINAER_AAR = 2
UNNTAK_AAR = 1


def _legg_til_aar(dato: date, aar: int) -> date:
    maal = dato.year + aar
    dag = min(dato.day, calendar.monthrange(maal, dato.month)[1])
    return date(maal, dato.month, dag)


def maks_til_og_med(fra_og_med: date, *, saerlige_grunner: bool) -> date:
    """Siste lovlige programdag: to år (dagen før toårsdagen), tre år med særlige grunner."""
    aar = ORDINAER_AAR + (UNNTAK_AAR if saerlige_grunner else 0)
    return _legg_til_aar(fra_og_med, aar) - timedelta(days=1)


def vurder_programperiode(*, fra_og_med: date, til_og_med: date, saerlige_grunner: str = "") -> str | None:
    """Sosialtjenesteloven § 32: gir en norsk feilmelding når perioden ikke er lovlig, ellers None.

    `saerlige_grunner` er den dokumenterte begrunnelsen for å gå ut over to år (tom = ingen)."""
    if til_og_med < fra_og_med:
        return "Programmet kan ikke slutte før det begynner."
    to_aar = maks_til_og_med(fra_og_med, saerlige_grunner=False)
    tre_aar = maks_til_og_med(fra_og_med, saerlige_grunner=True)
    if til_og_med <= to_aar:
        return None
    if til_og_med > tre_aar:
        return (
            f"Programmet kan ikke vare lenger enn tre år (til og med {tre_aar.strftime('%d.%m.%Y')}), "
            f"heller ikke med særlige grunner ({HJEMMEL_VARIGHET})."
        )
    if not saerlige_grunner.strip():
        return (
            f"Programmet kan vare i høyst to år (til og med {to_aar.strftime('%d.%m.%Y')}). Ut over det kan det "
            f"bare forlenges med inntil ett år når særlige grunner er dokumentert ({HJEMMEL_VARIGHET})."
        )
    return None

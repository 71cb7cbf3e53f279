"""Programmets varighet (sosialtjenesteloven § 32; forskriften § 2; spec/regler.md § 1.4).

Programmet gis for inntil to år; unntaksvis kan det forlenges med inntil ett år når særlige grunner tilsier det.
Det gir høyst tre år per program, regnet fra oppstarten (den faktiske første programdagen, `Sak.begynt_dato` satt ved
iverksettingen; før oppstarten den planlagte første dagen i vedtaket).

Permisjon og avbrudd [U, ANTAKELSE]: loven sier «ikke lenger enn to år» uten unntak for permisjon eller midlertidig
avbrudd, og ingen lest kilde sier at slike perioder forlenger eller stopper fristen. Modellen regner derfor varigheten
i kalendertid fra oppstarten: permisjon og avbrudd (med eller uten stønad) flytter ikke den siste lovlige programdagen.
Deltakeren kan tas inn igjen i et avbrutt program så mange ganger det trengs (SF3/SF4), men innenfor samme ramme.

Alder (sosialtjenesteloven § 29, «yrkesaktiv alder» 18–67 år): programmet kan tidligst begynne den dagen deltakeren
fyller `nedre_alder` år, og kan ikke vare lenger enn ut måneden deltakeren fyller `oevre_alder` år. At grensen er
utgangen av måneden er en ANTAKELSE [I] etter mønster av folketrygdens ytelser (f.eks. arbeidsavklaringspenger), som
faller bort ved utgangen av måneden mottakeren fyller 67 år; loven sier bare «mellom 18 og 67 år».
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from kvp_regler.parametere import STANDARD, Parametersett
from kvp_regler.tid import bursdag

__all__ = [
    "HJEMMEL_ALDER",
    "HJEMMEL_VARIGHET",
    "foerste_programdag_for_alder",
    "maks_til_og_med",
    "siste_programdag_for_alder",
    "vurder_alder_i_programperioden",
    "vurder_programperiode",
]

HJEMMEL_ALDER = "sosialtjenesteloven § 29"

HJEMMEL_VARIGHET = "sosialtjenesteloven § 32"
ORDINAER_AAR = 2
UNNTAK_AAR = 1


def _legg_til_aar(dato: date, aar: int) -> date:
    maal = dato.year + aar
    dag = min(dato.day, calendar.monthrange(maal, dato.month)[1])
    return date(maal, dato.month, dag)


def maks_til_og_med(fra_og_med: date, *, saerlige_grunner: bool) -> date:
    """Siste lovlige programdag: to år (dagen før toårsdagen), tre år med særlige grunner.

    `fra_og_med` er oppstarten (se modulen); permisjon og avbrudd flytter ikke datoen [U, antakelse]."""
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


def _d(dato: date) -> str:
    return dato.strftime("%d.%m.%Y")


def foerste_programdag_for_alder(foedselsdato: date, dato: date, parametere: Parametersett = STANDARD) -> date:
    """Den første dagen deltakeren har yrkesaktiv alder: dagen hun eller han fyller `nedre_alder` år (verdien som
    gjelder på `dato`)."""
    return bursdag(foedselsdato, int(parametere["nedre_alder"].verdi(dato)))


def siste_programdag_for_alder(foedselsdato: date, dato: date, parametere: Parametersett = STANDARD) -> date:
    """Den siste dagen programmet kan vare: siste dag i måneden deltakeren fyller `oevre_alder` år (verdien som
    gjelder på `dato`) [I] (se modulen)."""
    dag = bursdag(foedselsdato, int(parametere["oevre_alder"].verdi(dato)))
    return date(dag.year, dag.month, calendar.monthrange(dag.year, dag.month)[1])


def vurder_alder_i_programperioden(
    *, foedselsdato: date, fra_og_med: date, til_og_med: date, parametere: Parametersett = STANDARD
) -> str | None:
    """Sosialtjenesteloven § 29: alderen gjelder hele programperioden, ikke bare søknadsdatoen. Gir en norsk
    feilmelding når perioden begynner før deltakeren fyller 18 eller varer ut over måneden hun eller han fyller 67."""
    foerste = foerste_programdag_for_alder(foedselsdato, fra_og_med, parametere)
    if fra_og_med < foerste:
        return (
            f"Programmet kan tidligst begynne {_d(foerste)}, da deltakeren fyller "
            f"{parametere['nedre_alder'].verdi(fra_og_med)} år ({HJEMMEL_ALDER})."
        )
    siste = siste_programdag_for_alder(foedselsdato, fra_og_med, parametere)
    if til_og_med > siste:
        return (
            f"Programmet kan ikke vare lenger enn til {_d(siste)}, ut måneden deltakeren fyller "
            f"{parametere['oevre_alder'].verdi(fra_og_med)} år ({HJEMMEL_ALDER})."
        )
    return None

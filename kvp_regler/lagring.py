"""Lagringstid: når opplysninger tidligst kan slettes eller anonymiseres (docs/drift.md, docs/regler/personvern.md).

Ren Python: tar datoer og parametere, aldri klokka eller databasen.
"""

from datetime import date

from .parametere import STANDARD, Parametersett


def _aar(navn: str, dato: date, parametere: Parametersett) -> int:
    verdi = parametere[navn].verdi(dato)
    if verdi.denominator != 1:
        raise ValueError(f"{navn}: {verdi} er ikke et helt antall år")
    return int(verdi)


def _legg_til_aar(dato: date, aar: int) -> date:
    try:
        return dato.replace(year=dato.year + aar)
    except ValueError:  # 29. februar
        return dato.replace(year=dato.year + aar, day=28)


def bokfoering_oppbevar_til(utbetalingsdato: date, parametere: Parametersett = STANDARD) -> date:
    """Bokføringsloven § 13 første ledd [K]: en utbetaling (primærdokumentasjon) oppbevares til og med 31.12. i
    året `bokfoering_oppbevaring_aar` år etter regnskapsåret den hører til (kalenderåret for utbetalingsdatoen)."""
    aar = _aar("bokfoering_oppbevaring_aar", utbetalingsdato, parametere)
    return date(utbetalingsdato.year + aar, 12, 31)


def saksmappe_oppbevar_til(avsluttet: date, parametere: Parametersett = STANDARD) -> date:
    """Arkivlova § 6 med kommunens bevarings- og kassasjonsplan [U]: saksmappen oppbevares til og med dagen
    `saksmappe_kassasjon_aar` år etter at saken ble avsluttet (siste aktivitet)."""
    return _legg_til_aar(avsluttet, _aar("saksmappe_kassasjon_aar", avsluttet, parametere))


def kan_slettes(oppbevar_til: date, i_dag: date) -> bool:
    """Lagringstiden er ute når dagen etter siste oppbevaringsdag er nådd."""
    return i_dag > oppbevar_til

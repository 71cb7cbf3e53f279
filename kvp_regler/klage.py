"""Forvaltningsloven §§ 29–33: klagefristen, når en frist som ender på en fridag går ut, og svarfristene i en klagesak.

Ingen klokke: alle datoer kommer inn som argumenter. Tallene står i `parametere/klage.yaml`.
"""

from __future__ import annotations

from datetime import date, timedelta

from kvp_regler.kalender import er_fridag, forskyv_til_virkedag, helligdager, paaskedag
from kvp_regler.parametere import STANDARD, Parametersett

__all__ = [
    "er_fridag",
    "forskyv_til_virkedag",
    "helligdager",
    "klage_i_tide",
    "klagefrist",
    "kommentarfrist",
    "paaskedag",
    "rettefrist",
    "vedtak_antatt_mottatt",
]


def vedtak_antatt_mottatt(vedtaksdato: date, *, parametere: Parametersett = STANDARD) -> date:
    """Forvaltningsloven § 29 første ledd [I]: dagen vi regner med at vedtaket kom fram til parten, når vi ikke vet
    det: vedtaksdatoen pluss `klage_brev_antatt_mottatt_dager` kalenderdager."""
    dager = int(parametere["klage_brev_antatt_mottatt_dager"].verdi(vedtaksdato))
    return vedtaksdato + timedelta(days=dager)


def klagefrist(mottatt: date, *, parametere: Parametersett = STANDARD) -> date:
    """Forvaltningsloven § 29 første ledd, § 30 og domstolloven § 149: siste dag for å klage.

    Fristen er `klagefrist_uker` uker fra dagen vedtaket kom fram (`mottatt`): den går ut på samme ukedag så mange
    uker senere, og flyttes til neste virkedag når den dagen er en lørdag, søndag eller helligdag."""
    uker = int(parametere["klagefrist_uker"].verdi(mottatt))
    return forskyv_til_virkedag(mottatt + timedelta(weeks=uker))


def klage_i_tide(*, klage_mottatt: date, frist: date) -> bool:
    """Forvaltningsloven § 30: klagen er kommet i tide når den er mottatt (eller postlagt) senest siste fristdag.
    En klage som kommer for sent, skal vurderes etter § 31, ikke bare avvises."""
    return klage_mottatt <= frist


def rettefrist(sendt: date, *, parametere: Parametersett = STANDARD) -> date:
    """Forvaltningsloven § 32 tredje ledd [I]: fristen for å rette mangler ved klagen, fra dagen brevet sendes."""
    dager = int(parametere["klage_rettefrist_dager"].verdi(sendt))
    return forskyv_til_virkedag(sendt + timedelta(days=dager))


def kommentarfrist(sendt: date, *, parametere: Parametersett = STANDARD) -> date:
    """Forvaltningsloven § 33 fjerde ledd [I]: fristen for parten til å uttale seg om oversendelsen."""
    dager = int(parametere["klage_kommentarfrist_dager"].verdi(sendt))
    return forskyv_til_virkedag(sendt + timedelta(days=dager))

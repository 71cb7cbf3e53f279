"""Forvaltningsloven §§ 29–33: klagefristen, når en frist som ender på en fridag går ut, og svarfristene i en klagesak.

Ingen klokke: alle datoer kommer inn som argumenter. Tallene står i `parametere/klage.yaml`.
"""

from __future__ import annotations

from datetime import date, timedelta

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


def paaskedag(aar: int) -> date:
    """Helligdagsloven § 2: første påskedag (den gregorianske påskeregelen, Meeus/Jones/Butcher)."""
    a = aar % 19
    b, c = divmod(aar, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    maaned, dag = divmod(h + ll - 7 * m + 114, 31)
    return date(aar, maaned, dag + 1)


def helligdager(aar: int) -> frozenset[date]:
    """Helligdagsloven § 2 og lov om 1. og 17. mai som høgtidsdager: de offentlige fridagene i Norge et år.

    Nyttårsdag, skjærtorsdag, langfredag, første og andre påskedag, 1. mai, 17. mai, Kristi himmelfartsdag, første
    og andre pinsedag, første og andre juledag. Søndager er helligdager av seg selv (se `er_fridag`).
    """
    paaske = paaskedag(aar)
    flyttbare = (-3, -2, 0, 1, 39, 49, 50)
    faste = ((1, 1), (5, 1), (5, 17), (12, 25), (12, 26))
    return frozenset({paaske + timedelta(days=n) for n in flyttbare} | {date(aar, m, d) for m, d in faste})


def er_fridag(dato: date) -> bool:
    """Lørdag, søndag eller en offentlig helligdag/høytidsdag (domstolloven § 149 annet ledd)."""
    return dato.weekday() >= 5 or dato in helligdager(dato.year)


def forskyv_til_virkedag(dato: date) -> date:
    """Domstolloven § 149 annet ledd, brukt på forvaltningslovens frister [I]: en frist som ender på en lørdag,
    søndag eller helligdag, går ut den neste dagen som ikke er det."""
    while er_fridag(dato):
        dato += timedelta(days=1)
    return dato


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

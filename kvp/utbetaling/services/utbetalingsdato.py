"""Utbetalingsdatoen: kommunens utbetalingsdag i måneden etter, flyttet til forrige bankdag."""

import datetime as dt

import holidays

from kvp.oppmoete.grunnlag import maanedsperiode
from kvp.tilgang.models import Kommune


def er_bankdag(dato: dt.date) -> bool:
    """Mandag–fredag som ikke er helligdag i Norge, julaften eller nyttårsaften (bankene holder stengt) [I]."""
    if dato.weekday() >= 5 or dato in holidays.country_holidays("NO", years=dato.year):
        return False
    return (dato.month, dato.day) not in {(12, 24), (12, 31)}


def utbetalingsdato_for(*, kommune: Kommune, aar: int, maaned: int) -> dt.date:
    """Stønaden betales etterskuddsvis (N3): kommunens utbetalingsdag i måneden etter, flyttet til forrige bankdag
    når dagen er lørdag, søndag eller helligdag."""
    maanedsperiode(aar, maaned)  # gyldig måned, ellers KvpFeil
    neste_aar, neste_maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)
    dato = dt.date(neste_aar, neste_maaned, kommune.utbetalingsdag)
    while not er_bankdag(dato):
        dato -= dt.timedelta(days=1)
    return dato

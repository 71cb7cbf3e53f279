"""Utbetalingsdatoen: kommunens utbetalingsdag i måneden etter, flyttet til forrige bankdag. Er datoen passert når
runden godkjennes eller eksporteres, flyttes den fram til første bankdag fra og med i dag
(`utbetalingsdato_tidligst`)."""

import datetime as dt

from kvp.oppmoete.grunnlag import maanedsperiode
from kvp.tilgang.models import Kommune
from kvp_regler.kalender import er_fridag


def er_bankdag(dato: dt.date) -> bool:
    """Mandag–fredag som ikke er helligdag i Norge, julaften eller nyttårsaften (bankene holder stengt) [I]."""
    if er_fridag(dato):
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


def neste_bankdag(dato: dt.date) -> dt.date:
    """Første bankdag fra og med `dato`."""
    while not er_bankdag(dato):
        dato += dt.timedelta(days=1)
    return dato


def utbetalingsdato_tidligst(*, planlagt: dt.date, i_dag: dt.date) -> dt.date:
    """Datoen betalingsfilen kan be banken betale på: den planlagte, eller, når den er passert, første bankdag fra og
    med i dag (en betalingsfil med dato tilbake i tid sendes aldri)."""
    return planlagt if planlagt >= i_dag else neste_bankdag(i_dag)


def utbetalingsdato_flyttet_tekst(*, fra: dt.date, til: dt.date) -> str:
    return (
        f"Utbetalingsdatoen {fra:%d.%m.%Y} er passert. Utbetalingen er flyttet til {til:%d.%m.%Y}, "
        "første bankdag fra og med i dag."
    )

"""Datoene demoen bygger på, regnet fra en gitt `i_dag` (aldri fra klokka)."""

import datetime as dt


def dinas_programstart(i_dag: dt.date) -> dt.date:
    """Dina er i program fra første mandag i måneden fire til fem måneder før `i_dag` (vedtak, plan, oppmøte og
    utbetalinger bygger på samme dato)."""
    start = (i_dag.replace(day=1) - dt.timedelta(days=4 * 31)).replace(day=1)
    return start + dt.timedelta(days=(7 - start.weekday()) % 7)


def forrige_maaned(aar: int, maaned: int) -> tuple[int, int]:
    return (aar - 1, 12) if maaned == 1 else (aar, maaned - 1)

"""Alle som regner med helligdager, bruker den samme kalenderen (`kvp_regler.kalender`): klagefristene, oppmøtet og
utbetalingsdatoen er enige om hver helligdag 2025–2027."""

from datetime import date, timedelta

import pytest

from kvp.oppmoete.kalender import helligdager as oppmoete_helligdager
from kvp.utbetaling.services.utbetalingsdato import er_bankdag
from kvp_regler import kalender
from kvp_regler.klage import er_fridag as klage_fridag
from kvp_regler.klage import helligdager as klage_helligdager

#: Helligdagene 2025–2027 slik de står i almanakken (uavhengig av utregningen). I 2027 er andre pinsedag 17. mai.
KJENTE = {
    2025: ["01-01", "04-17", "04-18", "04-20", "04-21", "05-01", "05-17", "05-29", "06-08", "06-09", "12-25", "12-26"],
    2026: ["01-01", "04-02", "04-03", "04-05", "04-06", "05-01", "05-14", "05-17", "05-24", "05-25", "12-25", "12-26"],
    2027: ["01-01", "03-25", "03-26", "03-28", "03-29", "05-01", "05-06", "05-16", "05-17", "12-25", "12-26"],
}


@pytest.mark.parametrize("aar", [2025, 2026, 2027])
def test_alle_kallerne_er_enige_om_helligdagene(aar):
    kjente = {date.fromisoformat(f"{aar}-{md}") for md in KJENTE[aar]}
    assert kalender.helligdager(aar) == kjente
    assert klage_helligdager(aar) == kjente
    hverdager = {d for d in kjente if d.weekday() < 5}
    assert set(oppmoete_helligdager(date(aar, 1, 1), date(aar, 12, 31))) == hverdager
    dag = date(aar, 1, 1)
    while dag.year == aar:
        fridag = dag.weekday() >= 5 or dag in kjente
        assert klage_fridag(dag) is fridag, dag
        # Banken holder i tillegg stengt julaften og nyttårsaften.
        assert er_bankdag(dag) is not (fridag or (dag.month, dag.day) in {(12, 24), (12, 31)}), dag
        dag += timedelta(days=1)

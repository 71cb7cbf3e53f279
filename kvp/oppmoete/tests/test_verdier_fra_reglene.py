"""Statusene og ytelsestypene modellene lagrer er de samme som reglene i `kvp_regler` regner med."""

import pytest

from kvp.oppmoete.models import Dagstatus, Ytelsestype
from kvp_regler import beregning


@pytest.mark.parametrize(("modell", "regel"), [(Dagstatus, beregning.Dagstatus), (Ytelsestype, beregning.Ytelsestype)])
def test_modellens_valg_er_reglenes_verdier(modell, regel):
    assert [str(v) for v in modell.values] == [v.value for v in regel]

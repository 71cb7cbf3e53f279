"""Aktivitetstypene og -statusene planen lagrer er de samme som planvurderingen i `kvp_regler` regner med."""

import pytest

from kvp.plan.models import Aktivitetsstatus, Aktivitetstype
from kvp_regler.program import plan


@pytest.mark.parametrize(
    ("modell", "regel"), [(Aktivitetstype, plan.Aktivitetstype), (Aktivitetsstatus, plan.Aktivitetsstatus)]
)
def test_modellens_valg_er_reglenes_verdier(modell, regel):
    assert [str(v) for v in modell.values] == [v.value for v in regel]

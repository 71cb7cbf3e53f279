"""En lukket (trukket) sak tar ikke imot mer saksbehandling."""

import datetime as dt

import pytest

from kvp.felles.feil import KvpFeil
from kvp.sak.models import Status
from kvp.sak.services import foreloepig_svar_registrer, sak_endre_status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer


def test_foreloepig_svar_avvises_paa_lukket_sak(kvp_veileder_a, lag_person, i_dag):
    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(), mottatt_dato=i_dag - dt.timedelta(days=40), kanal=Kanal.PAPIR
    )
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.TRUKKET)
    with pytest.raises(KvpFeil, match="lukket"):
        foreloepig_svar_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            sendt_dato=i_dag,
            forventet_svar_dato=i_dag + dt.timedelta(days=14),
            begrunnelse="Venter på arbeidsevnevurdering.",
        )
    assert not sak.foreloepige_svar.exists()

"""Demodataene går gjennom vedtakstjenestene uten feil og viser hvert steg."""

import io

from django.core.management import call_command

from kvp.brev.models import Brev
from kvp.sak.models import Sak, Status
from kvp.vedtak.models import Vedtak, Vedtaksstatus


def test_demodata_har_vedtak_i_alle_steg_og_brev_til_dina(db, settings):
    settings.KVP_TILLAT_SYNTETISKE_FNR = True
    call_command("demodata", stdout=io.StringIO())
    statuser = set(Vedtak.objects.values_list("status", flat=True))
    assert statuser == {Vedtaksstatus.FATTET, Vedtaksstatus.TIL_BESLUTTER, Vedtaksstatus.RETURNERT}
    assert Sak.objects.filter(status=Status.I_PROGRAM).exists()
    assert Brev.objects.filter(vedtak__sak__person__rolletildeling__bruker__username="dina").count() == 1

"""Tilbakekrevingsvedtaket, som fattes med fire øyne i utbetalingen."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.sak.models import Sak

from ..models import Hendelsestype, Vedtak, Vedtaksstatus, Vedtakstype
from ._felles import _hendelse


@transaction.atomic
def tilbakekrevingsvedtak_fatt(
    *, sak: Sak, forfatter: Any, beslutter: Any, fra_og_med: dt.date, til_og_med: dt.date, begrunnelse: str
) -> Vedtak:
    """Vedtaket om tilbakebetaling, fattet med fire øyne i utbetalingen (økonomi foreslår, en annen vedtar).

    Kalles bare fra `kvp.utbetaling.services.tilbakekreving_vedta`, som har sjekket rollene og at forfatter og
    beslutter er to ulike personer. Historikken lages som for andre vedtak; brevet lager kalleren med
    `vedtaksbrev_lag` når tilbakekrevingen er koblet til vedtaket (brevet henter beløpet derfra).
    """
    if forfatter is None or forfatter.pk == beslutter.pk:
        raise KvpFeil("Den som foreslo tilbakekrevingen, kan ikke vedta den.", kode="KVP_FIREOEYNE")
    vedtak = Vedtak.objects.create(
        sak=sak,
        type=Vedtakstype.TILBAKEKREVING,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        begrunnelse=begrunnelse,
        opprettet_av=forfatter,
    )
    # Forfatteren (den som foreslo) står i historikken; revisjonsloggen viser den som vedtok, som gjorde handlingen.
    _hendelse(vedtak, Hendelsestype.OPPRETTET, forfatter, utfoert_av=beslutter)
    vedtak.status = Vedtaksstatus.FATTET
    vedtak.beslutter = beslutter
    vedtak.fattet_tidspunkt = timezone.now()
    vedtak.vedtak_dato = timezone.localdate()
    vedtak.save(update_fields=["status", "beslutter", "fattet_tidspunkt", "vedtak_dato"])
    _hendelse(vedtak, Hendelsestype.FATTET, beslutter)
    return vedtak

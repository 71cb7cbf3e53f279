"""Tilbakekreving av for mye utbetalt: en foreslår, en annen vedtar (eller avslår). Vedtatt beløp trekkes i senere
utbetalinger (`kvp_regler.oppgjoer.motregn`)."""

import calendar
import datetime as dt
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.brev.services import vedtaksbrev_lag
from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker
from kvp.vedtak.services import tilbakekrevingsvedtak_fatt

from ..models import Tilbakekreving, Tilbakekrevingsstatus
from .laas import tilbakekreving_for_skriving


@transaction.atomic
def tilbakekreving_foreslaa(*, bruker: Bruker, tilbakekreving_id: UUID, begrunnelse: str) -> Tilbakekreving:
    """Økonomi foreslår å kreve tilbake det som er utbetalt for mye, med begrunnelse."""
    tk = tilbakekreving_for_skriving(bruker=bruker, tilbakekreving_id=tilbakekreving_id)
    if tk.status != Tilbakekrevingsstatus.BEREGNET:
        raise KvpFeil("Tilbakekrevingen er allerede foreslått.", kode="KVP_TILBAKEKREVING_STATUS")
    if not begrunnelse.strip():
        raise KvpFeil("Skriv en begrunnelse.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    tk.status = Tilbakekrevingsstatus.FORESLAATT
    tk.foreslaatt_av = bruker
    tk.foreslaatt = timezone.now()
    tk.begrunnelse = begrunnelse.strip()[:1000]
    tk.save(update_fields=["status", "foreslaatt_av", "foreslaatt", "begrunnelse"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=tk.sak.kontor,
        person=tk.sak.person,
        handling="ENDRE",
        objekt=tk,
        foer={"status": Tilbakekrevingsstatus.BEREGNET},
        etter={"status": tk.status, "beloep": str(tk.beloep)},
    )
    return tk


@transaction.atomic
def tilbakekreving_vedta(*, bruker: Bruker, tilbakekreving_id: UUID, tilbakekreves: bool) -> Tilbakekreving:
    """En annen person enn den som foreslo, vedtar (eller avslår) tilbakekrevingen. Vedtatt beløp trekkes i
    senere utbetalinger."""
    tk = tilbakekreving_for_skriving(bruker=bruker, tilbakekreving_id=tilbakekreving_id)
    if tk.status != Tilbakekrevingsstatus.FORESLAATT:
        raise KvpFeil("Bare en foreslått tilbakekreving kan vedtas.", kode="KVP_TILBAKEKREVING_STATUS")
    if tk.foreslaatt_av_id == bruker.pk:
        raise KvpFeil("Du foreslo tilbakekrevingen selv. En annen må vedta den.", kode="KVP_FIREOEYNE")
    tk.status = Tilbakekrevingsstatus.VEDTATT if tilbakekreves else Tilbakekrevingsstatus.AVSLAATT
    tk.vedtatt_av = bruker
    tk.vedtatt = timezone.now()
    if tilbakekreves:
        maaned = dt.date(tk.korreksjon.aar, tk.korreksjon.maaned, 1)
        tk.vedtak = tilbakekrevingsvedtak_fatt(
            sak=tk.sak,
            forfatter=tk.foreslaatt_av,
            beslutter=bruker,
            fra_og_med=maaned,
            til_og_med=maaned.replace(day=calendar.monthrange(maaned.year, maaned.month)[1]),
            begrunnelse=tk.begrunnelse or tk.korreksjon.forklaring,
        )
    tk.save(update_fields=["status", "vedtatt_av", "vedtatt", "vedtak"])
    if tk.vedtak is not None:
        vedtaksbrev_lag(vedtak=tk.vedtak)
    logghendelse_registrer(
        bruker=bruker,
        kontor=tk.sak.kontor,
        person=tk.sak.person,
        handling="ENDRE",
        objekt=tk,
        foer={"status": Tilbakekrevingsstatus.FORESLAATT},
        etter={"status": tk.status},
    )
    return tk

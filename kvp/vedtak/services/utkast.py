"""Utkast: saksbehandleren skriver og endrer et vedtak før det sendes til beslutter."""

from typing import Any
from uuid import UUID

from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling

from ..models import AAPNE_VEDTAKSSTATUSER, Hendelsestype, Vedtak, Vedtaksstatus, Vedtakstype
from ._felles import _hendelse, _sak_for_skriving, _vedtak_for_skriving
from .validering import _sett_felter, _valider


@transaction.atomic
def vedtak_opprett(*, bruker: Bruker, sak_id: UUID, type: str, **felter: Any) -> Vedtak:
    """Skriver et utkast til vedtak. Bare ett åpent vedtak per sak."""
    sak = _sak_for_skriving(bruker=bruker, sak_id=sak_id)
    if type not in Vedtakstype.values:
        raise KvpFeil("Ukjent vedtakstype.", kode="KVP_VEDTAKSTYPE_UKJENT")
    if sak.vedtak.filter(status__in=AAPNE_VEDTAKSSTATUSER).exists():
        raise KvpFeil("Saken har allerede et vedtak under arbeid. Gjør det ferdig først.", kode="KVP_AAPENT_VEDTAK")
    vedtak = Vedtak(sak=sak, type=type, opprettet_av=bruker)
    _sett_felter(vedtak, felter)
    _valider(vedtak, sak)
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.OPPRETTET, bruker)
    return vedtak


@transaction.atomic
def vedtak_endre(*, bruker: Bruker, vedtak_id: UUID, **felter: Any) -> Vedtak:
    """Endrer et utkast eller et returnert vedtak. Et vedtak hos beslutter eller et fattet vedtak kan ikke endres."""
    vedtak, sak = _vedtak_for_skriving(bruker=bruker, vedtak_id=vedtak_id, handling=Handling.SKRIV)
    if vedtak.status == Vedtaksstatus.FATTET:
        raise KvpFeil("Vedtaket er fattet og kan ikke endres. Skriv et nytt vedtak.", kode="KVP_VEDTAK_FATTET")
    if vedtak.status == Vedtaksstatus.TIL_BESLUTTER:
        raise KvpFeil("Vedtaket ligger hos beslutter og kan ikke endres nå.", kode="KVP_VEDTAK_HOS_BESLUTTER")
    _sett_felter(vedtak, felter)
    _valider(vedtak, sak)
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.ENDRET, bruker)
    return vedtak

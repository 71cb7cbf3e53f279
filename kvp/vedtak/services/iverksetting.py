"""Oppstart: programmet har begynt (KOSTRA BEGYNT_DATO)."""

import datetime as dt
from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.hendelser import BrevSkalSendes, publiser
from kvp.sak.models import Sak, Status
from kvp.sak.services import sak_oppdater_fra_vedtak
from kvp.tilgang.models import Bruker

from ._felles import _d, _sak_for_skriving


@transaction.atomic
def program_iverksett(*, bruker: Bruker, sak_id: UUID, begynt_dato: dt.date) -> Sak:
    """Registrerer at programmet har begynt (KOSTRA BEGYNT_DATO): saken går fra innvilget til i program, og
    deltakeren får oppstartsbrevet."""
    sak = _sak_for_skriving(bruker=bruker, sak_id=sak_id)
    if sak.status != Status.INNVILGET:
        raise KvpFeil("Bare et innvilget program som ikke har startet, kan iverksettes.", kode="KVP_SAK_STATUS")
    assert sak.vedtak_dato is not None and sak.program_til_og_med is not None  # noqa: S101 - satt ved innvilgelse
    if begynt_dato < sak.vedtak_dato:
        raise KvpFeil(
            f"Programmet kan ikke begynne før vedtaket ble fattet ({_d(sak.vedtak_dato)}).", felt="begynt_dato"
        )
    if begynt_dato > timezone.localdate():
        raise KvpFeil(
            "Oppstart registreres når programmet har begynt; datoen kan ikke være frem i tid.",
            felt="begynt_dato",
            kode="KVP_DATO_FREMTID",
        )
    if sak.program_fra_og_med and not sak.program_fra_og_med <= begynt_dato <= sak.program_til_og_med:
        raise KvpFeil(
            f"Oppstarten må være i programperioden ({_d(sak.program_fra_og_med)}–{_d(sak.program_til_og_med)}).",
            felt="begynt_dato",
        )
    sak = sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.I_PROGRAM, begynt_dato=begynt_dato)
    publiser(BrevSkalSendes(sak_id=sak.pk, type="OPPSTART", objekt_id=None, bruker=bruker))  # oppstartsbrevet
    return sak

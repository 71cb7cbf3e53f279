"""Hjelpere til statistikktestene: betalte måneder og avslutningsvedtak lagt rett i databasen."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kvp.sak.models import Sak, Status
from kvp.utbetaling.models import Posttype, Rundestatus, Utbetaling, Utbetalingspost, Utbetalingsrunde
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype


def betal(sak: Sak, aar: int, maaned: int, beloep: Decimal, *, status: str = Rundestatus.BEKREFTET) -> Utbetaling:
    """Stønaden for måneden, betalt den 15. måneden etter."""
    utbetalingsdato = (dt.date(aar, maaned, 1) + dt.timedelta(days=32)).replace(day=15)
    runde, _ = Utbetalingsrunde.objects.get_or_create(
        kommune_id=sak.person.kommune_id,
        aar=aar,
        maaned=maaned,
        defaults={"utbetalingsdato": utbetalingsdato, "status": status},
    )
    u = Utbetaling.objects.create(runde=runde, sak=sak, brutto=beloep, trekk=0, skattetrekk=0, netto=beloep)
    Utbetalingspost.objects.create(
        utbetaling=u, sak=sak, type=Posttype.ORDINAER, aar=aar, maaned=maaned, beloep=beloep, forklaring="Stønad"
    )
    return u


def avslutt(sak: Sak, *, dato: dt.date, beslutter: Any, status: str = "3", situasjon: list[str] | None = None,
            inntekt: str = "01") -> Vedtak:  # fmt: skip
    v = Vedtak.objects.create(
        sak=sak,
        type=Vedtakstype.AVSLUTNING,
        status=Vedtaksstatus.FATTET,
        fra_og_med=dato,
        kostra_status=status,
        kostra_situasjon=situasjon if situasjon is not None else ["01"],
        kostra_inntektskilde=inntekt,
        opprettet_av=beslutter,
        beslutter=beslutter,
        vedtak_dato=dato,
        fattet_tidspunkt=timezone.now(),
    )
    Sak.objects.filter(pk=sak.pk).update(status=Status.AVSLUTTET, avsluttet_dato=dato)
    return v

"""Et fattet vedtak med evalueringsdatoer, lagt rett i databasen (sakene fra `lag_sak_i_program` har ikke vedtak).

Vedtakstjenestene testes i vedtak-appen; her trengs bare det planen leser: evalueringsdatoene i et fattet vedtak.
"""

import datetime as dt
from collections.abc import Sequence

from django.utils import timezone

from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype


def fattet_vedtak(
    *,
    sak: Sak,
    beslutter: Bruker,
    evalueringer: Sequence[dt.date],
    type: str = Vedtakstype.INNVILGELSE,
    fattet: dt.datetime | None = None,
) -> Vedtak:
    fattet = fattet or timezone.now()
    return Vedtak.objects.create(
        sak=sak,
        type=type,
        status=Vedtaksstatus.FATTET,
        fra_og_med=sak.program_fra_og_med,
        til_og_med=sak.program_til_og_med,
        evalueringsdatoer=[d.isoformat() for d in evalueringer],
        opprettet_av=sak.saksbehandler or beslutter,
        beslutter=beslutter,
        fattet_tidspunkt=fattet,
        vedtak_dato=fattet.date(),
    )

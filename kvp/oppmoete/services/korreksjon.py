"""Korreksjoner: en endring i en attestert måned krever en grunn, lagres som `Oppmoetekorreksjon`, logges og øker
`Maanedsattestering.versjon` i samme transaksjon som endringen, slik at utbetalingen ser at måneden må beregnes på
nytt."""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.hendelser import GrunnlagEndret, VedtakFattet
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker
from kvp.vedtak.models import Vedtak, Vedtakstype

from ..kalender import maanedsnavn
from ..models import Maanedsattestering, Oppmoetekorreksjon


def _korriger_attesterte(
    *, bruker: Bruker, sak: Sak, maaneder: Iterable[tuple[int, int]], grunn: str, endring: dict[str, Any]
) -> list[Maanedsattestering]:
    """Gjør endringen til en korreksjon i hver attestert måned den berører; uten grunn stoppes den."""
    maaneder = set(maaneder)
    attesterte = [
        a
        for a in Maanedsattestering.objects.select_for_update().filter(sak=sak, aar__in={aar for aar, _ in maaneder})
        if (a.aar, a.maaned) in maaneder
    ]
    if not attesterte:
        return []
    if not grunn.strip():
        navn = ", ".join(maanedsnavn(a.aar, a.maaned) for a in attesterte)
        raise KvpFeil(
            f"Måneden er attestert ({navn}). En endring må registreres som en korreksjon: skriv grunnen.",
            felt="korreksjonsgrunn",
            kode="KVP_ATTESTERT",
        )
    naa = timezone.now()
    for attestering in attesterte:
        foer = attestering.versjon
        attestering.versjon = foer + 1
        attestering.sist_korrigert = naa
        attestering.save(update_fields=["versjon", "sist_korrigert"])
        Oppmoetekorreksjon.objects.create(
            attestering=attestering,
            grunn=grunn.strip(),
            versjon=attestering.versjon,
            endring=endring,
            registrert_av=bruker,
        )
        logghendelse_registrer(
            bruker=bruker,
            kontor=sak.kontor,
            person=sak.person,
            handling="ENDRE",
            objekt=attestering,
            beskrivelse=f"Korreksjon: {grunn.strip()}",
            foer={"versjon": foer},
            etter={"versjon": attestering.versjon, **endring},
        )
    return attesterte


def _maaneder_fra(sak: Sak, fra_og_med: dt.date) -> set[tuple[int, int]]:
    return {
        (a, m)
        for a, m in Maanedsattestering.objects.filter(sak=sak, aar__gte=fra_og_med.year).values_list("aar", "maaned")
        if (a, m) >= (fra_og_med.year, fra_og_med.month)
    }


@transaction.atomic
def attesterte_maaneder_korriger_etter_vedtak(*, bruker: Bruker, sak: Sak, fra_og_med: dt.date, grunn: str) -> int:
    """Et fattet vedtak som endrer stønaden fra `fra_og_med` (permisjon, avbrudd, gjenopptak, stans, avslutning)
    gjør hver attestert måned fra og med den måneden til en korreksjon, så utbetalingen regner dem på nytt."""
    endring = {"vedtak_fra_og_med": fra_og_med.isoformat()}
    return len(
        _korriger_attesterte(
            bruker=bruker, sak=sak, maaneder=_maaneder_fra(sak, fra_og_med), grunn=grunn, endring=endring
        )
    )


def korriger_etter_endret_grunnlag(hendelse: GrunnlagEndret) -> None:
    """Mottar `GrunnlagEndret` (registrert i `OppmoeteConfig.ready`): barn eller forsørgerperioder er endret fra en
    dato; hver attestert måned fra den måneden i personens saker blir en korreksjon, så utbetalingen regner dem på
    nytt (betalte måneder gir korreksjon, måneder i en simulert runde regnes om ved neste simulering)."""
    endring = {"grunnlag_endret_fra_og_med": hendelse.fra_og_med.isoformat()}
    for sak in Sak.objects.select_related("kontor", "person").filter(person_id=hendelse.person_id):
        _korriger_attesterte(
            bruker=hendelse.bruker,
            sak=sak,
            maaneder=_maaneder_fra(sak, hendelse.fra_og_med),
            grunn=hendelse.grunn,
            endring=endring,
        )


#: Vedtak som endrer stønaden fra en dato: attesterte måneder fra den datoen blir korreksjoner (regnes på nytt).
VEDTAK_SOM_ENDRER_STOENADEN = frozenset(
    {
        Vedtakstype.PERMISJON,
        Vedtakstype.AVBRUDD,
        Vedtakstype.GJENOPPTAK,
        Vedtakstype.STANS,
        Vedtakstype.AVSLUTNING,
    }
)


def korriger_etter_fattet_vedtak(hendelse: VedtakFattet) -> None:
    """Mottar `VedtakFattet` (registrert i `OppmoeteConfig.ready`): vedtak som endrer stønaden, korrigerer
    attesterte måneder fra vedtakets dato."""
    if hendelse.type not in VEDTAK_SOM_ENDRER_STOENADEN or hendelse.fra_og_med is None:
        return
    vedtak = Vedtak.objects.select_related("sak").get(pk=hendelse.vedtak_id)
    attesterte_maaneder_korriger_etter_vedtak(
        bruker=hendelse.bruker,
        sak=vedtak.sak,
        fra_og_med=hendelse.fra_og_med,
        grunn=f"Vedtak om {vedtak.get_type_display().lower()} fra {hendelse.fra_og_med:%d.%m.%Y}.",
    )

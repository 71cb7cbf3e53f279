"""Det tjenestene for oppmøte deler: hente og låse saken, programperioden, lagre dager og fylle inn helligdager."""

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from uuid import UUID

from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling

from ..kalender import helligdager
from ..models import Dagstatus, Kilde, Oppmoete

ROLLER_SOM_REGISTRERER = (Rolle.KVP_VEILEDER,)
MAKS_DAGER_PER_REGISTRERING = 366


def _hent_sak(*, bruker: Bruker, sak_id: UUID, handling: Handling = Handling.SKRIV) -> Sak:
    sak: Sak = tilgang.oppmoete(bruker, sak_id, handling, laas=True, relatert=("person__kommune", "kontor"))
    return sak


def _periode(sak: Sak) -> tuple[dt.date, dt.date]:
    periode = sak.programperiode()
    if periode is None:
        raise KvpFeil("Saken har ingen programperiode ennå.", kode="KVP_INGEN_PROGRAMPERIODE")
    return periode


def _sjekk_periode_i_program(sak: Sak, fra_og_med: dt.date, til_og_med: dt.date) -> None:
    if til_og_med < fra_og_med:
        raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med", kode="KVP_DATO")
    fra, til = _periode(sak)
    if til_og_med < fra or fra_og_med > til:
        raise KvpFeil(
            f"Perioden må overlappe programperioden {fra:%d.%m.%Y}–{til:%d.%m.%Y}.",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_UTENFOR",
        )


def _fyll_helligdager(*, bruker: Bruker, saker: Iterable[Sak], fra: dt.date, til: dt.date) -> int:
    """Legger inn HELLIGDAG for helligdager i programperioden som ikke er registrert (konstant antall spørringer)."""
    dager = helligdager(fra, til)
    if not dager:
        return 0
    saker = list(saker)
    finnes = set(Oppmoete.objects.filter(sak__in=saker, dato__in=list(dager)).values_list("sak_id", "dato"))
    nye = []
    for sak in saker:
        periode = sak.programperiode()
        if periode is None:
            continue
        for dato in dager:
            if periode[0] <= dato <= periode[1] and (sak.pk, dato) not in finnes:
                nye.append(
                    Oppmoete(
                        sak=sak, dato=dato, status=Dagstatus.HELLIGDAG, kilde=Kilde.AUTOMATISK, registrert_av=bruker
                    )
                )
    Oppmoete.objects.bulk_create(nye, batch_size=1000)
    return len(nye)


def _lagre_dager(
    *,
    bruker: Bruker,
    sak: Sak,
    dager: list[dt.date],
    status: str,
    timer: Decimal | None,
    dokumentasjon: str,
    merknad: str,
    kilde: str,
) -> dict[dt.date, str]:
    """Lagrer registreringen; svarer med statusen hver dag hadde før (DELTATT når den ikke var registrert)."""
    eksisterende = {o.dato: o for o in Oppmoete.objects.select_for_update().filter(sak=sak, dato__in=dager)}
    foer = {d: (eksisterende[d].status if d in eksisterende else Dagstatus.DELTATT) for d in dager}
    endres: list[Oppmoete] = []
    nye: list[Oppmoete] = []
    for dato in dager:
        rad = eksisterende.get(dato) or Oppmoete(sak=sak, dato=dato)
        rad.status = status
        rad.timer = timer
        rad.dokumentasjon = dokumentasjon
        rad.merknad = merknad
        rad.kilde = kilde
        rad.registrert_av = bruker
        rad.registrert = timezone.now()
        (endres if dato in eksisterende else nye).append(rad)
    Oppmoete.objects.bulk_create(nye, batch_size=1000)
    Oppmoete.objects.bulk_update(
        endres, ["status", "timer", "dokumentasjon", "merknad", "kilde", "registrert_av", "registrert"], batch_size=1000
    )
    return foer

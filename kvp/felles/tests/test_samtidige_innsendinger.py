"""To samtidige innsendinger av det samme: den som kommer sist, treffer databasens unikhetskrav og får en norsk
feilmelding, ikke en 500.

Kappløpet lages i den ekte databasen: rett etter at tjenesten har sjekket at ingenting finnes (spørringen går ut),
lagrer «den andre fanen» det samme. Det skjer med Djangos `execute_wrapper`, som bare ser SQL-en som går til
databasen; ORM-en og tjenesten kjører som i drift, og det er unikhetskravet i databasen som stopper den andre.
Begge fanene bruker her samme databaseforbindelse: når tjenesten selv er én transaksjon, ruller avvisningen også
tilbake det den andre fanen lagret, og testen ser bare på den avviste innsendingen.
"""

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from kvp.conftest import syntetisk_fnr
from kvp.felles.feil import KvpFeil
from kvp.person.models import Person
from kvp.person.services import person_opprett
from kvp.soeknad.models import Kartlegging, Moetetid
from kvp.soeknad.services import kartlegging_opprett, moetetid_book, moetetid_opprett
from kvp.tilgang.models import Bruker

NOTAT = dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "Tekst.")


@contextmanager
def etter_sjekken(tabell: str, kolonne: str, den_andre: Callable[[], Any]) -> Iterator[list[str]]:
    """Kjører `den_andre` rett etter den første SELECT-en mot `tabell` som filtrerer på `kolonne`."""
    sett: list[str] = []

    def wrapper(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        svar = execute(sql, params, many, context)
        if not sett and sql.lstrip().upper().startswith("SELECT") and f'"{tabell}"."{kolonne}"' in sql:
            sett.append(sql)
            den_andre()
        return svar

    with connection.execute_wrapper(wrapper):
        yield sett


def _kartlegg(bruker: Bruker, person: Person) -> Kartlegging:
    return kartlegging_opprett(
        bruker=bruker,
        person=person,
        utdanning="x",
        arbeidserfaring="x",
        interesser="",
        utfordringer="x",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=NOTAT,
    )


def _kvarter(timer: int = 24) -> dt.datetime:
    start = timezone.now() + dt.timedelta(hours=timer)
    return start.replace(minute=0, second=0, microsecond=0)


def test_samtidig_registrering_av_samme_person_gir_norsk_feil_ikke_500(veileder_a, randaberg):
    fnr = syntetisk_fnr(dt.date(1990, 5, 17))

    def den_andre_fanen():
        person_opprett(bruker=veileder_a, foedselsnummer=fnr, fornavn="Kari", etternavn="Først", kommune=randaberg)

    with (
        etter_sjekken(Person._meta.db_table, "foedselsnummer", den_andre_fanen) as sett,
        pytest.raises(KvpFeil, match="finnes allerede") as feil,
    ):
        person_opprett(bruker=veileder_a, foedselsnummer=fnr, fornavn="Kari", etternavn="Nordmann", kommune=randaberg)
    assert sett, "kappløpet ble ikke laget: tjenesten sjekket ikke fødselsnummeret først"
    assert feil.value.kode == "KVP_PERSON_FINS"
    assert not Person.objects.filter(etternavn="Nordmann").exists()


def test_samtidig_booking_av_to_tider_for_samme_kartlegging_gir_norsk_feil(veileder_a, kvp_veileder_a, lag_person):
    t1 = moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=_kvarter())
    t2 = moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=_kvarter(25))
    kartlegging = _kartlegg(veileder_a, lag_person())

    def den_andre_fanen():  # booker t1 for den samme kartleggingen mens denne fanen booker t2
        Moetetid.objects.filter(pk=t1.pk).update(kartlegging=kartlegging, booket_av=veileder_a)

    with (
        etter_sjekken(Moetetid._meta.db_table, "kartlegging_id", den_andre_fanen) as sett,
        pytest.raises(KvpFeil, match="allerede booket") as feil,
    ):
        moetetid_book(bruker=veileder_a, moetetid_id=t2.pk, kartlegging=kartlegging)
    assert sett
    assert feil.value.kode == "KVP_MOETE_BOOKET"
    assert Moetetid.objects.get(pk=t2.pk).kartlegging is None


def test_samtidig_utlegging_av_samme_moetetid_gir_norsk_feil(kvp_veileder_a, kontor_a):
    start = _kvarter()

    def den_andre_fanen():
        Moetetid.objects.create(kontor=kontor_a, kvp_veileder=kvp_veileder_a, start=start)

    with (
        etter_sjekken(Moetetid._meta.db_table, "start", den_andre_fanen) as sett,
        pytest.raises(KvpFeil, match="allerede denne tiden") as feil,
    ):
        moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=start)
    assert sett
    assert feil.value.kode == "KVP_MOETE_FINS"
    assert not Moetetid.objects.filter(start=start).exists()  # avvisningen rullet tilbake, ingen dobbel tid

"""Felles testoppsett. All tilstand bygges gjennom tjenestene (prodstiene)."""

import datetime as dt
import itertools
import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.utils import timezone

from kvp.person import fnr as fnr_modul
from kvp.person.services import person_opprett
from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Kommune, NavKontor, Rolle
from kvp.tilgang.services import bruker_opprett, kommune_opprett, nav_kontor_opprett, rolle_tildel

# Playwrights synkrone API kjører en hendelsesløkke i testtråden; Django-ORM-et i samme tråd er trygt her.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

_teller = itertools.count(1)


def syntetisk_fnr(foedselsdato: dt.date | None = None) -> str:
    """Et nytt, gyldig syntetisk fødselsnummer."""
    foedselsdato = foedselsdato or dt.date(1990, 5, 17)
    while True:
        nummer = fnr_modul.lag_syntetisk(foedselsdato, next(_teller))
        if nummer:
            return nummer


@pytest.fixture
def kontor_a(db: Any) -> NavKontor:
    return nav_kontor_opprett(
        enhetsnummer="1127",
        navn="NAV Randaberg-Kvitsøy",
        fylke="Rogaland",
        kommuner=[("1127", "Randaberg"), ("1144", "Kvitsøy")],
        adresse="Postboks 40",
        postnummer="4096",
        poststed="Randaberg",
        telefon="51 41 41 00",
    )


@pytest.fixture
def kontor_b(db: Any) -> NavKontor:
    return nav_kontor_opprett(
        enhetsnummer="3401", navn="NAV Kongsvinger", fylke="Innlandet", kommuner=[("3401", "Kongsvinger")]
    )


@pytest.fixture
def randaberg(kontor_a: NavKontor) -> Kommune:
    return Kommune.objects.get(nummer="1127")


@pytest.fixture
def kongsvinger(kontor_b: NavKontor) -> Kommune:
    return Kommune.objects.get(nummer="3401")


@pytest.fixture
def stavanger(db: Any) -> Kommune:
    return kommune_opprett(nummer="1103", navn="Stavanger")


@pytest.fixture
def lag_bruker(db: Any) -> Callable[..., Any]:
    def lag(*roller: str, kontor: NavKontor | None = None, passord: str | None = None, **scope: Any) -> Any:
        n = next(_teller)
        bruker = bruker_opprett(brukernavn=f"bruker{n}", fornavn="Test", etternavn=f"Bruker{n}", passord=passord)
        for rolle in roller:
            if rolle == Rolle.STATSFORVALTER:
                rolle_tildel(bruker=bruker, rolle=rolle, fylke=scope.get("fylke", "Rogaland"))
            elif rolle == Rolle.DELTAKER:
                rolle_tildel(bruker=bruker, rolle=rolle, person=scope["person"])
            else:
                rolle_tildel(bruker=bruker, rolle=rolle, kontor=kontor)
        return bruker

    return lag


@pytest.fixture
def veileder_a(lag_bruker: Callable[..., Any], kontor_a: NavKontor) -> Any:
    return lag_bruker(Rolle.VEILEDER, kontor=kontor_a)


@pytest.fixture
def kvp_veileder_a(lag_bruker: Callable[..., Any], kontor_a: NavKontor) -> Any:
    return lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)


@pytest.fixture
def leder_a(lag_bruker: Callable[..., Any], kontor_a: NavKontor) -> Any:
    return lag_bruker(Rolle.LEDER, kontor=kontor_a)


@pytest.fixture
def kvp_veileder_b(lag_bruker: Callable[..., Any], kontor_b: NavKontor) -> Any:
    return lag_bruker(Rolle.KVP_VEILEDER, Rolle.VEILEDER, Rolle.LEDER, Rolle.BESLUTTER, kontor=kontor_b)


@pytest.fixture
def lag_person(randaberg: Kommune, veileder_a: Any) -> Callable[..., Any]:
    def lag(**felter: Any) -> Any:
        verdier = {
            "bruker": veileder_a,
            "foedselsnummer": syntetisk_fnr(),
            "fornavn": "Ola",
            "etternavn": "Nordmann",
            "kommune": randaberg,
        }
        verdier.update(felter)
        return person_opprett(**verdier)

    return lag


@pytest.fixture
def i_dag() -> dt.date:
    return timezone.localdate()


@pytest.fixture(scope="module")
def nettleser() -> Iterator[Any]:
    """Debians Chromium, én per testmodul (importeres først her, så testene uten nettleser slipper Playwright)."""
    from kvp.felles.tests.nettleser import start_nettleser  # noqa: PLC0415

    yield from start_nettleser()


@pytest.fixture
def side(nettleser: Any) -> Iterator[Any]:
    """En ny side i en ny kontekst (norsk språk, nedlastinger tillatt, ingenting utenfor huset)."""
    from kvp.felles.tests.nettleser import ny_side  # noqa: PLC0415

    yield from ny_side(nettleser)


@pytest.fixture
def lag_sak_i_program(lag_person: Callable[..., Any], kvp_veileder_a: Any) -> Callable[..., Sak]:
    """En sak i program med valgfri programperiode, også langt tilbake i tid (oppmøte, plan og utbetaling).

    Programfeltene settes direkte: vedtakstjenestene godtar (med rette) ikke et vedtak fattet i dag for et program
    som begynte i fjor, og det er ikke dem som testes her. Vedtakstestene bygger sakene sine gjennom tjenestene.
    """

    def lag(
        *,
        fra_og_med: dt.date = dt.date(2025, 1, 6),
        til_og_med: dt.date = dt.date(2026, 1, 5),
        foedselsdato: dt.date | None = None,
        **person: Any,
    ) -> Sak:
        person.setdefault("foedselsnummer", syntetisk_fnr(foedselsdato or dt.date(1980, 6, 15)))
        _, sak = soeknad_registrer(
            bruker=kvp_veileder_a,
            person=lag_person(**person),
            mottatt_dato=timezone.localdate() - dt.timedelta(days=5),
            kanal=Kanal.PAPIR,
        )
        Sak.objects.filter(pk=sak.pk).update(
            status=Status.I_PROGRAM,
            saksbehandler=kvp_veileder_a,
            vedtak_dato=fra_og_med - dt.timedelta(days=10),
            begynt_dato=fra_og_med,
            program_fra_og_med=fra_og_med,
            program_til_og_med=til_og_med,
        )
        return Sak.objects.select_related("person__kommune").get(pk=sak.pk)

    return lag

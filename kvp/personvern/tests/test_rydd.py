"""`manage.py rydd` sletter og anonymiserer det som har passert lagringstiden, og bare det; to kjøringer = én."""

import datetime as dt
import io
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from kvp.felles.models import Handling, Logghendelse
from kvp.person.models import Person
from kvp.personvern.services import ANONYM_PREFIKS
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer


@contextmanager
def _uten_utloeser() -> Iterator[None]:
    """Testene må lage gamle rader i revisjonsloggen; utløseren i PostgreSQL nekter det (med rette) ellers."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as c:
        c.execute(
            "SET LOCAL session_replication_role = replica"
        )  # slår av brukerutløsere (testbrukeren er superbruker)
    try:
        yield
    finally:
        with connection.cursor() as c:
            c.execute("SET LOCAL session_replication_role = origin")


def _oekt(utloeper: dt.datetime) -> str:
    s = SessionStore()
    s["x"] = 1
    s.create()
    Session.objects.filter(pk=s.session_key).update(expire_date=utloeper)
    assert s.session_key is not None
    return s.session_key


def _axes(modell: Any, tid: dt.datetime, brukernavn: str) -> None:
    felter: dict[str, Any] = {
        "username": brukernavn,
        "ip_address": "10.0.0.1",
        "user_agent": "x",
        "path_info": "/logg-inn/",
    }
    if modell is AccessAttempt:
        felter |= {"get_data": "", "post_data": "", "failures_since_start": 1}
    rad = modell.objects.create(**felter)
    modell.objects.filter(pk=rad.pk).update(attempt_time=tid)


def _logg(tid: dt.datetime, objekt_id: str) -> None:
    rad = Logghendelse.objects.create(handling=Handling.LES, objekttype="test", objekt_id=objekt_id)
    with _uten_utloeser():
        Logghendelse._base_manager.filter(pk=rad.pk).update(tidspunkt=tid)


def _rydd() -> str:
    ut = io.StringIO()
    call_command("rydd", stdout=ut)
    return ut.getvalue()


def test_rydd_sletter_det_utloepte_og_er_idempotent(lag_person, kvp_veileder_a, i_dag):
    naa = timezone.now()
    utloept, gyldig = _oekt(naa - dt.timedelta(minutes=1)), _oekt(naa + dt.timedelta(hours=1))
    _axes(AccessAttempt, naa - dt.timedelta(hours=2), "gammel")
    _axes(AccessAttempt, naa - dt.timedelta(minutes=5), "ny")
    _axes(AccessLog, naa - dt.timedelta(days=181), "gammel")
    _axes(AccessLog, naa - dt.timedelta(days=10), "ny")
    _axes(AccessFailureLog, naa - dt.timedelta(days=181), "gammel")
    _logg(naa - dt.timedelta(days=365 * 10 + 5), "elleve")
    _logg(naa - dt.timedelta(days=365 * 7), "sju")
    glemt = lag_person(etternavn="Glemtsen")
    Person.objects.filter(pk=glemt.pk).update(opprettet=naa - dt.timedelta(days=731))
    nylig = lag_person(etternavn="Nyligsen")
    med_sak = lag_person(etternavn="Saksen")
    soeknad_registrer(bruker=kvp_veileder_a, person=med_sak, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    Person.objects.filter(pk=med_sak.pk).update(opprettet=naa - dt.timedelta(days=4000))

    foerste = _rydd()

    assert "økter: 1" in foerste
    assert "sperreposter: 1" in foerste
    assert "innloggingslogg: 2" in foerste
    assert "revisjonslogg: 1" in foerste
    assert "personer anonymisert: 1" in foerste
    assert list(Session.objects.values_list("pk", flat=True)) == [gyldig] and utloept != gyldig
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == ["ny"]
    assert list(AccessLog.objects.values_list("username", flat=True)) == ["ny"]
    assert not AccessFailureLog.objects.exists()
    assert set(Logghendelse.objects.filter(objekttype="test").values_list("objekt_id", flat=True)) == {"sju"}
    glemt.refresh_from_db()
    assert glemt.foedselsnummer.startswith(ANONYM_PREFIKS) and glemt.etternavn == "person"
    assert Person.objects.get(pk=nylig.pk).etternavn == "Nyligsen"
    assert Person.objects.get(pk=med_sak.pk).etternavn == "Saksen"  # åpen sak: aldri
    assert Logghendelse.objects.filter(person=glemt, beskrivelse__contains="lagringstiden er ute").count() == 1

    andre = _rydd()

    assert all(linje.endswith(": 0") for linje in andre.splitlines())
    assert Logghendelse.objects.filter(person=glemt, beskrivelse__contains="lagringstiden er ute").count() == 1

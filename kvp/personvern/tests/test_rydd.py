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


def _saksmappe_med_innhold(kvp_veileder_a, lag_bruker, person, *, med_klage: bool) -> dict[str, Any]:
    """En sak med opplastet dokument, melding med vedlegg, varsel, aktiveringslenke og (med_klage) klage med vedlegg."""
    from kvp.deltaker.models import Aktivering
    from kvp.deltaker.services import melding_send
    from kvp.dokument.services import dokument_last_opp
    from kvp.dokument.tests import filer
    from kvp.klage.models import Klagedokument
    from kvp.klage.tests.objekter import klage_url_objekt
    from kvp.tilgang.models import Rolle
    from kvp.vedtak.services import vedtak_fatt, vedtak_send_til_beslutter
    from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=person)
    filer_ut = []
    dokument = dokument_last_opp(bruker=kvp_veileder_a, sak_id=sak.pk, innhold=filer.png(), filnavn="lonnsslipp.png")
    filer_ut.append(dokument.fil.name)
    melding = melding_send(
        bruker=kvp_veileder_a, sak_id=sak.pk, tekst="Hei, her er planen.", vedlegg=filer.png(), vedlegg_navn="a.png"
    )
    assert melding.vedlegg is not None
    filer_ut.append(melding.vedlegg.fil.name)
    Aktivering.objects.create(
        person=person,
        noekkel_hash=f"hash-{person.pk}",
        opprettet_av=kvp_veileder_a,
        utloeper=timezone.now() + dt.timedelta(days=2),
    )
    if med_klage:
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
        vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
        vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
        vedtak_fatt(bruker=lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor), vedtak_id=vedtak.pk)
        klage = klage_url_objekt(bruker=kvp_veileder_a, vedtak=vedtak)
        filer_ut.append(Klagedokument.objects.get(pk=klage["dokument_id"]).fil.name)
    return {"sak": sak, "filer": filer_ut}


def test_rydd_sletter_innholdet_i_saksmappen_naar_lagringstiden_er_ute_og_lar_resten_staa(
    lag_person, kvp_veileder_a, lag_bruker, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    from kvp.deltaker.models import Aktivering, Melding, Varsel
    from kvp.dokument.models import Dokument
    from kvp.klage.models import Klagedokument
    from kvp.personvern.services import pseudonym
    from kvp.sak.models import Sak, Status

    gammel = lag_person(etternavn="Arkivsen", epost="a@example.com")
    ny = lag_person(etternavn="Ferskesen", epost="f@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        gml = _saksmappe_med_innhold(kvp_veileder_a, lag_bruker, gammel, med_klage=True)
        fersk = _saksmappe_med_innhold(kvp_veileder_a, lag_bruker, ny, med_klage=False)
    # Gammel: saken ble trukket i 2010, så arkivfristen er ute. Ny: trukket i fjor.
    Sak.objects.filter(pk=gml["sak"].pk).update(status=Status.TRUKKET, avsluttet_dato=dt.date(2010, 3, 1))
    i_fjor = timezone.localdate() - dt.timedelta(days=365)
    Sak.objects.filter(pk=fersk["sak"].pk).update(status=Status.TRUKKET, avsluttet_dato=i_fjor)
    assert Varsel.objects.filter(person=gammel).exists() and Varsel.objects.filter(person=ny).exists()
    dokumentlager = Dokument._meta.get_field("fil").storage
    lager = {"dokument": dokumentlager, "klage": default_storage}
    for navn in gml["filer"] + fersk["filer"]:
        assert lager["klage" if navn.startswith("klage/") else "dokument"].exists(navn), navn
    spor = pseudonym(gammel.foedselsnummer)

    with django_capture_on_commit_callbacks(execute=True):
        ut = _rydd()

    assert "personer anonymisert: 1" in ut
    for modell, filter_ in (
        (Dokument, {"sak__person": gammel}),
        (Melding, {"sak__person": gammel}),
        (Varsel, {"person": gammel}),
        (Aktivering, {"person": gammel}),
    ):
        assert not modell.objects.filter(**filter_).exists(), modell
    assert not Klagedokument._base_manager.filter(klage__sak__person=gammel).exists()
    for navn in gml["filer"]:
        assert not lager["klage" if navn.startswith("klage/") else "dokument"].exists(navn), navn
    # Saksmappen som fortsatt er arkivpliktig, står urørt.
    assert Dokument.objects.filter(sak__person=ny).count() == 2  # dokumentet og meldingens vedlegg
    assert Melding.objects.filter(sak__person=ny).count() == 1
    assert Varsel.objects.filter(person=ny).exists() and Aktivering.objects.filter(person=ny).exists()
    for navn in fersk["filer"]:
        assert dokumentlager.exists(navn), navn
    # Revisjonsloggen har et pseudonymt spor med hva som ble slettet, uten navnet.
    spor_rad = Logghendelse.objects.get(person=gammel, beskrivelse__contains="lagringstiden er ute")
    assert spor_rad.etter is not None
    assert spor_rad.etter["pseudonym"] == spor
    assert spor_rad.etter["slettet"]["dokumenter"] == 2 and spor_rad.etter["slettet"]["klagedokumenter"] == 1
    assert "Arkivsen" not in str(spor_rad.etter) and gammel.foedselsnummer not in str(spor_rad.etter)


def test_rydd_sletter_brukte_og_utloepte_aktiveringslenker_og_gamle_varsler(lag_person, kvp_veileder_a, settings):
    from kvp.deltaker.models import Aktivering, Varsel

    naa = timezone.now()
    person = lag_person()

    def lenke(navn: str, **felter: Any) -> Aktivering:
        return Aktivering.objects.create(
            person=person, noekkel_hash=navn, opprettet_av=kvp_veileder_a, utloeper=felter.pop("utloeper"), **felter
        )

    grense = dt.timedelta(days=settings.KVP_LAGRING_AKTIVERINGSLENKE_DAGER)
    lenke("brukt-gammel", utloeper=naa - grense, brukt=naa - grense - dt.timedelta(days=1))
    lenke("utloept-gammel", utloeper=naa - grense - dt.timedelta(days=1))
    lenke("brukt-ny", utloeper=naa, brukt=naa - dt.timedelta(days=1))
    lenke("gyldig", utloeper=naa + dt.timedelta(days=1))
    gammel = Varsel.objects.create(person=person, kanal="EPOST", grunn="MELDING", status=Varsel.Status.SENDT)
    venter = Varsel.objects.create(person=person, kanal="EPOST", grunn="MELDING")
    ferskt = Varsel.objects.create(person=person, kanal="SMS", grunn="MELDING", status=Varsel.Status.SENDT)
    foer = naa - dt.timedelta(days=settings.KVP_LAGRING_VARSEL_DAGER + 1)
    Varsel.objects.filter(pk__in=[gammel.pk, venter.pk]).update(opprettet=foer)

    ut = _rydd()

    assert "aktiveringslenker: 2" in ut and "varsler: 1" in ut
    assert set(Aktivering.objects.values_list("noekkel_hash", flat=True)) == {"brukt-ny", "gyldig"}
    assert set(Varsel.objects.values_list("pk", flat=True)) == {venter.pk, ferskt.pk}

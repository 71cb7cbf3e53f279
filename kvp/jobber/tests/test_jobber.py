"""Jobbene: start som ikke dobles, kjøring med fremdrift, norsk melding ved feil, hvem som ser jobben, og en jobb som
ble stoppet midt i tas opp igjen (eller feiler med forklaring etter for mange avbrudd)."""

import datetime as dt
import os
import socket
import subprocess
import sys
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kvp.felles.feil import KvpFeil
from kvp.jobber import typer
from kvp.jobber.fremdrift import Fremdrift, JobbOvertatt
from kvp.jobber.models import Jobb, Jobbstatus
from kvp.jobber.services import FOR_MANGE_AVBRUDD, INTERN_FEIL, MAKS_FORSOEK, jobb_start, jobber_gjenoppta
from kvp.tilgang.models import Rolle

from .hjelpere import kjoer_arbeider

KALL: list[str] = []


def _proeve(jobb: Jobb, fremdrift: Fremdrift) -> typer.Utfall:
    utfall = jobb.parametre.get("utfall", "ok")
    fremdrift.oppdater(gjort=0, totalt=2, steg="Første steg")
    KALL.append(str(jobb.pk))
    fremdrift.oppdater(gjort=1)
    if utfall == "kvpfeil":
        raise KvpFeil("Måneden er allerede betalt, så den kan ikke simuleres igjen.")
    if utfall == "krasj":
        raise RuntimeError("intern detalj som ikke skal vises")
    fremdrift.oppdater(gjort=2)
    return typer.Utfall(melding="Alt gikk bra.", lenke="/jobber/", lenketekst="Se listen")


@pytest.fixture(autouse=True)
def proevetype() -> None:
    typer.registrer("test.proeve", _proeve)
    KALL.clear()


@pytest.fixture
def leder_b(lag_bruker: Any, kontor_b: Any) -> Any:
    return lag_bruker(Rolle.LEDER, kontor=kontor_b)


def _start(bruker: Any, kontor: Any, noekkel: str = "proeve:1", **parametre: Any) -> tuple[Jobb, bool]:
    return jobb_start(
        bruker=bruker, kontor=kontor, type="test.proeve", noekkel=noekkel, tittel="Prøvejobb", parametre=parametre
    )


def test_samme_arbeid_startes_bare_en_gang_mens_det_er_aktivt(db, kvp_veileder_a, kontor_a):
    jobb, ny = _start(kvp_veileder_a, kontor_a)
    igjen, ny_igjen = _start(kvp_veileder_a, kontor_a)
    assert (ny, ny_igjen) == (True, False)
    assert igjen.pk == jobb.pk
    assert DBTaskResult.objects.count() == 1
    assert DBTaskResult.objects.get().pk.hex == jobb.oppgave_id.replace("-", "")
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert jobb.status == Jobbstatus.FERDIG
    assert [str(jobb.pk)] == KALL
    # Når jobben er ferdig, kan samme arbeid startes igjen (og gjør da ingenting dobbelt, se jobbtypene).
    ny_jobb, ny = _start(kvp_veileder_a, kontor_a)
    assert ny and ny_jobb.pk != jobb.pk


def test_ferdig_jobb_har_fremdrift_melding_og_lenke(db, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert (jobb.status, jobb.gjort, jobb.totalt, jobb.prosent) == (Jobbstatus.FERDIG, 2, 2, 100)
    assert (jobb.melding, jobb.lenke, jobb.forsoek) == ("Alt gikk bra.", "/jobber/", 1)
    assert jobb.avsluttet is not None


@pytest.mark.parametrize(
    ("utfall", "melding"),
    [("kvpfeil", "Måneden er allerede betalt, så den kan ikke simuleres igjen."), ("krasj", INTERN_FEIL)],
)
def test_en_feil_gir_norsk_melding_paa_jobben_og_siden(client, kvp_veileder_a, kontor_a, utfall, melding):
    jobb, _ = _start(kvp_veileder_a, kontor_a, utfall=utfall)
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert (jobb.status, jobb.melding, jobb.gjort) == (Jobbstatus.FEILET, melding, 1)
    client.force_login(kvp_veileder_a)
    tekst = client.get(reverse("jobber:jobb", kwargs={"jobb_id": jobb.pk})).content.decode()
    assert melding in tekst
    assert "Feilet" in tekst
    assert "intern detalj" not in tekst and "RuntimeError" not in tekst


def test_den_som_startet_og_lederen_ved_kontoret_ser_jobben_ingen_andre(
    client, kvp_veileder_a, leder_a, lag_bruker, kontor_a, leder_b
):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    kollega = lag_bruker(Rolle.OEKONOMI, Rolle.KVP_VEILEDER, kontor=kontor_a)
    for bruker, forventet in ((kvp_veileder_a, 200), (leder_a, 200), (kollega, 404), (leder_b, 404)):
        client.force_login(bruker)
        for navn in ("jobber:jobb", "jobber:fremdrift"):
            svar = client.get(reverse(navn, kwargs={"jobb_id": jobb.pk}))
            assert svar.status_code == forventet, (bruker, navn)
        oversikt = client.get(reverse("jobber:oversikt")).content.decode()
        assert ("Prøvejobb" in oversikt) == (forventet == 200)


def test_fremdriften_hentes_igjen_bare_mens_jobben_er_aktiv(client, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    client.force_login(kvp_veileder_a)
    url = reverse("jobber:fremdrift", kwargs={"jobb_id": jobb.pk})
    aktiv = client.get(url)
    assert 'hx-trigger="every 1s"' in aktiv.content.decode()
    assert "Venter på å starte" in aktiv.content.decode()
    assert "no-store" in aktiv["Cache-Control"]
    kjoer_arbeider()
    ferdig = client.get(url).content.decode()
    assert "hx-trigger" not in ferdig
    assert 'value="100"' in ferdig and "Alt gikk bra." in ferdig


def _dod_pid() -> int:
    """Prosessnummeret til en prosess som har avsluttet (som en drept arbeidsprosess)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _stoppet_midt_i(jobb: Jobb, *, forsoek: int) -> None:
    Jobb.objects.filter(pk=jobb.pk).update(
        status=Jobbstatus.KJOERER, forsoek=forsoek, arbeider=f"{socket.gethostname()}:{_dod_pid()}", gjort=1
    )
    DBTaskResult.objects.filter(pk=jobb.oppgave_id).update(status="RUNNING")


def test_en_jobb_som_stoppet_midt_i_tas_opp_igjen_og_blir_ferdig(db, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    _stoppet_midt_i(jobb, forsoek=1)
    gammel = jobb.oppgave_id
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert (jobb.status, jobb.forsoek) == (Jobbstatus.FERDIG, 2)
    assert jobb.oppgave_id != gammel
    assert DBTaskResult.objects.get(pk=gammel).status == "FAILED"


def test_en_jobb_som_er_avbrutt_for_mange_ganger_feiler_med_forklaring(db, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    _stoppet_midt_i(jobb, forsoek=MAKS_FORSOEK)
    assert jobber_gjenoppta() == 1
    jobb.refresh_from_db()
    assert jobb.status == Jobbstatus.FEILET
    assert jobb.melding == FOR_MANGE_AVBRUDD.format(antall=MAKS_FORSOEK)
    kjoer_arbeider()
    assert KALL == []


def test_en_levende_jobb_tas_ikke_over(db, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    Jobb.objects.filter(pk=jobb.pk).update(status=Jobbstatus.KJOERER, arbeider=f"{socket.gethostname()}:{os.getpid()}")
    assert jobber_gjenoppta() == 0
    jobb.refresh_from_db()
    assert jobb.status == Jobbstatus.KJOERER


def test_en_gammel_oppgave_stopper_naar_jobben_er_tatt_over(db, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    Jobb.objects.filter(pk=jobb.pk).update(status=Jobbstatus.KJOERER)
    gammel = Fremdrift(jobb_id=jobb.pk, oppgave_id="en-annen-oppgave")
    with pytest.raises(JobbOvertatt):
        gammel.oppdater(gjort=1)
    Fremdrift(jobb_id=jobb.pk, oppgave_id=jobb.oppgave_id).oppdater(gjort=1)
    jobb.refresh_from_db()
    assert jobb.gjort == 1


def test_en_ventende_jobb_der_oppgaven_ble_hentet_men_aldri_startet_tas_opp_igjen(db, kvp_veileder_a, kontor_a):
    jobb, _ = _start(kvp_veileder_a, kontor_a)
    assert jobber_gjenoppta() == 0  # oppgaven ligger klar i køen: ingenting å gjøre
    DBTaskResult.objects.filter(pk=jobb.oppgave_id).update(
        status="RUNNING", started_at=timezone.now() - dt.timedelta(minutes=5)
    )
    gammel = jobb.oppgave_id
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert (jobb.status, jobb.forsoek) == (Jobbstatus.FERDIG, 2)
    assert jobb.oppgave_id != gammel


def test_jobben_hentes_gjennom_tilgangslaget_og_rollen_ved_et_annet_kontor_teller_ikke(
    client, kvp_veileder_a, lag_bruker, kontor_a, kontor_b
):
    """Jobben er en objekttype i registeret (ADR 0006): lederen ved B som er økonomi ved A, ser ikke A sin jobb."""
    from kvp.felles.feil import IkkeFunnet
    from kvp.tilgang import objekter
    from kvp.tilgang.services import rolle_tildel

    assert objekter.objekttype("jobb").modell is Jobb
    jobb_a, _ = _start(kvp_veileder_a, kontor_a)
    to_kontorer = lag_bruker(Rolle.LEDER, kontor=kontor_b)
    rolle_tildel(bruker=to_kontorer, rolle=Rolle.OEKONOMI, kontor=kontor_a)
    jobb_b, _ = _start(lag_bruker(Rolle.OEKONOMI, kontor=kontor_b), kontor_b, noekkel="proeve:b")
    assert objekter.jobb(to_kontorer, jobb_b.pk) == jobb_b
    with pytest.raises(IkkeFunnet):
        objekter.jobb(to_kontorer, jobb_a.pk)
    client.force_login(to_kontorer)
    assert client.get(reverse("jobber:jobb", kwargs={"jobb_id": jobb_a.pk})).status_code == 404
    assert client.get(reverse("jobber:fremdrift", kwargs={"jobb_id": jobb_a.pk})).status_code == 404
    assert client.get(reverse("jobber:jobb", kwargs={"jobb_id": jobb_b.pk})).status_code == 200
    assert list(objekter.synlige(to_kontorer, "jobb")) == [jobb_b]


def test_jobbsiden_er_bare_for_kontorets_ansatte(client, lag_bruker, lag_person, kvp_veileder_a):
    """En deltaker eller en statsforvalter starter ingen jobber og får ikke kontorets jobbside."""
    person = lag_person(fornavn="Dina")
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    for bruker, forventet in ((deltaker, 403), (kvp_veileder_a, 200)):
        client.force_login(bruker)
        assert client.get(reverse("jobber:oversikt")).status_code == forventet, bruker

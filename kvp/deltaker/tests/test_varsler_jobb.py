"""Varslene sendes av arbeidsprosessen uten cron: en gjentakende oppgave i køen (kvp.jobber.gjentakende) som legger
seg selv i køen igjen, og feilede varsler prøves igjen med økende ventetid til forsøkene er brukt opp."""

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kvp.deltaker.models import Varsel
from kvp.deltaker.services import varsel_send, varsler_send_paa_nytt
from kvp.jobber.gjentakende import OPPGAVESTI, alle, gjentakende_planlegg
from kvp.jobber.tests.hjelpere import kjoer_arbeider

pytestmark = pytest.mark.django_db


class FeilendeEpost:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, meldinger):
        raise ConnectionError("SMTP nede")


def _ventende_oppgaver() -> list[Any]:
    return list(DBTaskResult.objects.filter(task_path=OPPGAVESTI, status="READY"))


def test_send_varsler_er_registrert_som_gjentakende():
    assert alle()["send_varsler"].intervall == dt.timedelta(minutes=5)


def test_arbeidsprosessen_sender_varsler_og_legger_neste_kjoering_i_koen(lag_person):
    person = lag_person(epost="deltaker@example.no")
    Varsel.objects.create(person=person, kanal="EPOST", grunn="UTBETALING")
    assert gjentakende_planlegg() == 1
    assert gjentakende_planlegg() == 0  # én kjede, også når en ny arbeidsprosess starter
    foer = timezone.now()
    kjoer_arbeider()
    assert Varsel.objects.get().status == "SENDT"
    assert [m.to for m in mail.outbox] == [["deltaker@example.no"]]
    neste = _ventende_oppgaver()
    assert len(neste) == 1, "oppgaven skal ha lagt seg selv i køen igjen"
    assert neste[0].args_kwargs["kwargs"] == {"navn": "send_varsler"}
    assert foer + dt.timedelta(minutes=4) < neste[0].run_after <= timezone.now() + dt.timedelta(minutes=5)
    # Neste kjøring er ikke klar ennå: arbeidsprosessen kjører den ikke før tiden er inne.
    kjoer_arbeider()
    assert len(_ventende_oppgaver()) == 1
    assert DBTaskResult.objects.filter(task_path=OPPGAVESTI, status="SUCCESSFUL").count() == 1


def test_kjeden_fortsetter_naar_sendingen_feiler(lag_person, settings):
    settings.EMAIL_BACKEND = "kvp.deltaker.tests.test_varsler_jobb.FeilendeEpost"
    Varsel.objects.create(person=lag_person(epost="d@example.no"), kanal="EPOST", grunn="BREV")
    gjentakende_planlegg()
    kjoer_arbeider()
    assert Varsel.objects.get().status == "FEILET"
    assert len(_ventende_oppgaver()) == 1


def test_feilet_varsel_proeves_igjen_med_oekende_ventetid_og_gis_opp(
    client, lag_sak_i_program, kvp_veileder_a, settings
):
    settings.EMAIL_BACKEND = "kvp.deltaker.tests.test_varsler_jobb.FeilendeEpost"
    settings.KVP_VARSEL_MAKS_FORSOEK = 3
    sak = lag_sak_i_program(epost="d@example.no")
    varsel = Varsel.objects.create(person=sak.person, kanal="EPOST", grunn="BREV")
    ventetider = []
    for _ in range(3):
        foer = timezone.now()
        v = varsel_send(varsel_id=varsel.pk)
        assert v.status == "FEILET" and v.siste_feil == "ConnectionError"
        ventetider.append(None if v.neste_forsoek is None else round((v.neste_forsoek - foer).total_seconds() / 60))
        assert varsler_send_paa_nytt() == 0  # ventetiden er ikke over (eller forsøkene er brukt opp)
        Varsel.objects.filter(pk=varsel.pk, neste_forsoek__isnull=False).update(
            neste_forsoek=timezone.now() - dt.timedelta(seconds=1)
        )
    assert ventetider == [5, 10, None]
    varsel.refresh_from_db()
    assert varsel.forsoek == 3 and varsel.gitt_opp
    assert varsler_send_paa_nytt() == 0
    # Kontoret ser det på saksbildet, i fanen for meldinger og varsler.
    client.force_login(kvp_veileder_a)
    side = client.get(reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "?fane=meldinger").content.decode()
    assert "Varsler til deltakeren kom ikke fram (E-post" in side
    assert "3 forsøk, prøves ikke mer" in side

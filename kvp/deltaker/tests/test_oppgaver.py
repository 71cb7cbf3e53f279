"""Uleste meldinger fra deltakeren i «Mine oppgaver» (ADR 0014): hos sakens KVP-veileder, hos kontoret når veilederen
er borte, med lenke til samtalen, og borte når meldingen er lest eller besvart."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from kvp.arbeidsflate.selectors import oppgaver_for_bruker
from kvp.deltaker.services import endring_meld, melding_send
from kvp.felles.oppgaver import leverandoerer
from kvp.tilgang.models import Rolle

pytestmark = pytest.mark.django_db


def _meldinger(bruker: Any) -> list[Any]:
    fersk = type(bruker).objects.get(pk=bruker.pk)  # ny forespørsel: ingen mellomlagret tilgang eller oppgaver
    return [o for o in oppgaver_for_bruker(bruker=fersk) if o.type == "DELTAKERMELDING"]


@pytest.fixture
def sak(lag_sak_i_program):
    return lag_sak_i_program()


@pytest.fixture
def deltaker(sak, lag_bruker):
    return lag_bruker(Rolle.DELTAKER, person=sak.person)


def test_leverandoeren_er_registrert():
    assert "deltaker" in leverandoerer()


def test_ulest_melding_er_oppgave_for_sakens_veileder_og_forsvinner_naar_den_er_lest(
    client, sak, deltaker, kvp_veileder_a, lag_bruker, kontor_a, kvp_veileder_b
):
    annen_veileder = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    melding_send(bruker=deltaker, sak_id=sak.pk, tekst="Jeg lurer på noe.")
    melding_send(bruker=deltaker, sak_id=sak.pk, tekst="Og en ting til.")
    oppgaver = _meldinger(kvp_veileder_a)
    assert len(oppgaver) == 1
    assert oppgaver[0].tittel == "2 uleste meldinger fra deltakeren"
    assert oppgaver[0].lenke == reverse("deltaker:sak_meldinger", kwargs={"sak_id": sak.pk})
    assert oppgaver[0].sak_id == sak.pk and oppgaver[0].person_id == sak.person_id
    # Ikke for en annen veileder på kontoret (saken har saksbehandler) eller på et annet kontor.
    assert _meldinger(annen_veileder) == []
    assert _meldinger(kvp_veileder_b) == []
    # Veilederen åpner samtalen: meldingene er lest, og oppgaven er borte.
    client.force_login(kvp_veileder_a)
    assert client.get(oppgaver[0].lenke).status_code == 200
    assert _meldinger(kvp_veileder_a) == []


def test_svar_fjerner_oppgaven(sak, deltaker, kvp_veileder_a):
    melding_send(bruker=deltaker, sak_id=sak.pk, tekst="Hei!")
    assert len(_meldinger(kvp_veileder_a)) == 1
    melding_send(bruker=kvp_veileder_a, sak_id=sak.pk, tekst="Hei, jeg ringer deg i morgen.")
    assert _meldinger(kvp_veileder_a) == []


def test_kontoret_ser_meldingen_naar_veilederen_er_borte(sak, deltaker, kvp_veileder_a, leder_a, lag_bruker, kontor_a):
    annen_veileder = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    melding_send(bruker=deltaker, sak_id=sak.pk, tekst="Er det noen der?")
    assert _meldinger(leder_a) == []
    kvp_veileder_a.is_active = False  # veilederen har sluttet eller er deaktivert
    kvp_veileder_a.save(update_fields=["is_active"])
    assert [o.sak_id for o in _meldinger(leder_a)] == [sak.pk]
    assert [o.sak_id for o in _meldinger(annen_veileder)] == [sak.pk]


def test_endring_er_oppgave_til_den_er_behandlet(sak, deltaker, kvp_veileder_a):
    endring_meld(bruker=deltaker, sak_id=sak.pk, type="ARBEID", fra_og_med=dt.date(2026, 1, 1))
    fersk = type(kvp_veileder_a).objects.get(pk=kvp_veileder_a.pk)
    assert [o.tittel for o in oppgaver_for_bruker(bruker=fersk) if o.type == "DELTAKERENDRING"] == [
        "Endring meldt: Jeg har fått arbeid"
    ]


def test_mine_oppgaver_viser_meldingen_med_lenke(client, sak, deltaker, kvp_veileder_a):
    melding_send(bruker=deltaker, sak_id=sak.pk, tekst="Hei!")
    client.force_login(kvp_veileder_a)
    html = client.get(reverse("arbeidsflate:mine_oppgaver")).content.decode()
    assert "1 ulest melding fra deltakeren" in html
    assert reverse("deltaker:sak_meldinger", kwargs={"sak_id": sak.pk}) in html

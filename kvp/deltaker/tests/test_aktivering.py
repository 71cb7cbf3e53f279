"""Aktiveringslenken: sendt av KVP-veilederen, engangs, utløper, bare hashen lagres, og alt logges."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from kvp.deltaker.models import Aktivering
from kvp.deltaker.services import aktivering_opprett
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.tilgang.models import Rolle, Rolletildeling

PASSORD = "et-langt-passord-123"


def _lenke(epost) -> str:
    treff = re.search(r"http://testserver(/aktiver/[^/\s]+/)", str(epost.body))
    assert treff is not None
    return treff.group(1)


@pytest.fixture
def person(lag_person):
    return lag_person(epost="ny@example.no")


def test_knappen_sender_lenke_som_virker_en_gang(client, person, kvp_veileder_a, django_capture_on_commit_callbacks):
    client.force_login(kvp_veileder_a)
    with django_capture_on_commit_callbacks(execute=True):
        svar = client.post(reverse("deltaker:aktivering_send", kwargs={"person_id": person.pk}))
    assert svar.status_code == 302
    assert len(mail.outbox) == 1
    epost = mail.outbox[0]
    assert epost.to == ["ny@example.no"]
    assert person.fornavn not in epost.body and person.foedselsnummer not in epost.body
    lenke = _lenke(epost)
    noekkel = lenke.split("/")[2]
    aktivering = Aktivering.objects.get()
    assert noekkel not in aktivering.noekkel_hash and len(aktivering.noekkel_hash) == 64

    client.logout()
    assert client.get(lenke).status_code == 200
    svar = client.post(lenke, {"passord": PASSORD, "passord_igjen": PASSORD})
    assert svar.status_code == 302 and svar["Location"] == reverse("soeknad:min_side")
    tildeling = Rolletildeling.objects.get(rolle=Rolle.DELTAKER, person=person)
    assert tildeling.bruker.check_password(PASSORD)
    assert client.get(reverse("soeknad:min_side")).status_code == 200

    client.logout()
    assert client.get(lenke).status_code == 404
    assert client.post(lenke, {"passord": PASSORD, "passord_igjen": PASSORD}).status_code == 404
    beskrivelser = set(Logghendelse.objects.filter(person=person).values_list("beskrivelse", flat=True))
    assert {"Aktiveringslenke sendt på e-post", "Aktiveringslenke brukt"} <= beskrivelser


def test_utloept_lenke_virker_ikke(client, person, kvp_veileder_a, django_capture_on_commit_callbacks):
    client.force_login(kvp_veileder_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("deltaker:aktivering_send", kwargs={"person_id": person.pk}))
    Aktivering.objects.update(utloeper=timezone.now() - dt.timedelta(seconds=1))
    client.logout()
    assert client.get(_lenke(mail.outbox[0])).status_code == 404


def test_ny_lenke_gjoer_den_gamle_ugyldig(person, kvp_veileder_a):
    foerste = aktivering_opprett(bruker=kvp_veileder_a, person_id=person.pk, grunnadresse="http://testserver/")
    aktivering_opprett(bruker=kvp_veileder_a, person_id=person.pk, grunnadresse="http://testserver/")
    foerste.refresh_from_db()
    assert foerste.utloeper <= timezone.now()


def test_kort_passord_gir_melding_og_lenken_virker_fortsatt(
    client, person, kvp_veileder_a, django_capture_on_commit_callbacks
):
    client.force_login(kvp_veileder_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("deltaker:aktivering_send", kwargs={"person_id": person.pk}))
    client.logout()
    lenke = _lenke(mail.outbox[0])
    svar = client.post(lenke, {"passord": "kort", "passord_igjen": "kort"})
    assert svar.status_code == 400
    assert "12 tegn" in svar.content.decode()
    assert Aktivering.objects.get().brukt is None


def test_uten_passordinnlogging_gaar_lenken_til_id_porten(
    client, person, kvp_veileder_a, settings, django_capture_on_commit_callbacks
):
    settings.KVP_PASSORD_INNLOGGING = False
    client.force_login(kvp_veileder_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("deltaker:aktivering_send", kwargs={"person_id": person.pk}))
    client.logout()
    svar = client.post(_lenke(mail.outbox[0]))
    assert svar["Location"] == reverse("tilgang:oidc_start", kwargs={"tjeneste": "idporten"})
    bruker = Rolletildeling.objects.get(rolle=Rolle.DELTAKER, person=person).bruker
    assert not bruker.has_usable_password()


def test_bare_kvp_veileder_paa_kontoret_kan_sende(person, veileder_a, kvp_veileder_b, lag_person):
    with pytest.raises(IkkeTilgang):
        aktivering_opprett(bruker=veileder_a, person_id=person.pk, grunnadresse="http://x/")
    with pytest.raises(IkkeFunnet):
        aktivering_opprett(bruker=kvp_veileder_b, person_id=person.pk, grunnadresse="http://x/")


def test_person_uten_epost_faar_forklaring(client, lag_person, kvp_veileder_a):
    person = lag_person()
    client.force_login(kvp_veileder_a)
    svar = client.post(reverse("deltaker:aktivering_send", kwargs={"person_id": person.pk}), follow=True)
    assert "ingen e-postadresse" in svar.content.decode()
    assert not Aktivering.objects.exists()
    with pytest.raises(KvpFeil):
        aktivering_opprett(bruker=kvp_veileder_a, person_id=person.pk, grunnadresse="http://x/")

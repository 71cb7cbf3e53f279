"""Samtalen om saken: deltakeren skriver med vedlegg, veilederen svarer, uleste telles, alt logges, varsel sendes."""

import datetime as dt

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from kvp.deltaker.models import Melding, Varsel, Varselvalg
from kvp.deltaker.selectors import deltakermeldinger_aapne, uleste_antall
from kvp.deltaker.services import melding_send, varsler_send_paa_nytt
from kvp.deltaker.sms import MinneSms
from kvp.dokument.tests import filer
from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.tilgang.models import Rolle


@pytest.fixture
def sak(lag_sak_i_program):
    return lag_sak_i_program(epost="deltaker@example.no", telefon="90000000")


@pytest.fixture
def deltaker(sak, lag_bruker):
    return lag_bruker(Rolle.DELTAKER, person=sak.person)


def test_samtale_med_vedlegg_svar_og_varsel(client, sak, deltaker, kvp_veileder_a, django_capture_on_commit_callbacks):
    client.force_login(deltaker)
    svar = client.post(
        reverse("deltaker:mine_meldinger"),
        {"tekst": "Jeg var syk i går.", "vedlegg": SimpleUploadedFile("lege.jpg", filer.jpeg_med_gps())},
    )
    assert svar.status_code == 302
    melding = Melding.objects.get()
    assert melding.fra_deltaker and melding.vedlegg is not None
    assert uleste_antall(bruker=kvp_veileder_a) == 1
    assert [(o.hva, o.sak_id) for o in deltakermeldinger_aapne(kvp_veileder_a)] == [
        ("Ulest melding fra deltakeren", sak.pk)
    ]

    client.force_login(kvp_veileder_a)
    side = client.get(reverse("deltaker:sak_meldinger", kwargs={"sak_id": sak.pk})).content.decode()
    assert "Jeg var syk i går." in side and "lege.jpg" in side
    assert uleste_antall(bruker=kvp_veileder_a) == 0
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("deltaker:sak_meldinger", kwargs={"sak_id": sak.pk}), {"tekst": "God bedring!"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["deltaker@example.no"]
    assert "God bedring" not in mail.outbox[0].body and sak.person.fornavn not in mail.outbox[0].body

    client.force_login(deltaker)
    assert uleste_antall(bruker=deltaker) == 1
    assert "(1 uleste)" in client.get(reverse("soeknad:min_side")).content.decode()
    assert "God bedring!" in client.get(reverse("deltaker:mine_meldinger")).content.decode()
    assert uleste_antall(bruker=deltaker) == 0
    logg = Logghendelse.objects.filter(person=sak.person)
    assert logg.filter(handling="OPPRETT", objekttype="melding").count() == 2
    assert logg.filter(handling="LES", objekttype="meldinger", bruker=kvp_veileder_a).exists()


def test_tom_melding_gir_400_og_ingenting_lagres(client, deltaker):
    client.force_login(deltaker)
    svar = client.post(reverse("deltaker:mine_meldinger"), {"tekst": "  "})
    assert svar.status_code == 400
    assert not Melding.objects.exists()


def test_ugyldig_vedlegg_gir_400_og_ingen_melding(client, deltaker):
    client.force_login(deltaker)
    svar = client.post(
        reverse("deltaker:mine_meldinger"),
        {"tekst": "Her", "vedlegg": SimpleUploadedFile("x.png", b"ikke et bilde")},
    )
    assert svar.status_code == 400
    assert "PDF, JPEG og PNG" in svar.content.decode()
    assert not Melding.objects.exists()


def test_andre_kan_ikke_skrive_i_saken(sak, lag_sak_i_program, lag_bruker, kvp_veileder_b, leder_a):
    annen_deltaker = lag_bruker(Rolle.DELTAKER, person=lag_sak_i_program().person)
    for bruker in (annen_deltaker, kvp_veileder_b):
        with pytest.raises(IkkeFunnet):
            melding_send(bruker=bruker, sak_id=sak.pk, tekst="Hei")
    with pytest.raises(KvpFeil):
        melding_send(bruker=leder_a, sak_id=sak.pk, tekst="Hei")


def test_leder_ser_samtalen_naar_veilederen_er_borte(client, sak, deltaker, leder_a):
    melding_send(bruker=deltaker, sak_id=sak.pk, tekst="Er noen der?")
    client.force_login(leder_a)
    assert "Er noen der?" in client.get(reverse("deltaker:sak_meldinger", kwargs={"sak_id": sak.pk})).content.decode()


def test_feilet_varsel_proeves_igjen_og_sms_etter_valg(
    client, sak, deltaker, kvp_veileder_a, settings, django_capture_on_commit_callbacks
):
    settings.KVP_SMS_BACKEND = "kvp.deltaker.sms.MinneSms"
    MinneSms.utboks.clear()
    Varselvalg.objects.create(person=sak.person, epost=True, sms=True)
    client.force_login(kvp_veileder_a)
    settings.EMAIL_BACKEND = "kvp.deltaker.tests.test_meldinger.FeilendeEpost"
    with django_capture_on_commit_callbacks(execute=True):
        melding_send(bruker=kvp_veileder_a, sak_id=sak.pk, tekst="Nytt møte")
    assert set(Varsel.objects.values_list("kanal", "status")) == {("EPOST", "FEILET"), ("SMS", "SENDT")}
    side = client.get(reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "?fane=meldinger").content.decode()
    assert "Varsler til deltakeren kom ikke fram (E-post" in side
    assert MinneSms.utboks == [("90000000", "Du har fått noe nytt i KVP. Logg inn for å lese det.")]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert varsler_send_paa_nytt() == 0  # ventetiden før neste forsøk er ikke over
    Varsel.objects.filter(status="FEILET").update(neste_forsoek=timezone.now() - dt.timedelta(seconds=1))
    assert varsler_send_paa_nytt() == 1
    assert Varsel.objects.filter(status="SENDT").count() == 2
    assert len(mail.outbox) == 1


class FeilendeEpost:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, meldinger):
        raise ConnectionError("SMTP nede")


def test_kommandoen_sender_ventende_varsler(sak):
    Varsel.objects.create(person=sak.person, kanal="EPOST", grunn="BREV")
    call_command("send_varsler")
    assert Varsel.objects.get().status == "SENDT"
    assert len(mail.outbox) == 1

"""Skjemaene i klagesaken: ugyldig input gir en norsk melding og 400, og ingenting blir halvveis lagret."""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from kvp.klage.models import Klage, Klagedokument, Klagestatus

from .conftest import PDF


def test_deltaker_uten_tekst_og_med_falsk_pdf_faar_400_og_ingenting_lagres(client, avbrudd, deltaker):
    client.force_login(deltaker)
    url = reverse("klage:ny", kwargs={"vedtak_id": avbrudd.pk})
    assert client.get(url).status_code == 200
    svar = client.post(url, {"tekst": ""})
    assert svar.status_code == 400
    assert "Dette feltet må fylles ut." in svar.content.decode()
    svar = client.post(url, {"tekst": "Uenig.", "vedlegg": SimpleUploadedFile("x.pdf", b"MZ\x90\x00 ikke en pdf")})
    assert svar.status_code == 400
    assert "Vi tar bare imot PDF, JPEG og PNG." in svar.content.decode()
    assert not Klage.objects.exists() and not Klagedokument.objects.exists()


def test_deltaker_klager_fra_brevsiden_med_flere_vedlegg(client, avbrudd, deltaker):
    client.force_login(deltaker)
    brevside = client.get(reverse("brev:vis", kwargs={"vedtak_id": avbrudd.pk})).content.decode()
    assert reverse("klage:ny", kwargs={"vedtak_id": avbrudd.pk}) in brevside
    svar = client.post(
        reverse("klage:ny", kwargs={"vedtak_id": avbrudd.pk}),
        {"tekst": "Uenig.", "vedlegg": [SimpleUploadedFile("a.pdf", PDF), SimpleUploadedFile("b.pdf", PDF)]},
    )
    klage = Klage.objects.get()
    assert svar.status_code == 302 and svar["Location"] == reverse("klage:detalj", kwargs={"klage_id": klage.pk})
    assert klage.dokumenter.count() == 2
    assert client.get(reverse("klage:liste")).status_code == 200


def test_kontoret_registrerer_muntlig_klage_og_dato_frem_i_tid_avvises(client, avbrudd, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    url = reverse("klage:ny_kontor", kwargs={"sak_id": avbrudd.sak_id})
    data = {"vedtak": str(avbrudd.pk), "kanal": "TELEFON", "tekst": "Notat fra samtalen."}
    svar = client.post(url, {**data, "mottatt_dato": (timezone.localdate() + dt.timedelta(days=1)).isoformat()})
    assert svar.status_code == 400 and "frem i tid" in svar.content.decode()
    assert not Klage.objects.exists()
    svar = client.post(url, {**data, "mottatt_dato": timezone.localdate().isoformat()})
    assert svar.status_code == 302
    klage = Klage.objects.get()
    assert (klage.kanal, klage.status) == ("TELEFON", Klagestatus.REGISTRERT)


def test_sen_klage_uten_paragraf_31_vurdering_gir_feil_ved_feltet(client, avbrudd, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    client.post(
        reverse("klage:ny_kontor", kwargs={"sak_id": avbrudd.sak_id}),
        {
            "vedtak": str(avbrudd.pk),
            "kanal": "PAPIR",
            "tekst": "Brev.",
            "mottatt_dato": timezone.localdate().isoformat(),
        },
    )
    klage = Klage.objects.get()
    Klage.objects.filter(pk=klage.pk).update(for_sent=True)
    alle = dict.fromkeys(("klagerett", "i_tide", "underskrevet", "vedtak_nevnt", "endring_nevnt"), "on")
    svar = client.post(reverse("klage:formkrav", kwargs={"klage_id": klage.pk}), alle)
    assert svar.status_code == 400
    assert "forvaltningsloven § 31" in svar.content.decode()
    klage.refresh_from_db()
    assert klage.status == Klagestatus.REGISTRERT and not klage.formkrav
    svar = client.post(
        reverse("klage:vurder", kwargs={"klage_id": klage.pk}), {"resultat": "OVERSEND", "vurdering": "x"}
    )
    assert svar.status_code == 400  # ikke i riktig status: melding, ikke 500
    assert "kan ikke gjøres nå" in svar.content.decode()


def test_oversikten_for_leder_lenker_til_klagen_og_saken(client, avbrudd, deltaker, leder_a, kvp_veileder_b):
    from kvp.klage import services
    from kvp.klage.models import Kanal

    klage = services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Uenig.", kanal=Kanal.DIGITAL)
    client.force_login(leder_a)
    tekst = client.get(reverse("klage:oversikt")).content.decode()
    assert reverse("klage:detalj", kwargs={"klage_id": klage.pk}) in tekst
    assert reverse("sak:detalj", kwargs={"sak_id": avbrudd.sak_id}) in tekst
    client.force_login(kvp_veileder_b)
    tekst = client.get(reverse("klage:oversikt")).content.decode()
    assert "Klagesen" not in tekst and "Ingen klager." in tekst

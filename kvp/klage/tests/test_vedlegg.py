"""Vedlegg til en klage går samme vei inn som alle andre opplastinger (`kvp.dokument.kontroll`): typen avgjøres av
innholdet, store filer avvises, bilder lagres uten EXIF, og et vedlegg vises bare i sin egen klage."""

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from kvp.dokument.models import dokumentlager
from kvp.dokument.tests import filer
from kvp.klage import services
from kvp.klage.models import Kanal, Klage, Klagedokument
from kvp.person.models import Person
from kvp.tilgang.models import Rolle
from kvp.vedtak.models import Vedtakstype

from .conftest import fatt

pytestmark = pytest.mark.django_db


def _lagrede_filer() -> set[str]:
    lager = dokumentlager()
    if not lager.exists("klage"):
        return set()
    mapper, _ = lager.listdir("klage")
    return {f"{m}/{f}" for m in mapper for f in lager.listdir(f"klage/{m}")[1]}


def _send(client: Any, vedtak: Any, fil: Any) -> Any:
    return client.post(reverse("klage:ny", kwargs={"vedtak_id": vedtak.pk}), {"tekst": "Uenig.", "vedlegg": fil})


def test_pdf_med_navnet_png_lagres_som_pdf_etter_innholdet(client, avbrudd, deltaker):
    client.force_login(deltaker)
    svar = _send(client, avbrudd, SimpleUploadedFile("legeerklaering.png", filer.pdf(), content_type="image/png"))
    assert svar.status_code == 302
    dokument = Klagedokument.objects.get()
    assert (dokument.innholdstype, dokument.navn) == ("application/pdf", "legeerklaering.pdf")
    lastet_ned = client.get(
        reverse("klage:dokument", kwargs={"klage_id": dokument.klage_id, "dokument_id": dokument.pk})
    )
    assert lastet_ned["Content-Type"] == "application/pdf"
    assert b"".join(lastet_ned.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("maalform", "melding"),
    [
        ("NB", "Vi tar bare imot PDF, JPEG og PNG."),
        ("NN", "Vi tek berre imot PDF, JPEG og PNG."),
    ],
)
def test_tekst_med_navnet_png_avvises_paa_maalformen_og_ingenting_lagres(client, avbrudd, deltaker, maalform, melding):
    Person.objects.filter(pk=avbrudd.sak.person_id).update(maalform=maalform)
    client.force_login(deltaker)
    foer = _lagrede_filer()
    svar = _send(client, avbrudd, SimpleUploadedFile("bilde.png", b"<html><script>alert(1)</script></html>"))
    assert svar.status_code == 400
    assert melding in svar.content.decode()
    assert not Klage.objects.exists() and not Klagedokument.objects.exists()
    assert _lagrede_filer() == foer


@override_settings(KVP_DOKUMENT_MAKS_BYTE=1024)
def test_for_stor_fil_avvises_og_ingenting_lagres(client, avbrudd, deltaker):
    client.force_login(deltaker)
    stor = filer.pdf() + b"%" * 2048
    foer = _lagrede_filer()
    svar = _send(client, avbrudd, SimpleUploadedFile("stor.pdf", stor))
    assert svar.status_code == 400
    assert "Filen er for stor." in svar.content.decode()
    assert not Klage.objects.exists() and not Klagedokument.objects.exists()
    assert _lagrede_filer() == foer


def test_jpeg_med_gps_lagres_uten_exif(client, avbrudd, deltaker):
    original = filer.jpeg_med_gps()
    assert filer.har_gps(original)
    client.force_login(deltaker)
    assert _send(client, avbrudd, SimpleUploadedFile("kvittering.jpg", original)).status_code == 302
    dokument = Klagedokument.objects.get()
    assert dokument.fil.storage is dokumentlager()
    with dokument.fil.open("rb") as f:
        lagret = f.read()
    assert lagret.startswith(b"\xff\xd8\xff")
    assert not filer.har_gps(lagret) and not filer.har_exif(lagret)
    assert dokument.stoerrelse == len(lagret)


def test_vedlegg_i_en_annen_klage_eller_sak_gir_404(
    client, avbrudd, deltaker, lag_sak_i_program, lag_bruker, kvp_veileder_a, beslutter_a
):
    klage = services.klage_registrer(
        bruker=deltaker,
        vedtak_id=avbrudd.pk,
        tekst="Uenig.",
        kanal=Kanal.DIGITAL,
        vedlegg=[SimpleUploadedFile("a.pdf", filer.pdf())],
    )
    annet_vedtak = fatt(
        kvp=kvp_veileder_a,
        beslutter=beslutter_a,
        sak=lag_sak_i_program(fornavn="Ola", etternavn="Annensen"),
        type=Vedtakstype.AVBRUDD,
        fra_og_med=dt.date(2025, 3, 1),
        begrunnelse="Har ikke møtt.",
    )
    annen_deltaker = lag_bruker(Rolle.DELTAKER, person=annet_vedtak.sak.person)
    annen_klage = services.klage_registrer(
        bruker=annen_deltaker,
        vedtak_id=annet_vedtak.pk,
        tekst="Uenig.",
        kanal=Kanal.DIGITAL,
        vedlegg=[SimpleUploadedFile("b.png", filer.png())],
    )
    mitt = klage.dokumenter.get()
    andres = annen_klage.dokumenter.get()

    def url(klage_id: Any, dokument_id: Any) -> str:
        return reverse("klage:dokument", kwargs={"klage_id": klage_id, "dokument_id": dokument_id})

    client.force_login(deltaker)
    assert client.get(url(klage.pk, mitt.pk)).status_code == 200
    # Den andres vedlegg: verken gjennom min klage eller gjennom den andres klage.
    assert client.get(url(klage.pk, andres.pk)).status_code == 404
    assert client.get(url(annen_klage.pk, andres.pk)).status_code == 404
    # Kontoret for den andre saken ser bare vedlegget i riktig klage.
    client.force_login(kvp_veileder_a)
    assert client.get(url(annen_klage.pk, mitt.pk)).status_code == 404
    assert client.get(url(annen_klage.pk, andres.pk)).status_code == 200

"""Bare PDF, JPEG og PNG, avgjort av innholdet; for store filer avvises; bilder mister metadata; bare egen sak."""

import pytest
from django.urls import reverse

from kvp.dokument.kontroll import fil_kontroller
from kvp.dokument.models import Dokument
from kvp.dokument.services import dokument_last_opp
from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.tilgang.models import Rolle

from . import filer


@pytest.fixture
def sak(lag_sak_i_program):
    return lag_sak_i_program()


@pytest.fixture
def deltaker(sak, lag_bruker):
    return lag_bruker(Rolle.DELTAKER, person=sak.person)


def test_pdf_med_navnet_png_lagres_som_pdf_etter_innholdet(deltaker, sak):
    dokument = dokument_last_opp(bruker=deltaker, sak_id=sak.pk, innhold=filer.pdf(), filnavn="bilde.png")
    assert dokument.innholdstype == "application/pdf"
    assert dokument.filnavn == "bilde.pdf"
    assert str(dokument.fil.name).endswith(".pdf")


def test_tekstfil_med_navnet_png_avvises():
    with pytest.raises(KvpFeil) as feil:
        fil_kontroller(innhold=b"<html><script>alert(1)</script>", filnavn="bilde.png")
    assert feil.value.kode == "KVP_DOKUMENT_UGYLDIG"


def test_oedelagt_pdf_avvises():
    with pytest.raises(KvpFeil) as feil:
        fil_kontroller(innhold=b"%PDF-1.7\nikke en ekte pdf", filnavn="x.pdf")
    assert feil.value.kode == "KVP_DOKUMENT_UGYLDIG"


def test_for_stor_fil_avvises_og_ingenting_lagres(deltaker, sak, settings):
    settings.KVP_DOKUMENT_MAKS_BYTE = 1000
    innhold = filer.pdf() + b"\n%" + b"x" * 2000
    with pytest.raises(KvpFeil) as feil:
        dokument_last_opp(bruker=deltaker, sak_id=sak.pk, innhold=innhold, filnavn="stor.pdf")
    assert feil.value.kode == "KVP_DOKUMENT_FOR_STOR"
    assert not Dokument.objects.exists()


def test_jpeg_med_gps_lagres_uten_exif(deltaker, sak):
    original = filer.jpeg_med_gps()
    assert filer.har_gps(original)
    dokument = dokument_last_opp(bruker=deltaker, sak_id=sak.pk, innhold=original, filnavn="IMG_0001.JPG")
    with dokument.fil.open("rb") as f:
        lagret = f.read()
    assert dokument.innholdstype == "image/jpeg"
    assert not filer.har_gps(lagret)
    assert not filer.har_exif(lagret)


def test_fil_til_en_annen_sak_avvises(deltaker, lag_sak_i_program):
    annen = lag_sak_i_program()
    with pytest.raises(IkkeFunnet):
        dokument_last_opp(bruker=deltaker, sak_id=annen.pk, innhold=filer.png(), filnavn="x.png")
    assert not Dokument.objects.exists()


def test_nedlasting_bare_med_tilgang_som_vedlegg_uten_mellomlager(
    client, deltaker, sak, lag_sak_i_program, lag_bruker, kvp_veileder_a, kvp_veileder_b
):
    dokument = dokument_last_opp(bruker=deltaker, sak_id=sak.pk, innhold=filer.png(), filnavn="kvittering.png")
    url = reverse("dokument:last_ned", kwargs={"dokument_id": dokument.pk})
    for bruker in (deltaker, kvp_veileder_a):
        client.force_login(bruker)
        svar = client.get(url)
        assert svar.status_code == 200
        assert svar["Content-Disposition"].startswith("attachment")
        assert "no-store" in svar["Cache-Control"]
        assert svar["Content-Type"] == "image/png"
        b"".join(svar.streaming_content)
    annen_deltaker = lag_bruker(Rolle.DELTAKER, person=lag_sak_i_program().person)
    for bruker in (kvp_veileder_b, annen_deltaker):
        client.force_login(bruker)
        assert client.get(url).status_code == 404
    assert Logghendelse.objects.filter(handling="LES", objekttype="dokument", objekt_id=str(dokument.pk)).count() == 2

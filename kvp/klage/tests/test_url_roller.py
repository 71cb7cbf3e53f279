"""Klagens URL-er × roller: statsforvalteren i et annet fylke får 404 på alt, statsforvalteren i fylket ser klagen
men ikke resten av saken, deltakeren ser sin egen klage men ikke saksdokumentene eller oversendelsesbrevet."""

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kvp.felles.tests.test_url_tilgang import URLER
from kvp.klage import services
from kvp.klage.models import Brevtype, Kanal

from .conftest import PDF

KLAGE_URLER = [(n, p) for n, p in URLER if n.startswith("klage:")]
ALLE_JA = dict.fromkeys(("klagerett", "i_tide", "underskrevet", "vedtak_nevnt", "endring_nevnt"), True)


@pytest.fixture
def oversendt(avbrudd, deltaker, kvp_veileder_a):
    klage = services.klage_registrer(
        bruker=deltaker,
        vedtak_id=avbrudd.pk,
        tekst="Jeg var syk.",
        kanal=Kanal.DIGITAL,
        vedlegg=[SimpleUploadedFile("lege.pdf", PDF)],
    )
    services.klage_formkrav_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, formkrav=ALLE_JA)
    services.klage_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, resultat="OVERSEND", vurdering="Riktig vedtak.")
    return {
        "klage_id": klage.pk,
        "dokument_id": klage.dokumenter.get().pk,
        "klagebrev_id": klage.brev.get(type=Brevtype.OVERSENDELSE).pk,
        "vedtak_id": avbrudd.pk,
        "sak_id": avbrudd.sak_id,
        "person_id": avbrudd.sak.person_id,
    }


def _url(navn: str, params: tuple[str, ...], obj: dict[str, Any]) -> str:
    return reverse(navn, kwargs={p: obj[p] for p in params})


def test_alle_klage_urler_er_med():
    assert len(KLAGE_URLER) >= 15


@pytest.mark.parametrize(("navn", "params"), KLAGE_URLER, ids=[u[0] for u in KLAGE_URLER])
def test_statsforvalter_i_annet_fylke_faar_404_paa_alt_med_objekt(client, oversendt, sf_innlandet, navn, params):
    client.force_login(sf_innlandet)
    url = _url(navn, params, oversendt)
    for metode in (client.get, client.post):
        svar = metode(url)
        assert "Klagesen" not in svar.content.decode()
        if params:
            assert svar.status_code in (404, 405), f"{metode.__name__} {url}: {svar.status_code}"


def test_statsforvalter_i_fylket_ser_klagen_men_ikke_saken_utenfor_klagen(client, oversendt, sf_rogaland):
    client.force_login(sf_rogaland)
    for navn, params in (
        ("klage:detalj", ("klage_id",)),
        ("klage:saksdokumenter", ("klage_id",)),
        ("klage:dokument", ("klage_id", "dokument_id")),
        ("klage:brev", ("klage_id", "klagebrev_id")),
        ("klage:statsforvalter", ()),
        ("klage:oversikt", ()),
    ):
        assert client.get(_url(navn, params, oversendt)).status_code == 200, navn
    for navn, params in (
        ("sak:detalj", ("sak_id",)),
        ("vedtak:sak", ("sak_id",)),
        ("person:detalj", ("person_id",)),
        ("brev:vis", ("vedtak_id",)),
        ("plan:plan", ("sak_id",)),
    ):
        svar = client.get(_url(navn, params, oversendt))
        assert svar.status_code in (403, 404), navn
        assert "Klagesen" not in svar.content.decode()
    assert client.get(reverse("felles:forside")).url == reverse("klage:statsforvalter")


def test_deltakeren_ser_egen_klage_men_ikke_saksdokumentene_eller_oversendelsesbrevet(client, oversendt, deltaker):
    client.force_login(deltaker)
    assert client.get(_url("klage:detalj", ("klage_id",), oversendt)).status_code == 200
    assert client.get(_url("klage:dokument", ("klage_id", "dokument_id"), oversendt)).status_code == 200
    assert client.get(_url("klage:saksdokumenter", ("klage_id",), oversendt)).status_code == 404
    assert client.get(_url("klage:brev", ("klage_id", "klagebrev_id"), oversendt)).status_code == 404
    assert client.post(_url("klage:avgjoer", ("klage_id",), oversendt), {"utfall": "ENDRET"}).status_code == 403


def test_leder_ser_klagen_men_kan_ikke_behandle(client, oversendt, leder_a):
    client.force_login(leder_a)
    assert client.get(_url("klage:detalj", ("klage_id",), oversendt)).status_code == 200
    assert (
        client.post(
            _url("klage:vurder", ("klage_id",), oversendt), {"resultat": "OMGJOER", "vurdering": "x"}
        ).status_code
        == 403
    )


def test_vedlegg_serveres_som_nedlasting_med_riktig_type(client, oversendt, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    svar = client.get(_url("klage:dokument", ("klage_id", "dokument_id"), oversendt))
    assert svar["Content-Type"] == "application/pdf"
    assert svar["Content-Disposition"].startswith("attachment")
    assert b"".join(svar.streaming_content).startswith(b"%PDF")

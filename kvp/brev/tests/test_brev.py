"""Vedtaksbrevene: PDF-teksten på bokmål og nynorsk, og hvem som får se brevet."""

import io
import re
from collections.abc import Callable
from typing import Any

import pytest
from django.urls import reverse
from pypdf import PdfReader

from kvp.person.models import Maalform, Person
from kvp.tilgang.models import Bruker, Rolle
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtakstype
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

BEGRUNNELSE = "Søkeren har lite arbeidserfaring og trenger tett oppfølging over tid."


def _tekst(pdf: bytes) -> str:
    tekst = "\n".join(side.extract_text() for side in PdfReader(io.BytesIO(pdf)).pages)
    return re.sub(r"\s+", " ", tekst)


def _fattet_innvilgelse(lag_person: Callable[..., Person], kvp: Bruker, beslutter: Bruker, maalform: str) -> Vedtak:
    person = lag_person(maalform=maalform)
    sak = sak_til_vilkaarsvurdering(bruker=kvp, person=person)
    vilkaar_vurder(bruker=kvp, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp, sak=sak, begrunnelse=BEGRUNNELSE)
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


@pytest.fixture
def beslutter(lag_bruker, kontor_a):
    return lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)


def test_innvilgelse_paa_bokmaal_har_begrunnelse_hjemmel_klagefrist_fravaer_og_beloep(
    lag_person, kvp_veileder_a, beslutter
):
    vedtak = _fattet_innvilgelse(lag_person, kvp_veileder_a, beslutter, Maalform.BOKMAAL)
    brev = vedtak.brev
    assert brev.maalform == "NB"
    tekst = _tekst(bytes(brev.pdf))
    assert BEGRUNNELSE in tekst
    assert "sosialtjenesteloven § 29" in tekst
    assert "sosialtjenesteloven § 35" in tekst
    assert "forvaltningsloven §§ 24 og 25" in tekst
    assert "Klagefristen er tre uker" in tekst
    assert "Statsforvalteren i Rogaland" in tekst
    assert "NAV Randaberg-Kvitsøy" in tekst
    assert "Fravær uten gyldig grunn gir trekk i stønaden" in tekst
    assert "rett til å se dokumentene" in tekst
    assert vedtak.beregning is not None
    assert vedtak.beregning["total_tekst"] in tekst
    assert "Vesentlig nedsatt arbeids- og inntektsevne" in tekst
    assert "kvalifiseringsstønad" in tekst.lower()


def test_innvilgelse_paa_nynorsk_har_same_innhald(lag_person, kvp_veileder_a, beslutter):
    vedtak = _fattet_innvilgelse(lag_person, kvp_veileder_a, beslutter, Maalform.NYNORSK)
    brev = vedtak.brev
    assert brev.maalform == "NN"
    tekst = _tekst(bytes(brev.pdf))
    assert BEGRUNNELSE in tekst  # saksbehandlarens eigen tekst
    assert "Grunngiving" in tekst
    assert "sosialtenestelova § 29" in tekst
    assert "forvaltningslova §§ 24 og 25" in tekst
    assert "Klagefristen er tre veker" in tekst
    assert "Statsforvaltaren i Rogaland" in tekst
    assert "Fråvær utan gyldig grunn gir trekk i stønaden" in tekst
    assert "rett til å sjå dokumenta" in tekst
    assert "Vesentleg nedsett arbeids- og inntektsevne" in tekst
    assert "tre uker" not in tekst
    assert 'lang="nn"' in brev.html


@pytest.mark.parametrize(
    ("maalform", "forventet"),
    [("NB", "Du får ikke kvalifiseringsprogram"), ("NN", "Du får ikkje kvalifiseringsprogram")],
)
def test_avslagsbrev_sier_hvilket_vilkaar_og_hvorfor(lag_person, kvp_veileder_a, beslutter, maalform, forventet):
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(maalform=maalform))
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, arbeidsevne="VARIG_TILPASSET")
    vedtak = services.vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Vedtakstype.AVSLAG,
        avslag_vilkaar="ARBEIDSEVNE",
        begrunnelse="Arbeidsevnevurderingen viser varig tilpasset innsats.",
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    vedtak = services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)
    tekst = _tekst(bytes(vedtak.brev.pdf))
    assert forventet in tekst
    assert "Arbeidsevnevurderingen viser varig tilpasset innsats." in tekst
    assert "§ 29" in tekst
    assert ("tre uker" if maalform == "NB" else "tre veker") in tekst
    assert "Fravær uten gyldig grunn" not in tekst  # forbeholdet hører til innvilgelsen


def test_deltakeren_ser_sine_brev_paa_min_side_og_ingen_andres(
    client, lag_person, lag_bruker, kvp_veileder_a, beslutter
):
    vedtak = _fattet_innvilgelse(lag_person, kvp_veileder_a, beslutter, Maalform.BOKMAAL)
    deltaker = lag_bruker(Rolle.DELTAKER, person=vedtak.sak.person)
    annen = lag_bruker(Rolle.DELTAKER, person=lag_person(fornavn="Annen"))
    client.force_login(deltaker)
    side = client.get(reverse("soeknad:min_side")).content.decode()
    assert vedtak.brev.tittel in side
    svar = client.get(reverse("brev:vis", kwargs={"vedtak_id": vedtak.pk}))
    assert svar.status_code == 200
    assert BEGRUNNELSE in svar.content.decode()
    pdf = client.get(reverse("brev:pdf", kwargs={"vedtak_id": vedtak.pk}))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content[:4] == b"%PDF"
    client.force_login(annen)
    assert client.get(reverse("brev:vis", kwargs={"vedtak_id": vedtak.pk})).status_code == 404
    assert client.get(reverse("brev:pdf", kwargs={"vedtak_id": vedtak.pk})).status_code == 404
    assert vedtak.brev.tittel not in client.get(reverse("soeknad:min_side")).content.decode()


def test_utkast_har_ikke_brev_men_forhaandsvisning_for_saksbehandler(client, lag_person, kvp_veileder_a):
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person())
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak, begrunnelse=BEGRUNNELSE)
    client.force_login(kvp_veileder_a)
    assert client.get(reverse("brev:vis", kwargs={"vedtak_id": vedtak.pk})).status_code == 404
    side = client.get(reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})).content.decode()
    assert "Utkast – vedtaket er ikke fattet ennå." in side
    assert BEGRUNNELSE in side


def test_brevsidene_svarer_bare_paa_get(client, kvp_veileder_a):
    import uuid

    from django.urls import reverse

    client.force_login(kvp_veileder_a)
    for navn in ("brev:vis", "brev:pdf"):
        assert client.post(reverse(navn, args=[uuid.uuid4()])).status_code == 405


@pytest.mark.parametrize(("maalform", "lang"), [(Maalform.BOKMAAL, "nb"), (Maalform.NYNORSK, "nn")])
def test_brevet_er_en_tilgjengelig_pdf_med_struktur_spraak_og_tittel(
    lag_person, kvp_veileder_a, beslutter, maalform, lang
):
    """PDF/UA-1: merket PDF med strukturtre (overskrifter, avsnitt, tabeller), språket satt og tittelen vist."""
    vedtak = _fattet_innvilgelse(lag_person, kvp_veileder_a, beslutter, maalform)
    leser = PdfReader(io.BytesIO(bytes(vedtak.brev.pdf)))
    katalog: Any = leser.trailer["/Root"]
    assert "/StructTreeRoot" in katalog
    assert katalog["/MarkInfo"]["/Marked"].value is True
    assert katalog["/Lang"] == lang
    assert leser.metadata is not None and leser.metadata.title == vedtak.brev.tittel
    assert katalog["/ViewerPreferences"]["/DisplayDocTitle"].value is True
    # Strukturtreet har elementer for overskriftene og tabellene, ikke bare ett dokumentelement.
    typer: set[str] = set()

    def samle(node: object) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, dict):
            if "/S" in node:
                typer.add(str(node["/S"]))
            samle(node.get("/K"))
        elif isinstance(node, list):
            for barn in node:
                samle(barn)

    samle(katalog["/StructTreeRoot"])
    assert {"/H1", "/H2", "/P", "/Table"} <= typer, typer
    # Teksten er den samme som før (tilgjengeligheten endrer ikke innholdet).
    assert BEGRUNNELSE in _tekst(bytes(vedtak.brev.pdf))

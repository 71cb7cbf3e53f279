"""Klagen gjennom begge instanser: registrering, frist, formkrav, kontorets vurdering, oversendelse,
statsforvalterens avgjørelse og iverksetting med et nytt vedtak."""

import datetime as dt
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from pypdf import PdfReader

from kvp.brev.services import vedtaksbrev_lag
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.klage import selectors, services
from kvp.klage.models import Brevtype, Kanal, Klagestatus, Utfall
from kvp.klage.saksdokumenter import saksdokumenter_html
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype
from kvp_regler import klage as regler

from .conftest import PDF, PNG, fatt

ALLE_JA = dict.fromkeys(("klagerett", "i_tide", "underskrevet", "vedtak_nevnt", "endring_nevnt"), True)


def _pdf_tekst(data: bytes) -> str:
    return " ".join(" ".join((s.extract_text() or "").split()) for s in PdfReader(io.BytesIO(data)).pages)


def test_deltakeren_klager_digitalt_med_vedlegg_og_fristen_regnes_ut(avbrudd, deltaker):
    klage = services.klage_registrer(
        bruker=deltaker,
        vedtak_id=avbrudd.pk,
        tekst="Jeg var syk og har legeerklæring.",
        kanal=Kanal.DIGITAL,
        vedlegg=[SimpleUploadedFile("lege.pdf", PDF), SimpleUploadedFile("bilde.png", PNG)],
    )
    assert klage.status == Klagestatus.REGISTRERT
    assert klage.vedtak_mottatt_dato == regler.vedtak_antatt_mottatt(avbrudd.vedtak_dato)
    assert klage.klagefrist == regler.klagefrist(klage.vedtak_mottatt_dato)
    assert not klage.for_sent
    typer = sorted(d.innholdstype for d in klage.dokumenter.all())
    assert typer == ["application/pdf", "image/png"]
    assert klage.dokumenter.all()[0].fil.read().startswith((b"%PDF", b"\x89PNG"))


def test_fil_som_later_som_pdf_avvises_og_ingenting_lagres(avbrudd, deltaker):
    with pytest.raises(KvpFeil) as feil:
        services.klage_registrer(
            bruker=deltaker,
            vedtak_id=avbrudd.pk,
            tekst="Klage",
            kanal=Kanal.DIGITAL,
            vedlegg=[SimpleUploadedFile("lure.pdf", b"<html><script>alert(1)</script>")],
        )
    assert feil.value.kode == "KVP_DOKUMENT_UGYLDIG"
    assert not avbrudd.klager.exists()


@override_settings(KVP_DOKUMENT_MAKS_BYTE=10)
def test_for_stor_fil_avvises(avbrudd, deltaker):
    with pytest.raises(KvpFeil) as feil:
        services.klage_registrer(
            bruker=deltaker,
            vedtak_id=avbrudd.pk,
            tekst="Klage",
            kanal=Kanal.DIGITAL,
            vedlegg=[SimpleUploadedFile("a.pdf", PDF)],
        )
    assert feil.value.kode == "KVP_DOKUMENT_FOR_STOR"


def test_sen_klage_paa_papir_gaar_til_vurdering_etter_paragraf_31(avbrudd, kvp_veileder_a):
    frist = regler.klagefrist(regler.vedtak_antatt_mottatt(avbrudd.vedtak_dato))
    klage = services.klage_registrer(
        bruker=kvp_veileder_a,
        vedtak_id=avbrudd.pk,
        tekst="Brev fra deltakeren.",
        kanal=Kanal.PAPIR,
        mottatt_dato=frist + dt.timedelta(days=1),
        i_dag=frist + dt.timedelta(days=3),
    )
    assert klage.for_sent and klage.status == Klagestatus.REGISTRERT
    with pytest.raises(KvpFeil) as feil:
        services.klage_formkrav_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, formkrav=ALLE_JA)
    assert feil.value.felt == "for_sent_vurdering"
    klage = services.klage_formkrav_vurder(
        bruker=kvp_veileder_a, klage_id=klage.pk, formkrav=ALLE_JA, for_sent_vurdering="Var innlagt på sykehus."
    )
    assert klage.status == Klagestatus.TIL_VURDERING


def test_mangler_gir_brev_med_frist_og_deretter_avvisning_med_klagerett(avbrudd, kvp_veileder_a, deltaker):
    klage = services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Uenig.", kanal=Kanal.DIGITAL)
    services.klage_formkrav_vurder(
        bruker=kvp_veileder_a, klage_id=klage.pk, formkrav={**ALLE_JA, "endring_nevnt": False}
    )
    klage = services.klage_mangler_send(bruker=kvp_veileder_a, klage_id=klage.pk, i_dag=dt.date(2025, 3, 1))
    assert klage.status == Klagestatus.MANGLER
    assert klage.rettefrist == dt.date(2025, 3, 17)
    brev = klage.brev.get(type=Brevtype.MANGLER)
    assert "hvilken endring klageren ønsker" in _pdf_tekst(bytes(brev.pdf))
    klage = services.klage_avvis(bruker=kvp_veileder_a, klage_id=klage.pk, begrunnelse="Manglene ble ikke rettet.")
    assert klage.status == Klagestatus.AVVIST
    tekst = _pdf_tekst(bytes(klage.brev.get(type=Brevtype.AVVISNING).pdf))
    assert "Du kan klage på avvisningen" in tekst and "§ 33" in tekst


def test_bare_kvp_veileder_ved_kontoret_behandler(avbrudd, deltaker, leder_a, kvp_veileder_b, sf_rogaland):
    klage = services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Uenig.", kanal=Kanal.DIGITAL)
    with pytest.raises(IkkeTilgang):
        services.klage_formkrav_vurder(bruker=leder_a, klage_id=klage.pk, formkrav=ALLE_JA)
    for bruker in (kvp_veileder_b, sf_rogaland, deltaker):
        with pytest.raises((IkkeFunnet, IkkeTilgang)):
            services.klage_formkrav_vurder(bruker=bruker, klage_id=klage.pk, formkrav=ALLE_JA)
    with pytest.raises(IkkeFunnet):  # ikke sendt til statsforvalteren ennå
        selectors.klage_hent(sf_rogaland, klage.pk)


def test_omgjoering_kobles_til_det_nye_vedtaket_fra_totrinnskontrollen(avbrudd, kvp_veileder_a, beslutter_a, deltaker):
    klage = services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Uenig.", kanal=Kanal.DIGITAL)
    services.klage_formkrav_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, formkrav=ALLE_JA)
    klage = services.klage_vurder(
        bruker=kvp_veileder_a, klage_id=klage.pk, resultat="OMGJOER", vurdering="Fraværet var dokumentert."
    )
    assert klage.status == Klagestatus.OMGJOERES
    nytt = fatt(
        kvp=kvp_veileder_a,
        beslutter=beslutter_a,
        sak=avbrudd.sak,
        type=Vedtakstype.GJENOPPTAK,
        fra_og_med=dt.date(2025, 3, 1),
        begrunnelse="Klagen tas til følge.",
    )
    klage.refresh_from_db()
    assert (klage.status, klage.nytt_vedtak_id) == (Klagestatus.OMGJORT, nytt.pk)


def test_oversendelse_statsforvalterens_endring_og_iverksetting(
    avbrudd, kvp_veileder_a, beslutter_a, deltaker, sf_rogaland, sf_innlandet
):
    klage = services.klage_registrer(
        bruker=deltaker,
        vedtak_id=avbrudd.pk,
        tekst="Jeg var syk.",
        kanal=Kanal.DIGITAL,
        vedlegg=[SimpleUploadedFile("l.pdf", PDF)],
    )
    services.klage_formkrav_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, formkrav=ALLE_JA)
    klage = services.klage_vurder(
        bruker=kvp_veileder_a, klage_id=klage.pk, resultat="OVERSEND", vurdering="Fraværet var ikke dokumentert."
    )
    assert klage.status == Klagestatus.OVERSENDT
    assert klage.oversendt_dato is not None
    assert klage.kommentarfrist == regler.kommentarfrist(klage.oversendt_dato)
    assert {b.type for b in klage.brev.all()} == {Brevtype.OVERSENDELSE, Brevtype.KOPI_DELTAKER}
    tekst = _pdf_tekst(bytes(klage.saksdokumenter or b""))
    for del_ in (
        "Innhold",
        "Søknad",
        "Kartlegging",
        "Vilkårsvurdering",
        "Vedtak og vedtaksbrev",
        "Programplan",
        "Oppmøte og utbetalinger",
        "Jeg var syk.",
    ):
        assert del_ in tekst, del_
    # Deltakeren ser ikke oversendelsesbrevet, bare kopien; statsforvalteren i et annet fylke ser ingenting.
    assert [b.type for b in selectors.brev_for(klage, deltaker=True)] == [Brevtype.KOPI_DELTAKER]
    with pytest.raises(IkkeFunnet):
        selectors.klage_hent(sf_innlandet, klage.pk)
    with pytest.raises(IkkeFunnet):
        selectors.saksdokumenter_hent(deltaker, klage.pk)

    services.klage_merknad_legg_til(bruker=deltaker, klage_id=klage.pk, tekst="Legeerklæringen viser at jeg var syk.")
    services.klage_ta_under_behandling(bruker=sf_rogaland, klage_id=klage.pk)
    antall_foer = Logghendelse.objects.filter(bruker=sf_rogaland, handling="LES").count()
    selectors.klage_hent(sf_rogaland, klage.pk)
    les = Logghendelse.objects.filter(bruker=sf_rogaland, handling="LES")
    assert les.count() == antall_foer + 1
    assert les.order_by("-id")[0].formaal == f"Klagesak {klage.pk}"

    klage = services.klage_avgjoer(
        bruker=sf_rogaland,
        klage_id=klage.pk,
        utfall=Utfall.ENDRET,
        begrunnelse="Fraværet var dokumentert med legeerklæring.",
        nytt_innhold="Avbruddet oppheves; stønaden løper fra 1. mars 2025.",
    )
    assert klage.status == Klagestatus.AVGJORT
    assert "Vedtaket endres" in _pdf_tekst(bytes(klage.brev.get(type=Brevtype.STATSFORVALTER).pdf))
    assert klage in selectors.klager_for_kontor(kvp_veileder_a)

    nytt = fatt(
        kvp=kvp_veileder_a,
        beslutter=beslutter_a,
        sak=avbrudd.sak,
        type=Vedtakstype.GJENOPPTAK,
        fra_og_med=dt.date(2025, 3, 1),
        begrunnelse="Klagen tas til følge.",
    )
    klage.refresh_from_db()
    assert (klage.status, klage.nytt_vedtak_id) == (Klagestatus.IVERKSATT, nytt.pk)
    kontorer, fylker = selectors.oversikt(sf_rogaland)
    assert [(r.navn, r.antall, r.oversendt) for r in fylker] == [("Rogaland", 1, 1)]
    assert dict(kontorer[0].utfall) == {Utfall.ENDRET: 1}


def test_statsforvalteren_stadfester_paa_nynorsk(avbrudd, kvp_veileder_a, deltaker, sf_rogaland):
    person = avbrudd.sak.person
    type(person).objects.filter(pk=person.pk).update(maalform="NN")
    klage = services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Uenig.", kanal=Kanal.DIGITAL)
    services.klage_formkrav_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, formkrav=ALLE_JA)
    services.klage_vurder(bruker=kvp_veileder_a, klage_id=klage.pk, resultat="OVERSEND", vurdering="Riktig.")
    klage = services.klage_avgjoer(
        bruker=sf_rogaland, klage_id=klage.pk, utfall=Utfall.STADFESTET, begrunnelse="Riktig."
    )
    assert klage.status == Klagestatus.AVSLUTTET
    brev = klage.brev.get(type=Brevtype.STATSFORVALTER)
    assert brev.maalform == "NN" and "Vedtaket blir stadfesta." in brev.html


def test_to_klager_paa_samme_vedtak_samtidig_avvises(avbrudd, deltaker):
    services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Uenig.", kanal=Kanal.DIGITAL)
    with pytest.raises(KvpFeil) as feil:
        services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Igjen.", kanal=Kanal.DIGITAL)
    assert feil.value.kode == "KVP_KLAGE_FINS"


def test_saksdokumentene_har_unike_ider_naar_flere_brev_er_lagt_inn(avbrudd, kvp_veileder_a, beslutter_a, deltaker):
    """Hvert brev lagt inn i saksdokumentene har de samme id-ene i sin mal (tittelen, vedleggene); i dokumentet må de
    være unike, og lenker og aria-henvisninger må peke på noe som finnes (ellers advarer WeasyPrint, og en
    skjermleser finner feil overskrift)."""
    klage = services.klage_registrer(bruker=deltaker, vedtak_id=avbrudd.pk, tekst="Jeg var syk.", kanal=Kanal.DIGITAL)
    fatt(
        kvp=kvp_veileder_a,
        beslutter=beslutter_a,
        sak=avbrudd.sak,
        type=Vedtakstype.GJENOPPTAK,
        fra_og_med=dt.date(2025, 4, 1),
        begrunnelse="Deltakeren møter igjen.",
    )
    for v in Vedtak.objects.filter(sak=avbrudd.sak, status=Vedtaksstatus.FATTET, brev__isnull=True):
        vedtaksbrev_lag(vedtak=v)
    html = saksdokumenter_html(klage)
    assert html.count('class="vedlagt-brev"') >= 2
    ider = re.findall(r'\bid="([^"]+)"', html)
    assert len(ider) == len(set(ider)), sorted({i for i in ider if ider.count(i) > 1})
    henvisninger = re.findall(r'aria-labelledby="([^"]+)"', html) + re.findall(r'href="#([^"]+)"', html)
    assert len(henvisninger) > 3
    assert set(henvisninger) <= set(ider)

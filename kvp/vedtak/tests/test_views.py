"""Visningene: dårlige inndata gir 400 med norsk melding og lagrer ingenting, feil rolle gir 403, og fristene
vises på tavla og i lederens oversikt."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.sak.models import Sak
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vilkaarsvurdering

from .hjelpere import innvilgelse_utkast


def _vilkaar_post(**endringer: str) -> dict[str, str]:
    data = {
        "arbeidsevne": "SPESIELT_TILPASSET",
        "husstand": "ENSLIG",
        "ytelser_per_maaned": "1 250,50",
        "sosialhjelp_foer": "3",
        "vurdering_ytelser": "MAA_VURDERES",
    }
    for navn in ("opphold_bopel", "introduksjonsprogram", "behov_for_bistand", "egnet_program"):
        data[f"vurdering_{navn}"] = "OPPFYLT"
        data[f"begrunnelse_{navn}"] = "Vurdert i samtale."
    data.update(endringer)
    return data


def test_vilkaarsvurdering_fra_skjemaet_med_norsk_beloep(client, sak, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    svar = client.post(reverse("vedtak:vilkaar", kwargs={"sak_id": sak.pk}), _vilkaar_post())
    assert svar.status_code == 302
    vv = Vilkaarsvurdering.objects.get(sak=sak)
    assert str(vv.ytelser_per_maaned) == "1250.50"
    assert vv.alle_oppfylt
    assert vv.sosialhjelp_foer == "3"


@pytest.mark.parametrize(
    ("endring", "melding"),
    [
        ({"ytelser_per_maaned": "mange"}, "Skriv beløpet i kroner"),
        ({"ytelser_per_maaned": "-5"}, "mellom 0 og"),
        ({"ytelser_per_maaned": "1e9999"}, "mellom 0 og"),
        ({"arbeidsevne": "TULL"}, "Velg et av alternativene"),
        ({"begrunnelse_egnet_program": ""}, "Skriv en begrunnelse"),
        ({"kvp_annen_kommune": "on", "kvp_kommunenummer": "abc"}, "kommunenummeret"),
    ],
)
def test_ugyldig_vilkaarsvurdering_gir_400_og_lagrer_ingenting(client, sak, kvp_veileder_a, endring, melding):
    client.force_login(kvp_veileder_a)
    svar = client.post(reverse("vedtak:vilkaar", kwargs={"sak_id": sak.pk}), _vilkaar_post(**endring))
    assert svar.status_code == 400
    assert melding in svar.content.decode()
    assert not Vilkaarsvurdering.objects.filter(sak=sak).exists()


def test_nytt_vedtak_med_ugyldige_datoer_gir_400(client, sak_oppfylt, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    url = reverse("vedtak:ny", kwargs={"sak_id": sak_oppfylt.pk})
    assert client.get(url, {"type": "INNVILGELSE"}).status_code == 200
    svar = client.post(
        url,
        {
            "type": "INNVILGELSE",
            "fra_og_med": "2026-13-45",
            "til_og_med": "",
            "innhold": "x",
            "evalueringsdatoer": "i morgen",
            "begrunnelse": "x",
        },
    )
    assert svar.status_code == 400
    tekst = svar.content.decode()
    assert "Skriv datoen som dd.mm.åååå" in tekst
    assert "«i» er ikke en dato" in tekst
    assert not Vedtak.objects.exists()
    assert client.get(url, {"type": "PERMISJON"}).status_code == 400  # passer ikke til sakens status


def test_saksbehandler_uten_beslutterrolle_faar_403_paa_fatt(client, utkast, kvp_veileder_a):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    client.force_login(kvp_veileder_a)
    for data in ({}, {"bekreftet": "ja"}):
        svar = client.post(reverse("vedtak:fatt", kwargs={"vedtak_id": utkast.pk}), data)
        assert svar.status_code == 403
    assert client.get(reverse("vedtak:fatt", kwargs={"vedtak_id": utkast.pk})).status_code == 403
    assert Vedtak.objects.get(pk=utkast.pk).status == Vedtaksstatus.TIL_BESLUTTER


def test_forfatter_med_beslutterrolle_ser_ingen_fatteknapp_og_faar_403(client, sak_oppfylt, kvp_og_beslutter_a):
    vedtak = innvilgelse_utkast(bruker=kvp_og_beslutter_a, sak=sak_oppfylt)
    services.vedtak_send_til_beslutter(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk)
    client.force_login(kvp_og_beslutter_a)
    side = client.get(reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})).content.decode()
    assert "Godkjenn og fatt vedtaket" not in side
    assert "kan ikke beslutte det selv" in side
    fatt = reverse("vedtak:fatt", kwargs={"vedtak_id": vedtak.pk})
    assert client.post(fatt, {"bekreftet": "ja"}).status_code == 403
    assert client.get(fatt).status_code == 403


def test_retur_uten_begrunnelse_gir_400(client, utkast, kvp_veileder_a, beslutter_a):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    client.force_login(beslutter_a)
    svar = client.post(reverse("vedtak:returner", kwargs={"vedtak_id": utkast.pk}), {"begrunnelse": " "})
    assert svar.status_code == 400
    assert Vedtak.objects.get(pk=utkast.pk).status == Vedtaksstatus.TIL_BESLUTTER


def test_endre_fattet_vedtak_gir_400(client, utkast, kvp_veileder_a, beslutter_a):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)
    client.force_login(kvp_veileder_a)
    svar = client.post(reverse("vedtak:endre", kwargs={"vedtak_id": utkast.pk}), {"innhold": "Endret"})
    assert svar.status_code == 400
    assert "fattet og kan ikke endres" in svar.content.decode()


def test_frister_vises_paa_tavla_og_i_oversikten(client, sak_oppfylt, kvp_veileder_a, beslutter_a, leder_a):
    fra = timezone.localdate() - dt.timedelta(days=300)
    Sak.objects.filter(pk=sak_oppfylt.pk).update(mottatt_dato=fra - dt.timedelta(days=10))
    vedtak = innvilgelse_utkast(
        bruker=kvp_veileder_a, sak=sak_oppfylt, fra=fra, til_og_med=timezone.localdate() + dt.timedelta(days=20)
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)
    client.force_login(leder_a)
    oversikt = client.get(reverse("vedtak:oversikt")).content.decode()
    assert "Programmet slutter" in oversikt
    assert sak_oppfylt.person.navn in oversikt
    client.force_login(kvp_veileder_a)
    tavle = client.get(reverse("sak:tavle")).content.decode()
    assert "Frister i program" in tavle
    assert "Programmet slutter" in tavle


def test_evaluering_fra_endringsvedtak_gir_frist_i_oversikten(client, sak_oppfylt, kvp_veileder_a, beslutter_a):
    from kvp.vedtak.models import Vedtakstype
    from kvp.vedtak.selectors import frister_for_kontor

    i_dag = timezone.localdate()
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt, fra=i_dag)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)
    assert frister_for_kontor(bruker=kvp_veileder_a, i_dag=i_dag) == []
    endring = services.vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak_oppfylt.pk,
        type=Vedtakstype.ENDRING,
        innhold="Nytt praksissted.",
        evalueringsdatoer=[i_dag + dt.timedelta(days=5)],
        begrunnelse="Bytte av praksissted.",
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=endring.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=endring.pk)
    frister = frister_for_kontor(bruker=kvp_veileder_a, i_dag=i_dag)
    assert [f.kode for f in frister[0].frister] == ["EVALUERING"]


def test_statsforvalter_ser_brevet_bare_naar_saken_er_sendt_dit(
    client, utkast, kvp_veileder_a, beslutter_a, lag_bruker
):
    from kvp.tilgang.models import Rolle

    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)
    client.force_login(lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland"))
    url = reverse("brev:vis", kwargs={"vedtak_id": utkast.pk})
    assert client.get(url).status_code == 404
    Sak.objects.filter(pk=utkast.sak_id).update(til_statsforvalter=True)
    assert client.get(url).status_code == 200
    assert client.get(reverse("vedtak:detalj", kwargs={"vedtak_id": utkast.pk})).status_code == 404

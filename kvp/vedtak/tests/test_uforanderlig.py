"""Et fattet vedtak, historikken og det sendte brevet kan ikke endres eller slettes gjennom ORM-en; totrinnskontrollen
leser hvem som har skrevet vedtaket fra vedtaket selv."""

import pytest

from kvp.brev.models import Brev
from kvp.felles.feil import IkkeTilgang
from kvp.felles.uforanderlig import UforanderligFeil
from kvp.tilgang.models import Rolle
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, VedtakHendelse, Vedtaksstatus

from .hjelpere import innvilgelse_utkast, vilkaar_vurder


def test_utkast_kan_endres_men_fattet_vedtak_ikke(utkast, kvp_veileder_a, beslutter_a):
    Vedtak.objects.filter(pk=utkast.pk).update(begrunnelse="Rettet før sending.")
    gammel_kopi = Vedtak.objects.get(pk=utkast.pk)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)

    with pytest.raises(UforanderligFeil):
        Vedtak.objects.filter(pk=utkast.pk).update(begrunnelse="Endret i ettertid.")
    # En kopi lest før vedtaket ble fattet, kan ikke skrive over det fattede vedtaket.
    gammel_kopi.begrunnelse = "Endret i ettertid."
    with pytest.raises(UforanderligFeil):
        gammel_kopi.save()
    fattet = Vedtak.objects.get(pk=utkast.pk)
    with pytest.raises(UforanderligFeil):
        fattet.save()
    with pytest.raises(UforanderligFeil):
        fattet.delete()
    assert fattet.status == Vedtaksstatus.FATTET and fattet.begrunnelse == "Rettet før sending."

    with pytest.raises(UforanderligFeil):
        VedtakHendelse.objects.filter(vedtak=fattet).update(begrunnelse="Skjult")
    brev = Brev.objects.get(vedtak=fattet)
    brev.html = "<p>Et annet brev</p>"
    with pytest.raises(UforanderligFeil):
        brev.save()
    with pytest.raises(UforanderligFeil):
        Brev.objects.filter(pk=brev.pk).delete()
    assert Brev.objects.get(pk=brev.pk).html != "<p>Et annet brev</p>"


def test_skriverne_staar_paa_vedtaket(sak_oppfylt, kvp_veileder_a, kvp_og_beslutter_a, lag_bruker, kontor_a):
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    services.vedtak_endre(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk, innhold="Nytt innhold.")
    annen = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    vilkaar_vurder(bruker=annen, sak=sak_oppfylt, ytelser_beskrivelse="Endret mens vedtaket er under arbeid.")
    skrivere = {kvp_veileder_a.pk, kvp_og_beslutter_a.pk, annen.pk}
    assert set(Vedtak.objects.get(pk=vedtak.pk).skrevet_av.values_list("pk", flat=True)) == skrivere
    assert services.skrivere(vedtak) == skrivere


def test_totrinnskontrollen_leser_skriverne_fra_vedtaket_ikke_fra_revisjonsloggen(
    utkast, kvp_veileder_a, kvp_og_beslutter_a
):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    # Beslutteren står som skriver bare i vedtaket (ingen hendelse eller logglinje sier det) ...
    utkast.skrevet_av.add(kvp_og_beslutter_a)
    # ... og kan likevel ikke fatte det.
    with pytest.raises(IkkeTilgang, match="totrinnskontroll"):
        services.vedtak_fatt(bruker=kvp_og_beslutter_a, vedtak_id=utkast.pk)
    assert Vedtak.objects.get(pk=utkast.pk).status == Vedtaksstatus.TIL_BESLUTTER


def test_migreringen_fyller_skriverne_fra_historikken_og_revisjonsloggen(
    sak_oppfylt, kvp_veileder_a, kvp_og_beslutter_a, lag_bruker, kontor_a
):
    import importlib

    from django.apps import apps

    migrering = importlib.import_module("kvp.vedtak.migrations.0003_skrevet_av")
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    services.vedtak_endre(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk, innhold="Nytt innhold.")
    annen = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    vilkaar_vurder(bruker=annen, sak=sak_oppfylt, ytelser_beskrivelse="Bare revisjonsloggen vet om denne.")
    vedtak.skrevet_av.clear()  # som før feltet fantes

    migrering.fyll_skrevet_av(apps, None)

    assert services.skrivere(vedtak) == {kvp_veileder_a.pk, kvp_og_beslutter_a.pk, annen.pk}
    assert vedtak.skrevet_av.count() == 3

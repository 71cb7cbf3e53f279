"""Totrinnskontrollen etter retur: den som endret vilkårene vedtaket bygger på, kan ikke fatte det."""

import pytest
from django.urls import reverse

from kvp.felles.feil import IkkeTilgang
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtaksstatus

from .hjelpere import innvilgelse_utkast, vilkaar_vurder


def test_beslutter_som_endret_vilkaarsvurderingen_etter_retur_kan_ikke_fatte(
    sak_oppfylt, kvp_veileder_a, kvp_og_beslutter_a
):
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_returner(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk, begrunnelse="Se på bistandsbehovet.")
    # Omveien: beslutteren (som også er KVP-veileder) endrer selv vilkårene, som står i vedtaket og brevet ...
    vilkaar_vurder(bruker=kvp_og_beslutter_a, sak=sak_oppfylt, ytelser_beskrivelse="Endret av beslutteren.")
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    # ... og skal da ikke kunne fatte det selv.
    with pytest.raises(IkkeTilgang, match="totrinnskontroll"):
        services.vedtak_fatt(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk)
    assert Vedtak.objects.get(pk=vedtak.pk).status == Vedtaksstatus.TIL_BESLUTTER


def test_beslutter_som_endret_vilkaarsvurderingen_ser_ingen_fatteknapp(
    client, sak_oppfylt, kvp_veileder_a, kvp_og_beslutter_a
):
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_returner(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk, begrunnelse="Se på bistandsbehovet.")
    vilkaar_vurder(bruker=kvp_og_beslutter_a, sak=sak_oppfylt, ytelser_beskrivelse="Endret av beslutteren.")
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    client.force_login(kvp_og_beslutter_a)
    side = client.get(reverse("vedtak:detalj", args=[vedtak.pk])).content.decode()
    assert "Godkjenn og fatt vedtaket" not in side
    assert "kan ikke beslutte det selv (totrinnskontroll)" in side

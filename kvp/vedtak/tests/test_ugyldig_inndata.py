"""Vilkårsvurderingen avviser tall med andre sifre enn 0–9 (de går videre til KOSTRA)."""

import pytest

from kvp.felles.feil import KvpFeil
from kvp.vedtak.models import Vilkaarsvurdering

from .hjelpere import vilkaar_vurder


def test_kommunenummer_for_tidligere_kvp_maa_vaere_sifrene_0_9(sak, kvp_veileder_a):
    # "١٢٣٤".isdigit() er sann; kommunenummeret går til KOSTRA-rapporteringen.
    with pytest.raises(KvpFeil, match="fire sifre"):
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, kvp_annen_kommune=True, kvp_kommunenummer="١٢٣٤")
    assert not Vilkaarsvurdering.objects.filter(sak=sak).exists()

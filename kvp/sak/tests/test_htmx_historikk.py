"""Tavla med htmx: en delvis side til htmx, hele siden når nettleseren gjenoppretter historikken."""

from django.urls import reverse


def test_tavla_gir_hele_siden_ved_gjenoppretting_av_historikk(client, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    url = reverse("sak:tavle")
    delvis = client.get(url, headers={"HX-Request": "true"})
    hel = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" not in delvis.content.decode()
    assert "<html" in hel.content.decode()
    assert "HX-Request" in delvis.headers["Vary"]

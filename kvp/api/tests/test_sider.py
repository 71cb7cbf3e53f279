"""Sidene for API-et: en leder lager et token (vist én gang) og tilbakekaller det; andre roller får ikke siden;
dokumentasjonen er for ansatte og bruker bare skript fra egne filer."""

import re

from kvp.api.models import Tjenestekonto
from kvp.tilgang.models import Rolle


def test_leder_lager_token_som_vises_en_gang_og_virker(client, leder_a, kontor_a):
    client.force_login(leder_a)
    assert client.get("/api/tokener/").status_code == 200
    svar = client.post("/api/tokener/", {"navn": "Jobbklubben AS", "rolle": Rolle.KVP_VEILEDER, "kontor": kontor_a.pk})
    assert svar.status_code == 201
    funnet = re.search(r"kvp_[0-9a-f]{12}_[\w-]+", svar.content.decode())
    assert funnet is not None
    token = funnet.group(0)
    assert svar["Cache-Control"].find("no-store") >= 0
    konto = Tjenestekonto.objects.get(navn="Jobbklubben AS")
    assert konto.rolle == Rolle.KVP_VEILEDER and konto.opprettet_av == leder_a
    assert token not in client.get("/api/tokener/").content.decode()  # bare én gang
    assert client.get("/api/v1/aktiviteter", headers={"Authorization": f"Bearer {token}"}).status_code == 200

    svar = client.post(f"/api/tokener/{konto.pk}/tilbakekall/")
    assert svar.status_code == 302
    assert client.get("/api/v1/aktiviteter", headers={"Authorization": f"Bearer {token}"}).status_code == 401


def test_ugyldig_skjema_gir_400_og_ingen_konto(client, leder_a, kontor_a):
    client.force_login(leder_a)
    svar = client.post("/api/tokener/", {"navn": "", "rolle": "DELTAKER", "kontor": kontor_a.pk})
    assert svar.status_code == 400
    assert "Dette feltet må fylles ut." in svar.content.decode()
    assert not Tjenestekonto.objects.exists()


def test_andre_roller_faar_ikke_tokensiden(client, lag_bruker, kontor_a):
    for rolle in (Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.BESLUTTER, Rolle.OEKONOMI):
        client.force_login(lag_bruker(rolle, kontor=kontor_a))
        assert client.get("/api/tokener/").status_code == 403
        assert client.post("/api/tokener/", {"navn": "x", "rolle": "LEDER", "kontor": kontor_a.pk}).status_code == 403
    assert not Tjenestekonto.objects.exists()


def test_leder_kan_ikke_lage_token_for_annet_kontor(client, leder_a, kontor_b):
    client.force_login(leder_a)
    svar = client.post("/api/tokener/", {"navn": "x", "rolle": "LEDER", "kontor": kontor_b.pk})
    assert svar.status_code == 400
    assert not Tjenestekonto.objects.exists()


def test_dokumentasjonen_er_for_ansatte_uten_innebygde_skript(client, veileder_a, lag_bruker, lag_person):
    client.force_login(veileder_a)
    svar = client.get("/api/dokumentasjon/")
    assert svar.status_code == 200
    html = svar.content.decode()
    assert re.findall(r"<script[^>]*>", html) == [
        s for s in re.findall(r"<script[^>]*>", html) if "src=" in s
    ]  # alle skript er filer
    assert "api/dokumentasjon.js" in html
    client.force_login(lag_bruker(Rolle.DELTAKER, person=lag_person()))
    assert client.get("/api/dokumentasjon/").status_code == 403

"""Innlogging med OpenID Connect mot en ekte innloggingstjeneste som testene starter i en egen prosess.

Tjenesten er `oidc-provider-mock` (Authlib + Flask, ADR 0007): den har discovery, JWKS, autorisasjon, token og
userinfo, signerer ID-tokenet med RS256 og legger påstandene vi gir brukeren (NAVident, pid, acr, amr) i tokenet.
Appen snakker med den over HTTP på 127.0.0.1 akkurat som med Entra ID og ID-porten.
"""

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
import requests
from django.test import Client
from django.urls import reverse

from kvp.felles.models import Handling, Logghendelse
from kvp.tilgang import oidc
from kvp.tilgang.models import Rolle
from kvp.tilgang.services import rolle_tildel

PASSORD = "et-langt-testpassord-123"


@pytest.fixture(scope="module")
def idp() -> Iterator[str]:
    """Starter innloggingstjenesten på en ledig port og venter til den sier at den lytter (ingen sleep)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    prosess = subprocess.Popen(  # noqa: S603 - fast kommando, ingen inndata utenfra
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port), "-n", "true"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert prosess.stderr is not None
    try:
        for linje in prosess.stderr:  # leser til uvicorn melder at serveren lytter
            if "running on" in linje.lower():
                break
        else:
            pytest.fail("Innloggingstjenesten startet ikke")
        yield f"http://127.0.0.1:{port}"
    finally:
        prosess.terminate()
        prosess.wait(timeout=10)
        prosess.stderr.close()


@pytest.fixture
def oidc_oppsett(settings: Any, idp: str) -> str:
    discovery = f"{idp}/.well-known/openid-configuration"
    settings.KVP_OIDC = {
        navn: {**oppsett, "discovery": discovery, "client_id": f"kvp-{navn}", "client_secret": "hemmelig-klient"}
        for navn, oppsett in settings.KVP_OIDC.items()
    }
    return idp


def _sett_bruker(idp: str, sub: str, paastander: dict[str, Any]) -> None:
    svar = requests.put(f"{idp}/users/{quote(sub)}", json=paastander, timeout=10)
    assert svar.status_code == 204


def _logg_inn(client: Client, idp: str, tjeneste: str, sub: str, **ekstra: str) -> Any:
    """Hele flyten: appen sender til tjenesten, brukeren godkjenner, tjenesten sender koden tilbake til appen."""
    start = client.get(reverse("tilgang:oidc_start", kwargs={"tjeneste": tjeneste}), ekstra)
    assert start.status_code == 302, start.content
    autorisasjon = start["Location"]
    assert autorisasjon.startswith(f"{idp}/oauth2/authorize?")
    svar = requests.post(autorisasjon, data={"sub": sub}, allow_redirects=False, timeout=10)
    assert svar.status_code == 302, svar.text
    tilbake = urlsplit(svar.headers["Location"])
    assert tilbake.path == reverse("tilgang:oidc_svar", kwargs={"tjeneste": tjeneste})
    return client.get(f"{tilbake.path}?{tilbake.query}")


@pytest.fixture
def ansatt(lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    bruker.username = "Z990123"
    bruker.save()
    return bruker


def test_ansatt_logger_inn_med_navident_og_tofaktor_og_nivaaet_lagres_i_oekt_og_logg(client, oidc_oppsett, ansatt):
    _sett_bruker(oidc_oppsett, "entra-oid-1", {"NAVident": "Z990123", "amr": ["pwd", "mfa"], "acr": "1"})

    svar = _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-1", next="/personer/")

    assert svar.status_code == 302
    assert svar["Location"] == "/personer/"
    assert client.session["_auth_user_id"] == str(ansatt.pk)
    assert client.session[oidc.OEKT_NOEKKEL] == {"tjeneste": "ansatt", "acr": "1", "amr": ["pwd", "mfa"]}
    hendelse = Logghendelse.objects.get(bruker=ansatt, handling=Handling.INNLOGGING)
    assert hendelse.etter is not None
    assert hendelse.etter["amr"] == ["pwd", "mfa"]
    assert hendelse.etter["acr"] == "1"
    assert "OpenID Connect" in hendelse.etter["metode"]


def test_deltaker_logger_inn_med_idporten_paa_foedselsnummeret_i_deltakerrollen(
    client, oidc_oppsett, lag_bruker, lag_person
):
    person = lag_person()
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    _sett_bruker(
        oidc_oppsett, "idp-sub-2", {"pid": person.foedselsnummer, "acr": "idporten-loa-high", "amr": ["BankID"]}
    )

    svar = _logg_inn(client, oidc_oppsett, "idporten", "idp-sub-2")

    assert svar.status_code == 302
    assert client.session["_auth_user_id"] == str(deltaker.pk)
    assert client.session[oidc.OEKT_NOEKKEL]["acr"] == "idporten-loa-high"


def test_deltaker_med_for_lavt_nivaa_avvises(client, oidc_oppsett, lag_bruker, lag_person):
    person = lag_person()
    lag_bruker(Rolle.DELTAKER, person=person)
    _sett_bruker(
        oidc_oppsett, "idp-sub-3", {"pid": person.foedselsnummer, "acr": "idporten-loa-substantial", "amr": ["Minid"]}
    )

    svar = _logg_inn(client, oidc_oppsett, "idporten", "idp-sub-3")

    assert svar.status_code == 403
    assert "sikkerhetsnivå" in svar.content.decode()
    assert "_auth_user_id" not in client.session


def test_ansatt_uten_tofaktor_avvises(client, oidc_oppsett, ansatt):
    _sett_bruker(oidc_oppsett, "entra-oid-4", {"NAVident": "Z990123", "amr": ["pwd"]})

    svar = _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-4")

    assert svar.status_code == 403
    assert "tofaktor" in svar.content.decode()
    assert "_auth_user_id" not in client.session


def test_ukjent_ansatt_avvises_med_norsk_melding_og_ingen_bruker_opprettes(client, oidc_oppsett, ansatt):
    from kvp.tilgang.models import Bruker

    antall = Bruker.objects.count()
    _sett_bruker(oidc_oppsett, "entra-oid-5", {"NAVident": "Z999999", "amr": ["mfa"]})

    svar = _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-5")

    assert svar.status_code == 403
    assert "ikke registrert som bruker i KVP" in svar.content.decode()
    assert Bruker.objects.count() == antall
    assert "_auth_user_id" not in client.session


def test_deaktivert_ansatt_avvises(client, oidc_oppsett, ansatt):
    ansatt.is_active = False
    ansatt.save()
    _sett_bruker(oidc_oppsett, "entra-oid-6", {"NAVident": "z990123", "amr": ["mfa"]})

    svar = _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-6")

    assert svar.status_code == 403
    assert "deaktivert" in svar.content.decode()


def test_svar_med_ukjent_tilstand_avvises(client, oidc_oppsett, ansatt):
    _sett_bruker(oidc_oppsett, "entra-oid-7", {"NAVident": "Z990123", "amr": ["mfa"]})
    start = client.get(reverse("tilgang:oidc_start", kwargs={"tjeneste": "ansatt"}))
    svar = requests.post(start["Location"], data={"sub": "entra-oid-7"}, allow_redirects=False, timeout=10)
    tilbake = urlsplit(svar.headers["Location"])

    annen_klient = Client()  # en annen nettleser (uten tilstanden i økten) kan ikke bruke koden
    forfalsket = annen_klient.get(f"{tilbake.path}?{tilbake.query}")

    assert forfalsket.status_code == 400
    assert "_auth_user_id" not in annen_klient.session


def test_innloggingssiden_viser_tjenestene_og_ukjent_tjeneste_gir_404(client, oidc_oppsett):
    side = client.get(reverse("tilgang:logg_inn")).content.decode()
    assert "Logg inn som NAV-ansatt" in side
    assert "Logg inn med ID-porten" in side
    assert client.get(reverse("tilgang:oidc_start", kwargs={"tjeneste": "ukjent"})).status_code == 404


def test_passordinnlogging_er_av_naar_innstillingen_er_av(client, settings, lag_bruker, kontor_a):
    settings.KVP_PASSORD_INNLOGGING = False
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)

    svar = client.post(reverse("tilgang:logg_inn"), {"username": bruker.username, "password": PASSORD})

    assert svar.status_code == 403
    assert "_auth_user_id" not in client.session
    assert 'name="password"' not in client.get(reverse("tilgang:logg_inn")).content.decode()


def test_prod_slaar_av_passordinnlogging_og_leser_oidc_fra_miljoeet():
    kode = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.KVP_PASSORD_INNLOGGING, s.KVP_OIDC['ansatt']['discovery'], s.KVP_OIDC['idporten']['client_id'])"
    )
    miljoe = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "DJANGO_SECRET_KEY": "x" * 10 + "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH",
        "KVP_OIDC_ANSATT_DISCOVERY": "https://login.example/v2.0/.well-known/openid-configuration",
        "KVP_OIDC_IDPORTEN_CLIENT_ID": "kvp-idporten",
    }
    ut = subprocess.run([sys.executable, "-c", kode], env=miljoe, capture_output=True, text=True, check=True)  # noqa: S603
    assert ut.stdout.split() == [
        "False",
        "https://login.example/v2.0/.well-known/openid-configuration",
        "kvp-idporten",
    ]


def test_rolle_gitt_etter_innlogging_krever_ogsaa_nivaaet(oidc_oppsett, ansatt, kontor_a):
    rolle_tildel(bruker=ansatt, rolle=Rolle.LEDER, kontor=kontor_a)
    assert oidc.manglende_nivaa([Rolle.KVP_VEILEDER, Rolle.LEDER], None, ["pwd"]) == [
        "KVP-veileder (saksbehandler)",
        "Leder",
    ]
    assert oidc.manglende_nivaa([Rolle.LEDER], None, ["pwd", "mfa"]) == []


def test_neste_side_utenfor_appen_ignoreres(client, oidc_oppsett, ansatt):
    _sett_bruker(oidc_oppsett, "entra-oid-8", {"NAVident": "Z990123", "amr": ["mfa"]})

    svar = _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-8", next="https://angriper.example/")

    assert svar.status_code == 302
    assert svar["Location"] == "/"


# Innloggingssperren teller mislykkede OpenID Connect-innlogginger som feil passord (issue 12).


def test_avbrutte_innlogginger_fra_tjenesten_sperrer_adressen(client, settings, oidc_oppsett, ansatt):
    """Feil fra tjenesten (error=access_denied) og svar med ukjent tilstand teller mot adressens grense (20); når
    den er nådd, slipper heller ikke en gyldig innlogging gjennom fra adressen."""
    from axes.models import AccessAttempt

    svar_url = reverse("tilgang:oidc_svar", kwargs={"tjeneste": "ansatt"})
    svar = []
    for n in range(10):
        svar.append(client.get(svar_url, {"error": "access_denied", "state": "x"}).status_code)
        svar.append(client.get(svar_url, {"code": f"falsk-{n}", "state": "ukjent"}).status_code)
    assert svar == [400] * 19 + [429]  # det tjuende forsøket når grensen
    assert sum(AccessAttempt.objects.values_list("failures_since_start", flat=True)) == 20
    assert not AccessAttempt.objects.exclude(username=None).exists()  # ingen identitet å knytte dem til

    _sett_bruker(oidc_oppsett, "entra-oid-9", {"NAVident": "Z990123", "amr": ["mfa"]})
    start = client.get(reverse("tilgang:oidc_start", kwargs={"tjeneste": "ansatt"}))
    assert start.status_code == 429
    assert "_auth_user_id" not in client.session
    # En annen adresse er ikke sperret.
    annen = Client(REMOTE_ADDR="198.51.100.7")
    assert _logg_inn(annen, oidc_oppsett, "ansatt", "entra-oid-9").status_code == 302


def test_ukjent_bruker_og_for_lavt_nivaa_sperrer_identiteten_som_feil_passord(client, oidc_oppsett, ansatt):
    """Fem avviste innlogginger for samme identitet fra samme adresse sperrer den, også når den sjette er gyldig."""
    from axes.models import AccessAttempt

    _sett_bruker(oidc_oppsett, "entra-oid-10", {"NAVident": "Z990123", "amr": ["pwd"]})  # uten tofaktor
    svar = [_logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-10").status_code for _ in range(5)]
    assert svar == [403] * 4 + [429]
    assert AccessAttempt.objects.get(username="Z990123").failures_since_start == 5

    _sett_bruker(oidc_oppsett, "entra-oid-10", {"NAVident": "Z990123", "amr": ["pwd", "mfa"]})
    svar = _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-10")
    assert svar.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Z990123" not in svar.content.decode()  # sperresiden sier ikke hvem som er sperret

    # En ukjent identitet teller også (og sperresiden er den samme, så den røper ikke at brukeren mangler).
    _sett_bruker(oidc_oppsett, "entra-oid-11", {"NAVident": "Z000001", "amr": ["mfa"]})
    annen = Client(REMOTE_ADDR="198.51.100.8")
    svar = [_logg_inn(annen, oidc_oppsett, "ansatt", "entra-oid-11").status_code for _ in range(6)]
    assert svar == [403] * 4 + [429, 429]


def test_vellykket_innlogging_nullstiller_ikke_andres_forsoek_uten_identitet(client, oidc_oppsett, ansatt):
    from axes.models import AccessAttempt

    angriper = Client(REMOTE_ADDR="203.0.113.9")
    svar_url = reverse("tilgang:oidc_svar", kwargs={"tjeneste": "ansatt"})
    for _ in range(3):
        angriper.get(svar_url, {"error": "access_denied"})
    _sett_bruker(oidc_oppsett, "entra-oid-12", {"NAVident": "Z990123", "amr": ["mfa"]})
    assert _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-12").status_code == 302
    assert AccessAttempt.objects.get(ip_address="203.0.113.9").failures_since_start == 3


# Utlogging hos innloggingstjenesten (OpenID Connect RP-Initiated Logout).


def test_utlogging_etter_oidc_logger_ut_hos_tjenesten_med_id_token_hint(client, oidc_oppsett, ansatt):
    import base64
    import json
    import re

    _sett_bruker(oidc_oppsett, "entra-oid-13", {"NAVident": "Z990123", "amr": ["mfa"]})
    assert _logg_inn(client, oidc_oppsett, "ansatt", "entra-oid-13").status_code == 302

    ut = client.post(reverse("tilgang:logg_ut"))
    assert ut.status_code == 302
    assert ut["Location"] == reverse("tilgang:oidc_logg_ut")
    assert "_auth_user_id" not in client.session  # økten i KVP er avsluttet før brukeren sendes videre
    assert Logghendelse.objects.filter(bruker=ansatt, handling=Handling.UTLOGGING).exists()

    side = client.get(ut["Location"])
    assert side.status_code == 200
    html = side.content.decode()
    endepunkt = f"{oidc_oppsett}/oauth2/end_session"
    assert f'action="{endepunkt}"' in html and 'method="post"' in html
    felt = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', html))
    assert felt["post_logout_redirect_uri"] == "http://testserver" + reverse("tilgang:logg_inn")
    assert felt["client_id"] == "kvp-ansatt"
    innhold = felt["id_token_hint"].split(".")[1]
    paastander = json.loads(base64.urlsafe_b64decode(innhold + "=" * (-len(innhold) % 4)))
    assert paastander["sub"] == "entra-oid-13" and paastander["aud"] in ("kvp-ansatt", ["kvp-ansatt"])
    # CSP slipper skjemaet til tjenesten, og bare dit.
    csp = side["Content-Security-Policy"]
    assert re.search(r"form-action 'self' " + re.escape(oidc_oppsett) + r"(;|$)", csp), csp
    assert "id_token" not in ut["Location"] and "id_token" not in side.request["QUERY_STRING"]

    # Tjenesten tar imot utloggingen og sender brukeren tilbake til innloggingssiden.
    tjenesten = requests.post(endepunkt, data=felt, timeout=10)
    assert tjenesten.status_code == 200
    bekreft = requests.post(
        f"{oidc_oppsett}/oauth2/end_session/confirm",
        data={"redirect_uri": felt["post_logout_redirect_uri"]},
        allow_redirects=False,
        timeout=10,
    )
    assert bekreft.status_code == 302
    assert bekreft.headers["Location"] == felt["post_logout_redirect_uri"]
    # Siden kan bare brukes én gang.
    assert client.get(reverse("tilgang:oidc_logg_ut")).status_code == 302


def test_utlogging_etter_passordinnlogging_gaar_rett_til_innloggingssiden(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    assert (
        client.post(reverse("tilgang:logg_inn"), {"username": bruker.username, "password": PASSORD}).status_code == 302
    )
    ut = client.post(reverse("tilgang:logg_ut"))
    assert ut.status_code == 302
    assert ut["Location"] == reverse("tilgang:logg_inn")

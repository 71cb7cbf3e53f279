"""Sikkerhetshoder: hver side sendes med en streng innholdssikkerhetspolicy (CSP) og uten innebygde skript."""

import pytest
from django.http import HttpResponse
from django.urls import reverse


def _policy(svar: HttpResponse) -> dict[str, list[str]]:
    return {
        del_.split()[0]: del_.split()[1:] for del_ in svar.headers["Content-Security-Policy"].split(";") if del_.strip()
    }


def test_innloggingssiden_har_streng_csp(client):
    svar = client.get(reverse("tilgang:logg_inn"))
    assert svar.status_code == 200
    policy = _policy(svar)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert "unsafe-inline" not in svar.headers["Content-Security-Policy"]
    assert "unsafe-eval" not in svar.headers["Content-Security-Policy"]


@pytest.mark.parametrize("navn", ["sak:tavle", "person:liste"])
def test_sider_for_innloggede_har_csp_og_ingen_innebygde_skript(client, kvp_veileder_a, navn):
    client.force_login(kvp_veileder_a)
    svar = client.get(reverse(navn))
    assert svar.status_code == 200
    assert _policy(svar)["default-src"] == ["'self'"]
    html = svar.content.decode()
    assert "<script>" not in html and "<style" not in html and " style=" not in html
    assert '"allowEval": false' in html


def test_produksjonsinnstillingene(monkeypatch):
    """prod.py: ingen syntetiske fødselsnumre, sikre informasjonskapsler og innloggingssperre per klientadresse."""
    import importlib
    import sys

    monkeypatch.setenv("DJANGO_SECRET_KEY", "test-hemmelighet")
    monkeypatch.setenv("DJANGO_PROXY_ANTALL", "2")
    sys.modules.pop("config.settings.prod", None)
    prod = importlib.import_module("config.settings.prod")
    assert prod.KVP_TILLAT_SYNTETISKE_FNR is False
    assert prod.DEBUG is False
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE
    assert prod.AXES_IPWARE_PROXY_COUNT == 2
    assert prod.AXES_IPWARE_META_PRECEDENCE_ORDER[0] == "HTTP_X_FORWARDED_FOR"
    sys.modules.pop("config.settings.prod", None)

"""Sikkerhetshoder: hver side sendes med en streng innholdssikkerhetspolicy (CSP) og uten innebygde skript."""

import pytest
from django.http import HttpResponse
from django.urls import reverse

STERK_NOEKKEL = "Xq7#pL2v!9sKd$3mW8zR^b6Nf@1hT4yJ&e5Gu0cA*iV-oP5wE8rZ2"


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

    monkeypatch.setenv("DJANGO_SECRET_KEY", STERK_NOEKKEL)
    monkeypatch.setenv("DJANGO_PROXY_ANTALL", "2")
    sys.modules.pop("config.settings.prod", None)
    prod = importlib.import_module("config.settings.prod")
    assert prod.KVP_TILLAT_SYNTETISKE_FNR is False
    assert prod.DEBUG is False
    assert prod.SESSION_COOKIE_SECURE and prod.CSRF_COOKIE_SECURE
    assert prod.KVP_PROXY_ANTALL == 2
    assert prod.AXES_CLIENT_IP_CALLABLE == "kvp.tilgang.sperre.klientadresse"
    sys.modules.pop("config.settings.prod", None)


@pytest.mark.parametrize(
    "noekkel",
    [None, "", "test-hemmelighet", "django-insecure-" + "a" * 40, "abcdefgh1234" * 5],
    ids=["mangler", "tom", "kort", "django-insecure", "lite-variert"],
)
def test_produksjon_nekter_aa_starte_med_tom_eller_svak_hemmelig_noekkel(monkeypatch, noekkel):
    import importlib
    import sys

    from django.core.exceptions import ImproperlyConfigured

    if noekkel is None:
        monkeypatch.delenv("DJANGO_SECRET_KEY", raising=False)
    else:
        monkeypatch.setenv("DJANGO_SECRET_KEY", noekkel)
    sys.modules.pop("config.settings.prod", None)
    try:
        with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
            importlib.import_module("config.settings.prod")
    finally:
        sys.modules.pop("config.settings.prod", None)


@pytest.mark.parametrize("navn", ["felles:forside", "sak:tavle", "person:liste", "person:ny", "utbetaling:oversikt"])
def test_svar_til_innloggede_lagres_ikke_av_nettleser_eller_proxy(client, kvp_veileder_a, navn):
    client.force_login(kvp_veileder_a)
    svar = client.get(reverse(navn))
    assert svar.status_code in (200, 302, 403)
    assert "no-store" in svar.headers["Cache-Control"]


def test_personsiden_og_feilsider_for_innloggede_har_no_store(client, kvp_veileder_a, lag_person):
    person = lag_person()
    client.force_login(kvp_veileder_a)
    svar = client.get(reverse("person:detalj", args=[person.pk]))
    assert svar.status_code == 200
    assert "no-store" in svar.headers["Cache-Control"]
    ukjent = client.get(reverse("person:detalj", args=["00000000-0000-0000-0000-000000000000"]))
    assert ukjent.status_code == 404
    assert "no-store" in ukjent.headers["Cache-Control"]


def test_manage_py_uten_innstillinger_nekter_aa_kjoere():
    import os
    import subprocess
    import sys
    from pathlib import Path

    rot = Path(__file__).resolve().parents[3]
    miljoe = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    svar = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=rot,
        env=miljoe,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert svar.returncode != 0
    assert "DJANGO_SETTINGS_MODULE" in svar.stderr

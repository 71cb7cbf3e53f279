"""Produksjon: alt hemmelig kommer fra miljøet; syntetiske fødselsnumre er aldri tillatt."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

DEBUG = False


def _sterk_noekkel(noekkel: str) -> str:
    """Strengere enn Djangos `check --deploy` (security.W009): minst 50 tegn, minst 16 ulike tegn (et grovt mål på
    tilfeldighet; en nøkkel fra `secrets.token_urlsafe(50)` har rundt 40) og ikke Djangos «django-insecure-»."""
    if len(noekkel) < 50 or len(set(noekkel)) < 16 or noekkel.startswith("django-insecure-"):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY mangler eller er for svak: bruk minst 50 tilfeldige tegn "
            "(lag en med `python -c 'import secrets; print(secrets.token_urlsafe(50))'`), se docs/drift.md."
        )
    return noekkel


SECRET_KEY = _sterk_noekkel(os.environ.get("DJANGO_SECRET_KEY", ""))
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

KVP_PRODUKSJON = True
KVP_TILLAT_SYNTETISKE_FNR = False

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Et ønske i hodet; virker først når domeneeieren melder domenet på forhåndslisten (uskadelig på et underdomene).
SECURE_HSTS_PRELOAD = True

# Innloggingssperren (django-axes) skal se klientens adresse, ikke proxyens: med N betrodde omvendte proxyer foran
# appen er klienten det N-te leddet fra høyre i X-Forwarded-For (kvp/tilgang/sperre.py, docs/drift.md). Uten dette
# deler alle brukere proxyens adresse, og sperren blir bare per brukernavn.
KVP_PROXY_ANTALL = int(os.environ.get("DJANGO_PROXY_ANTALL", "1"))

# Innlogging: bare OpenID Connect (docs/drift.md). Hver tjeneste får discovery-adressen, klient-id og -hemmelighet fra
# miljøet, f.eks. KVP_OIDC_ANSATT_DISCOVERY=https://login.microsoftonline.com/<tenant>/v2.0/.well-known/openid-configuration
KVP_PASSORD_INNLOGGING = False
for _navn, _oppsett in KVP_OIDC.items():  # noqa: F405
    _prefiks = f"KVP_OIDC_{_navn.upper()}_"
    for _felt in ("discovery", "client_id", "client_secret", "scope", "acr_values"):
        if os.environ.get(_prefiks + _felt.upper()):
            _oppsett[_felt] = os.environ[_prefiks + _felt.upper()]

# Pseudonymnøkkelen for slettede personer (docs/drift.md); uten den brukes DJANGO_SECRET_KEY.
KVP_PSEUDONYM_NOEKKEL = os.environ.get("DJANGO_PSEUDONYM_NOEKKEL", "")

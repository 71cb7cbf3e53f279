"""Produksjon: alt hemmelig kommer fra miljøet; syntetiske fødselsnumre er aldri tillatt."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = [h for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

KVP_TILLAT_SYNTETISKE_FNR = False

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# Innloggingssperren (django-axes) skal se klientens adresse, ikke proxyens: bak én omvendt proxy er det siste
# leddet i X-Forwarded-For. Uten dette deler alle brukere proxyens adresse, og sperren blir bare per brukernavn.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_ANTALL", "1"))
AXES_IPWARE_META_PRECEDENCE_ORDER = ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR")

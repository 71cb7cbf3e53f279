"""Utvikling og demo (`make run`): SQLite, syntetiske fødselsnumre tillatt."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-nokkel-bare-for-lokal-kjoring-ikke-i-produksjon"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
KVP_TILLAT_SYNTETISKE_FNR = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Demobrukerne logger inn med passord.
KVP_PASSORD_INNLOGGING = True

# E-post (aktiveringslenker og varsler) skrives til konsollen.
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

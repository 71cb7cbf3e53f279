"""Testene: samme sikkerhetsoppsett som prod, men syntetiske fødselsnumre tillatt."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-nokkel-ikke-i-produksjon"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
KVP_TILLAT_SYNTETISKE_FNR = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

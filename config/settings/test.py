"""Testene: samme sikkerhetsoppsett som prod, men syntetiske fødselsnumre tillatt."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-nokkel-ikke-i-produksjon"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
KVP_TILLAT_SYNTETISKE_FNR = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# SQLite-testbasen ligger i en fil, ikke i minnet, slik at utbetalingstestene kan kjøre utbetalingsrunden i en egen
# prosess (og drepe den). IMMEDIATE gjør at samtidige skrivere venter på hverandre i stedet for å feile.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    import tempfile as _tempfile

    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(_tempfile.gettempdir(), f"kvp_test_{os.getpid()}.sqlite3")
    }
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        {"transaction_mode": "IMMEDIATE", "timeout": 30, "init_command": "PRAGMA synchronous=OFF;"}
    )

# Demobrukerne logger inn med passord.
KVP_PASSORD_INNLOGGING = True
# Opplastede dokumenter i testene: en egen mappe per prosess, aldri i arbeidskopien.
import tempfile as _tempfile_media  # noqa: E402
from pathlib import Path as _Path  # noqa: E402

MEDIA_ROOT = _Path(_tempfile_media.mkdtemp(prefix="kvp_test_dokumenter_"))

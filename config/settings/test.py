"""Testene: samme sikkerhetsoppsett som prod, men syntetiske fødselsnumre tillatt."""

import os
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-nokkel-ikke-i-produksjon"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
KVP_TILLAT_SYNTETISKE_FNR = True
# Dokumentene fra testene havner i en midlertidig mappe.
MEDIA_ROOT = Path(__import__("tempfile").gettempdir()) / f"kvp_dokumenter_{os.getpid()}"
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

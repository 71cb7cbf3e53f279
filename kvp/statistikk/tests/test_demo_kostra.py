"""Demodataenes 11CF-filer har ingen feil eller avviste poster i vår kontroll, og KOSTRA-siden har en kjøring å vise."""

import io
from typing import Any
from unittest import mock

from django.core.management import call_command
from django.utils import timezone

from kvp.statistikk import kostra
from kvp.statistikk.models import KostraKjoering
from kvp.tilgang.models import Kommune


def test_demodataene_gir_11cf_uten_feil(db: Any, settings: Any) -> None:
    settings.KVP_TILLAT_SYNTETISKE_FNR = True
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with mock.patch("kvp.brev.services.pdf_lag", return_value=b"%PDF-1.7 demo"):
        call_command("demodata", stdout=io.StringIO())
    aar = timezone.localdate().year
    antall = 0
    for kommune in Kommune.objects.all():
        for a in range(2025, aar + 1):
            uttrekk = kostra.uttrekk(kommune=kommune.nummer, aar=a)
            _, rapport = uttrekk.kontroller()
            assert rapport.feil == [], (kommune.nummer, a, rapport.feil)
            antall += len(uttrekk.poster)
    assert antall >= 3
    kjoering = KostraKjoering.objects.get()
    assert kjoering.avslutningskode in (0, 1) and kjoering.antall_poster >= 1

"""Dokumenter en deltaker eller kontoret laster opp til en sak (vedlegg til meldinger, dokumentasjon av fravær).

Filene ligger bak Djangos lagrings-API (`KVP_DOKUMENT_LAGER`: filsystem som standard, S3-kompatibelt lager ved
innstilling, se docs/adr/0015-deltakerens-kvp.md) og vises bare gjennom en tilgangskontroll, aldri fra en åpen URL.
"""

import uuid
from typing import Any

from django.conf import settings
from django.core.files.storage import Storage, storages
from django.db import models


def dokumentlager() -> Storage:
    """Lageret dokumentene skrives til (et navn i `STORAGES`, valgt med `KVP_DOKUMENT_LAGER`)."""
    return storages[settings.KVP_DOKUMENT_LAGER]


def _sti(dokument: Any, filnavn: str) -> str:
    # Ingen personopplysninger eller opprinnelig filnavn i stien: saken og en tilfeldig id.
    endelse = filnavn.rsplit(".", 1)[-1]
    return f"dokumenter/{dokument.sak_id}/{uuid.uuid4().hex}.{endelse}"


class Formaal(models.TextChoices):
    VEDLEGG = "VEDLEGG", "Vedlegg til en melding"
    DOKUMENTASJON = "DOKUMENTASJON", "Dokumentasjon (for eksempel av gyldig fravær)"


class Dokument(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="dokumenter")
    fil = models.FileField("fil", upload_to=_sti, storage=dokumentlager, max_length=200)
    filnavn = models.CharField("filnavn", max_length=120)
    innholdstype = models.CharField("filtype", max_length=40)
    stoerrelse = models.PositiveIntegerField("størrelse (byte)")
    formaal = models.CharField("formål", max_length=20, choices=Formaal.choices, default=Formaal.DOKUMENTASJON)
    beskrivelse = models.CharField("beskrivelse", max_length=200, blank=True)
    lastet_opp_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "dokument"
        verbose_name_plural = "dokumenter"
        ordering = ["-opprettet"]

    def __str__(self) -> str:
        return self.filnavn

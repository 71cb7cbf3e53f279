"""Tjenestekontoer for API-et (/api/v1/) og lagrede svar for idempotensnøkler.

En tjenestekonto er en egen bruker (uten passord, kan ikke logge inn i nettleseren) med én kontorrolle ved ett
kontor. Alle lesinger og skrivinger går gjennom de vanlige selectorene og tjenestene med den brukeren, så tilgangen er
den samme som for en saksbehandler med rollen. Tokenet lagres bare som SHA-256 av hele tokenet; det vises én gang.
"""

import uuid

from django.conf import settings
from django.db import models

from kvp.tilgang.models import KONTORROLLER, Rolle

TOKENROLLER = [(r.value, r.label) for r in Rolle if r in KONTORROLLER]


class Tjenestekonto(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    navn = models.CharField("navn", max_length=100)
    bruker = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tjenestekonto")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT, related_name="+")
    rolle = models.CharField("rolle", max_length=20, choices=TOKENROLLER)
    prefiks = models.CharField("prefiks (synlig del av tokenet)", max_length=16, unique=True)
    token_hash = models.CharField("SHA-256 av tokenet", max_length=64)
    opprettet_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)
    sist_brukt = models.DateTimeField("sist brukt", null=True, blank=True)
    tilbakekalt = models.DateTimeField("tilbakekalt", null=True, blank=True)
    tilbakekalt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "tjenestekonto"
        verbose_name_plural = "tjenestekontoer"
        ordering = ["-opprettet"]

    def __str__(self) -> str:
        return self.navn

    @property
    def aktiv(self) -> bool:
        return self.tilbakekalt is None


class Idempotensnoekkel(models.Model):
    """Svaret på en skrivende forespørsel med `Idempotency-Key`: samme nøkkel og samme innhold gir samme svar."""

    tjenestekonto = models.ForeignKey(Tjenestekonto, on_delete=models.PROTECT, related_name="+")
    noekkel = models.CharField("nøkkel", max_length=100)
    forespoersel = models.CharField("metode og sti", max_length=300)
    innhold_hash = models.CharField("SHA-256 av innholdet", max_length=64)
    status = models.PositiveSmallIntegerField("HTTP-status")
    svar = models.JSONField("svar")
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)

    class Meta:
        verbose_name = "idempotensnøkkel"
        verbose_name_plural = "idempotensnøkler"
        constraints = [
            models.UniqueConstraint(fields=["tjenestekonto", "noekkel"], name="en_noekkel_per_tjenestekonto"),
        ]

    def __str__(self) -> str:
        return f"Idempotensnøkkel {self.noekkel[:20]}"

"""Revisjonsloggen: hvem gjorde eller så hva, når, og hvordan det så ut før og etter."""

from django.conf import settings
from django.db import models

from .uforanderlig import Uforanderlig


class Handling(models.TextChoices):
    LES = "LES", "Så på"
    OPPRETT = "OPPRETT", "Opprettet"
    ENDRE = "ENDRE", "Endret"
    SOEK = "SOEK", "Søkte"
    INNLOGGING = "INNLOGGING", "Logget inn"
    UTLOGGING = "UTLOGGING", "Logget ut"


class Logghendelse(Uforanderlig, models.Model):
    """Én hendelse i revisjonsloggen. Skrives bare av `logghendelse_registrer`, endres aldri (på PostgreSQL
    nekter også databasen UPDATE og DELETE, se migreringen `0004_logghendelse_uforanderlig`)."""

    tidspunkt = models.DateTimeField("tidspunkt", auto_now_add=True, db_index=True)
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    brukernavn = models.CharField("brukernavn", max_length=150, blank=True)
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT, null=True, blank=True)
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    handling = models.CharField("handling", max_length=10, choices=Handling.choices)
    objekttype = models.CharField("objekttype", max_length=60)
    objekt_id = models.CharField("objekt-id", max_length=64, blank=True)
    beskrivelse = models.CharField("beskrivelse", max_length=200, blank=True)
    foer = models.JSONField("før", null=True, blank=True)
    etter = models.JSONField("etter", null=True, blank=True)
    formaal = models.CharField("formål", max_length=120, blank=True)
    ip = models.GenericIPAddressField("IP-adresse", null=True, blank=True)
    sesjon = models.CharField("sesjon", max_length=16, blank=True, help_text="Hash av sesjonsnøkkelen, aldri nøkkelen.")

    class Meta:
        verbose_name = "logghendelse"
        verbose_name_plural = "logghendelser"
        ordering = ["-tidspunkt", "-id"]
        indexes = [models.Index(fields=["kontor", "-tidspunkt"], name="logg_kontor_tid")]

    def __str__(self) -> str:
        return f"{self.tidspunkt:%d.%m.%Y %H:%M} {self.brukernavn} {self.handling} {self.objekttype}"

"""En jobb: lengre arbeid som kjøres i bakgrunnen (Djangos Tasks-API, `django-tasks` med databasebakenden), med
fremdrift som vises mens den går. Appene registrerer sine jobbtyper i `kvp.jobber.typer`."""

import uuid

from django.db import models
from django.db.models import Q

from kvp.tilgang.models import Bruker, NavKontor


class Jobbstatus(models.TextChoices):
    VENTER = "VENTER", "Venter på å starte"
    KJOERER = "KJOERER", "Kjører"
    FERDIG = "FERDIG", "Ferdig"
    FEILET = "FEILET", "Feilet"


AKTIVE = (Jobbstatus.VENTER, Jobbstatus.KJOERER)


class Jobb(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField("type", max_length=40)
    tittel = models.CharField("tittel", max_length=200)
    noekkel = models.CharField(
        "nøkkel", max_length=200, help_text="Samme arbeid har samme nøkkel; bare én aktiv jobb per nøkkel."
    )
    parametre = models.JSONField("parametre", default=dict)
    kontor = models.ForeignKey(NavKontor, on_delete=models.PROTECT, related_name="+")
    startet_av = models.ForeignKey(Bruker, on_delete=models.PROTECT, related_name="+")
    status = models.CharField("status", max_length=10, choices=Jobbstatus.choices, default=Jobbstatus.VENTER)
    gjort = models.PositiveIntegerField("gjort", default=0)
    totalt = models.PositiveIntegerField("totalt", null=True, blank=True)
    steg = models.CharField("steg", max_length=200, blank=True)
    melding = models.TextField("melding", blank=True)
    lenke = models.CharField("lenke til resultatet", max_length=300, blank=True)
    lenketekst = models.CharField("lenketekst", max_length=100, blank=True)
    oppgave_id = models.CharField("oppgaven som eier jobben", max_length=64, blank=True)
    arbeider = models.CharField("arbeidsprosess (maskin:pid)", max_length=200, blank=True)
    forsoek = models.PositiveSmallIntegerField("forsøk", default=0)
    opprettet = models.DateTimeField(auto_now_add=True)
    startet = models.DateTimeField(null=True, blank=True)
    hjerteslag = models.DateTimeField(null=True, blank=True)
    avsluttet = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "jobb"
        verbose_name_plural = "jobber"
        ordering = ["-opprettet"]
        constraints = [
            models.UniqueConstraint(
                fields=["noekkel"],
                condition=Q(status__in=["VENTER", "KJOERER"]),
                name="jobber_en_aktiv_jobb_per_noekkel",
            )
        ]
        indexes = [models.Index(fields=["kontor", "opprettet"]), models.Index(fields=["startet_av", "opprettet"])]

    def __str__(self) -> str:
        return self.tittel

    @property
    def aktiv(self) -> bool:
        return self.status in AKTIVE

    @property
    def prosent(self) -> int | None:
        """Fremdriften i hele prosent, eller None når totalen ikke er kjent ennå."""
        if self.status == Jobbstatus.FERDIG:
            return 100
        if not self.totalt:
            return None
        return min(100, self.gjort * 100 // self.totalt)

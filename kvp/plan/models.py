"""Programplanen: aktiviteter med timer per uke, evalueringstidspunkter og en historikk som bare vokser."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models


class Aktivitetstype(models.TextChoices):
    """Innholdet i programmet (sosialtjenesteloven § 30, forskriften § 1; nav.no og regjeringen.no, se docs/plan.md)."""

    ARBEIDSRETTET_TILTAK = "ARBEIDSRETTET_TILTAK", "Arbeidsrettet tiltak"
    ARBEIDSTRENING = "ARBEIDSTRENING", "Arbeidstrening"
    ARBEIDSSOEKING = "ARBEIDSSOEKING", "Arbeidssøking"
    OPPLAERING = "OPPLAERING", "Opplæring"
    NORSKOPPLAERING = "NORSKOPPLAERING", "Norskopplæring"
    TETT_OPPFOELGING = "TETT_OPPFOELGING", "Tett oppfølging og veiledning"
    HELSEHJELP = "HELSEHJELP", "Helsehjelp/behandling"
    MOTIVASJON_MESTRING = "MOTIVASJON_MESTRING", "Motivasjons- og mestringstrening"
    EGENAKTIVITET = "EGENAKTIVITET", "Egenaktivitet"
    OEKONOMISK_RAADGIVNING = "OEKONOMISK_RAADGIVNING", "Økonomisk rådgivning"
    BOOPPFOELGING = "BOOPPFOELGING", "Booppfølging"
    LOENNET_ARBEID = "LOENNET_ARBEID", "Lønnet arbeid (inntil 50 %)"


#: Aktiviteter som regnes som arbeidsrettede tiltak når planen sjekkes mot forskriften § 1 [I].
ARBEIDSRETTEDE = frozenset(
    {Aktivitetstype.ARBEIDSRETTET_TILTAK, Aktivitetstype.ARBEIDSTRENING, Aktivitetstype.LOENNET_ARBEID}
)


class Aktivitetsstatus(models.TextChoices):
    PLANLAGT = "PLANLAGT", "Planlagt"
    PAAGAAR = "PAAGAAR", "Pågår"
    FULLFOERT = "FULLFOERT", "Fullført"
    AVBRUTT = "AVBRUTT", "Avbrutt"


class Aktivitet(models.Model):
    """Én aktivitet i planen. Endres gjennom tjenestene; hver versjon står i `Planhistorikk`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="aktiviteter")
    type = models.CharField("type", max_length=30, choices=Aktivitetstype.choices)
    beskrivelse = models.CharField("beskrivelse", max_length=300, blank=True)
    timer_per_uke = models.DecimalField("timer per uke", max_digits=4, decimal_places=2)
    fra_og_med = models.DateField("fra og med")
    til_og_med = models.DateField("til og med")
    tilbyder = models.CharField("tilbyder", max_length=200, blank=True)
    status = models.CharField("status", max_length=20, choices=Aktivitetsstatus.choices, default="PLANLAGT")
    avtalt_med_deltaker = models.BooleanField("avtalt med deltakeren", default=False)
    endret_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)
    endret = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "aktivitet"
        verbose_name_plural = "aktiviteter"
        ordering = ["fra_og_med", "type"]
        constraints = [
            models.CheckConstraint(
                name="aktivitet_periode_i_rekkefoelge", condition=models.Q(til_og_med__gte=models.F("fra_og_med"))
            ),
            models.CheckConstraint(
                name="aktivitet_timer_0_til_37_5", condition=models.Q(timer_per_uke__gt=0, timer_per_uke__lte=37.5)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.fra_og_med}–{self.til_og_med}"


class Evaluering(models.Model):
    """Et tidspunkt da programmet skal evalueres (forskriften § 1: planen skal si når)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="evalueringer")
    dato = models.DateField("dato")
    tema = models.CharField("hva skal evalueres", max_length=300, blank=True)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "evaluering"
        verbose_name_plural = "evalueringer"
        ordering = ["dato"]

    def __str__(self) -> str:
        return f"Evaluering {self.dato}"


class Planhistorikk(models.Model):
    """Hver endring i planen, med hvem og når. Bare nye rader; en rad endres eller slettes aldri."""

    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="planhistorikk")
    objekttype = models.CharField("hva", max_length=20)
    objekt_id = models.UUIDField("objekt")
    handling = models.CharField("handling", max_length=20)
    data = models.JSONField("innhold etter endringen")
    endret_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tidspunkt = models.DateTimeField("tidspunkt", auto_now_add=True)

    class Meta:
        verbose_name = "planendring"
        verbose_name_plural = "planendringer"
        ordering = ["-tidspunkt", "-id"]

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Planhistorikken kan ikke endres.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Planhistorikken kan ikke slettes.")

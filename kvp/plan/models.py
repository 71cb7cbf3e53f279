"""Programplanen: aktiviteter med timer per uke og en historikk som bare vokser.

Evalueringsdatoene står i vedtaket (den ene kilden, ADR 0019); planen leser dem derfra."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from kvp_regler.program import plan as regler

#: Aktiviteter som regnes som arbeidsrettede tiltak (forskriften § 1); regelen står i `kvp_regler.program.plan`.
ARBEIDSRETTEDE = regler.ARBEIDSRETTEDE


class Aktivitetstype(models.TextChoices):
    """Innholdet i programmet (sosialtjenesteloven § 30, forskriften § 1; nav.no og regjeringen.no, se docs/plan.md).

    De lagrede verdiene kommer fra `kvp_regler.program.plan.Aktivitetstype`; her står bare tekstene."""

    ARBEIDSRETTET_TILTAK = regler.Aktivitetstype.ARBEIDSRETTET_TILTAK.value, "Arbeidsrettet tiltak"
    ARBEIDSTRENING = regler.Aktivitetstype.ARBEIDSTRENING.value, "Arbeidstrening"
    ARBEIDSSOEKING = regler.Aktivitetstype.ARBEIDSSOEKING.value, "Arbeidssøking"
    OPPLAERING = regler.Aktivitetstype.OPPLAERING.value, "Opplæring"
    NORSKOPPLAERING = regler.Aktivitetstype.NORSKOPPLAERING.value, "Norskopplæring"
    TETT_OPPFOELGING = regler.Aktivitetstype.TETT_OPPFOELGING.value, "Tett oppfølging og veiledning"
    HELSEHJELP = regler.Aktivitetstype.HELSEHJELP.value, "Helsehjelp/behandling"
    MOTIVASJON_MESTRING = regler.Aktivitetstype.MOTIVASJON_MESTRING.value, "Motivasjons- og mestringstrening"
    EGENAKTIVITET = regler.Aktivitetstype.EGENAKTIVITET.value, "Egenaktivitet"
    OEKONOMISK_RAADGIVNING = regler.Aktivitetstype.OEKONOMISK_RAADGIVNING.value, "Økonomisk rådgivning"
    BOOPPFOELGING = regler.Aktivitetstype.BOOPPFOELGING.value, "Booppfølging"
    LOENNET_ARBEID = regler.Aktivitetstype.LOENNET_ARBEID.value, "Lønnet arbeid (inntil 50 %)"


class Aktivitetsstatus(models.TextChoices):
    """Verdiene kommer fra `kvp_regler.program.plan.Aktivitetsstatus`."""

    PLANLAGT = regler.Aktivitetsstatus.PLANLAGT.value, "Planlagt"
    PAAGAAR = regler.Aktivitetsstatus.PAAGAAR.value, "Pågår"
    FULLFOERT = regler.Aktivitetsstatus.FULLFOERT.value, "Fullført"
    AVBRUTT = regler.Aktivitetsstatus.AVBRUTT.value, "Avbrutt"


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
            models.CheckConstraint(name="aktivitet_timer_positiv", condition=models.Q(timer_per_uke__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.fra_og_med}–{self.til_og_med}"


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

    def __str__(self) -> str:
        return f"{self.objekttype} {self.handling}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("Planhistorikken kan ikke endres.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError("Planhistorikken kan ikke slettes.")

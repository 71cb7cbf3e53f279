"""Saken på KVP-tavla: status, saksbehandler og foreløpig svar."""

import uuid

from django.conf import settings
from django.db import models


class Status(models.TextChoices):
    """Sakens tilstand (spec/regler.md § 6.2). Lagret verdi er stabil; nye tilstander legges til senere."""

    SOEKNAD_REGISTRERT = "SOEKNAD_REGISTRERT", "Søknad registrert"
    ARBEIDSEVNEVURDERING = "ARBEIDSEVNEVURDERING", "Arbeidsevnevurdering"
    VILKAARSVURDERING = "VILKAARSVURDERING", "Vurdering av inngangsvilkår"
    TRUKKET = "TRUKKET", "Søknad trukket"


#: Kolonnene på tavla, i rekkefølge. Saker i andre tilstander er lukket.
AAPNE_STATUSER = (Status.SOEKNAD_REGISTRERT, Status.ARBEIDSEVNEVURDERING, Status.VILKAARSVURDERING)
LUKKEDE_STATUSER = (Status.TRUKKET,)


class Sak(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    soeknad = models.OneToOneField("soeknad.Soeknad", on_delete=models.PROTECT, related_name="sak")
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, related_name="saker")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT, related_name="saker")
    status = models.CharField("status", max_length=30, choices=Status.choices, default=Status.SOEKNAD_REGISTRERT)
    saksbehandler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="saker"
    )
    mottatt_dato = models.DateField("mottatt dato")
    til_statsforvalter = models.BooleanField("sendt til statsforvalteren (klage eller tilsyn)", default=False)
    opprettet = models.DateTimeField(auto_now_add=True)
    endret = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sak"
        verbose_name_plural = "saker"
        indexes = [
            models.Index(fields=["kontor", "status", "saksbehandler", "mottatt_dato"], name="sak_tavle"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status__in=["SOEKNAD_REGISTRERT", "ARBEIDSEVNEVURDERING", "VILKAARSVURDERING"]),
                name="en_aapen_sak_per_person",
            )
        ]

    def __str__(self) -> str:
        return f"Sak {str(self.id)[:8]}"


class ForeloepigSvar(models.Model):
    """Foreløpig svar etter forvaltningsloven § 11 a tredje ledd: saken tar mer enn en måned."""

    sak = models.ForeignKey(Sak, on_delete=models.CASCADE, related_name="foreloepige_svar")
    sendt_dato = models.DateField("sendt dato")
    forventet_svar_dato = models.DateField("forventet svar innen")
    begrunnelse = models.TextField("hvorfor saken tar tid")
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "foreløpig svar"
        verbose_name_plural = "foreløpige svar"
        ordering = ["-sendt_dato"]

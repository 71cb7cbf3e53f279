"""Brevene til deltakeren: vedtaksbrev, oppstart, foreløpig svar og forhåndsvarsel. HTML-en som ble vist og PDF-en
som ble sendt, lagres når brevet lages, og endres aldri."""

import uuid

from django.db import models

from kvp.felles.uforanderlig import Uforanderlig


class Brevtype(models.TextChoices):
    VEDTAK = "VEDTAK", "Vedtaksbrev"
    OPPSTART = "OPPSTART", "Oppstart av programmet"
    FORELOEPIG_SVAR = "FORELOEPIG_SVAR", "Foreløpig svar"
    FORHAANDSVARSEL = "FORHAANDSVARSEL", "Forhåndsvarsel"


class Brev(Uforanderlig, models.Model):  # sendt når det lages: endres og slettes aldri
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="brev")
    type = models.CharField("brevtype", max_length=20, choices=Brevtype.choices, default=Brevtype.VEDTAK)
    vedtak = models.OneToOneField("vedtak.Vedtak", on_delete=models.PROTECT, null=True, blank=True, related_name="brev")
    forhaandsvarsel = models.OneToOneField(
        "vedtak.Forhaandsvarsel", on_delete=models.PROTECT, null=True, blank=True, related_name="brev"
    )
    foreloepig_svar = models.OneToOneField(
        "sak.ForeloepigSvar", on_delete=models.PROTECT, null=True, blank=True, related_name="brev"
    )
    dato = models.DateField("brevets dato")
    maalform = models.CharField("målform", max_length=2)
    tittel = models.CharField("tittel", max_length=200)
    html = models.TextField("brevet som HTML")
    pdf = models.BinaryField("brevet som PDF")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "brev"
        verbose_name_plural = "brev"
        ordering = ["-opprettet"]
        constraints = [
            models.CheckConstraint(
                name="vedtaksbrev_har_vedtak",
                condition=~models.Q(type="VEDTAK") | models.Q(vedtak__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.tittel

"""Vedtaksbrev: HTML-en som ble vist og PDF-en som ble sendt, lagret når vedtaket ble fattet."""

import uuid

from django.db import models

from kvp.felles.uforanderlig import Uforanderlig


class Brev(Uforanderlig, models.Model):  # sendt når det lages: endres og slettes aldri
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vedtak = models.OneToOneField("vedtak.Vedtak", on_delete=models.PROTECT, related_name="brev")
    maalform = models.CharField("målform", max_length=2)
    tittel = models.CharField("tittel", max_length=200)
    html = models.TextField("brevet som HTML")
    pdf = models.BinaryField("brevet som PDF")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "brev"
        verbose_name_plural = "brev"
        ordering = ["-opprettet"]

    def __str__(self) -> str:
        return self.tittel

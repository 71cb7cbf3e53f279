"""Personen (mulig deltaker eller deltaker) og husstanden: barn med forsørgerperioder."""

import uuid

from django.db import models

from . import fnr as fnr_modul


class Maalform(models.TextChoices):
    BOKMAAL = "NB", "Bokmål"
    NYNORSK = "NN", "Nynorsk"


class Person(models.Model):
    """En person kontoret følger opp. Fødselsnummeret vises bare maskert utenfor personsiden."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    foedselsnummer = models.CharField("fødselsnummer eller D-nummer", max_length=11, unique=True)
    foedselsdato = models.DateField("fødselsdato")
    fornavn = models.CharField("fornavn", max_length=100)
    etternavn = models.CharField("etternavn", max_length=100)
    adresse = models.CharField("adresse", max_length=200, blank=True)
    postnummer = models.CharField("postnummer", max_length=4, blank=True)
    poststed = models.CharField("poststed", max_length=60, blank=True)
    kommune = models.ForeignKey("tilgang.Kommune", on_delete=models.PROTECT, verbose_name="bostedskommune")
    kontor = models.ForeignKey(
        "tilgang.NavKontor", on_delete=models.PROTECT, related_name="personer", verbose_name="NAV-kontor"
    )
    maalform = models.CharField("målform", max_length=2, choices=Maalform.choices, default=Maalform.BOKMAAL)
    telefon = models.CharField("telefon", max_length=20, blank=True)
    epost = models.EmailField("e-post", blank=True)
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "person"
        verbose_name_plural = "personer"
        ordering = ["etternavn", "fornavn"]
        indexes = [models.Index(fields=["kontor", "etternavn", "fornavn"], name="person_kontor_navn")]

    def __str__(self) -> str:
        return self.navn

    def __repr__(self) -> str:
        return f"<Person {self.id} {self.maskert_fnr}>"

    @property
    def navn(self) -> str:
        return f"{self.fornavn} {self.etternavn}"

    @property
    def maskert_fnr(self) -> str:
        return fnr_modul.masker(self.foedselsnummer)


class Barn(models.Model):
    """Et barn i husstanden. Forsørgerperiodene brukes av barnetillegget."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    forelder = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="barn")
    fornavn = models.CharField("fornavn", max_length=100)
    foedselsdato = models.DateField("fødselsdato")

    class Meta:
        verbose_name = "barn"
        verbose_name_plural = "barn"
        ordering = ["foedselsdato"]

    def __str__(self) -> str:
        return self.fornavn


class Forsoergerperiode(models.Model):
    """Perioden personen forsørger barnet, fra og med – til og med (tom = løpende)."""

    barn = models.ForeignKey(Barn, on_delete=models.CASCADE, related_name="forsoergerperioder")
    fra_og_med = models.DateField("fra og med")
    til_og_med = models.DateField("til og med", null=True, blank=True)

    class Meta:
        verbose_name = "forsørgerperiode"
        verbose_name_plural = "forsørgerperioder"
        ordering = ["fra_og_med"]
        constraints = [
            models.CheckConstraint(
                name="forsoergerperiode_rekkefoelge",
                condition=models.Q(til_og_med__isnull=True) | models.Q(til_og_med__gte=models.F("fra_og_med")),
            )
        ]

    def __str__(self) -> str:
        return f"Forsørger {self.fra_og_med}–{self.til_og_med or ''}"

"""Inntaket: kartlegging, overføringsnotat, møtetider hos KVP-veileder og søknaden."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models

MOETE_MINUTTER = 15


class RettTilYtelser(models.TextChoices):
    NEI = "NEI", "Nei, ingen rett til ytelser"
    FOLKETRYGDLOVEN = "FOLKETRYGDLOVEN", "Ja, etter folketrygdloven"
    ARBEIDSMARKEDSLOVEN = "ARBEIDSMARKEDSLOVEN", "Ja, etter arbeidsmarkedsloven"
    UAVKLART = "UAVKLART", "Ikke avklart"


class Oppfoelgingsbehov(models.TextChoices):
    STANDARD = "STANDARD", "Standard innsats"
    SITUASJONSBESTEMT = "SITUASJONSBESTEMT", "Situasjonsbestemt innsats"
    SPESIELT_TILPASSET = "SPESIELT_TILPASSET", "Spesielt tilpasset innsats"
    VARIG_TILPASSET = "VARIG_TILPASSET", "Varig tilpasset innsats"


class Kartlegging(models.Model):
    """Veilederens kartlegging av en mulig KVP-deltaker (rutinen til NAV Randaberg-Kvitsøy)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, related_name="kartlegginger")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT)
    veileder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    utdanning = models.TextField("utdanning")
    arbeidserfaring = models.TextField("arbeidserfaring")
    interesser = models.TextField("interesser og hobbyer som kan føre til arbeid", blank=True)
    utfordringer = models.TextField("utfordringer som er årsaken til at personen ikke er i arbeid")
    rett_til_ytelser = models.CharField(
        "rett til ytelser etter folketrygdloven eller arbeidsmarkedsloven",
        max_length=20,
        choices=RettTilYtelser.choices,
    )
    oppfoelgingsbehov = models.CharField("oppfølgingsbehov", max_length=20, choices=Oppfoelgingsbehov.choices)
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "kartlegging"
        verbose_name_plural = "kartlegginger"
        ordering = ["-opprettet"]

    def __str__(self) -> str:
        return f"Kartlegging {str(self.id)[:8]}"


class Overfoeringsnotat(models.Model):
    """Notat til KVP-veilederen etter malen: person, historikk, familie, erfaring, utdanning, kompetanse."""

    kartlegging = models.OneToOneField(Kartlegging, on_delete=models.CASCADE, related_name="overfoeringsnotat")
    om_personen = models.TextField("om personen")
    historikk = models.TextField("historikk")
    familie = models.TextField("familie")
    erfaring = models.TextField("erfaring")
    utdanning = models.TextField("utdanning")
    kompetanse = models.TextField("kompetanse")

    class Meta:
        verbose_name = "overføringsnotat"
        verbose_name_plural = "overføringsnotater"

    def __str__(self) -> str:
        return f"Overføringsnotat for kartlegging {str(self.kartlegging_id)[:8]}"


class Moetetid(models.Model):
    """Et ledig kvarter (15 min) hos en KVP-veileder, til overføringsmøte. Kan bookes én gang."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT)
    kvp_veileder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="moetetider")
    start = models.DateTimeField("starttid")
    kartlegging = models.OneToOneField(
        Kartlegging, on_delete=models.PROTECT, null=True, blank=True, related_name="moetetid"
    )
    booket_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "møtetid"
        verbose_name_plural = "møtetider"
        ordering = ["start"]
        constraints = [models.UniqueConstraint(fields=["kvp_veileder", "start"], name="moetetid_unik_per_veileder")]

    def __str__(self) -> str:
        return f"Møtetid {self.start}"


class Moeteavlysning(models.Model):
    """Et overføringsmøte som ble avlyst eller flyttet, med grunnen. Bare nye rader; tiden selv blir ledig igjen.

    `ny_moetetid` er tiden møtet ble flyttet til (ombooking); tom når møtet bare ble avlyst."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kartlegging = models.ForeignKey(Kartlegging, on_delete=models.PROTECT, related_name="avlysninger")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT)
    kvp_veileder = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    start = models.DateTimeField("tiden som ble avlyst")
    grunn = models.TextField("grunn")
    ny_moetetid = models.ForeignKey(
        Moetetid, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="flyttet til"
    )
    avlyst_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tidspunkt = models.DateTimeField("avlyst", auto_now_add=True)

    class Meta:
        verbose_name = "avlyst møte"
        verbose_name_plural = "avlyste møter"
        ordering = ["-tidspunkt"]

    def __str__(self) -> str:
        return f"Møte {self.start} avlyst"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError("En avlysning kan ikke endres.")
        super().save(*args, **kwargs)


class Kanal(models.TextChoices):
    DIGITAL = "DIGITAL", "Digital søknad"
    PAPIR = "PAPIR", "Papirsøknad"
    EPOST = "EPOST", "E-post eller brev"
    SAMARBEIDSPARTNER = "SAMARBEIDSPARTNER", "Fra samarbeidspartner"


class Soeknad(models.Model):
    """En søknad om kvalifiseringsprogram. Blir alltid til en sak på KVP-tavla."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, related_name="soeknader")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT)
    mottatt_dato = models.DateField("mottatt dato")
    kanal = models.CharField("kanal", max_length=20, choices=Kanal.choices)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kartlegging = models.ForeignKey(Kartlegging, on_delete=models.SET_NULL, null=True, blank=True)
    hva_oensker_du = models.TextField("hva ønsker du å oppnå", blank=True)
    hjelp_til = models.TextField("hva trenger du hjelp til", blank=True)
    merknad = models.TextField("merknad fra kontoret", blank=True)
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "søknad"
        verbose_name_plural = "søknader"
        ordering = ["-mottatt_dato"]

    def __str__(self) -> str:
        return f"Søknad mottatt {self.mottatt_dato}"

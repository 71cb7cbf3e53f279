"""Deltakerens vei inn (aktiveringslenker) og samtalen mellom deltakeren og kontoret (meldinger)."""

import uuid

from django.conf import settings
from django.db import models


class Aktivering(models.Model):
    """En engangslenke kontoret sender til en person. Bare en hash av nøkkelen lagres; nøkkelen står bare i e-posten."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, related_name="aktiveringer")
    noekkel_hash = models.CharField("hash av nøkkelen", max_length=64, unique=True)
    opprettet_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)
    utloeper = models.DateTimeField("utløper")
    brukt = models.DateTimeField("brukt", null=True, blank=True)
    bruker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="aktiveringer"
    )

    class Meta:
        verbose_name = "aktiveringslenke"
        verbose_name_plural = "aktiveringslenker"

    def __str__(self) -> str:
        return f"Aktiveringslenke {self.opprettet:%d.%m.%Y}"


class Melding(models.Model):
    """Én melding i samtalen om en sak, fra deltakeren eller fra kontoret."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="meldinger")
    fra_deltaker = models.BooleanField("fra deltakeren")
    avsender = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tekst = models.TextField("melding")
    vedlegg = models.ForeignKey(
        "dokument.Dokument", on_delete=models.PROTECT, null=True, blank=True, related_name="meldinger"
    )
    sendt = models.DateTimeField(auto_now_add=True, db_index=True)
    lest = models.DateTimeField("lest av mottakeren", null=True, blank=True)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldinger"
        ordering = ["sendt"]
        indexes = [models.Index(fields=["sak", "fra_deltaker", "lest"], name="melding_uleste")]

    def __str__(self) -> str:
        return "Melding fra deltakeren" if self.fra_deltaker else "Melding fra kontoret"


class Varsel(models.Model):
    """Et varsel til deltakeren om at noe nytt venter i KVP (uten personopplysninger i selve varselet)."""

    class Status(models.TextChoices):
        VENTER = "VENTER", "Venter på å bli sendt"
        SENDT = "SENDT", "Sendt"
        FEILET = "FEILET", "Feilet (prøves igjen)"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, related_name="varsler")
    kanal = models.CharField("kanal", max_length=10, choices=[("EPOST", "E-post"), ("SMS", "SMS")])
    grunn = models.CharField("grunn", max_length=20)
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.VENTER)
    forsoek = models.PositiveSmallIntegerField("forsøk", default=0)
    siste_feil = models.CharField("siste feil", max_length=200, blank=True)
    neste_forsoek = models.DateTimeField("neste forsøk", null=True, blank=True)
    opprettet = models.DateTimeField(auto_now_add=True)
    sendt = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "varsel"
        verbose_name_plural = "varsler"
        ordering = ["-opprettet"]

    def __str__(self) -> str:
        return f"Varsel ({self.get_kanal_display()})"

    @property
    def gitt_opp(self) -> bool:
        """Feilet så mange ganger at jobben ikke prøver mer: kontoret må ta kontakt på annen måte."""
        return self.status == self.Status.FEILET and self.forsoek >= settings.KVP_VARSEL_MAKS_FORSOEK


class Varselvalg(models.Model):
    """Deltakerens valg: varsel på e-post, på SMS, eller begge. Uten valg sendes e-post når adressen finnes."""

    person = models.OneToOneField("person.Person", on_delete=models.CASCADE, related_name="varselvalg")
    epost = models.BooleanField("varsel på e-post", default=True)
    sms = models.BooleanField("varsel på SMS", default=False)
    endret = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "varselvalg"
        verbose_name_plural = "varselvalg"

    def __str__(self) -> str:
        return "Varselvalg"


class Planaksept(models.Model):
    """Deltakerens underskrift på programplanen (kontrakten): tidspunktet, hvem, og nøyaktig hva som ble godtatt.

    `innhold` er planen slik deltakeren så den; `sjekksum` (SHA-256 av innholdet) viser om planen er endret siden.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="planaksepter")
    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tidspunkt = models.DateTimeField("godtatt", auto_now_add=True)
    innhold = models.JSONField("planen som ble godtatt")
    sjekksum = models.CharField("sjekksum", max_length=64)

    class Meta:
        verbose_name = "godtatt plan"
        verbose_name_plural = "godtatte planer"
        ordering = ["-tidspunkt"]

    def __str__(self) -> str:
        return f"Plan godtatt {self.tidspunkt:%d.%m.%Y}"


class Endringstype(models.TextChoices):
    NYTT_BARN = "NYTT_BARN", "Jeg har fått et barn, eller et barn har flyttet inn"
    ARBEID = "ARBEID", "Jeg har fått arbeid"
    ANNEN_INNTEKT = "ANNEN_INNTEKT", "Jeg har fått annen inntekt eller en ytelse"
    ANNET = "ANNET", "Noe annet har endret seg"


class Endringsmelding(models.Model):
    """En endring deltakeren melder (nytt barn, arbeid, annen inntekt). Blir en oppgave for kontoret til den er
    behandlet; kontoret registrerer selve endringen i personen, planen eller oppmøtet."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="endringsmeldinger")
    type = models.CharField("hva har endret seg", max_length=20, choices=Endringstype.choices)
    fra_og_med = models.DateField("fra og med")
    beskrivelse = models.TextField("beskrivelse", blank=True)
    meldt_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    meldt = models.DateTimeField(auto_now_add=True)
    behandlet = models.DateTimeField("behandlet", null=True, blank=True)
    behandlet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "endringsmelding"
        verbose_name_plural = "endringsmeldinger"
        ordering = ["-meldt"]

    def __str__(self) -> str:
        return self.get_type_display()

"""Oppmøte per dag, lønnet arbeid, andre ytelser og attesterte måneder: grunnlaget for stønaden.

Dager uten registrering regnes som `DELTATT` (spec/beregning.md § 3). En måned som er attestert av KVP-veilederen er
låst for utbetalingen; senere endringer er korreksjoner som øker `Maanedsattestering.versjon`, slik at
utbetalingen ser at en betalt måned må beregnes på nytt.
"""

import uuid

from django.conf import settings
from django.db import models

from kvp.felles.uforanderlig import Uforanderlig
from kvp_regler import beregning as regler


class Dagstatus(models.TextChoices):
    """De lagrede verdiene kommer fra `kvp_regler.beregning.Dagstatus`; her står bare tekstene."""

    DELTATT = regler.Dagstatus.DELTATT.value, "Deltatt"
    HELLIGDAG = regler.Dagstatus.HELLIGDAG.value, "Helligdag"
    GYLDIG_FRAVAER = regler.Dagstatus.GYLDIG_FRAVAER.value, "Gyldig fravær"
    FERIE = regler.Dagstatus.FERIE.value, "Ferie"
    PERMISJON_MED_STOENAD = regler.Dagstatus.PERMISJON_MED_STOENAD.value, "Permisjon med stønad"
    UGYLDIG_FRAVAER = regler.Dagstatus.UGYLDIG_FRAVAER.value, "Ugyldig fravær"
    FRAVAER_UTEN_STOENAD = regler.Dagstatus.FRAVAER_UTEN_STOENAD.value, "Avtalt fravær uten stønad"
    PERMISJON_UTEN_STOENAD = regler.Dagstatus.PERMISJON_UTEN_STOENAD.value, "Permisjon uten stønad"
    AVBRUDD = regler.Dagstatus.AVBRUDD.value, "Avbrudd i programmet"


class Dokumentasjon(models.TextChoices):
    INGEN = "INGEN", "Ingen"
    EGENMELDING = "EGENMELDING", "Egenmelding"
    LEGEERKLAERING = "LEGEERKLAERING", "Legeerklæring"
    ANNEN = "ANNEN", "Annen dokumentasjon"


class Kilde(models.TextChoices):
    SAKSBEHANDLER = "SAKSBEHANDLER", "Registrert av NAV"
    DELTAKER = "DELTAKER", "Meldt av deltakeren"
    AUTOMATISK = "AUTOMATISK", "Fylt inn automatisk"


class Oppmoete(models.Model):
    """Status for én virkedag i programmet for én sak."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="oppmoeter")
    dato = models.DateField("dato")
    status = models.CharField("status", max_length=30, choices=Dagstatus.choices)
    timer = models.DecimalField(
        "timer ugyldig fravær",
        max_digits=3,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Bare ved ugyldig fravær en del av dagen; grensen er parameteren timer_per_virkedag.",
    )
    dokumentasjon = models.CharField(
        "dokumentasjon", max_length=20, choices=Dokumentasjon.choices, default=Dokumentasjon.INGEN
    )
    merknad = models.CharField("merknad", max_length=500, blank=True)
    kilde = models.CharField("kilde", max_length=20, choices=Kilde.choices, default=Kilde.SAKSBEHANDLER)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registrert = models.DateTimeField("registrert", auto_now=True)

    class Meta:
        verbose_name = "oppmøte"
        verbose_name_plural = "oppmøter"
        ordering = ["dato"]
        constraints = [
            models.UniqueConstraint(fields=["sak", "dato"], name="ett_oppmoete_per_dag"),
            models.CheckConstraint(
                name="timer_bare_ved_ugyldig_fravaer",
                condition=models.Q(timer__isnull=True) | models.Q(status="UGYLDIG_FRAVAER", timer__gt=0),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.dato}: {self.get_status_display()}"


class Arbeidsperiode(models.Model):
    """Lønnet arbeid som reduserer stønad og barnetillegg forholdsmessig (høyst parameteren
    `maks_arbeidstimer_per_uke` i alt, sosialtjenesteloven § 37)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="arbeidsperioder")
    fra_og_med = models.DateField("fra og med")
    til_og_med = models.DateField("til og med")
    timer_per_uke = models.DecimalField("timer per uke", max_digits=4, decimal_places=2)
    arbeidsgiver = models.CharField("arbeidsgiver", max_length=200, blank=True)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "arbeidsperiode"
        verbose_name_plural = "arbeidsperioder"
        ordering = ["fra_og_med"]
        constraints = [
            models.CheckConstraint(
                name="arbeid_periode_i_rekkefoelge", condition=models.Q(til_og_med__gte=models.F("fra_og_med"))
            ),
            models.CheckConstraint(name="arbeid_timer_positiv", condition=models.Q(timer_per_uke__gt=0)),
        ]

    def __str__(self) -> str:
        return f"Arbeid {self.fra_og_med}–{self.til_og_med}: {self.timer_per_uke} timer per uke"


class Ytelsestype(models.TextChoices):
    """Ytelser som trekkes krone for krone (sosialtjenesteloven § 38); verdiene kommer fra
    `kvp_regler.beregning.Ytelsestype`."""

    DAGPENGER = regler.Ytelsestype.DAGPENGER.value, "Dagpenger"
    SYKEPENGER = regler.Ytelsestype.SYKEPENGER.value, "Sykepenger"
    FORELDREPENGER = regler.Ytelsestype.FORELDREPENGER.value, "Foreldrepenger"
    ANNEN = regler.Ytelsestype.ANNEN.value, "Annen ytelse (etter vedtak)"


class AnnenYtelse(models.Model):
    """En annen ytelse med dagsats for en periode, trukket krone for krone per virkedag."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="andre_ytelser")
    type = models.CharField("ytelse", max_length=20, choices=Ytelsestype.choices)
    fra_og_med = models.DateField("fra og med")
    til_og_med = models.DateField("til og med")
    dagsats = models.DecimalField("dagsats (kr)", max_digits=9, decimal_places=2)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "annen ytelse"
        verbose_name_plural = "andre ytelser"
        ordering = ["fra_og_med"]
        constraints = [
            models.CheckConstraint(
                name="ytelse_periode_i_rekkefoelge", condition=models.Q(til_og_med__gte=models.F("fra_og_med"))
            ),
            models.CheckConstraint(name="ytelse_dagsats_positiv", condition=models.Q(dagsats__gt=0)),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.fra_og_med}–{self.til_og_med}"


class Maanedsattestering(Uforanderlig, models.Model):
    """KVP-veilederens attestering av en måneds oppmøte. Låser måneden for utbetalingsrunden.

    `versjon` starter på 1 og økes ved hver korreksjon etter attesteringen; utbetalingen lagrer versjonen den
    betalte, og en høyere versjon betyr at måneden må beregnes på nytt (etterbetaling eller tilbakekreving).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="attesteringer")
    aar = models.PositiveSmallIntegerField("år")
    maaned = models.PositiveSmallIntegerField("måned")
    attestert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    attestert = models.DateTimeField("attestert")
    versjon = models.PositiveIntegerField("versjon", default=1)
    sist_korrigert = models.DateTimeField("sist korrigert", null=True, blank=True)
    uforanderlig_unntatt = ("versjon", "sist_korrigert")  # bare en korreksjon endrer en attestert måned

    class Meta:
        verbose_name = "attestert måned"
        verbose_name_plural = "attesterte måneder"
        ordering = ["aar", "maaned"]
        constraints = [
            models.UniqueConstraint(fields=["sak", "aar", "maaned"], name="en_attestering_per_maaned"),
            models.CheckConstraint(name="attestering_gyldig_maaned", condition=models.Q(maaned__gte=1, maaned__lte=12)),
        ]
        indexes = [models.Index(fields=["aar", "maaned"], name="attestering_maaned")]

    def __str__(self) -> str:
        return f"{self.maaned:02d}.{self.aar} (v{self.versjon})"


class Oppmoetekorreksjon(models.Model):
    """En endring i en attestert måned: hvem, når, hvorfor og hva. Bare nye rader; øker attesteringens versjon."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    attestering = models.ForeignKey(Maanedsattestering, on_delete=models.PROTECT, related_name="korreksjoner")
    grunn = models.TextField("grunn til korreksjonen")
    versjon = models.PositiveIntegerField("versjon etter korreksjonen")
    endring = models.JSONField("hva som ble endret")
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    registrert = models.DateTimeField("registrert", auto_now_add=True)

    class Meta:
        verbose_name = "korreksjon"
        verbose_name_plural = "korreksjoner"
        ordering = ["registrert"]

    def __str__(self) -> str:
        return f"Korreksjon v{self.versjon}"

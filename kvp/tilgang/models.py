"""Kontorer, kommuner, brukere og roller: grunnlaget for hvem som ser hva."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from kvp_regler import beregning as regler


class Rolle(models.TextChoices):
    VEILEDER = "VEILEDER", "Veileder"
    KVP_VEILEDER = "KVP_VEILEDER", "KVP-veileder (saksbehandler)"
    BESLUTTER = "BESLUTTER", "Beslutter"
    LEDER = "LEDER", "Leder"
    OEKONOMI = "OEKONOMI", "Økonomi"
    STATSFORVALTER = "STATSFORVALTER", "Statsforvalter"
    DELTAKER = "DELTAKER", "Deltaker"


#: Roller som hører til et NAV-kontor (de andre har fylke eller egen person som scope).
KONTORROLLER = frozenset({Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.BESLUTTER, Rolle.LEDER, Rolle.OEKONOMI})


class NavKontor(models.Model):
    """Et NAV-kontor. Det betjener én eller flere kommuner og eier sakene deres."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    enhetsnummer = models.CharField("enhetsnummer", max_length=4, unique=True)
    navn = models.CharField("navn", max_length=100)
    fylke = models.CharField("fylke", max_length=60)
    # Står i brevhodet til hvert brev kontoret sender (adresse og telefon deltakeren kan bruke).
    adresse = models.CharField("postadresse", max_length=100, blank=True)
    postnummer = models.CharField("postnummer", max_length=4, blank=True)
    poststed = models.CharField("poststed", max_length=60, blank=True)
    telefon = models.CharField("telefon", max_length=20, blank=True)
    frist_varsel_dager = models.PositiveSmallIntegerField(
        "varsle etter (dager)", default=settings.KVP_FRIST_VARSEL_DAGER
    )
    frist_overskredet_dager = models.PositiveSmallIntegerField(
        "frist overskredet etter (dager)", default=settings.KVP_FRIST_OVERSKREDET_DAGER
    )
    # Kontorets egne frister [I]: loven setter ingen frist for oppstart (spec/regler.md § 6.5); standardene
    # følger Randaberg-rutinen (6 måneder) og kan endres per kontor.
    frist_oppstart_maaneder = models.PositiveSmallIntegerField(
        "oppstart senest (måneder etter innvilgelse)", default=settings.KVP_FRIST_OPPSTART_MAANEDER
    )
    varsel_programslutt_uker = models.PositiveSmallIntegerField(
        "varsle før programslutt (uker)", default=settings.KVP_VARSEL_PROGRAMSLUTT_UKER
    )

    class Meta:
        verbose_name = "NAV-kontor"
        verbose_name_plural = "NAV-kontorer"
        ordering = ["navn"]

    def __str__(self) -> str:
        return self.navn


class Beregningsmodell(models.TextChoices):
    """Hvordan kommunen regner ut en måneds stønad (spec/beregning.md § 4). Verdiene kommer fra
    `kvp_regler.beregning.Beregningsmodell`; her står bare tekstene."""

    VIRKEDAGER = regler.Beregningsmodell.VIRKEDAGER.value, "Virkedager (dagsats av årsbeløpet per programdag)"
    FAST_MAANEDSBELOEP = regler.Beregningsmodell.FAST_MAANEDSBELOEP.value, "Fast månedsbeløp (årsbeløpet delt på 12)"


class Kommune(models.Model):
    """En kommune med kommunenummer; `nav_kontor` er kontoret som betjener den (tomt om vi ikke har det).

    Innstillingene for utbetaling og ferie er kommunens egne valg [I], ikke lovens: standardene står i
    `config/settings/base.py` med kilde.
    """

    nummer = models.CharField("kommunenummer", max_length=4, primary_key=True)
    navn = models.CharField("navn", max_length=100)
    nav_kontor = models.ForeignKey(NavKontor, on_delete=models.PROTECT, null=True, blank=True, related_name="kommuner")
    beregningsmodell = models.CharField(
        "beregningsmodell", max_length=20, choices=Beregningsmodell.choices, default=Beregningsmodell.VIRKEDAGER
    )
    utbetalingsdag = models.PositiveSmallIntegerField("utbetalingsdag i måneden", default=settings.KVP_UTBETALINGSDAG)
    maks_trekk_prosent = models.PositiveSmallIntegerField(
        "største trekk for tilbakekreving (prosent av utbetalingen)", default=settings.KVP_MAKS_TREKK_PROSENT
    )
    ferie_virkedager_per_aar = models.PositiveSmallIntegerField(
        "ferie med stønad (virkedager per kalenderår)", default=settings.KVP_FERIE_VIRKEDAGER_PER_AAR
    )

    class Meta:
        verbose_name = "kommune"
        verbose_name_plural = "kommuner"
        ordering = ["navn"]
        constraints = [
            models.CheckConstraint(
                name="utbetalingsdag_1_til_28", condition=models.Q(utbetalingsdag__gte=1, utbetalingsdag__lte=28)
            ),
            models.CheckConstraint(name="maks_trekk_0_til_100", condition=models.Q(maks_trekk_prosent__lte=100)),
            models.CheckConstraint(name="ferie_hoeyst_60", condition=models.Q(ferie_virkedager_per_aar__lte=60)),
        ]

    def __str__(self) -> str:
        return f"{self.navn} ({self.nummer})"


class Bruker(AbstractUser):
    """En innlogget bruker. Hva brukeren får se, står i rolletildelingene."""

    #: En tjenestekonto (API-token, kvp.api) er ingen person: den står aldri i lister over saksbehandlere.
    er_tjenestekonto = models.BooleanField("tjenestekonto", default=False, editable=False)

    class Meta:
        verbose_name = "bruker"
        verbose_name_plural = "brukere"

    @property
    def visningsnavn(self) -> str:
        return self.get_full_name() or self.username


class Rolletildeling(models.Model):
    """Én rolle for én bruker, med sitt scope.

    * kontorroller (veileder, KVP-veileder, beslutter, leder, økonomi): `kontor`
    * statsforvalter: `fylke` (ser bare saker som er sendt dit)
    * deltaker: `person` (ser bare sin egen sak)
    """

    bruker = models.ForeignKey(Bruker, on_delete=models.CASCADE, related_name="rolletildelinger")
    rolle = models.CharField("rolle", max_length=20, choices=Rolle.choices)
    kontor = models.ForeignKey(NavKontor, on_delete=models.PROTECT, null=True, blank=True)
    fylke = models.CharField("fylke", max_length=60, blank=True)
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, null=True, blank=True)

    class Meta:
        verbose_name = "rolletildeling"
        verbose_name_plural = "rolletildelinger"
        constraints = [
            models.UniqueConstraint(fields=["bruker", "rolle", "kontor"], name="unik_rolle_per_kontor"),
            models.CheckConstraint(
                name="rolle_har_riktig_scope",
                condition=(
                    models.Q(
                        rolle__in=sorted(r.value for r in KONTORROLLER),
                        kontor__isnull=False,
                        person__isnull=True,
                    )
                    | (
                        models.Q(rolle=Rolle.STATSFORVALTER, kontor__isnull=True, person__isnull=True)
                        & ~models.Q(fylke="")
                    )
                    | models.Q(rolle=Rolle.DELTAKER, kontor__isnull=True, person__isnull=False)
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.bruker} – {self.get_rolle_display()}"

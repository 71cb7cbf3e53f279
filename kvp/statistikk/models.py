"""KOSTRA 11CF-kjøringene og de få KOSTRA-opplysningene saksbehandleren må registrere selv."""

import uuid

from django.conf import settings
from django.db import models


class Sivilstand(models.TextChoices):
    """KOSTRA 11CF EKTSTAT (KLASS 553)."""

    UGIFT = "1", "Ugift"
    GIFT = "2", "Gift"
    SAMBOER = "3", "Samboer"
    SKILT = "4", "Skilt eller separert"
    ENKE = "5", "Enke eller enkemann"


class AnnenStoette(models.TextChoices):
    """KOSTRA 11CF KVP_MED_*: annen støtte i perioden med kvalifiseringsstønad i året (koden er SSBs)."""

    KOMMUNAL_BOSTOETTE = "4", "Kommunal bostøtte"
    HUSBANKENS_BOSTOETTE = "5", "Husbankens bostøtte"
    SOSIALHJELP_ENGANG = "9", "Økonomisk sosialhjelp som engangsstønad"
    SOSIALHJELP_DELTAKELSE = "8", "Økonomisk sosialhjelp til særskilte utgifter knyttet til deltakelsen"
    SOSIALHJELP_SUPPLEMENT = "7", "Økonomisk sosialhjelp som fast supplement til løpende livsopphold (supplerende)"


class KostraOpplysninger(models.Model):
    """Det saksbehandleren vet og systemet ikke registrerer ellers, for ett år: sivilstand og annen støtte
    (bostøtte, supplerende økonomisk sosialhjelp) i programperioden."""

    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="kostra_opplysninger")
    aar = models.PositiveSmallIntegerField("år")
    sivilstand = models.CharField("sivilstand", max_length=1, choices=Sivilstand.choices)
    annen_stoette = models.JSONField("annen støtte i programperioden", default=list, blank=True)
    #: Bare for saker uten vilkårsvurdering i KVP (f.eks. ført inn fra et tidligere system): ellers står svaret der.
    kvp_annen_kommune = models.BooleanField("kom fra KVP i en annen kommune", null=True, blank=True)
    kvp_kommunenummer = models.CharField("kommunenummer for tidligere KVP", max_length=4, blank=True)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    endret = models.DateTimeField("endret", auto_now=True)

    class Meta:
        verbose_name = "KOSTRA-opplysninger"
        verbose_name_plural = "KOSTRA-opplysninger"
        constraints = [models.UniqueConstraint(fields=["sak", "aar"], name="kostra_opplysninger_per_sak_og_aar")]

    def __str__(self) -> str:
        return f"KOSTRA-opplysninger {self.aar}"


class KostraKjoering(models.Model):
    """Én kjøring av 11CF for en kommune og et år: hvem, når, filen, sjekksummen og funnene."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kommune = models.ForeignKey("tilgang.Kommune", on_delete=models.PROTECT, related_name="+")
    bydel = models.CharField("bydel", max_length=2, blank=True)
    aar = models.PositiveSmallIntegerField("år")
    kjoert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    kjoert = models.DateTimeField("kjørt", auto_now_add=True)
    fil = models.BinaryField("filen")
    sjekksum = models.CharField("SHA-256", max_length=64)
    antall_poster = models.PositiveIntegerField("antall deltakere")
    avslutningskode = models.PositiveSmallIntegerField("resultat (0 i orden, 1 advarsler, 2 feil)")
    #: Funnene: kontroll, melding, linje, journalnummer og sakens id (for lenken).
    funn = models.JSONField("funn", default=list)
    #: Bakgrunnsjobben som laget kjøringen (én kjøring per jobb, også når jobben tas opp igjen etter et avbrudd).
    jobb = models.OneToOneField("jobber.Jobb", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")

    class Meta:
        verbose_name = "KOSTRA-kjøring"
        verbose_name_plural = "KOSTRA-kjøringer"
        ordering = ["-kjoert"]

    def __str__(self) -> str:
        return f"KOSTRA 11CF {self.aar} {self.kommune_id}"


class Maanedstall(models.Model):
    """Forhåndsberegnede tall for statistikksidene: antall (og beløp) per kontor, serie, måned og nøkkel.

    Bare antall og summer, ingen personer. Lages av `maanedstall.kontor_beregn` fra de samme radene som den direkte
    beregningen i `tall.py` leser; en test sammenligner dem på tilfeldige data. Seriene og nøklene står i
    `maanedstall.py`. `maaned` er år * 12 + måned - 1, så en periode er et intervall."""

    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.CASCADE, related_name="+", db_index=False)
    serie = models.CharField("serie", max_length=20)
    maaned = models.PositiveIntegerField("måned (år * 12 + måned - 1)")
    noekkel = models.CharField("nøkkel", max_length=20, blank=True)
    antall = models.IntegerField("antall")
    beloep = models.DecimalField("beløp", max_digits=16, decimal_places=2, null=True, blank=True)

    class Meta:
        verbose_name = "månedstall"
        verbose_name_plural = "månedstall"
        # Alle kolonnene i indeksen: sidene leser med en ren indeksskanning (PostgreSQL), uten å røre tabellen. Serien
        # før måneden: de månedlige seriene (noen få tusen rader for ti år) leses uten å gå gjennom de andre (nær
        # hundre tusen for ti kontorer og ti år).
        indexes = [
            models.Index(
                fields=["kontor", "serie", "maaned", "noekkel", "antall", "beloep"], name="maanedstall_kontor_serie"
            )
        ]

    def __str__(self) -> str:
        return f"{self.serie} {self.maaned} {self.noekkel}"


class Tallstatus(models.Model):
    """Om kontorets månedstall er à jour: en endring i dataene øker `versjon` (signalene i `apps.py`) og legger én
    beregning i jobbkøen (`koet`), og tallene beregnes på nytt i bakgrunnen når `beregnet_versjon` er lavere (eller
    med `manage.py statistikk_tall`). Sidene viser imens de sist beregnede tallene med en merknad."""

    kontor = models.OneToOneField("tilgang.NavKontor", on_delete=models.CASCADE, primary_key=True, related_name="+")
    versjon = models.PositiveBigIntegerField("versjon", default=1)
    beregnet_versjon = models.PositiveBigIntegerField("beregnet versjon", default=0)
    beregnet = models.DateTimeField("beregnet", null=True, blank=True)
    #: Når en beregning ble lagt i jobbkøen; tømmes når den starter, så endringer etter det gir en ny (ADR 0017).
    koet = models.DateTimeField("lagt i køen", null=True, blank=True)

    class Meta:
        verbose_name = "tallstatus"
        verbose_name_plural = "tallstatus"

    def __str__(self) -> str:
        return f"Tallstatus {self.kontor_id}"

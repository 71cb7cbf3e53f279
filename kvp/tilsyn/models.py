"""Statsforvalterens tilsyn med NAV-kontorene og rettleiingen til dem (docs/regler/tilsyn.md)."""

import uuid

from django.conf import settings
from django.db import models

from kvp_regler import tilsyn as regler


class Tilsynsstatus(models.TextChoices):
    OPPRETTET = "OPPRETTET", "Opprettet, utvalget er ikke trukket"
    UNDER_ARBEID = "UNDER_ARBEID", "Under arbeid"
    RAPPORT_SENDT = "RAPPORT_SENDT", "Rapport sendt, venter på tiltak fra kontoret"
    TILTAK_MOTTATT = "TILTAK_MOTTATT", "Tiltak mottatt fra kontoret"
    LUKKET = "LUKKET", "Lukket"


#: Statusene der kontoret (lederen) ser tilsynet og rapporten.
SYNLIG_FOR_KONTORET = (Tilsynsstatus.RAPPORT_SENDT, Tilsynsstatus.TILTAK_MOTTATT, Tilsynsstatus.LUKKET)


class Maalform(models.TextChoices):
    BOKMAAL = "nb", "Bokmål"
    NYNORSK = "nn", "Nynorsk"


class Tilsyn(models.Model):
    """Ett tilsyn med ett NAV-kontor for en periode, ført av statsforvalteren i kontorets fylke."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT, related_name="tilsyn")
    tema = models.CharField("tema", max_length=200)
    periode_fra = models.DateField("saker fra og med")
    periode_til = models.DateField("saker til og med")
    status = models.CharField("status", max_length=20, choices=Tilsynsstatus.choices, default=Tilsynsstatus.OPPRETTET)
    froe = models.BigIntegerField("frø for utvalget", null=True, blank=True)
    antall_per_stratum = models.PositiveSmallIntegerField("saker per utfall", null=True, blank=True)
    opprettet_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)
    svarfrist = models.DateField("kontoret svarer innen", null=True, blank=True)
    rapport_maalform = models.CharField("målform i rapporten", max_length=2, choices=Maalform.choices, blank=True)
    rapport_html = models.TextField("rapporten som HTML", blank=True)
    rapport_pdf = models.BinaryField("rapporten som PDF", null=True, blank=True)
    rapport_sendt = models.DateTimeField("rapport sendt", null=True, blank=True)
    tiltak_mottatt = models.DateTimeField("tiltak mottatt", null=True, blank=True)
    merknad_til_tiltak = models.TextField("statsforvalterens merknad til tiltakene", blank=True)
    lukket = models.DateTimeField("lukket", null=True, blank=True)

    class Meta:
        verbose_name = "tilsyn"
        verbose_name_plural = "tilsyn"
        ordering = ["-opprettet"]
        constraints = [
            models.CheckConstraint(
                name="tilsyn_periode_i_rekkefoelge", condition=models.Q(periode_til__gte=models.F("periode_fra"))
            ),
        ]

    def __str__(self) -> str:
        return f"Tilsyn med {self.kontor}: {self.tema}"


class Stratum(models.TextChoices):
    AVSLAG = regler.Stratum.AVSLAG.value, "Avslag"
    I_PROGRAM = regler.Stratum.I_PROGRAM.value, "I program"
    AVSLUTTET = regler.Stratum.AVSLUTTET.value, "Avsluttet"


class Utvalgssak(models.Model):
    """En sak i tilsynets utvalg. Bare disse sakene får statsforvalteren åpne i tilsynet."""

    tilsyn = models.ForeignKey(Tilsyn, on_delete=models.CASCADE, related_name="utvalg")
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="+")
    stratum = models.CharField("utfall", max_length=20, choices=Stratum.choices)

    class Meta:
        verbose_name = "sak i utvalget"
        verbose_name_plural = "saker i utvalget"
        ordering = ["stratum", "sak_id"]
        constraints = [models.UniqueConstraint(fields=["tilsyn", "sak"], name="unik_sak_per_tilsyn")]

    def __str__(self) -> str:
        return f"{self.get_stratum_display()}: {self.sak}"


class Utfall(models.TextChoices):
    OPPFYLT = regler.Utfall.OPPFYLT.value, "Oppfylt"
    IKKE_OPPFYLT = regler.Utfall.IKKE_OPPFYLT.value, "Ikke oppfylt"
    IKKE_AKTUELT = regler.Utfall.IKKE_AKTUELT.value, "Ikke aktuelt"
    MAA_VURDERES = regler.Utfall.MAA_VURDERES.value, "Må vurderes"


class Kontrollpunkt(models.Model):
    """Ett sjekkpunkt for én sak i utvalget: forslaget fra dataene, bevisene og statsforvalterens vurdering."""

    utvalgssak = models.ForeignKey(Utvalgssak, on_delete=models.CASCADE, related_name="kontrollpunkter")
    sjekkpunkt = models.CharField("sjekkpunkt", max_length=30)
    forslag = models.CharField("forslag fra dataene", max_length=20, choices=Utfall.choices)
    forklaring = models.TextField("forklaring til forslaget", blank=True)
    #: Lenker til bevisene: [{"tekst": ..., "anker": ...}], ankre i tilsynets saksvisning.
    bevis = models.JSONField("bevis", default=list, blank=True)
    vurdering = models.CharField("vurdering", max_length=20, choices=Utfall.choices, blank=True)
    kommentar = models.TextField("kommentar", blank=True)
    vurdert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vurdert = models.DateTimeField("vurdert", null=True, blank=True)

    class Meta:
        verbose_name = "kontrollpunkt"
        verbose_name_plural = "kontrollpunkter"
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["utvalgssak", "sjekkpunkt"], name="unikt_sjekkpunkt_per_sak"),
        ]

    def __str__(self) -> str:
        return f"{self.sjekkpunkt}: {self.vurdering or self.forslag}"

    @property
    def punkt(self) -> regler.Sjekkpunkt:
        return regler.SJEKKPUNKT_ETTER_KODE[self.sjekkpunkt]


class Funntype(models.TextChoices):
    AVVIK = "AVVIK", "Avvik (brudd på krav i lov eller forskrift)"
    MERKNAD = "MERKNAD", "Merknad (forhold som kan forbedres)"


class Funn(models.Model):
    """Et avvik eller en merknad i rapporten. Kontoret svarer med tiltak på hvert avvik."""

    tilsyn = models.ForeignKey(Tilsyn, on_delete=models.CASCADE, related_name="funn")
    type = models.CharField("type", max_length=10, choices=Funntype.choices)
    sjekkpunkt = models.CharField("sjekkpunkt", max_length=30)
    tekst = models.TextField("beskrivelse")
    tiltak = models.TextField("kontorets tiltak", blank=True)
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "funn"
        verbose_name_plural = "funn"
        ordering = ["type", "opprettet", "id"]

    def __str__(self) -> str:
        return f"{self.get_type_display()}: {self.tekst[:40]}"

    @property
    def punkt(self) -> regler.Sjekkpunkt:
        return regler.SJEKKPUNKT_ETTER_KODE[self.sjekkpunkt]


class Steg(models.TextChoices):
    """Hvor i saksbehandlingen en rettleiing vises, i tillegg til forsiden (KVP-tavla)."""

    GENERELT = "GENERELT", "Generelt (bare på KVP-tavla)"
    VILKAARSVURDERING = "VILKAARSVURDERING", "Vurdering av inngangsvilkår"
    VEDTAK = "VEDTAK", "Vedtak"
    PLAN = "PLAN", "Programplan"


class Rettleiing(models.Model):
    """Rettleiing fra statsforvalteren til alle kontorene i fylket (`kontor` tom) eller til ett kontor."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    fylke = models.CharField("fylke", max_length=60)
    kontor = models.ForeignKey(
        "tilgang.NavKontor", on_delete=models.PROTECT, null=True, blank=True, related_name="rettleiinger"
    )
    tittel = models.CharField("tittel", max_length=200)
    tekst = models.TextField("tekst")
    #: Lenker til loven: [{"tekst": ..., "url": ...}].
    lenker = models.JSONField("lenker til regelverket", default=list, blank=True)
    steg = models.CharField("gjelder steget", max_length=20, choices=Steg.choices, default=Steg.GENERELT)
    gyldig_fra = models.DateField("gyldig fra og med")
    gyldig_til = models.DateField("gyldig til og med", null=True, blank=True)
    publisert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    publisert = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "rettleiing"
        verbose_name_plural = "rettleiinger"
        ordering = ["-gyldig_fra", "tittel"]
        constraints = [
            models.CheckConstraint(
                name="rettleiing_gyldighet_i_rekkefoelge",
                condition=models.Q(gyldig_til__isnull=True) | models.Q(gyldig_til__gte=models.F("gyldig_fra")),
            ),
        ]

    def __str__(self) -> str:
        return self.tittel


class RettleiingLest(models.Model):
    """At en bruker på kontoret har lest en rettleiing."""

    rettleiing = models.ForeignKey(Rettleiing, on_delete=models.CASCADE, related_name="lest")
    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT, related_name="+")
    tidspunkt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "lest rettleiing"
        verbose_name_plural = "leste rettleiinger"
        constraints = [models.UniqueConstraint(fields=["rettleiing", "bruker"], name="lest_en_gang_per_bruker")]

    def __str__(self) -> str:
        return f"{self.bruker} leste {self.rettleiing}"

"""Utbetaling av kvalifiseringsstønaden: runder, lagrede beregninger, korreksjoner og tilbakekreving.

* `Beregning` er uforanderlig: inndata (grunnlagsdokumentet), resultatet fra `kvp_regler` (linjer,
  parametere_brukt, regelversjon), totalen og attesteringsversjonen den bygde på. En ny beregning av samme måned
  får et høyere `versjon`-nummer.
* `Utbetalingspost` er én linje i en utbetaling. Databasen sørger for at en deltakers måned får høyst én ordinær
  post (`en_ordinaer_utbetaling_per_maaned`), uansett hvor mange ganger en runde kjøres.
* `Utbetalingskorreksjon` er differansen mellom to beregninger av en betalt måned (ny attestering eller
  G-regulering); en positiv differanse blir etterbetaling i neste runde, en negativ blir en `Tilbakekreving` som
  må vedtas av en annen person før den trekkes.
"""

import uuid

from django.conf import settings
from django.db import models

from kvp.felles.uforanderlig import Uforanderlig


class Utbetalingsoppsett(models.Model):
    """Kommunens egne opplysninger for utbetalingsfilen: kontoen det betales fra og organisasjonsnummeret."""

    kommune = models.OneToOneField("tilgang.Kommune", on_delete=models.PROTECT, related_name="utbetalingsoppsett")
    kontonummer = models.CharField("kommunens kontonummer (belastes)", max_length=11)
    organisasjonsnummer = models.CharField("organisasjonsnummer", max_length=9, blank=True)
    endret_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    endret = models.DateTimeField("endret", auto_now=True)

    class Meta:
        verbose_name = "utbetalingsoppsett"
        verbose_name_plural = "utbetalingsoppsett"

    def __str__(self) -> str:
        return f"Utbetalingsoppsett for kommune {self.kommune_id}"


class Mottaker(models.Model):
    """Deltakerens kontonummer og skattetrekk (prosenttrekk fra skattekortet), registrert av økonomi.

    Kontonummeret er under fireøyneprinsippet: et nytt eller endret nummer registreres i `nytt_kontonummer` av én
    person og blir `kontonummer` (det som brukes i utbetalingene) først når en annen i økonomi har godkjent det."""

    person = models.OneToOneField("person.Person", on_delete=models.PROTECT, related_name="utbetalingsmottaker")
    kontonummer = models.CharField("kontonummer (godkjent)", max_length=11, blank=True)
    kontonummer_registrert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    kontonummer_godkjent_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nytt_kontonummer = models.CharField("nytt kontonummer (venter på godkjenning)", max_length=11, blank=True)
    nytt_kontonummer_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    nytt_kontonummer_registrert = models.DateTimeField("nytt kontonummer registrert", null=True, blank=True)
    skattetrekk_prosent = models.DecimalField("skattetrekk (prosent)", max_digits=5, decimal_places=2)
    endret_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    endret = models.DateTimeField("endret", auto_now=True)

    class Meta:
        verbose_name = "mottaker"
        verbose_name_plural = "mottakere"
        constraints = [
            models.CheckConstraint(
                name="skattetrekk_0_til_100",
                condition=models.Q(skattetrekk_prosent__gte=0, skattetrekk_prosent__lte=100),
            ),
            models.CheckConstraint(
                name="kontonummer_fireoeyne",
                condition=models.Q(kontonummer_godkjent_av__isnull=True)
                | models.Q(kontonummer_registrert_av__isnull=True)
                | ~models.Q(kontonummer_godkjent_av=models.F("kontonummer_registrert_av")),
            ),
        ]

    def __str__(self) -> str:
        return f"Utbetalingsmottaker {str(self.person_id)[:8]}"


class Rundestatus(models.TextChoices):
    SIMULERT = "SIMULERT", "Simulert"
    GODKJENT = "GODKJENT", "Godkjent"
    EKSPORTERT = "EKSPORTERT", "Eksportert"
    BEKREFTET = "BEKREFTET", "Bekreftet utbetalt"


class Utbetalingsrunde(models.Model):
    """Månedens utbetaling for én kommune. Beregnes i biter (`ferdig` når alle deltakerne er med)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kommune = models.ForeignKey("tilgang.Kommune", on_delete=models.PROTECT, related_name="utbetalingsrunder")
    aar = models.PositiveSmallIntegerField("år")
    maaned = models.PositiveSmallIntegerField("måned")
    utbetalingsdato = models.DateField("utbetalingsdato")
    status = models.CharField("status", max_length=20, choices=Rundestatus.choices, default=Rundestatus.SIMULERT)
    ferdig = models.BooleanField("alle deltakere beregnet", default=False)
    opprettet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)
    # Alle som har simulert (kjørt) runden, også på nytt: ingen av dem kan godkjenne den (fireøyneprinsippet).
    simulert_av = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    godkjent_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    godkjent = models.DateTimeField("godkjent", null=True, blank=True)
    eksportert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    eksportert = models.DateTimeField("eksportert", null=True, blank=True)
    bekreftet_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    bekreftet = models.DateTimeField("bekreftet", null=True, blank=True)

    class Meta:
        verbose_name = "utbetalingsrunde"
        verbose_name_plural = "utbetalingsrunder"
        ordering = ["-aar", "-maaned", "kommune_id"]
        constraints = [
            models.UniqueConstraint(fields=["kommune", "aar", "maaned"], name="en_runde_per_kommune_og_maaned"),
            models.CheckConstraint(name="runde_gyldig_maaned", condition=models.Q(maaned__gte=1, maaned__lte=12)),
        ]

    def __str__(self) -> str:
        return f"Utbetaling {self.maaned:02d}.{self.aar} {self.kommune_id}"


class Beregningsaarsak(models.TextChoices):
    ORDINAER = "ORDINAER", "Ordinær månedsberegning"
    KORREKSJON = "KORREKSJON", "Ny beregning etter korreksjon"
    G_REGULERING = "G_REGULERING", "Ny beregning etter G-regulering"


class Beregning(Uforanderlig, models.Model):
    """En lagret, uforanderlig beregning av én sak og én måned."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="utbetalingsberegninger")
    aar = models.PositiveSmallIntegerField("år")
    maaned = models.PositiveSmallIntegerField("måned")
    versjon = models.PositiveIntegerField("versjon")
    aarsak = models.CharField("årsak", max_length=20, choices=Beregningsaarsak.choices)
    attesteringsversjon = models.PositiveIntegerField("attesteringsversjon")
    grunnlag = models.JSONField("grunnlag (inndata)")
    resultat = models.JSONField("resultat (linjer, parametere brukt, regelversjon)")
    total = models.DecimalField("total", max_digits=12, decimal_places=2)
    regelversjon = models.CharField("regelversjon", max_length=40)
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)

    class Meta:
        verbose_name = "beregning"
        verbose_name_plural = "beregninger"
        ordering = ["aar", "maaned", "versjon"]
        constraints = [
            models.UniqueConstraint(fields=["sak", "aar", "maaned", "versjon"], name="en_beregning_per_versjon"),
        ]

    def __str__(self) -> str:
        return f"{self.maaned:02d}.{self.aar} v{self.versjon}: {self.total} kr"


class Utbetaling(models.Model):
    """Én deltakers utbetaling i en runde: brutto, skattetrekk, trekk for tilbakekreving og netto."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    runde = models.ForeignKey(Utbetalingsrunde, on_delete=models.PROTECT, related_name="utbetalinger")
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="utbetalinger")
    brutto = models.DecimalField("brutto", max_digits=12, decimal_places=2)
    trekk = models.DecimalField("trekk for tilbakekreving", max_digits=12, decimal_places=2)
    skattetrekk_prosent = models.DecimalField("skattetrekk (prosent)", max_digits=5, decimal_places=2, null=True)
    skattetrekk = models.DecimalField("skattetrekk", max_digits=12, decimal_places=2)
    netto = models.DecimalField("netto", max_digits=12, decimal_places=2)
    kontonummer = models.CharField("kontonummer", max_length=11, blank=True)

    class Meta:
        verbose_name = "utbetaling"
        verbose_name_plural = "utbetalinger"
        constraints = [
            models.UniqueConstraint(fields=["runde", "sak"], name="en_utbetaling_per_sak_i_runden"),
            models.CheckConstraint(name="netto_ikke_negativ", condition=models.Q(netto__gte=0)),
        ]

    def __str__(self) -> str:
        return f"Utbetaling {self.netto} kr"


class Posttype(models.TextChoices):
    ORDINAER = "ORDINAER", "Stønad"
    ETTERBETALING = "ETTERBETALING", "Etterbetaling"
    TREKK = "TREKK", "Trekk for tilbakekreving"


class Utbetalingspost(models.Model):
    """Én linje i en utbetaling, med måneden den gjelder og en forklaring."""

    utbetaling = models.ForeignKey(Utbetaling, on_delete=models.PROTECT, related_name="poster")
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="+")
    type = models.CharField("type", max_length=20, choices=Posttype.choices)
    aar = models.PositiveSmallIntegerField("år")
    maaned = models.PositiveSmallIntegerField("måned")
    beloep = models.DecimalField("beløp", max_digits=12, decimal_places=2)
    beregning = models.ForeignKey(Beregning, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    korreksjon = models.OneToOneField(
        "Utbetalingskorreksjon", on_delete=models.PROTECT, null=True, blank=True, related_name="utbetalingspost"
    )
    tilbakekreving = models.ForeignKey(
        "Tilbakekreving", on_delete=models.PROTECT, null=True, blank=True, related_name="trekk"
    )
    forklaring = models.CharField("forklaring", max_length=500)

    class Meta:
        verbose_name = "utbetalingspost"
        verbose_name_plural = "utbetalingsposter"
        ordering = ["aar", "maaned", "type", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["sak", "aar", "maaned"],
                condition=models.Q(type="ORDINAER"),
                name="en_ordinaer_utbetaling_per_maaned",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_type_display()} {self.maaned:02d}.{self.aar}: {self.beloep} kr"


class Utbetalingskorreksjon(models.Model):
    """Differansen mellom en betalt måneds siste beregning og den nye beregningen."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="utbetalingskorreksjoner")
    aar = models.PositiveSmallIntegerField("år")
    maaned = models.PositiveSmallIntegerField("måned")
    fra_beregning = models.ForeignKey(Beregning, on_delete=models.PROTECT, related_name="+")
    til_beregning = models.OneToOneField(Beregning, on_delete=models.PROTECT, related_name="korreksjon")
    differanse = models.DecimalField("differanse", max_digits=12, decimal_places=2)
    aarsak = models.CharField("årsak", max_length=20, choices=Beregningsaarsak.choices)
    forklaring = models.CharField("forklaring", max_length=500)
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)

    class Meta:
        verbose_name = "korreksjon"
        verbose_name_plural = "korreksjoner"
        ordering = ["aar", "maaned", "opprettet"]

    def __str__(self) -> str:
        return f"Korreksjon {self.maaned:02d}.{self.aar}: {self.differanse} kr"


class Tilbakekrevingsstatus(models.TextChoices):
    BEREGNET = "BEREGNET", "Beregnet, ikke foreslått ennå"
    FORESLAATT = "FORESLAATT", "Foreslått, venter på vedtak"
    VEDTATT = "VEDTATT", "Vedtatt, trekkes i senere utbetalinger"
    AVSLAATT = "AVSLAATT", "Ikke tilbakekreves"
    OPPGJORT = "OPPGJORT", "Oppgjort"
    KRAV = "KRAV", "Kan ikke trekkes: krav til innkreving"


class Aktsomhet(models.TextChoices):
    """Vurderingen av om deltakeren var i god tro, gjort før tilbakekrevingen vedtas. Kategoriene følger
    folketrygdloven § 22-15 første ledd (forsto eller burde forstått; feil eller mangelfulle opplysninger), brukt
    tilsvarende [U]: sosialtjenesteloven har ingen egen regel for KVP som er lest
    (docs/regler/brev-og-forhaandsvarsel.md)."""

    GOD_TRO = "GOD_TRO", "I god tro: kunne ikke forstå at utbetalingen var feil"
    BURDE_FORSTAATT = "BURDE_FORSTAATT", "Forsto eller burde ha forstått at utbetalingen var feil"
    FEIL_OPPLYSNINGER = "FEIL_OPPLYSNINGER", "Ga feil eller mangelfulle opplysninger, eller meldte ikke fra om endring"


#: Hjemmelen tilbakekrevingen og aktsomhetsvurderingen registreres med (lagres på tilbakekrevingen).
TILBAKEKREVING_HJEMMEL = (
    "sosialtjenesteloven § 40 (trekk i framtidige utbetalinger); aktsomheten vurdert etter mønster av "
    "folketrygdloven § 22-15"
)


class Tilbakekreving(models.Model):
    """For mye utbetalt. Beregnes automatisk, foreslås av én person og vedtas av en annen (fireøyneprinsippet);
    trekkes så i senere utbetalinger innenfor kommunens største trekk (`Kommune.maks_trekk_prosent`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="tilbakekrevinger")
    korreksjon = models.OneToOneField(Utbetalingskorreksjon, on_delete=models.PROTECT, related_name="tilbakekreving")
    beloep = models.DecimalField("beløp", max_digits=12, decimal_places=2)
    status = models.CharField(
        "status", max_length=20, choices=Tilbakekrevingsstatus.choices, default=Tilbakekrevingsstatus.BEREGNET
    )
    foreslaatt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opprettet = models.DateTimeField("opprettet", auto_now_add=True)
    foreslaatt = models.DateTimeField("foreslått", null=True, blank=True)
    vedtatt_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    vedtatt = models.DateTimeField("vedtatt", null=True, blank=True)
    begrunnelse = models.CharField("begrunnelse", max_length=1000, blank=True)
    aktsomhet = models.CharField("var deltakeren i god tro", max_length=20, choices=Aktsomhet.choices, blank=True)
    aktsomhet_begrunnelse = models.TextField("begrunnelse for aktsomhetsvurderingen", blank=True)
    hjemmel = models.CharField("hjemmel", max_length=200, blank=True)
    #: Forhåndsvarselet (forvaltningsloven § 16) som ble sendt da tilbakekrevingen ble foreslått.
    forhaandsvarsel = models.OneToOneField(
        "vedtak.Forhaandsvarsel", on_delete=models.PROTECT, null=True, blank=True, related_name="tilbakekreving"
    )
    # Vedtaket (med brev til deltakeren) som ble fattet da tilbakekrevingen ble vedtatt.
    vedtak = models.OneToOneField(
        "vedtak.Vedtak", on_delete=models.PROTECT, null=True, blank=True, related_name="tilbakekreving"
    )
    # Det som gjenstod da tilbakekrevingen ikke lenger kunne trekkes (saken er avsluttet og har ingen flere
    # utbetalinger): kravet føres i regnskapsfilen til runden der det ble opprettet (se `services.godkjenning`).
    krav_beloep = models.DecimalField(
        "krav (gjenstående beløp)", max_digits=12, decimal_places=2, null=True, blank=True
    )
    krav_runde = models.ForeignKey(
        Utbetalingsrunde, on_delete=models.PROTECT, null=True, blank=True, related_name="krav"
    )

    class Meta:
        verbose_name = "tilbakekreving"
        verbose_name_plural = "tilbakekrevinger"
        ordering = ["opprettet"]
        constraints = [
            models.CheckConstraint(name="tilbakekreving_positiv", condition=models.Q(beloep__gt=0)),
            models.CheckConstraint(
                name="tilbakekreving_krav_har_beloep_og_runde",
                condition=~models.Q(status="KRAV") | models.Q(krav_beloep__gt=0, krav_runde__isnull=False),
            ),
            models.CheckConstraint(
                name="tilbakekreving_fireoeyne",
                condition=models.Q(vedtatt_av__isnull=True)
                | models.Q(foreslaatt_av__isnull=True)
                | ~models.Q(vedtatt_av=models.F("foreslaatt_av")),
            ),
        ]

    def __str__(self) -> str:
        return f"Tilbakekreving {self.beloep} kr ({self.get_status_display()})"


class Betalingsstatus(models.TextChoices):
    BETALT = "BETALT", "Betalt"
    AVVIST = "AVVIST", "Avvist av banken"
    SENDT_PAA_NYTT = "SENDT_PAA_NYTT", "Sendt på nytt"


class Bankkvittering(models.Model):
    """Bankens statusrapport (ISO 20022 pain.002) for betalingsfilen til en eksportert runde. Samme fil lest inn
    to ganger gjenkjennes på sjekksummen og endrer ingenting."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    runde = models.ForeignKey(Utbetalingsrunde, on_delete=models.PROTECT, related_name="bankkvitteringer")
    meldings_id = models.CharField("bankens meldings-id", max_length=35)
    sjekksum = models.CharField("sjekksum (SHA-256)", max_length=64)
    antall_betalt = models.PositiveIntegerField("betalt", default=0)
    antall_avvist = models.PositiveIntegerField("avvist", default=0)
    mottatt_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    mottatt = models.DateTimeField("lest inn", auto_now_add=True)

    class Meta:
        verbose_name = "bankkvittering"
        verbose_name_plural = "bankkvitteringer"
        ordering = ["mottatt"]
        constraints = [models.UniqueConstraint(fields=["runde", "sjekksum"], name="en_kvittering_per_fil_og_runde")]

    def __str__(self) -> str:
        return f"Bankkvittering {self.meldings_id}"


class Betalingsresultat(models.Model):
    """Bankens svar på én utbetaling: betalt, eller avvist med årsak. En avvist betaling sendes på nytt (i
    betalingsfilen til neste runde som godkjennes) når deltakeren har fått et annet, godkjent kontonummer."""

    utbetaling = models.OneToOneField(Utbetaling, on_delete=models.PROTECT, related_name="betalingsresultat")
    status = models.CharField("status", max_length=20, choices=Betalingsstatus.choices)
    kode = models.CharField("bankens årsakskode", max_length=35, blank=True)
    aarsak = models.CharField("årsak", max_length=300, blank=True)
    kontonummer = models.CharField("kontonummeret banken svarte for", max_length=11, blank=True)
    kvittering = models.ForeignKey(Bankkvittering, on_delete=models.PROTECT, related_name="resultater")
    ny_runde = models.ForeignKey(
        Utbetalingsrunde, on_delete=models.PROTECT, null=True, blank=True, related_name="betalinger_paa_nytt"
    )
    ny_kontonummer = models.CharField("nytt kontonummer", max_length=11, blank=True)
    endret = models.DateTimeField("endret", auto_now=True)

    class Meta:
        verbose_name = "betalingsresultat"
        verbose_name_plural = "betalingsresultater"
        constraints = [
            models.CheckConstraint(
                name="paa_nytt_har_runde_og_konto",
                condition=~models.Q(status="SENDT_PAA_NYTT")
                | (models.Q(ny_runde__isnull=False) & ~models.Q(ny_kontonummer="")),
            ),
        ]

    def __str__(self) -> str:
        return f"Betalingsresultat {self.get_status_display()}"

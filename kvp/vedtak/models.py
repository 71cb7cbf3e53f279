"""Vilkårsvurdering (sosialtjenesteloven § 29) og vedtak med totrinnskontroll.

Et vedtak går UTKAST → TIL_BESLUTTER → FATTET, eller TIL_BESLUTTER → RETURNERT → TIL_BESLUTTER (ny versjon).
Et fattet vedtak endres aldri; hvert steg står i `VedtakHendelse` med innholdet slik det var.
"""

import uuid
from typing import Any

from django.conf import settings
from django.db import models

from kvp.felles.uforanderlig import Uforanderlig
from kvp_regler.vilkaar import Arbeidsevne, Husstand, Vilkaar, Vurdering


def _valg(enum: Any, tekst: str = "tekst") -> list[tuple[str, str]]:
    return [(v.value, getattr(v, tekst)[:1].upper() + getattr(v, tekst)[1:]) for v in enum]


VURDERINGSVALG = _valg(Vurdering)
ARBEIDSEVNEVALG = _valg(Arbeidsevne)
HUSSTANDSVALG = _valg(Husstand)
VILKAARSVALG = [(v.value, v.tittel) for v in Vilkaar]


class SosialhjelpFoer(models.TextChoices):
    """KOSTRA 11CF YTELSE_SOSHJELP/YTELSE_TYPE_SOSHJ: sosialhjelp de to siste månedene før søknaden."""

    INGEN = "", "Nei, ikke sosialhjelp"
    VIKTIGSTE_KILDE = "2", "Ja, som viktigste kilde til livsopphold"
    SUPPLERENDE = "3", "Ja, som supplerende sosialhjelp"


class Vilkaarsvurdering(models.Model):
    """Vurderingen av inngangsvilkårene for en sak, med faktaene KOSTRA 11CF trenger fra søknadstidspunktet."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.OneToOneField("sak.Sak", on_delete=models.PROTECT, related_name="vilkaarsvurdering")
    soeknadsdato = models.DateField("søknadsdato (REG_DATO)")
    arbeidsevne = models.CharField("utfall av arbeidsevnevurderingen", max_length=20, choices=ARBEIDSEVNEVALG)
    husstand = models.CharField("husstand", max_length=20, choices=HUSSTANDSVALG)
    ytelser_per_maaned = models.DecimalField("ytelser til livsopphold per måned", max_digits=10, decimal_places=2)
    ytelser_beskrivelse = models.TextField("hvilke ytelser", blank=True)
    skjoenn = models.JSONField("skjønnsvurderinger", default=dict)
    # KOSTRA 11CF: ytelser de to siste månedene før søknaden og om personen kom fra KVP i en annen kommune.
    sosialhjelp_foer = models.CharField(
        "sosialhjelp før søknaden", max_length=1, choices=SosialhjelpFoer.choices, blank=True
    )
    introduksjonsstoenad_foer = models.BooleanField("introduksjonsstønad før søknaden", default=False)
    tiltakspenger_foer = models.BooleanField("individstønad/tiltakspenger før søknaden", default=False)
    folketrygd_foer = models.BooleanField("livsoppholdsytelse etter folketrygdloven før søknaden", default=False)
    kvp_annen_kommune = models.BooleanField("kom fra KVP i en annen kommune", default=False)
    kvp_kommunenummer = models.CharField("kommunenummer for tidligere KVP", max_length=4, blank=True)
    resultater = models.JSONField("resultater", default=list)
    alle_oppfylt = models.BooleanField("alle vilkår oppfylt", default=False)
    vurdert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    endret = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "vilkårsvurdering"
        verbose_name_plural = "vilkårsvurderinger"

    def __str__(self) -> str:
        return f"Vilkårsvurdering {str(self.id)[:8]}"


class Vedtakstype(models.TextChoices):
    INNVILGELSE = "INNVILGELSE", "Innvilgelse"
    AVSLAG = "AVSLAG", "Avslag"
    FORLENGELSE = "FORLENGELSE", "Forlengelse"
    ENDRING = "ENDRING", "Endring"
    PERMISJON = "PERMISJON", "Permisjon"
    AVBRUDD = "AVBRUDD", "Midlertidig avbrudd"
    GJENOPPTAK = "GJENOPPTAK", "Gjenopptak etter permisjon eller avbrudd"
    STANS = "STANS", "Stans"
    AVSLUTNING = "AVSLUTNING", "Avslutning"
    # Fattes av økonomi med fire øyne i utbetalingen (`tilbakekreving_vedta`), ikke skrevet som utkast her.
    TILBAKEKREVING = "TILBAKEKREVING", "Tilbakekreving"


class Vedtaksstatus(models.TextChoices):
    UTKAST = "UTKAST", "Utkast"
    TIL_BESLUTTER = "TIL_BESLUTTER", "Til beslutter"
    RETURNERT = "RETURNERT", "Returnert fra beslutter"
    FATTET = "FATTET", "Fattet"


AAPNE_VEDTAKSSTATUSER = (Vedtaksstatus.UTKAST, Vedtaksstatus.TIL_BESLUTTER, Vedtaksstatus.RETURNERT)


class KostraStatus(models.TextChoices):
    """KOSTRA 11CF STATUS (KLASS 555) for avsluttede program."""

    FULLFOERT = "3", "3 – Fullført program eller avsluttet etter avtale"
    UTEBLIVELSE = "4", "4 – Varig avbrutt på grunn av uteblivelse"
    FLYTTING = "5", "5 – Avbrutt på grunn av flytting til annen kommune"
    ETTER_AVBRUDD = "7", "7 – Avsluttet etter avbrudd"


class KostraSituasjon(models.TextChoices):
    """KOSTRA 11CF: situasjon og viktigste inntektskilde rett etter programmet (KLASS 556)."""

    ORDINAERT_ARBEID = "01", "Ordinært arbeid (heltid/deltid)"
    LOENNSTILSKUDD = "11", "Ordinært arbeid med lønnstilskudd"
    ARBEIDSMARKEDSTILTAK = "03", "Andre arbeidsmarkedstiltak i statlig regi"
    SKOLE = "04", "Skole/utdanning"
    UFOERETRYGD = "13", "Uføretrygd"
    AAP = "14", "Arbeidsavklaringspenger"
    SOSIALHJELP_AVKLARING = "15", "Økonomisk sosialhjelp i påvente av avklaring av uføretrygd/AAP"
    SOSIALHJELP_UTEN = "16", "Økonomisk sosialhjelp uten slik avklaring"
    ANNET = "10", "Annet"
    UKJENT = "17", "Ukjent"


class Vedtak(Uforanderlig, models.Model):
    #: Et fattet vedtak endres og slettes aldri; ingen tjeneste endrer det etter at det er fattet.
    uforanderlig_naar = models.Q(status="FATTET")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="vedtak")
    type = models.CharField("vedtakstype", max_length=20, choices=Vedtakstype.choices)
    status = models.CharField("status", max_length=20, choices=Vedtaksstatus.choices, default=Vedtaksstatus.UTKAST)
    versjon = models.PositiveSmallIntegerField("versjon", default=1)
    fra_og_med = models.DateField("fra og med", null=True, blank=True)
    til_og_med = models.DateField("til og med", null=True, blank=True)
    innhold = models.TextField("innholdet i programmet", blank=True)
    begrunnelse = models.TextField("begrunnelse", blank=True)
    evalueringsdatoer = models.JSONField("evalueringer", default=list, blank=True)
    saerlige_grunner = models.TextField("særlige grunner", blank=True)
    #: Hvorfor en stans gjelder fra en dato før vedtaket skrives (påkrevd da; vises for saksbehandleren og beslutteren).
    tilbakedatering_grunn = models.TextField("grunn til tilbakedatering", blank=True)
    avslag_vilkaar = models.CharField("vilkår som ikke er oppfylt", max_length=30, choices=VILKAARSVALG, blank=True)
    kostra_status = models.CharField("KOSTRA-status", max_length=1, choices=KostraStatus.choices, blank=True)
    kostra_situasjon = models.JSONField("situasjon etter programmet", default=list, blank=True)
    kostra_inntektskilde = models.CharField(
        "viktigste inntektskilde etter programmet", max_length=2, choices=KostraSituasjon.choices, blank=True
    )
    vilkaar = models.JSONField("vilkårsvurderingen vedtaket bygger på", null=True, blank=True)
    beregning = models.JSONField("beregning av stønaden", null=True, blank=True)
    opprettet_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    #: Alle som har skrevet, endret eller sendt vedtaket, eller endret vilkårsvurderingen mens det var under arbeid.
    #: Ingen av dem kan beslutte det (totrinnskontrollen leser dette feltet, ikke revisjonsloggen).
    skrevet_av = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", blank=True, verbose_name="skrevet eller endret av"
    )
    opprettet = models.DateTimeField(auto_now_add=True)
    endret = models.DateTimeField(auto_now=True)
    beslutter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    returnert_begrunnelse = models.TextField("hvorfor vedtaket ble returnert", blank=True)
    fattet_tidspunkt = models.DateTimeField("fattet", null=True, blank=True)
    vedtak_dato = models.DateField("vedtaksdato", null=True, blank=True)

    class Meta:
        verbose_name = "vedtak"
        verbose_name_plural = "vedtak"
        ordering = ["-opprettet"]
        constraints = [
            models.UniqueConstraint(
                fields=["sak"],
                condition=models.Q(status__in=["UTKAST", "TIL_BESLUTTER", "RETURNERT"]),
                name="ett_aapent_vedtak_per_sak",
            ),
            models.CheckConstraint(
                name="fattet_vedtak_har_beslutter_og_dato",
                condition=~models.Q(status="FATTET")
                | models.Q(beslutter__isnull=False, vedtak_dato__isnull=False, fattet_tidspunkt__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return f"Vedtak om {self.get_type_display().lower()} ({self.get_status_display().lower()})"

    @property
    def er_fattet(self) -> bool:
        return self.status == Vedtaksstatus.FATTET

    @property
    def kan_endres(self) -> bool:
        return self.status in (Vedtaksstatus.UTKAST, Vedtaksstatus.RETURNERT)


class Hendelsestype(models.TextChoices):
    OPPRETTET = "OPPRETTET", "Utkast opprettet"
    ENDRET = "ENDRET", "Utkast endret"
    SENDT = "SENDT", "Sendt til beslutter"
    RETURNERT = "RETURNERT", "Returnert av beslutter"
    FATTET = "FATTET", "Fattet av beslutter"


class VedtakHendelse(Uforanderlig, models.Model):
    """Ett steg i totrinnskontrollen, med vedtakets innhold slik det var (versjonshistorikk)."""

    vedtak = models.ForeignKey(Vedtak, on_delete=models.PROTECT, related_name="hendelser")
    hendelse = models.CharField("hendelse", max_length=20, choices=Hendelsestype.choices)
    versjon = models.PositiveSmallIntegerField("versjon")
    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tidspunkt = models.DateTimeField(auto_now_add=True)
    begrunnelse = models.TextField("begrunnelse", blank=True)
    innhold = models.JSONField("innhold")

    class Meta:
        verbose_name = "vedtakshendelse"
        verbose_name_plural = "vedtakshendelser"
        ordering = ["tidspunkt", "id"]

    def __str__(self) -> str:
        return f"{self.get_hendelse_display()} v{self.versjon}"


class ForhaandsvarselGjelder(models.TextChoices):
    """Vedtakene som krever forhåndsvarsel (forvaltningsloven § 16) før de fattes."""

    STANS = "STANS", "Stans av programmet"
    AVSLUTNING = "AVSLUTNING", "Avslutning av programmet"
    TILBAKEKREVING = "TILBAKEKREVING", "Tilbakekreving"


class Forhaandsvarsel(models.Model):
    """Forhåndsvarsel etter forvaltningsloven § 16: deltakeren får vite hva kontoret vurderer å vedta, og en frist
    (`svarfrist`, regnet i `kvp_regler`) til å uttale seg. Vedtaket kan fattes når svaret er registrert eller fristen
    er ute (`kvp.vedtak.services.forhaandsvarsel`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="forhaandsvarsler")
    gjelder = models.CharField("gjelder", max_length=20, choices=ForhaandsvarselGjelder.choices)
    fra_og_med = models.DateField("planlagt fra og med", null=True, blank=True)
    beloep = models.DecimalField("beløp", max_digits=12, decimal_places=2, null=True, blank=True)
    grunn = models.TextField("hva kontoret vurderer og hvorfor")
    sendt_dato = models.DateField("sendt")
    svarfrist = models.DateField("svarfrist")
    svar_dato = models.DateField("svar mottatt", null=True, blank=True)
    svar = models.TextField("deltakerens svar", blank=True)
    svar_registrert_av = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opprettet_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)
    #: Satt når saken er avgjort: vedtaket varselet gjaldt er fattet, eller tilbakekrevingen er avslått.
    avgjort = models.DateField("avgjort", null=True, blank=True)
    vedtak = models.OneToOneField(
        Vedtak, on_delete=models.PROTECT, null=True, blank=True, related_name="forhaandsvarsel"
    )

    class Meta:
        verbose_name = "forhåndsvarsel"
        verbose_name_plural = "forhåndsvarsler"
        ordering = ["-sendt_dato", "-opprettet"]

    def __str__(self) -> str:
        return f"Forhåndsvarsel om {self.get_gjelder_display().lower()}"

    @property
    def er_besvart(self) -> bool:
        return self.svar_dato is not None

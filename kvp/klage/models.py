"""Klage på et vedtak gjennom begge instanser: kontoret (underinstansen) og statsforvalteren (klageinstansen).

En klage går REGISTRERT → (MANGLER →) TIL_VURDERING → OMGJOERES → OMGJORT, eller → OVERSENDT → UNDER_BEHANDLING →
AVGJORT → IVERKSATT (eller AVSLUTTET når statsforvalteren stadfester eller avviser). AVVIST er kontorets avvisning.
Hvert steg står i `Klagehendelse`; brevene lagres som de ble sendt (`Klagebrev`).
"""

import uuid

from django.conf import settings
from django.db import models

from kvp.dokument.models import dokumentlager
from kvp.felles.uforanderlig import Uforanderlig


class Kanal(models.TextChoices):
    DIGITAL = "DIGITAL", "Digitalt fra deltakeren"
    PAPIR = "PAPIR", "Brev på papir"
    TELEFON = "TELEFON", "Muntlig på telefon (skriftlig notat)"
    OPPMOETE = "OPPMOETE", "Muntlig ved oppmøte (skriftlig notat)"


class Klagestatus(models.TextChoices):
    REGISTRERT = "REGISTRERT", "Mottatt, formkrav vurderes"
    MANGLER = "MANGLER", "Venter på retting av mangler"
    TIL_VURDERING = "TIL_VURDERING", "Kontorets vurdering"
    OMGJOERES = "OMGJOERES", "Omgjøres: nytt vedtak under arbeid"
    OMGJORT = "OMGJORT", "Omgjort av kontoret"
    AVVIST = "AVVIST", "Avvist av kontoret"
    OVERSENDT = "OVERSENDT", "Sendt til statsforvalteren"
    UNDER_BEHANDLING = "UNDER_BEHANDLING", "Under behandling hos statsforvalteren"
    AVGJORT = "AVGJORT", "Avgjort av statsforvalteren, skal iverksettes"
    IVERKSATT = "IVERKSATT", "Statsforvalterens vedtak er iverksatt"
    AVSLUTTET = "AVSLUTTET", "Avgjort av statsforvalteren"


#: Klager kontoret arbeider med.
KONTORETS_STATUSER = (
    Klagestatus.REGISTRERT,
    Klagestatus.MANGLER,
    Klagestatus.TIL_VURDERING,
    Klagestatus.OMGJOERES,
    Klagestatus.AVGJORT,
)
#: Klager statsforvalteren ser (sendt dit).
STATSFORVALTERENS_STATUSER = (
    Klagestatus.OVERSENDT,
    Klagestatus.UNDER_BEHANDLING,
    Klagestatus.AVGJORT,
    Klagestatus.IVERKSATT,
    Klagestatus.AVSLUTTET,
)


class Utfall(models.TextChoices):
    """Statsforvalterens avgjørelse (forvaltningsloven § 34)."""

    STADFESTET = "STADFESTET", "Stadfestet"
    ENDRET = "ENDRET", "Endret"
    OPPHEVET = "OPPHEVET", "Opphevet og sendt tilbake"
    AVVIST = "AVVIST", "Avvist"


#: Formkravene i forvaltningsloven §§ 28–32, i rekkefølgen de vurderes.
FORMKRAV = (
    ("klagerett", "Klageren er part eller har rettslig klageinteresse (§ 28)"),
    ("i_tide", "Klagen kom innen fristen, eller fristoversittelsen ses bort fra (§§ 29–31)"),
    ("underskrevet", "Klagen er underskrevet eller klageren er identifisert (§ 32 første ledd a)"),
    ("vedtak_nevnt", "Klagen nevner vedtaket det klages over (§ 32 første ledd b)"),
    ("endring_nevnt", "Klagen sier hvilken endring klageren ønsker (§ 32 første ledd c)"),
)


class Klage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    vedtak = models.ForeignKey("vedtak.Vedtak", on_delete=models.PROTECT, related_name="klager")
    sak = models.ForeignKey("sak.Sak", on_delete=models.PROTECT, related_name="klager")
    kanal = models.CharField("hvordan klagen kom inn", max_length=10, choices=Kanal.choices)
    mottatt_dato = models.DateField("mottatt")
    tekst = models.TextField("klagen")
    status = models.CharField("status", max_length=20, choices=Klagestatus.choices, default=Klagestatus.REGISTRERT)
    vedtak_mottatt_dato = models.DateField("vedtaket kom fram til deltakeren")
    klagefrist = models.DateField("klagefrist")
    for_sent = models.BooleanField("kom etter fristen", default=False)
    #: § 31: vurdering av en klage som kom for sent (tom når den kom i tide).
    for_sent_vurdering = models.TextField("vurdering etter forvaltningsloven § 31", blank=True)
    formkrav = models.JSONField("formkrav", default=dict, blank=True)
    rettefrist = models.DateField("frist for å rette mangler", null=True, blank=True)
    kontor_vurdering = models.TextField("kontorets vurdering", blank=True)
    oversendt_dato = models.DateField("sendt til statsforvalteren", null=True, blank=True)
    kommentarfrist = models.DateField("frist for deltakerens merknader", null=True, blank=True)
    saksdokumenter = models.BinaryField("saksdokumentene som PDF", null=True, blank=True)
    statsforvalter_behandler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    utfall = models.CharField("statsforvalterens utfall", max_length=12, choices=Utfall.choices, blank=True)
    utfall_begrunnelse = models.TextField("statsforvalterens begrunnelse", blank=True)
    utfall_nytt_innhold = models.TextField("nytt innhold i vedtaket", blank=True)
    avgjort_dato = models.DateField("avgjort", null=True, blank=True)
    avsluttet_dato = models.DateField("avsluttet hos kontoret", null=True, blank=True)
    nytt_vedtak = models.ForeignKey(
        "vedtak.Vedtak", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name="nytt vedtak"
    )
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)
    endret = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "klage"
        verbose_name_plural = "klager"
        ordering = ["-mottatt_dato", "-opprettet"]
        indexes = [models.Index(fields=["sak", "status"], name="klage_sak_status")]

    def __str__(self) -> str:
        return f"Klage {str(self.id)[:8]}"

    @property
    def formkrav_liste(self) -> list[tuple[str, str, bool | None]]:
        return [(n, t, self.formkrav.get(n)) for n, t in FORMKRAV]


class Dokumenttype(models.TextChoices):
    VEDLEGG = "VEDLEGG", "Vedlegg til klagen"
    MERKNAD = "MERKNAD", "Merknad fra deltakeren"


def _filsti(dokument: "Klagedokument", filnavn: str) -> str:
    # Navnet på disken sier ingenting om personen; originalnavnet står i `navn`.
    return f"klage/{dokument.klage_id}/{dokument.id}"


class Klagedokument(Uforanderlig, models.Model):
    """Et vedlegg eller en merknad (tekst og eventuell fil). Filen er kontrollert av `kvp.dokument.kontroll` (samme
    vei inn som alle andre opplastinger), lagres i dokumentlageret (`KVP_DOKUMENT_LAGER`) og vises bare gjennom
    tilgangssjekken i `selectors.dokument_hent`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    klage = models.ForeignKey(Klage, on_delete=models.PROTECT, related_name="dokumenter")
    type = models.CharField("type", max_length=10, choices=Dokumenttype.choices)
    tekst = models.TextField("tekst", blank=True)
    fil = models.FileField("fil", upload_to=_filsti, storage=dokumentlager, blank=True)
    navn = models.CharField("filnavn", max_length=120, blank=True)
    innholdstype = models.CharField("innholdstype", max_length=40, blank=True)
    stoerrelse = models.PositiveIntegerField("størrelse (byte)", default=0)
    lastet_opp_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "klagedokument"
        verbose_name_plural = "klagedokumenter"
        ordering = ["opprettet"]

    def __str__(self) -> str:
        return self.navn or self.get_type_display()


class Brevtype(models.TextChoices):
    MANGLER = "MANGLER", "Brev om mangler ved klagen"
    AVVISNING = "AVVISNING", "Vedtak om avvisning av klagen"
    OVERSENDELSE = "OVERSENDELSE", "Oversendelse av klage til statsforvalteren"
    KOPI_DELTAKER = "KOPI_DELTAKER", "Klagen er sendt til statsforvalteren"
    STATSFORVALTER = "STATSFORVALTER", "Statsforvalterens vedtak i klagesaken"


class Klagebrev(Uforanderlig, models.Model):  # sendt når det lages: endres og slettes aldri
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    klage = models.ForeignKey(Klage, on_delete=models.PROTECT, related_name="brev")
    type = models.CharField("type", max_length=16, choices=Brevtype.choices)
    mottaker = models.CharField("mottaker", max_length=100)
    maalform = models.CharField("målform", max_length=2)
    tittel = models.CharField("tittel", max_length=200)
    html = models.TextField("brevet som HTML")
    pdf = models.BinaryField("brevet som PDF")
    frist = models.DateField("svarfrist", null=True, blank=True)
    #: Kan deltakeren se brevet (alle unntatt oversendelsesbrevet, som deltakeren får kopi av).
    til_deltaker = models.BooleanField("til deltakeren", default=True)
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "klagebrev"
        verbose_name_plural = "klagebrev"
        ordering = ["opprettet"]

    def __str__(self) -> str:
        return self.tittel


class Klagehendelse(Uforanderlig, models.Model):
    """Ett steg i klagesaken (historikken og grunnlaget for saksbehandlingstiden i hver instans)."""

    klage = models.ForeignKey(Klage, on_delete=models.PROTECT, related_name="hendelser")
    status = models.CharField("status etter steget", max_length=20, choices=Klagestatus.choices)
    tekst = models.CharField("hva skjedde", max_length=200)
    bruker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    tidspunkt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "klagehendelse"
        verbose_name_plural = "klagehendelser"
        ordering = ["tidspunkt", "id"]

    def __str__(self) -> str:
        return self.tekst

"""Saken på KVP-tavla: status, saksbehandler og foreløpig svar."""

import datetime as dt
import uuid

from django.conf import settings
from django.db import models


class Status(models.TextChoices):
    """Sakens tilstand (spec/regler.md § 6.2). Lagret verdi er stabil; nye tilstander legges til senere."""

    SOEKNAD_REGISTRERT = "SOEKNAD_REGISTRERT", "Søknad registrert"
    ARBEIDSEVNEVURDERING = "ARBEIDSEVNEVURDERING", "Arbeidsevnevurdering"
    VILKAARSVURDERING = "VILKAARSVURDERING", "Vurdering av inngangsvilkår"
    INNVILGET = "INNVILGET", "Innvilget, venter på oppstart"
    I_PROGRAM = "I_PROGRAM", "I program"
    PERMISJON = "PERMISJON", "Permisjon"
    MIDLERTIDIG_AVBRUTT = "MIDLERTIDIG_AVBRUTT", "Midlertidig avbrutt"
    AVSLUTTET = "AVSLUTTET", "Program avsluttet"
    AVSLAATT = "AVSLAATT", "Søknad avslått"
    TRUKKET = "TRUKKET", "Søknad trukket"


#: Kolonnene på tavla, i rekkefølge: saker som ennå ikke har fått vedtak.
AAPNE_STATUSER = (Status.SOEKNAD_REGISTRERT, Status.ARBEIDSEVNEVURDERING, Status.VILKAARSVURDERING)
#: Innvilgede saker som ikke er avsluttet (deltakeren er i, eller skal begynne i, program).
AKTIVE_STATUSER = (Status.INNVILGET, Status.I_PROGRAM, Status.PERMISJON, Status.MIDLERTIDIG_AVBRUTT)
LUKKEDE_STATUSER = (Status.AVSLUTTET, Status.AVSLAATT, Status.TRUKKET)


class Sak(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    soeknad = models.OneToOneField("soeknad.Soeknad", on_delete=models.PROTECT, related_name="sak")
    person = models.ForeignKey("person.Person", on_delete=models.PROTECT, related_name="saker")
    kontor = models.ForeignKey("tilgang.NavKontor", on_delete=models.PROTECT, related_name="saker")
    status = models.CharField("status", max_length=30, choices=Status.choices, default=Status.SOEKNAD_REGISTRERT)
    saksbehandler = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="saker"
    )
    mottatt_dato = models.DateField("mottatt dato")
    # Datoene KOSTRA 11CF trenger (VEDTAK_DATO, BEGYNT_DATO) og programperioden slik vedtakene har fastsatt den.
    # Settes bare av vedtakstjenestene; `program_til_og_med` flyttes ved forlengelse.
    vedtak_dato = models.DateField("vedtaksdato (innvilgelse)", null=True, blank=True)
    begynt_dato = models.DateField("begynt i program", null=True, blank=True)
    program_fra_og_med = models.DateField("program fra og med", null=True, blank=True)
    program_til_og_med = models.DateField("program til og med", null=True, blank=True)
    avsluttet_dato = models.DateField("avsluttet dato", null=True, blank=True)
    til_statsforvalter = models.BooleanField("sendt til statsforvalteren (klage eller tilsyn)", default=False)
    opprettet = models.DateTimeField(auto_now_add=True)
    endret = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "sak"
        verbose_name_plural = "saker"
        indexes = [
            models.Index(fields=["kontor", "status", "saksbehandler", "mottatt_dato"], name="sak_tavle"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(
                    status__in=[
                        "SOEKNAD_REGISTRERT",
                        "ARBEIDSEVNEVURDERING",
                        "VILKAARSVURDERING",
                        "INNVILGET",
                        "I_PROGRAM",
                        "PERMISJON",
                        "MIDLERTIDIG_AVBRUTT",
                    ]
                ),
                name="en_aapen_sak_per_person",
            ),
            models.CheckConstraint(
                name="programperiode_i_rekkefoelge",
                condition=models.Q(program_fra_og_med__isnull=True)
                | models.Q(program_til_og_med__isnull=True)
                | models.Q(program_til_og_med__gte=models.F("program_fra_og_med")),
            ),
        ]

    def __str__(self) -> str:
        return f"Sak {str(self.id)[:8]}"

    @property
    def saksnummer(self) -> str:
        """Saksnummeret i brevene og på saken: de åtte første tegnene i sakens id, med store bokstaver."""
        return str(self.id)[:8].upper()

    def programperiode(self) -> tuple[dt.date, dt.date] | None:
        """Perioden deltakeren er i program: fra oppstart (eller planlagt start) til slutt eller avslutning."""
        return programperiode(self.begynt_dato, self.program_fra_og_med, self.program_til_og_med, self.avsluttet_dato)


#: Feltene `programperiode` trenger, for lesing som verdier (`values_list(*PROGRAMPERIODEFELT)`).
PROGRAMPERIODEFELT = ("begynt_dato", "program_fra_og_med", "program_til_og_med", "avsluttet_dato")


def programperiode(
    begynt: dt.date | None, fra_og_med: dt.date | None, til_og_med: dt.date | None, avsluttet: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """`Sak.programperiode` av feltene lest som verdier (utbetalingsrunden leser ikke sakene som modellobjekter)."""
    fra = begynt or fra_og_med
    til = til_og_med
    if fra is None or til is None:
        return None
    if avsluttet is not None:
        til = min(til, avsluttet)
    return (fra, til) if til >= fra else None


class ForeloepigSvar(models.Model):
    """Foreløpig svar etter forvaltningsloven § 11 a tredje ledd: saken tar mer enn en måned."""

    sak = models.ForeignKey(Sak, on_delete=models.CASCADE, related_name="foreloepige_svar")
    sendt_dato = models.DateField("sendt dato")
    forventet_svar_dato = models.DateField("forventet svar innen")
    begrunnelse = models.TextField("hvorfor saken tar tid")
    registrert_av = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    opprettet = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "foreløpig svar"
        verbose_name_plural = "foreløpige svar"
        ordering = ["-sendt_dato"]

    def __str__(self) -> str:
        return f"Foreløpig svar {self.sendt_dato}"

"""Lesing for utbetalingen. Økonomi og ledere ser rundene for kommunene kontoret deres betjener; deltakeren ser
sine egne utbetalinger når runden er godkjent."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any
from uuid import UUID

from django.db.models import Count, Prefetch, QuerySet, Sum

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import logghendelse_registrer
from kvp.person.models import Person
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Kommune, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for
from kvp_regler.belop import rund_av_til_oere

from .models import (
    Betalingsresultat,
    Mottaker,
    Rundestatus,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetaling,
    Utbetalingsoppsett,
    Utbetalingspost,
    Utbetalingsrunde,
)

ROLLER_SOM_SER_RUNDER = (Rolle.OEKONOMI, Rolle.LEDER)
#: Deltakeren ser en utbetaling først når runden er godkjent.
SYNLIG_FOR_DELTAKER = (Rundestatus.GODKJENT, Rundestatus.EKSPORTERT, Rundestatus.BEKREFTET)


def kommuner_for_oekonomi(*, bruker: Bruker) -> QuerySet[Kommune]:
    return tilgang.synlige(bruker, "utbetalingskommune", Handling.SKRIV, krev=True).order_by("navn")


def kommune_hent(
    *, bruker: Bruker, kommune_nummer: str, handling: Handling = Handling.SKRIV
) -> tuple[Kommune, Utbetalingsoppsett | None]:
    """Kommunen for økonomi ved kontoret som betjener den (innstillingene; årsoppgavene med `EKSPORTER`)."""
    # Kommunenummeret kommer fra adressen: NUL-tegn gir DataError (500) på PostgreSQL om det når spørringen.
    if not kommune_nummer.isalnum():
        raise IkkeFunnet("Fant ikke kommunen.")
    kommune: Kommune = tilgang.hent(bruker, "utbetalingskommune", kommune_nummer, handling, relatert=("nav_kontor",))
    return kommune, Utbetalingsoppsett.objects.filter(kommune=kommune).first()


def runder_for_bruker(*, bruker: Bruker) -> QuerySet[Utbetalingsrunde]:
    """Rundene med totaler per måned (antall, brutto, skattetrekk, netto)."""
    runder: QuerySet[Utbetalingsrunde] = tilgang.synlige(bruker, "utbetalingsrunde", Handling.LES, krev=True)
    return _med_totaler(runder)


def _med_totaler(runder: QuerySet[Utbetalingsrunde]) -> QuerySet[Utbetalingsrunde]:
    return (
        runder.select_related("kommune")
        .annotate(
            antall=Count("utbetalinger"),
            sum_brutto=Sum("utbetalinger__brutto"),
            sum_trekk=Sum("utbetalinger__trekk"),
            sum_skatt=Sum("utbetalinger__skattetrekk"),
            sum_netto=Sum("utbetalinger__netto"),
        )
        .order_by("-aar", "-maaned", "kommune__navn")
    )


def runde_hent(*, bruker: Bruker, runde_id: UUID) -> Utbetalingsrunde:
    # Én runde: tilgangslaget gir 404 når brukeren ikke kan lese den (også uten økonomirollen noe sted), som for
    # en runde som ikke finnes.
    runde: Utbetalingsrunde = tilgang.hent(
        bruker,
        "utbetalingsrunde",
        runde_id,
        Handling.LES,
        queryset=_med_totaler(Utbetalingsrunde.objects.all()),
        relatert=("kommune", "opprettet_av", "godkjent_av"),
    )
    logghendelse_registrer(bruker=bruker, kontor=runde.kommune.nav_kontor, handling="LES", objekt=runde)
    return runde


def utbetalinger_i_runde(*, runde: Utbetalingsrunde, grense: int = 200) -> list[Utbetaling]:
    """De første utbetalingene i runden (kalles bare med en runde hentet gjennom `runde_hent`)."""
    return list(
        Utbetaling.objects.filter(runde=runde)
        .select_related("sak__person")
        .order_by("sak__person__etternavn", "sak__person__fornavn")[:grense]
    )


def tilbakekrevinger_aapne() -> QuerySet[Tilbakekreving]:
    """Tilbakekrevingene som ikke er oppgjort eller avslått (uten tilgangssjekk: bare som utgangspunkt for
    tilgangslaget eller `tilbakekrevinger_for_bruker`)."""
    return Tilbakekreving.objects.exclude(status__in=[Tilbakekrevingsstatus.OPPGJORT, Tilbakekrevingsstatus.AVSLAATT])


def tilbakekrevinger_for_bruker(*, bruker: Bruker) -> QuerySet[Tilbakekreving]:
    krav: QuerySet[Tilbakekreving] = tilgang.synlige(bruker, "tilbakekreving", Handling.SKRIV, krev=True)
    return (
        krav.exclude(status__in=[Tilbakekrevingsstatus.OPPGJORT, Tilbakekrevingsstatus.AVSLAATT])
        .select_related("sak__person", "korreksjon", "foreslaatt_av", "forhaandsvarsel__brev")
        .annotate(trukket=Sum("trekk__beloep"))
        .order_by("opprettet")
    )


def mottaker_hent(*, bruker: Bruker, person_id: UUID) -> tuple[Person, Mottaker | None]:
    """Personen og kontonummer/skattetrekk, for økonomi ved kontoret som betjener personens kommune."""
    person: Person = tilgang.hent(bruker, "mottaker", person_id, Handling.LES, relatert=("kontor",))
    logghendelse_registrer(bruker=bruker, kontor=person.kontor, person=person, handling="LES", objekt=person)
    return person, Mottaker.objects.filter(person=person).first()


@dataclass(frozen=True)
class Aarsoppgave:
    aar: int
    brutto: Decimal
    trekk: Decimal
    skattetrekk: Decimal
    netto: Decimal
    antall: int


def aarsoppgave_for_person(*, person: Person, aar: int) -> Aarsoppgave:
    """Utbetalt i året (etter utbetalingsdato) for a-meldingen og deltakeren: brutto, trekk, skattetrekk, netto.
    Kalles bare med en person brukeren har fått tilgang til."""
    sum_ = Utbetaling.objects.filter(
        sak__person=person, runde__status__in=SYNLIG_FOR_DELTAKER, runde__utbetalingsdato__year=aar
    ).aggregate(
        brutto=Sum("brutto"), trekk=Sum("trekk"), skatt=Sum("skattetrekk"), netto=Sum("netto"), antall=Count("id")
    )

    def beloep(verdi: Decimal | None) -> Decimal:
        return rund_av_til_oere(Fraction(verdi or 0))

    return Aarsoppgave(
        aar=aar,
        brutto=beloep(sum_["brutto"]),
        trekk=beloep(sum_["trekk"]),
        skattetrekk=beloep(sum_["skatt"]),
        netto=beloep(sum_["netto"]),
        antall=sum_["antall"],
    )


def utbetalinger_for_deltaker(*, bruker: Bruker) -> list[Utbetaling]:
    """Deltakerens egne utbetalinger med postene (linjene), nyeste først."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        return []
    return list(
        Utbetaling.objects.filter(sak__person_id__in=personer, runde__status__in=SYNLIG_FOR_DELTAKER)
        .select_related("runde")
        .prefetch_related(Prefetch("poster", queryset=Utbetalingspost.objects.select_related("beregning")))
        .order_by("-runde__utbetalingsdato")
    )


def kan_godkjenne_runden(*, runde: Utbetalingsrunde) -> list[Bruker]:
    """Aktive brukere med rollen økonomi ved kontoret som betjener rundens kommune, og som ikke har opprettet eller
    simulert runden (fireøyneprinsippet). Tom liste: ingen kan godkjenne den, og siden varsler om det."""
    utelukket = {b.pk for b in runde.simulert_av.all()} | ({runde.opprettet_av_id} - {None})
    return [
        b
        for b in Bruker.objects.filter(
            is_active=True,
            er_tjenestekonto=False,
            rolletildelinger__rolle=Rolle.OEKONOMI,
            rolletildelinger__kontor_id=runde.kommune.nav_kontor_id,
        )
        .distinct()
        .order_by("username")
        if b.pk not in utelukket
    ]


def kontonummer_venter(*, runde: Utbetalingsrunde) -> int:
    """Antall deltakere i runden som har et nytt kontonummer som venter på godkjenning (fireøyne)."""
    return (
        Utbetaling.objects.filter(runde=runde)
        .exclude(sak__person__utbetalingsmottaker__nytt_kontonummer="")
        .filter(sak__person__utbetalingsmottaker__isnull=False)
        .count()
    )


def betalingsresultater_i_runde(*, runde: Utbetalingsrunde) -> list[Betalingsresultat]:
    """Bankens svar på rundens betalinger, avviste først (kalles bare med en runde hentet gjennom `runde_hent`)."""
    return list(
        Betalingsresultat.objects.filter(utbetaling__runde=runde)
        .select_related("utbetaling__sak__person")
        .order_by("status", "utbetaling__sak__person__etternavn", "utbetaling__sak__person__fornavn")
    )


def utbetalinger_for_sak(*, bruker: Bruker, sak: Any) -> list[Utbetaling]:
    """Sakens utbetalinger i rundene brukeren ser, nyeste først (utbetalingsfanen på saksbildet; saken er hentet med
    tilgangssjekk og lesingen logget av visningen)."""
    runder = tilgang.synlige(bruker, "utbetalingsrunde", Handling.LES)
    return list(
        Utbetaling.objects.filter(sak=sak, runde__in=runder).select_related("runde").order_by("-runde__utbetalingsdato")
    )

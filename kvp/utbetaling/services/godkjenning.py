"""Runden etter simuleringen: godkjenning (fireøyne), eksport og bankens bekreftelse.

Er utbetalingsdatoen passert når runden godkjennes eller eksporteres, flyttes den til første bankdag fra og med i
dag (og det føres i revisjonsloggen): betalingsfilen ber aldri banken betale på en dato tilbake i tid. Når runden
godkjennes, blir tilbakekrevinger som ikke lenger kan trekkes, krav i rundens regnskapsfil."""

from uuid import UUID

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker

from ..models import Rundestatus, Utbetalingsoppsett, Utbetalingsrunde
from .laas import runde_for_skriving
from .tilbakekreving import tilbakekrevinger_til_krav
from .utbetalingsdato import utbetalingsdato_flyttet_tekst, utbetalingsdato_tidligst


def _flytt_passert_utbetalingsdato(runde: Utbetalingsrunde, bruker: Bruker) -> None:
    planlagt = runde.utbetalingsdato
    ny = utbetalingsdato_tidligst(planlagt=planlagt, i_dag=timezone.localdate())
    if ny == planlagt:
        return
    runde.utbetalingsdato = ny
    runde.save(update_fields=["utbetalingsdato"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=runde.kommune.nav_kontor,
        handling="ENDRE",
        objekt=runde,
        beskrivelse=utbetalingsdato_flyttet_tekst(fra=planlagt, til=ny),
        foer={"utbetalingsdato": planlagt.isoformat()},
        etter={"utbetalingsdato": ny.isoformat()},
    )


def _ny_status(runde: Utbetalingsrunde, bruker: Bruker, status: str, felt: str) -> None:
    foer = runde.status
    runde.status = status
    setattr(runde, f"{felt}_av", bruker)
    setattr(runde, felt, timezone.now())
    runde.save(update_fields=["status", f"{felt}_av", felt])
    logghendelse_registrer(
        bruker=bruker,
        kontor=runde.kommune.nav_kontor,
        handling="ENDRE",
        objekt=runde,
        foer={"status": foer},
        etter={"status": status},
    )


@transaction.atomic
def utbetalingsrunde_godkjenn(*, bruker: Bruker, runde_id: UUID) -> Utbetalingsrunde:
    """En annen økonomimedarbeider enn den som simulerte runden, godkjenner den (fireøyneprinsippet)."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.SIMULERT:
        raise KvpFeil("Bare en simulert runde kan godkjennes.", kode="KVP_RUNDE_STATUS")
    if not runde.ferdig:
        raise KvpFeil(
            "Runden er ikke ferdig beregnet. Kjør simuleringen på nytt for å fullføre den.", kode="KVP_RUNDE_UFERDIG"
        )
    if runde.opprettet_av_id == bruker.pk or runde.simulert_av.filter(pk=bruker.pk).exists():
        raise KvpFeil("Du simulerte runden selv. En annen i økonomi må godkjenne den.", kode="KVP_FIREOEYNE")
    oppsett = Utbetalingsoppsett.objects.filter(kommune=runde.kommune).exclude(kontonummer="").first()
    if oppsett is None:
        raise KvpFeil(
            "Kommunens konto for utbetalingene er ikke registrert. Legg den inn under innstillingene først.",
            kode="KVP_MANGLER_KOMMUNEKONTO",
        )
    til_kommunen = runde.utbetalinger.filter(netto__gt=0, kontonummer=oppsett.kontonummer).count()
    if til_kommunen:
        raise KvpFeil(
            f"{til_kommunen} deltaker(e) har kommunens egen konto som kontonummer. Registrer deltakerens egen konto "
            "og simuler runden på nytt.",
            kode="KVP_KONTO_ER_KOMMUNENS",
        )
    uten_konto = runde.utbetalinger.filter(netto__gt=0, kontonummer="").count()
    if uten_konto:
        raise KvpFeil(
            f"{uten_konto} deltaker(e) mangler kontonummer. Registrer kontonummeret og simuler runden på nytt.",
            kode="KVP_MANGLER_KONTO",
        )
    _flytt_passert_utbetalingsdato(runde, bruker)
    tilbakekrevinger_til_krav(runde=runde, bruker=bruker)
    _ny_status(runde, bruker, Rundestatus.GODKJENT, "godkjent")
    return runde


@transaction.atomic
def utbetalingsrunde_eksporter(*, bruker: Bruker, runde_id: UUID) -> Utbetalingsrunde:
    """Markerer at betalingsfilen og regnskapsfilen er laget (de kan lastes ned igjen etterpå)."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.GODKJENT:
        raise KvpFeil("Runden må være godkjent før den eksporteres.", kode="KVP_RUNDE_STATUS")
    _flytt_passert_utbetalingsdato(runde, bruker)
    _ny_status(runde, bruker, Rundestatus.EKSPORTERT, "eksportert")
    return runde


@transaction.atomic
def utbetalingsrunde_bekreft(*, bruker: Bruker, runde_id: UUID) -> Utbetalingsrunde:
    """Banken har bekreftet at betalingene er gjennomført."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.EKSPORTERT:
        raise KvpFeil("Runden må være eksportert før utbetalingen kan bekreftes.", kode="KVP_RUNDE_STATUS")
    _ny_status(runde, bruker, Rundestatus.BEKREFTET, "bekreftet")
    return runde

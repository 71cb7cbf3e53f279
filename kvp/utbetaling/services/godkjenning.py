"""Runden etter simuleringen: godkjenning (fireøyne), eksport og bankens bekreftelse.

Er utbetalingsdatoen passert når runden godkjennes eller eksporteres, flyttes den til første bankdag fra og med i
dag (og det føres i revisjonsloggen): betalingsfilen ber aldri banken betale på en dato tilbake i tid. Skattetrekket
følger utbetalingsdatoen: gir parameteren for trekk uten skattekort en annen prosent på den nye datoen, regnes trekket
og nettobeløpet for deltakerne uten skattekort om i samme transaksjon (hver endring føres i revisjonsloggen). Når runden
godkjennes, blir tilbakekrevinger som ikke lenger kan trekkes, krav i rundens regnskapsfil."""

from uuid import UUID

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from kvp.deltaker.services import varsler_opprett
from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp_regler.oppgjoer import skattetrekk, skattetrekk_prosent_uten_skattekort
from kvp_regler.parametere import STANDARD, Parametersett

from ..models import Rundestatus, Utbetaling, Utbetalingsoppsett, Utbetalingsrunde
from .laas import kollisjon_som_feil, runde_for_skriving
from .paa_nytt import avviste_betalinger_ta_med
from .tilbakekreving import tilbakekrevinger_til_krav
from .utbetalingsdato import utbetalingsdato_flyttet_tekst, utbetalingsdato_tidligst


def _skattetrekk_uten_skattekort_for_ny_dato(
    runde: Utbetalingsrunde, bruker: Bruker, parametere: Parametersett
) -> None:
    """Trekket uten skattekort slås opp på utbetalingsdatoen: etter at datoen er flyttet, får deltakerne uten
    registrert skattekort prosenten for den nye datoen (deltakere med skattekort beholder sin)."""
    prosent = skattetrekk_prosent_uten_skattekort(runde.utbetalingsdato, parametere)
    endret = []
    # Bare deltakerne uten skattekort og med en annen prosent hentes (databasen velger dem ut, ikke Python).
    uten_skattekort = Q(sak__person__utbetalingsmottaker__isnull=True) | Q(
        sak__person__utbetalingsmottaker__skattetrekk_prosent__isnull=True
    )
    for u in (
        Utbetaling.objects.filter(uten_skattekort, runde=runde)
        .exclude(skattetrekk_prosent=prosent)
        .select_related("sak__person")
        .iterator(chunk_size=2000)
    ):
        foer = {
            "skattetrekk_prosent": str(u.skattetrekk_prosent),
            "skattetrekk": str(u.skattetrekk),
            "netto": str(u.netto),
        }
        u.skattetrekk_prosent = prosent
        u.skattetrekk = skattetrekk(u.brutto - u.trekk, prosent)
        u.netto = u.brutto - u.trekk - u.skattetrekk
        endret.append(u)
        logghendelse_registrer(
            bruker=bruker,
            kontor=runde.kommune.nav_kontor,
            handling="ENDRE",
            objekt=u,
            person=u.sak.person,
            beskrivelse=(
                f"Trekket uten skattekort er {prosent} % på den nye utbetalingsdatoen "
                f"{runde.utbetalingsdato:%d.%m.%Y}; skattetrekket er regnet om."
            ),
            foer=foer,
            etter={"skattetrekk_prosent": str(prosent), "skattetrekk": str(u.skattetrekk), "netto": str(u.netto)},
        )
    Utbetaling.objects.bulk_update(endret, ["skattetrekk_prosent", "skattetrekk", "netto"])


def _flytt_passert_utbetalingsdato(runde: Utbetalingsrunde, bruker: Bruker, parametere: Parametersett) -> None:
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
    _skattetrekk_uten_skattekort_for_ny_dato(runde, bruker, parametere)


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


def _godkjente_kontonumre(runde: Utbetalingsrunde) -> int:
    """Utbetalingene i runden får deltakernes godkjente kontonummer (godkjent etter fireøyneprinsippet, kanskje etter
    simuleringen), så den som godkjenner runden aldri må be om en ny simulering for det. Gir antall endrede."""
    endret = [
        Utbetaling(pk=pk, kontonummer=konto)
        for pk, gammel, konto in Utbetaling.objects.filter(runde=runde, sak__person__utbetalingsmottaker__isnull=False)
        .values_list("pk", "kontonummer", "sak__person__utbetalingsmottaker__kontonummer")
        .iterator(chunk_size=5000)
        if konto and konto != gammel
    ]
    Utbetaling.objects.bulk_update(endret, ["kontonummer"], batch_size=2000)
    return len(endret)


@kollisjon_som_feil
@transaction.atomic
def utbetalingsrunde_godkjenn(
    *, bruker: Bruker, runde_id: UUID, parametere: Parametersett = STANDARD
) -> Utbetalingsrunde:
    """En annen økonomimedarbeider enn den som simulerte runden, godkjenner den (fireøyneprinsippet).

    Den som godkjenner, blir aldri bedt om å simulere runden på nytt (da ville hen selv ha simulert den og ikke
    kunne godkjenne): meldingene peker på den som simulerte, på forkasting (`forkast`) eller på kontonummeret."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id, handling=Handling.GODKJENN)
    if runde.status != Rundestatus.SIMULERT:
        raise KvpFeil("Bare en simulert runde kan godkjennes.", kode="KVP_RUNDE_STATUS")
    if not runde.ferdig:
        raise KvpFeil(
            "Runden er ikke ferdig beregnet (simuleringen ble avbrutt). Be den som simulerte den, om å kjøre "
            "simuleringen ferdig, eller forkast runden så en annen kan simulere måneden på nytt.",
            kode="KVP_RUNDE_UFERDIG",
        )
    if runde.opprettet_av_id == bruker.pk or runde.simulert_av.filter(pk=bruker.pk).exists():
        raise KvpFeil(
            "Du simulerte runden selv. En annen i økonomi må godkjenne den. Har alle som kan godkjenne, simulert "
            "runden, kan den forkastes og simuleres på nytt av én person.",
            kode="KVP_FIREOEYNE",
        )
    oppsett = Utbetalingsoppsett.objects.filter(kommune=runde.kommune).exclude(kontonummer="").first()
    if oppsett is None:
        raise KvpFeil(
            "Kommunens konto for utbetalingene er ikke registrert. Legg den inn under innstillingene først.",
            kode="KVP_MANGLER_KOMMUNEKONTO",
        )
    _godkjente_kontonumre(runde)
    til_kommunen = runde.utbetalinger.filter(netto__gt=0, kontonummer=oppsett.kontonummer).count()
    if til_kommunen:
        raise KvpFeil(
            f"{til_kommunen} deltaker(e) har kommunens egen konto som kontonummer. Registrer deltakerens egen konto; "
            "når en annen i økonomi har godkjent den, kan du godkjenne runden.",
            kode="KVP_KONTO_ER_KOMMUNENS",
        )
    uten_konto = list(
        runde.utbetalinger.filter(netto__gt=0, kontonummer="")
        .select_related("sak__person")
        .order_by("sak__person__etternavn", "sak__person__fornavn")
    )
    if uten_konto:
        navn = ", ".join(u.sak.person.navn for u in uten_konto[:5]) + (" med flere" if len(uten_konto) > 5 else "")
        raise KvpFeil(
            f"{len(uten_konto)} deltaker(e) mangler godkjent kontonummer: {navn}. Registrer kontonummeret under "
            "deltakeren; når en annen i økonomi har godkjent det, kan du godkjenne runden (den tar med seg det "
            "godkjente nummeret).",
            kode="KVP_MANGLER_KONTO",
        )
    _flytt_passert_utbetalingsdato(runde, bruker, parametere)
    tilbakekrevinger_til_krav(runde=runde, bruker=bruker)
    avviste_betalinger_ta_med(bruker=bruker, runde=runde)
    _ny_status(runde, bruker, Rundestatus.GODKJENT, "godkjent")
    # Deltakerne får vite at en utbetaling venter (sendes av `manage.py send_varsler`, uten beløp).
    varsler_opprett(person_ider=runde.utbetalinger.values_list("sak__person_id", flat=True), grunn="UTBETALING")
    return runde


@kollisjon_som_feil
@transaction.atomic
def utbetalingsrunde_eksporter(
    *, bruker: Bruker, runde_id: UUID, parametere: Parametersett = STANDARD
) -> Utbetalingsrunde:
    """Markerer at betalingsfilen og regnskapsfilen er laget (de kan lastes ned igjen etterpå)."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id, handling=Handling.EKSPORTER)
    if runde.status != Rundestatus.GODKJENT:
        raise KvpFeil("Runden må være godkjent før den eksporteres.", kode="KVP_RUNDE_STATUS")
    _flytt_passert_utbetalingsdato(runde, bruker, parametere)
    _ny_status(runde, bruker, Rundestatus.EKSPORTERT, "eksportert")
    return runde


@kollisjon_som_feil
@transaction.atomic
def utbetalingsrunde_bekreft(*, bruker: Bruker, runde_id: UUID) -> Utbetalingsrunde:
    """Banken har bekreftet at betalingene er gjennomført."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id, handling=Handling.EKSPORTER)
    if runde.status != Rundestatus.EKSPORTERT:
        raise KvpFeil("Runden må være eksportert før utbetalingen kan bekreftes.", kode="KVP_RUNDE_STATUS")
    _ny_status(runde, bruker, Rundestatus.BEKREFTET, "bekreftet")
    return runde

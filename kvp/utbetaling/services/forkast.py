"""Forkasting av en simulert runde: utbetalingene i runden slettes, og måneden kan simuleres på nytt (av hvem som helst
i økonomi; de som simulerte den forkastede runden, kan da godkjenne en ny runde som en annen har simulert).

Slik blir en runde aldri stående fast: om alle som kunne godkjenne har simulert den, om den ikke ble ferdig beregnet,
eller om grunnlaget må rettes først. Beregningene (uforanderlige) blir stående; en ny simulering lager nye versjoner.
"""

from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker

from ..beregning import maanedstekst
from ..models import (
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetaling,
    Utbetalingskorreksjon,
    Utbetalingspost,
)
from .laas import kollisjon_som_feil, runde_for_skriving


def _korreksjoner_av_runden(poster: list[Utbetalingspost]) -> list[Utbetalingskorreksjon]:
    """Korreksjoner (også G-regulering) av månedene runden betalte, beregnet fra rundens beregning eller senere."""
    versjon: dict[tuple[Any, int, int], int] = {}
    for post in poster:
        versjon[(post.sak_id, post.aar, post.maaned)] = post.beregning.versjon if post.beregning else 0
    saker = {sak_id for sak_id, _, _ in versjon}
    return [
        k
        for k in Utbetalingskorreksjon.objects.filter(sak_id__in=saker).select_related("fra_beregning")
        if (k.sak_id, k.aar, k.maaned) in versjon and k.fra_beregning.versjon >= versjon[(k.sak_id, k.aar, k.maaned)]
    ]


@kollisjon_som_feil
@transaction.atomic
def utbetalingsrunde_forkast(*, bruker: Bruker, runde_id: UUID) -> None:
    """Økonomi forkaster en simulert (ikke godkjent) runde. Revisjonslogges med tallene runden hadde.

    Etterbetalinger i runden venter igjen på neste runde, og tilbakekrevinger som runden gjorde opp, er åpne igjen.
    Korreksjoner som er beregnet av rundens måneder etter simuleringen, slettes (en ny simulering beregner månedene på
    nytt med det gjeldende grunnlaget); er en slik korreksjon allerede betalt eller foreslått som tilbakekreving,
    kan runden ikke forkastes."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.SIMULERT:
        raise KvpFeil(
            f"Runden er {runde.get_status_display().lower()} og kan ikke forkastes. Bare en simulert runde kan "
            "forkastes.",
            kode="KVP_RUNDE_KAN_IKKE_FORKASTES",
        )
    poster = list(Utbetalingspost.objects.filter(utbetaling__runde=runde).select_related("beregning"))
    korreksjoner = _korreksjoner_av_runden([p for p in poster if p.type == Posttype.ORDINAER])
    tilbakekrevinger = {
        t.korreksjon_id: t for t in Tilbakekreving.objects.filter(korreksjon__in=[k.pk for k in korreksjoner])
    }
    i_bruk = [
        k
        for k in korreksjoner
        if Utbetalingspost.objects.filter(korreksjon=k).exists()
        or (k.pk in tilbakekrevinger and tilbakekrevinger[k.pk].status != Tilbakekrevingsstatus.BEREGNET)
    ]
    if i_bruk:
        k = i_bruk[0]
        raise KvpFeil(
            f"Runden kan ikke forkastes: {maanedstekst(k.aar, k.maaned)} for en deltaker i runden er korrigert etter "
            "simuleringen, og korreksjonen er allerede betalt eller foreslått som tilbakekreving. Godkjenn runden, "
            "eller kontakt brukerstøtte.",
            kode="KVP_RUNDE_KAN_IKKE_FORKASTES",
        )
    utbetalinger = Utbetaling.objects.filter(runde=runde)
    oppsummering = {
        "aar": runde.aar,
        "maaned": runde.maaned,
        "status": runde.status,
        "ferdig": runde.ferdig,
        "deltakere": utbetalinger.count(),
        "netto": str(sum((u.netto for u in utbetalinger), Decimal(0))),
        "korreksjoner_slettet": len(korreksjoner),
        "simulert_av": sorted(b.get_username() for b in runde.simulert_av.all()),
    }
    logghendelse_registrer(
        bruker=bruker,
        kontor=runde.kommune.nav_kontor,
        handling="ENDRE",
        objekt=runde,
        beskrivelse=f"Forkastet simulert runde for {maanedstekst(runde.aar, runde.maaned)}",
        foer=oppsummering,
        etter={"status": "FORKASTET"},
    )
    # Tilbakekrevinger som runden gjorde opp, er åpne igjen (trekket i runden forsvinner).
    trukket = [p.tilbakekreving_id for p in poster if p.tilbakekreving_id]
    Tilbakekreving.objects.filter(pk__in=trukket, status=Tilbakekrevingsstatus.OPPGJORT).update(
        status=Tilbakekrevingsstatus.VEDTATT
    )
    Utbetalingspost.objects.filter(pk__in=[p.pk for p in poster]).delete()
    utbetalinger.delete()
    Tilbakekreving.objects.filter(pk__in=[t.pk for t in tilbakekrevinger.values()]).delete()
    Utbetalingskorreksjon.objects.filter(pk__in=[k.pk for k in korreksjoner]).delete()
    runde.simulert_av.clear()
    runde.delete()

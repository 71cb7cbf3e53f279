"""Skriving for API-et: tjenestekontoer (opprettes og tilbakekalles av en leder), revisjonslogg for hvert kall, og
lagrede svar for idempotensnøkler."""

import hashlib
import secrets
from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import KONTORROLLER, Bruker, NavKontor, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.services import bruker_opprett, rolle_tildel
from kvp.tilgang.tilgang import krev_rolle

from .models import Idempotensnoekkel, Tjenestekonto

TOKEN_START = "kvp_"  # noqa: S105 - starten på alle tokener, ikke en hemmelighet


def token_hash(token: str) -> str:
    """Tokenet lagres bare som SHA-256 (tokenet er tilfeldig med 256 biter, så en rask hash er nok)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def innhold_hash(innhold: bytes) -> str:
    return hashlib.sha256(innhold).hexdigest()


def _lederkontor(bruker: Bruker, kontor_id: UUID) -> NavKontor:
    if kontor_id not in krev_rolle(bruker, (Rolle.LEDER,)):
        raise IkkeTilgang("Bare en leder ved kontoret kan gi og ta tilbake API-tilgang.")
    return NavKontor.objects.get(pk=kontor_id)


@transaction.atomic
def tjenestekonto_opprett(*, bruker: Bruker, kontor_id: UUID, navn: str, rolle: str) -> tuple[Tjenestekonto, str]:
    """Oppretter en tjenestekonto med én rolle ved kontoret. Gir kontoen og tokenet, som bare vises denne ene gangen."""
    kontor = _lederkontor(bruker, kontor_id)
    navn = navn.strip()
    if not navn or len(navn) > 100:
        raise KvpFeil("Gi tokenet et navn (høyst 100 tegn), f.eks. systemet eller tiltaksarrangøren.", felt="navn")
    if rolle not in KONTORROLLER:
        raise KvpFeil("Velg en rolle fra listen.", felt="rolle", kode="KVP_ROLLE_UKJENT")
    prefiks = secrets.token_hex(6)
    token = f"{TOKEN_START}{prefiks}_{secrets.token_urlsafe(32)}"
    tjenestebruker = bruker_opprett(
        brukernavn=f"api-{prefiks}", fornavn="API", etternavn=navn[:150], tjenestekonto=True
    )
    rolle_tildel(bruker=tjenestebruker, rolle=rolle, kontor=kontor, tildelt_av=bruker)
    konto = Tjenestekonto.objects.create(
        navn=navn,
        bruker=tjenestebruker,
        kontor=kontor,
        rolle=rolle,
        prefiks=prefiks,
        token_hash=token_hash(token),
        opprettet_av=bruker,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=kontor,
        handling="OPPRETT",
        objekt=konto,
        beskrivelse=f"API-token «{navn}» opprettet",
        etter={"navn": navn, "rolle": rolle, "prefiks": prefiks},
    )
    return konto, token


@transaction.atomic
def tjenestekonto_tilbakekall(*, bruker: Bruker, konto_id: UUID) -> Tjenestekonto:
    """Tokenet slutter å virke straks (401); kontoen og loggen beholdes."""
    konto: Tjenestekonto = tilgang.hent(bruker, "tjenestekonto", konto_id, Handling.SKRIV, laas=True)
    if konto.tilbakekalt is not None:
        return konto
    konto.tilbakekalt, konto.tilbakekalt_av = timezone.now(), bruker
    konto.save(update_fields=["tilbakekalt", "tilbakekalt_av"])
    konto.bruker.is_active = False
    konto.bruker.save(update_fields=["is_active"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=konto.kontor,
        handling="ENDRE",
        objekt=konto,
        beskrivelse=f"API-token «{konto.navn}» tilbakekalt",
        foer={"aktiv": True},
        etter={"aktiv": False},
    )
    return konto


def api_kall_registrer(*, konto: Tjenestekonto, metode: str, sti: str) -> None:
    """Hvert kall føres i revisjonsloggen (hvem, hva, når, fra hvor); lesing av personer logges i tillegg per
    person av selectorene."""
    naa = timezone.now()
    logghendelse_registrer(
        bruker=konto.bruker,
        kontor=konto.kontor,
        handling="LES" if metode in ("GET", "HEAD") else "ENDRE",
        objekt=None,
        objekttype="API-kall",
        beskrivelse=f"{metode} {sti}"[:200],
        formaal=f"API: {konto.navn}",
    )
    if konto.sist_brukt is None or (naa - konto.sist_brukt).total_seconds() > 60:
        Tjenestekonto.objects.filter(pk=konto.pk).update(sist_brukt=naa)


class NoekkelBrukt(KvpFeil):
    """Idempotensnøkkelen er brukt før med et annet innhold eller en annen adresse."""

    kode = "KVP_IDEMPOTENS_ANNET_INNHOLD"


class NoekkelOpptatt(KvpFeil):
    """En forespørsel med samme nøkkel behandles akkurat nå."""

    kode = "KVP_IDEMPOTENS_OPPTATT"


def idempotent_utfoer(
    *,
    konto: Tjenestekonto,
    noekkel: str,
    forespoersel: str,
    innhold: bytes,
    utfoer: Callable[[], tuple[int, Any]],
) -> tuple[int, Any]:
    """Utfører `utfoer` (en tjeneste) én gang per nøkkel. Samme nøkkel med samme innhold gir det lagrede svaret;
    med et annet innhold `NoekkelBrukt`. Bare vellykkede svar lagres: en feil endret ingenting og kan prøves igjen."""
    hash_ = innhold_hash(innhold)

    def lagret(rad: Idempotensnoekkel) -> tuple[int, Any]:
        if rad.innhold_hash != hash_ or rad.forespoersel != forespoersel:
            raise NoekkelBrukt(
                "Idempotensnøkkelen er brukt før med et annet innhold. Bruk en ny nøkkel for en ny registrering."
            )
        return rad.status, rad.svar

    finnes = Idempotensnoekkel.objects.filter(tjenestekonto=konto, noekkel=noekkel).first()
    if finnes is not None:
        return lagret(finnes)
    try:
        with transaction.atomic():
            status, svar = utfoer()
            Idempotensnoekkel.objects.create(
                tjenestekonto=konto,
                noekkel=noekkel,
                forespoersel=forespoersel,
                innhold_hash=hash_,
                status=status,
                svar=svar,
            )
    except IntegrityError:
        finnes = Idempotensnoekkel.objects.filter(tjenestekonto=konto, noekkel=noekkel).first()
        if finnes is None:
            raise
        raise NoekkelOpptatt(
            "En forespørsel med samme idempotensnøkkel ble behandlet samtidig. Prøv igjen om litt."
        ) from None
    return status, svar

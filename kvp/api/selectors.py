"""Lesing for API-et: tjenestekontoen bak et token, tokenene et kontor har, og aktivitetene i tokenets scope."""

import hmac
import uuid

from django.db.models import QuerySet

from kvp.oppmoete.services import ROLLER_SOM_REGISTRERER
from kvp.plan.models import Aktivitet
from kvp.sak.selectors import ROLLER_SOM_SER_SAKER
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker
from kvp.tilgang.tilgang import krev_rolle, tilgang_for

from .models import Tjenestekonto
from .services import token_hash

TOKEN_START = "kvp_"  # noqa: S105 - starten på alle tokener, ikke en hemmelighet


def tjenestekonto_for_token(token: str) -> Tjenestekonto | None:
    """Den aktive tjenestekontoen tokenet hører til, eller None (ukjent, feil eller tilbakekalt)."""
    if not token.startswith(TOKEN_START) or len(token) > 200:
        return None
    prefiks, _, hemmelighet = token[len(TOKEN_START) :].partition("_")
    if not prefiks or not hemmelighet or not prefiks.isalnum():
        return None
    konto = Tjenestekonto.objects.select_related("bruker", "kontor").filter(prefiks=prefiks).first()
    if konto is None or not hmac.compare_digest(konto.token_hash, token_hash(token)):
        return None
    if konto.tilbakekalt is not None or not konto.bruker.is_active:
        return None
    return konto


def tjenestekontoer_for_leder(*, bruker: Bruker) -> QuerySet[Tjenestekonto]:
    qs: QuerySet[Tjenestekonto] = tilgang.synlige(bruker, "tjenestekonto", krev=True)
    return qs.select_related("kontor", "opprettet_av")


def aktiviteter_for_bruker(*, bruker: Bruker, tilbyder: str = "") -> QuerySet[Aktivitet]:
    """Aktivitetene i sakene brukeren ser (for tiltaksarrangøren: filtrert på tilbyder)."""
    kontorer = krev_rolle(bruker, ROLLER_SOM_SER_SAKER)
    qs = Aktivitet.objects.filter(sak__kontor_id__in=kontorer).select_related("sak")
    if tilbyder.strip():
        qs = qs.filter(tilbyder__iexact=tilbyder.strip())
    return qs.order_by("fra_og_med", "id")


def aktivitet_for_registrering(*, bruker: Bruker, aktivitet_id: uuid.UUID) -> Aktivitet | None:
    """Aktiviteten når den er i en sak ved et kontor der brukeren kan registrere oppmøte."""
    kontorer = tilgang_for(bruker).kontorer_med(*ROLLER_SOM_REGISTRERER)
    return Aktivitet.objects.select_related("sak").filter(pk=aktivitet_id, sak__kontor_id__in=kontorer).first()

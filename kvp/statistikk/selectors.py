"""Lesingene i statistikken: KOSTRA-kjøringene og tallene bak statistikksidene, innenfor brukerens scope."""

from __future__ import annotations

import hashlib
from typing import Any
from uuid import UUID

from django.core.cache import caches
from django.db.models import QuerySet

from kvp.felles.feil import IkkeFunnet, IkkeTilgang
from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Kommune, NavKontor, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import krev_rolle, tilgang_for

from . import maanedstall, tall
from .kostra import uttrekk_personer
from .models import KostraKjoering
from .roller import KOSTRA_ROLLER


def kommuner_for_kostra(*, bruker: Bruker) -> QuerySet[Kommune]:
    kontorer = krev_rolle(bruker, KOSTRA_ROLLER)
    return Kommune.objects.filter(nav_kontor_id__in=kontorer).order_by("navn")


def kjoeringer_qs(*, bruker: Bruker, aar: int | None = None) -> QuerySet[KostraKjoering]:
    """Kjøringene for kommunene ved brukerens kontorer med KOSTRA-rolle, nyeste først (uten filen)."""
    qs = tilgang.synlige(bruker, "kostrakjoering", krev=True).select_related("kommune", "kjoert_av").defer("fil")
    if aar is not None:
        qs = qs.filter(aar=aar)
    return qs.order_by("-kjoert", "-pk")


def kjoeringer(*, bruker: Bruker, grense: int = 50) -> list[KostraKjoering]:
    return list(kjoeringer_qs(bruker=bruker)[:grense])


def kjoering_hent(*, bruker: Bruker, kjoering_id: UUID, krev: bool = True) -> KostraKjoering:
    # Sidene: 403 uten KOSTRA-rolle noe sted, ellers 404 for en kjøring ved et annet kontor. API-et (`krev=False`):
    # 404 for alt tokenet ikke ser, så et token ikke får vite om en kjøring finnes.
    k: KostraKjoering | None = (
        tilgang.synlige(bruker, "kostrakjoering", krev=krev)
        .filter(pk=kjoering_id)
        .select_related("kommune", "kjoert_av")
        .first()
    )
    if k is None:
        raise IkkeFunnet("Fant ikke kjøringen.")
    return k


def kjoering_fil(*, bruker: Bruker, kjoering_id: UUID, krev: bool = True) -> KostraKjoering:
    """Filen har fødselsnumre: nedlastingen logges som én lesing per deltaker i filen."""
    k = kjoering_hent(bruker=bruker, kjoering_id=kjoering_id, krev=krev)
    lesing_registrer(
        bruker=bruker,
        personer=uttrekk_personer(kommune=k.kommune_id, aar=k.aar),
        formaal="KOSTRA 11CF lastet ned",
        objekttype="KOSTRA-kjøring",
        objekt_id=str(k.pk),
    )
    return k


def kontorer_for_leder(*, bruker: Bruker) -> list[NavKontor]:
    return list(NavKontor.objects.filter(pk__in=krev_rolle(bruker, (Rolle.LEDER,))).order_by("navn"))


def kontorer_for_statsforvalter(*, bruker: Bruker) -> list[NavKontor]:
    fylker = tilgang_for(bruker).statsforvalter_fylker
    if not fylker:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    return list(NavKontor.objects.filter(fylke__in=fylker).order_by("navn"))


def statistikk(
    *, kontorer: list[NavKontor], kontor_id: UUID | None, fra: tall.Maaned, til: tall.Maaned, skjul: bool
) -> tuple[list[NavKontor], list[tall.Tabell], maanedstall.Status | None]:
    """Tabellene for kontorene brukeren kan se (hentet med en av funksjonene over), eventuelt bare ett av dem, og
    hvor nye tallene er (utdaterte kontorer beregnes i bakgrunnen; siden viser imens de sist beregnede tallene)."""
    valgt = [k for k in kontorer if kontor_id is None or k.pk == kontor_id]
    if kontor_id is not None and not valgt:
        raise IkkeFunnet("Fant ikke kontoret.")
    ids: list[Any] = [k.pk for k in valgt]
    if not ids:
        return valgt, [], None
    status = maanedstall.klargjoer(ids)
    noekkel = tabellnoekkel(valgt, fra, til, skjul, status)
    tabeller: list[tall.Tabell] | None = caches[HURTIGBUFFER].get(noekkel)
    if tabeller is None:
        tabeller = maanedstall.alle_tabeller(ids, fra, til, skjul=skjul, beregn=False)
        caches[HURTIGBUFFER].set(noekkel, tabeller)
    return valgt, tabeller, status


#: Hurtigbufferet for tabellene og de ferdige diagrammene og tabellene på sidene (`CACHES` i innstillingene).
HURTIGBUFFER = "statistikk"
#: Økes når tabellene eller sidene bygges annerledes, så gamle oppføringer ikke brukes.
HURTIGBUFFER_VERSJON = 1


def tabellnoekkel(
    kontorer: list[NavKontor], fra: tall.Maaned, til: tall.Maaned, skjul: bool, status: maanedstall.Status
) -> str:
    """Nøkkelen for tabellene til en side: kontorene (med navnet og målene som står i tabellene), perioden, om små
    tall skjules, og hvilke beregninger av månedstallene som vises. Nye tall gir en ny nøkkel, så det som ligger i
    hurtigbufferet, er aldri eldre enn tallene siden ellers ville vist."""
    deler = (
        HURTIGBUFFER_VERSJON,
        [(str(k.pk), k.navn, k.frist_overskredet_dager, k.frist_oppstart_maaneder) for k in kontorer],
        fra,
        til,
        skjul,
        status.beregninger,
    )
    return "statistikk:" + hashlib.sha256(repr(deler).encode()).hexdigest()


def sak_for_opplysninger(*, bruker: Bruker, sak_id: UUID, handling: Handling = Handling.LES) -> Sak:
    """Saken, når brukeren har en opplysningsrolle ved sakens kontor (tilgangslaget: lesing 404, ellers 403 for den
    med en rolle ved sakens kontor); roller ved andre kontorer teller ikke."""
    sak: Sak = tilgang.hent(bruker, "kostra_opplysninger", sak_id, handling)
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="LES", objekt=sak, formaal="KOSTRA-opplysninger"
    )
    return sak

"""Felles for vedtakstjenestene: tilgangssjekk og låsing, hvilke vedtak som passer i hvilken sakstilstand, og
historikken (vedtakshendelser og revisjonslogg) som hvert steg skriver."""

import datetime as dt
from typing import Any
from uuid import UUID

from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import AKTIVE_STATUSER, Sak, Status
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling

from ..models import Hendelsestype, Vedtak, VedtakHendelse, Vedtakstype

#: Hvilke vedtak som kan skrives i hver sakstilstand.
TYPER_FOR_STATUS: dict[str, tuple[str, ...]] = {
    Status.VILKAARSVURDERING: (Vedtakstype.INNVILGELSE, Vedtakstype.AVSLAG),
    Status.INNVILGET: (Vedtakstype.ENDRING, Vedtakstype.FORLENGELSE, Vedtakstype.STANS, Vedtakstype.AVSLUTNING),
    Status.I_PROGRAM: (
        Vedtakstype.ENDRING,
        Vedtakstype.FORLENGELSE,
        Vedtakstype.PERMISJON,
        Vedtakstype.AVBRUDD,
        Vedtakstype.STANS,
        Vedtakstype.AVSLUTNING,
    ),
    Status.PERMISJON: (Vedtakstype.GJENOPPTAK, Vedtakstype.FORLENGELSE, Vedtakstype.STANS, Vedtakstype.AVSLUTNING),
    Status.MIDLERTIDIG_AVBRUTT: (
        Vedtakstype.GJENOPPTAK,
        Vedtakstype.FORLENGELSE,
        Vedtakstype.STANS,
        Vedtakstype.AVSLUTNING,
    ),
}

VEDTAKSFELTER = (
    "fra_og_med",
    "til_og_med",
    "innhold",
    "begrunnelse",
    "evalueringsdatoer",
    "saerlige_grunner",
    "tilbakedatering_grunn",
    "avslag_vilkaar",
    "kostra_status",
    "kostra_situasjon",
    "kostra_inntektskilde",
)


def _d(dato: dt.date) -> str:
    return dato.strftime("%d.%m.%Y")


#: Saken låses med personen, kommunen og kontoret, som før tilgangslaget (ADR 0006).
_SAKENS_RADER = ("person", "person__kommune", "kontor")


def _sak_for_skriving(*, bruker: Bruker, sak_id: UUID, handling: Handling = Handling.BEHANDLE) -> Sak:
    """Saken, låst, når brukeren har rollen for `handling` ved sakens kontor (tilgangslaget: 403 for den som ser
    saken, ellers 404)."""
    sak: Sak = tilgang.sak(bruker, sak_id, handling, laas=True, relatert=_SAKENS_RADER, laas_ogsaa=_SAKENS_RADER)
    return sak


def _sak_laast(*, sak_id: UUID) -> Sak:
    """Saken, låst som i `_sak_for_skriving`, når kalleren alt har sjekket tilgangen via et objekt i saken (f.eks.
    forhåndsvarselet eller tilbakekrevingen, som økonomi får røre uten å se saken)."""
    sak: Sak = Sak.objects.select_for_update(of=("self", *_SAKENS_RADER)).select_related(*_SAKENS_RADER).get(pk=sak_id)
    return sak


def _vedtak_for_skriving(*, bruker: Bruker, vedtak_id: UUID, handling: Handling) -> tuple[Vedtak, Sak]:
    sak_id = tilgang.vedtak(bruker, vedtak_id, handling, relatert=()).sak_id
    # Saken låses først (som alle vedtakstjenestene), så vedtaket; tilgangen sjekkes igjen i låsespørringen.
    sak = _sak_laast(sak_id=sak_id)
    vedtak: Vedtak = tilgang.vedtak(bruker, vedtak_id, handling, laas=True, relatert=())
    return vedtak, sak


def vedtaksinnhold(vedtak: Vedtak) -> dict[str, Any]:
    """Vedtakets innhold som JSON (til hendelsene og revisjonsloggen), med vilkårsvurderingen og stønaden det bygger
    på, så beslutteren kan se hva som er endret fra versjon til versjon (`kvp.vedtak.endringer`)."""
    data: dict[str, Any] = {"type": vedtak.type, "status": vedtak.status, "versjon": vedtak.versjon}
    for navn in VEDTAKSFELTER:
        verdi = getattr(vedtak, navn)
        data[navn] = verdi.isoformat() if isinstance(verdi, dt.date) else verdi
    data["beregning_total"] = vedtak.beregning["total"] if vedtak.beregning else None
    data["beregning_aarsbeloep"] = vedtak.beregning.get("aarsbeloep") if vedtak.beregning else None
    data["vilkaar"] = [
        {k: r.get(k, "") for k in ("vilkaar", "tittel", "vurdering_tekst", "begrunnelse")} for r in vedtak.vilkaar or []
    ]
    return data


_innhold = vedtaksinnhold


#: Hendelsene som gjør brukeren til en av vedtakets skrivere (`Vedtak.skrevet_av`).
SKRIVEHENDELSER = (Hendelsestype.OPPRETTET, Hendelsestype.ENDRET, Hendelsestype.SENDT)


def _hendelse(
    vedtak: Vedtak, hendelse: str, bruker: Bruker, begrunnelse: str = "", *, utfoert_av: Bruker | None = None
) -> None:
    """Historikken får `bruker` (den hendelsen gjelder); revisjonsloggen får den som utførte handlingen
    (`utfoert_av`, om ikke det er `bruker` selv)."""
    if hendelse in SKRIVEHENDELSER:
        vedtak.skrevet_av.add(bruker)
    VedtakHendelse.objects.create(
        vedtak=vedtak,
        hendelse=hendelse,
        versjon=vedtak.versjon,
        bruker=bruker,
        begrunnelse=begrunnelse,
        innhold=_innhold(vedtak),
    )
    beskrivelse = Hendelsestype(hendelse).label
    if utfoert_av is not None and utfoert_av.pk != bruker.pk:
        beskrivelse = f"{beskrivelse} (forfatter {bruker.get_username()})"
    logghendelse_registrer(
        bruker=utfoert_av or bruker,
        kontor=vedtak.sak.kontor,
        person=vedtak.sak.person,
        handling="OPPRETT" if hendelse == Hendelsestype.OPPRETTET else "ENDRE",
        objekt=vedtak,
        beskrivelse=beskrivelse,
        etter=_innhold(vedtak),
    )


def sak_er_aktiv(sak: Sak) -> bool:
    return sak.status in AKTIVE_STATUSER

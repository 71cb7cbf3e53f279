"""Felles for vedtakstjenestene: tilgangssjekk og låsing, hvilke vedtak som passer i hvilken sakstilstand, og
historikken (vedtakshendelser og revisjonslogg) som hvert steg skriver."""

import datetime as dt
from typing import Any
from uuid import UUID

from kvp.felles.feil import IkkeFunnet, IkkeTilgang
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import AKTIVE_STATUSER, Sak, Status
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

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


def _krev_kontorrolle(bruker: Bruker, sak: Sak, *roller: str) -> None:
    kontorer = tilgang_for(bruker).kontorer_med(*roller)
    if sak.kontor_id not in kontorer:
        # Ser brukeren saken i det hele tatt, er det en rollefeil (403); ellers finnes den ikke for brukeren (404).
        if sak.kontor_id in tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER):
            raise IkkeTilgang("Du har ikke rollen som trengs for dette.")
        raise IkkeFunnet("Fant ikke saken.")


def _sak_for_skriving(*, bruker: Bruker, sak_id: UUID, roller: tuple[str, ...] = (Rolle.KVP_VEILEDER,)) -> Sak:
    sak = (
        Sak.objects.select_for_update().select_related("person", "person__kommune", "kontor").filter(pk=sak_id).first()
    )
    if sak is None:
        raise IkkeFunnet("Fant ikke saken.")
    _krev_kontorrolle(bruker, sak, *roller)
    return sak


def _vedtak_for_skriving(*, bruker: Bruker, vedtak_id: UUID, roller: tuple[str, ...]) -> tuple[Vedtak, Sak]:
    vedtak = Vedtak.objects.filter(pk=vedtak_id).only("id", "sak_id").first()
    if vedtak is None:
        raise IkkeFunnet("Fant ikke vedtaket.")
    sak = _sak_for_skriving(bruker=bruker, sak_id=vedtak.sak_id, roller=roller)  # låser saken først
    return Vedtak.objects.select_for_update().get(pk=vedtak_id), sak


def _innhold(vedtak: Vedtak) -> dict[str, Any]:
    """Vedtakets innhold som JSON (til hendelsene og revisjonsloggen)."""
    data: dict[str, Any] = {"type": vedtak.type, "status": vedtak.status, "versjon": vedtak.versjon}
    for navn in VEDTAKSFELTER:
        verdi = getattr(vedtak, navn)
        data[navn] = verdi.isoformat() if isinstance(verdi, dt.date) else verdi
    data["beregning_total"] = vedtak.beregning["total"] if vedtak.beregning else None
    return data


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

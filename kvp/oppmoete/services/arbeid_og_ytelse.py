"""Lønnet arbeid og andre ytelser: perioder som reduserer stønaden, og sletting av en feilregistrert periode.

Begge registreres på samme måte (`_periode_registrer`): saken låses, perioden må overlappe programperioden, samme
registrering to ganger avvises (et dobbeltklikk eller to faner skal ikke gi dobbelt trekk), attesterte måneder blir
korreksjoner, og registreringen logges.
"""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar
from uuid import UUID

from django.db import transaction

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker
from kvp_regler.belop import har_hoeyst_to_desimaler
from kvp_regler.program.timer import arbeid_over_grensen, minste_verdi, timer_tekst
from kvp_regler.tid import maaneder_i_perioden

from ..models import AnnenYtelse, Arbeidsperiode, Ytelsestype
from .felles import _hent_sak, _sjekk_periode_i_program
from .korreksjon import _korriger_attesterte

Registrering = TypeVar("Registrering", Arbeidsperiode, AnnenYtelse)


def _samme_registrering(
    modell: type[Registrering], *, sak: Sak, fra_og_med: dt.date, til_og_med: dt.date, like: dict[str, Any]
) -> Registrering | None:
    """Den første registreringen på saken som overlapper perioden og har de samme verdiene som `like`."""
    return (
        modell.objects.filter(sak=sak, fra_og_med__lte=til_og_med, til_og_med__gte=fra_og_med)
        .filter(**like)
        .order_by("fra_og_med")
        .first()
    )


def _periode_registrer(
    *,
    modell: type[Registrering],
    navn: str,
    bruker: Bruker,
    sak_id: UUID,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    verdier: dict[str, Any],
    i_endringen: tuple[str, ...],
    korreksjonsgrunn: str,
    sjekk: Callable[[Sak], None],
) -> Registrering:
    """Låser saken, kjører `sjekk` (periode, verdier, dobbel registrering), gjør attesterte måneder til korreksjoner,
    lagrer og logger. Endringen lagres i korreksjonen og loggen under `navn` («arbeid», «ytelse») med feltene
    `i_endringen`."""
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)  # låst: to samtidige registreringer ser hverandre
    sjekk(sak)
    felter = {"fra_og_med": fra_og_med, "til_og_med": til_og_med, **verdier}
    endring = {
        navn: {k: felter[k].isoformat() if k in {"fra_og_med", "til_og_med"} else str(felter[k]) for k in i_endringen}
    }
    _korriger_attesterte(
        bruker=bruker,
        sak=sak,
        maaneder=maaneder_i_perioden(fra_og_med, til_og_med),
        grunn=korreksjonsgrunn,
        endring=endring,
    )
    rad = modell.objects.create(sak=sak, registrert_av=bruker, **felter)
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="OPPRETT", objekt=rad, etter=endring
    )
    return rad


@transaction.atomic
def arbeidsperiode_registrer(
    *,
    bruker: Bruker,
    sak_id: UUID,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    timer_per_uke: Decimal,
    arbeidsgiver: str = "",
    korreksjonsgrunn: str = "",
) -> Arbeidsperiode:
    """Registrerer lønnet arbeid. Overlappende perioder legges sammen og kan til sammen være høyst parameteren
    `maks_arbeidstimer_per_uke` (sosialtjenesteloven § 37) for hver dag de gjelder."""
    arbeidsgiver = arbeidsgiver.strip()

    def sjekk(sak: Sak) -> None:
        _sjekk_periode_i_program(sak, fra_og_med, til_og_med)
        maks, _ = minste_verdi("maks_arbeidstimer_per_uke", fra_og_med, til_og_med)
        if not Decimal(0) < timer_per_uke <= maks:
            raise KvpFeil(
                f"Lønnet arbeid kan være høyst {timer_tekst(maks)} timer per uke (50 % stilling), og mer enn 0.",
                felt="timer_per_uke",
                kode="KVP_ARBEID_TIMER",
            )
        if _samme_registrering(
            Arbeidsperiode,
            sak=sak,
            fra_og_med=fra_og_med,
            til_og_med=til_og_med,
            like={
                "fra_og_med": fra_og_med,
                "til_og_med": til_og_med,
                "timer_per_uke": timer_per_uke,
                "arbeidsgiver": arbeidsgiver,
            },
        ):
            raise KvpFeil(
                "Dette arbeidet er allerede registrert for perioden. Slett den registreringen først hvis den er feil.",
                felt="fra_og_med",
                kode="KVP_ARBEID_DOBBEL",
            )
        andre = Arbeidsperiode.objects.filter(
            sak=sak, fra_og_med__lte=til_og_med, til_og_med__gte=fra_og_med
        ).values_list("fra_og_med", "til_og_med", "timer_per_uke")
        over = arbeid_over_grensen(
            fra_og_med=fra_og_med, til_og_med=til_og_med, timer_per_uke=timer_per_uke, andre=andre
        )
        if over is not None:
            dato, sum_timer, grense = over
            raise KvpFeil(
                f"Sammen med annet arbeid blir det {timer_tekst(sum_timer)} timer per uke "
                f"fra {dato:%d.%m.%Y}; høyst {timer_tekst(grense)} timer per uke (50 % stilling).",
                felt="timer_per_uke",
                kode="KVP_ARBEID_OVERLAPP",
            )

    return _periode_registrer(
        modell=Arbeidsperiode,
        navn="arbeid",
        bruker=bruker,
        sak_id=sak_id,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        verdier={"timer_per_uke": timer_per_uke, "arbeidsgiver": arbeidsgiver},
        i_endringen=("fra_og_med", "til_og_med", "timer_per_uke"),
        korreksjonsgrunn=korreksjonsgrunn,
        sjekk=sjekk,
    )


@transaction.atomic
def annen_ytelse_registrer(
    *,
    bruker: Bruker,
    sak_id: UUID,
    type: str,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    dagsats: Decimal,
    korreksjonsgrunn: str = "",
) -> AnnenYtelse:
    """Registrerer en ytelse som trekkes krone for krone (sosialtjenesteloven § 38) med dagsats og periode."""

    def sjekk(sak: Sak) -> None:
        if type not in Ytelsestype.values:
            raise KvpFeil("Velg en ytelse fra listen.", felt="type", kode="KVP_YTELSE_TYPE")
        _sjekk_periode_i_program(sak, fra_og_med, til_og_med)
        if dagsats <= 0 or not har_hoeyst_to_desimaler(dagsats) or dagsats >= Decimal("10000000"):
            raise KvpFeil(
                "Dagsatsen må være et beløp større enn 0, med høyst to desimaler.",
                felt="dagsats",
                kode="KVP_YTELSE_SATS",
            )
        # Samme ytelse to ganger i samme tid er en dobbel registrering; «annen ytelse» bare med samme periode og sats.
        like: dict[str, Any] = {"type": type}
        if type == Ytelsestype.ANNEN:
            like |= {"fra_og_med": fra_og_med, "til_og_med": til_og_med, "dagsats": dagsats}
        finnes = _samme_registrering(AnnenYtelse, sak=sak, fra_og_med=fra_og_med, til_og_med=til_og_med, like=like)
        if finnes is not None:
            raise KvpFeil(
                f"{Ytelsestype(type).label} er allerede registrert for {finnes.fra_og_med:%d.%m.%Y}–"
                f"{finnes.til_og_med:%d.%m.%Y}. Slett den registreringen først hvis den er feil.",
                felt="fra_og_med",
                kode="KVP_YTELSE_DOBBEL",
            )

    return _periode_registrer(
        modell=AnnenYtelse,
        navn="ytelse",
        bruker=bruker,
        sak_id=sak_id,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        verdier={"type": type, "dagsats": dagsats},
        i_endringen=("type", "fra_og_med", "til_og_med", "dagsats"),
        korreksjonsgrunn=korreksjonsgrunn,
        sjekk=sjekk,
    )


@transaction.atomic
def registrering_slett(
    *, bruker: Bruker, sak_id: UUID, objekt: str, objekt_id: UUID, korreksjonsgrunn: str = ""
) -> None:
    """Sletter en feilregistrert arbeidsperiode (`objekt="arbeid"`) eller ytelse (`"ytelse"`) på saken.

    Berører slettingen en attestert måned, er den en korreksjon og krever en grunn. Revisjonsloggen har det som ble
    slettet.
    """
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    modell = {"arbeid": Arbeidsperiode, "ytelse": AnnenYtelse}.get(objekt)
    if modell is None:
        raise KvpFeil("Ukjent registrering.", kode="KVP_REGISTRERINGSTYPE")
    rad = modell.objects.select_for_update().filter(sak=sak, pk=objekt_id).first()  # type: ignore[attr-defined]
    if rad is None:
        raise IkkeFunnet("Fant ikke registreringen.")
    foer: dict[str, Any] = {"fra_og_med": rad.fra_og_med.isoformat(), "til_og_med": rad.til_og_med.isoformat()}
    if isinstance(rad, Arbeidsperiode):
        foer["timer_per_uke"] = str(rad.timer_per_uke)
    else:
        foer |= {"type": rad.type, "dagsats": str(rad.dagsats)}
    _korriger_attesterte(
        bruker=bruker,
        sak=sak,
        maaneder=maaneder_i_perioden(rad.fra_og_med, rad.til_og_med),
        grunn=korreksjonsgrunn,
        endring={"slettet": {objekt: foer}},
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=rad,
        beskrivelse="Slettet",
        foer=foer,
        etter=None,
    )
    rad.delete()

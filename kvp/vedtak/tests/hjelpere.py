"""Hjelpere som bygger saker gjennom tjenestene (prodstiene), til testene her og i andre apper."""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from kvp.sak.models import Status
from kvp.sak.services import sak_endre_status
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtakstype, Vilkaarsvurdering

SKJOENN_OPPFYLT = {
    "OPPHOLD_BOPEL": {"vurdering": "OPPFYLT", "begrunnelse": "Norsk statsborger, fast adresse i kommunen."},
    "INTRODUKSJONSPROGRAM": {"vurdering": "OPPFYLT", "begrunnelse": "Ikke i målgruppen for introduksjonsprogram."},
    "BEHOV_FOR_BISTAND": {"vurdering": "OPPFYLT", "begrunnelse": "Trenger tett oppfølging fra flere tjenester."},
    "EGNET_PROGRAM": {"vurdering": "OPPFYLT", "begrunnelse": "Kontoret har arbeidstrening som passer."},
}


def sak_til_vilkaarsvurdering(*, bruker: Any, person: Any, mottatt: dt.date | None = None) -> Any:
    """Registrerer en søknad og flytter saken til vilkårsvurdering."""
    mottatt = mottatt or timezone.localdate() - dt.timedelta(days=10)
    _, sak = soeknad_registrer(bruker=bruker, person=person, mottatt_dato=mottatt, kanal=Kanal.PAPIR)
    sak_endre_status(bruker=bruker, sak_id=sak.pk, status=Status.ARBEIDSEVNEVURDERING)
    return sak_endre_status(bruker=bruker, sak_id=sak.pk, status=Status.VILKAARSVURDERING)


def vilkaar_vurder(
    *, bruker: Any, sak: Any, arbeidsevne: str = "SPESIELT_TILPASSET", **endringer: Any
) -> Vilkaarsvurdering:
    verdier: dict[str, Any] = {
        "arbeidsevne": arbeidsevne,
        "husstand": "ENSLIG",
        "ytelser_per_maaned": Decimal("0"),
        "skjoenn": SKJOENN_OPPFYLT,
        "sosialhjelp_foer": "2",
    }
    verdier.update(endringer)
    return services.vilkaarsvurdering_lagre(bruker=bruker, sak_id=sak.pk, **verdier)


def innvilgelse_utkast(*, bruker: Any, sak: Any, fra: dt.date | None = None, **endringer: Any) -> Vedtak:
    fra = fra or timezone.localdate() + dt.timedelta(days=14)
    verdier: dict[str, Any] = {
        "fra_og_med": fra,
        "til_og_med": fra.replace(year=fra.year + 1) - dt.timedelta(days=1),
        "innhold": "Arbeidstrening i kommunal kantine, norskkurs og jobbsøking.",
        "evalueringsdatoer": [fra + dt.timedelta(days=90)],
        "begrunnelse": "Søkeren oppfyller alle vilkårene og trenger tett oppfølging.",
    }
    verdier.update(endringer)
    return services.vedtak_opprett(bruker=bruker, sak_id=sak.pk, type=Vedtakstype.INNVILGELSE, **verdier)

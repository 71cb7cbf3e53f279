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


def forhaandsvarsel_besvart(
    *, bruker: Any, sak: Any, gjelder: str = "STANS", fra_og_med: dt.date | None = None, svar: str = "Jeg er enig."
) -> Any:
    """Sender forhåndsvarsel om stans eller avslutning (forvaltningsloven § 16) og registrerer deltakerens svar
    samme dag, så vedtaket kan fattes."""
    varsel = services.forhaandsvarsel_send(
        bruker=bruker,
        sak_id=sak.pk,
        gjelder=gjelder,
        grunn="Du har ikke møtt i programmet de siste ukene.",
        fra_og_med=fra_og_med or timezone.localdate(),
    )
    return services.forhaandsvarsel_svar_registrer(
        bruker=bruker, forhaandsvarsel_id=varsel.pk, svar=svar, svar_dato=timezone.localdate()
    )


def tilbakekrevingsvarsel_besvart(*, bruker: Any, tilbakekreving: Any) -> Any:
    """Registrerer deltakerens svar på forhåndsvarselet om tilbakekreving, så tilbakekrevingen kan vedtas."""
    tilbakekreving.refresh_from_db()
    return services.forhaandsvarsel_svar_registrer(
        bruker=bruker,
        forhaandsvarsel_id=tilbakekreving.forhaandsvarsel_id,
        svar="Jeg forstår.",
        svar_dato=timezone.localdate(),
    )


def varsle_om_noedvendig(*, bruker: Any, sak: Any, type_: str, felter: dict[str, Any]) -> None:
    """Stans, og avslutning som ikke er etter avtale (KOSTRA-status 3), krever forhåndsvarsel med svar før vedtaket
    fattes: sender det og registrerer svaret."""
    if type_ == Vedtakstype.STANS or (type_ == Vedtakstype.AVSLUTNING and felter.get("kostra_status") != "3"):
        forhaandsvarsel_besvart(bruker=bruker, sak=sak, gjelder=type_, fra_og_med=felter.get("fra_og_med"))

"""Vurderingen av inngangsvilkårene (sosialtjenesteloven § 29)."""

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Status
from kvp.tilgang.models import Bruker
from kvp_regler.vilkaar import (
    Arbeidsevne,
    Husstand,
    Skjoennsvurdering,
    UgyldigVurdering,
    Vilkaar,
    Vilkaarsgrunnlag,
    Vurdering,
    alle_oppfylt,
    vurder_inngangsvilkaar,
)

from ..models import AAPNE_VEDTAKSSTATUSER, Vedtaksstatus, Vedtakstype, Vilkaarsvurdering
from ._felles import _sak_for_skriving


def _barn_paa_dato(person: Any, dato: dt.date) -> tuple[dt.date, ...]:
    """Fødselsdatoene til barna personen forsørger på `dato`; regelkjernen avgjør hvilke som teller med."""
    svar = []
    for barn in person.barn.prefetch_related("forsoergerperioder"):
        if barn.foedselsdato > dato:
            continue
        for p in barn.forsoergerperioder.all():
            if p.fra_og_med <= dato and (p.til_og_med is None or dato <= p.til_og_med):
                svar.append(barn.foedselsdato)
                break
    return tuple(svar)


@transaction.atomic
def vilkaarsvurdering_lagre(
    *,
    bruker: Bruker,
    sak_id: UUID,
    arbeidsevne: str,
    husstand: str,
    ytelser_per_maaned: Decimal,
    ytelser_beskrivelse: str = "",
    skjoenn: dict[str, dict[str, str]],
    sosialhjelp_foer: str = "",
    introduksjonsstoenad_foer: bool = False,
    tiltakspenger_foer: bool = False,
    folketrygd_foer: bool = False,
    kvp_annen_kommune: bool = False,
    kvp_kommunenummer: str = "",
) -> Vilkaarsvurdering:
    """Vurderer inngangsvilkårene (sosialtjenesteloven § 29) og lagrer resultatet. Bare mens saken er til
    vilkårsvurdering og ingen innvilgelse eller avslag er sendt til beslutter."""
    sak = _sak_for_skriving(bruker=bruker, sak_id=sak_id)
    if sak.status != Status.VILKAARSVURDERING:
        raise KvpFeil(
            "Vilkårene kan bare vurderes når saken er til vilkårsvurdering.", kode="KVP_SAK_STATUS", felt=None
        )
    if sak.vedtak.filter(status=Vedtaksstatus.TIL_BESLUTTER).exists():
        raise KvpFeil(
            "Et vedtak i saken ligger hos beslutter; vilkårsvurderingen kan ikke endres nå.", kode="KVP_LAAST"
        )
    try:
        arbeidsevne_v, husstand_v = Arbeidsevne(arbeidsevne), Husstand(husstand)
        skjoenn_v = {
            Vilkaar(k): Skjoennsvurdering(Vurdering(v.get("vurdering") or "MAA_VURDERES"), v.get("begrunnelse", ""))
            for k, v in skjoenn.items()
        }
    except ValueError as feil:
        raise KvpFeil("Ugyldig valg i vilkårsvurderingen.", kode="KVP_VALG") from feil
    kvp_kommunenummer = kvp_kommunenummer.strip()
    if kvp_annen_kommune and not (
        kvp_kommunenummer.isascii() and kvp_kommunenummer.isdigit() and len(kvp_kommunenummer) == 4
    ):
        raise KvpFeil(
            "Oppgi kommunenummeret (fire sifre, 9999 om det er ukjent) for kommunen personen hadde KVP i.",
            felt="kvp_kommunenummer",
            kode="KVP_TIDLIGERE_KOMMUNE",
        )
    if not kvp_annen_kommune:
        kvp_kommunenummer = ""
    if sosialhjelp_foer not in ("", "2", "3"):
        raise KvpFeil("Velg et av alternativene for sosialhjelp.", felt="sosialhjelp_foer", kode="KVP_VALG")
    grunnlag = Vilkaarsgrunnlag(
        soeknadsdato=sak.mottatt_dato,
        foedselsdato=sak.person.foedselsdato,
        arbeidsevne=arbeidsevne_v,
        husstand=husstand_v,
        barn_foedselsdatoer=_barn_paa_dato(sak.person, sak.mottatt_dato),
        ytelser_per_maaned=ytelser_per_maaned,
        skjoenn=skjoenn_v,
    )
    try:
        resultater = vurder_inngangsvilkaar(grunnlag)
    except UgyldigVurdering as feil:
        felt = "ytelser_per_maaned" if feil.vilkaar == Vilkaar.YTELSER and "negative" in feil.melding else None
        raise KvpFeil(feil.melding, felt=felt or f"begrunnelse_{feil.vilkaar.lower()}", kode="KVP_VILKAAR") from feil
    verdier = {
        "soeknadsdato": sak.mottatt_dato,
        "arbeidsevne": arbeidsevne_v.value,
        "husstand": husstand_v.value,
        "ytelser_per_maaned": ytelser_per_maaned,
        "ytelser_beskrivelse": ytelser_beskrivelse.strip(),
        "skjoenn": {
            k.value: {"vurdering": v.vurdering.value, "begrunnelse": v.begrunnelse} for k, v in skjoenn_v.items()
        },
        "sosialhjelp_foer": sosialhjelp_foer,
        "introduksjonsstoenad_foer": introduksjonsstoenad_foer,
        "tiltakspenger_foer": tiltakspenger_foer,
        "folketrygd_foer": folketrygd_foer,
        "kvp_annen_kommune": kvp_annen_kommune,
        "kvp_kommunenummer": kvp_kommunenummer,
        "resultater": [r.som_dict() for r in resultater],
        "alle_oppfylt": alle_oppfylt(resultater),
        "vurdert_av": bruker,
    }
    eksisterende = Vilkaarsvurdering.objects.filter(sak=sak).first()
    foer = {r["vilkaar"]: r["vurdering"] for r in eksisterende.resultater} if eksisterende else None
    vv, _ = Vilkaarsvurdering.objects.update_or_create(sak=sak, defaults=verdier)
    # Vilkårsvurderingen står i vedtaket og brevet: den som endrer den mens et vedtak er under arbeid (for eksempel
    # etter en retur), har også skrevet vedtaket og kan ikke beslutte det.
    for vedtak in sak.vedtak.filter(
        status__in=AAPNE_VEDTAKSSTATUSER, type__in=(Vedtakstype.INNVILGELSE, Vedtakstype.AVSLAG)
    ):
        vedtak.skrevet_av.add(bruker)
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE" if eksisterende else "OPPRETT",
        objekt=vv,
        foer=foer,
        etter={r["vilkaar"]: r["vurdering"] for r in vv.resultater},
    )
    return vv

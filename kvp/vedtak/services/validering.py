"""Kontrollen av et vedtak mot saken og reglene, og utfyllingen av feltene fra skjemaet."""

import datetime as dt
from typing import Any

from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.sak.models import Sak
from kvp_regler.vilkaar import Vurdering, vurder_alder_i_programperioden, vurder_programperiode
from kvp_regler.vilkaar.varighet import maks_til_og_med

from ..beregning import beregning_forhaandsvis
from ..models import KostraSituasjon, KostraStatus, Vedtak, Vedtakstype, Vilkaarsvurdering
from ._felles import TYPER_FOR_STATUS, VEDTAKSFELTER, _d


def _datoliste(datoer: Any) -> list[str]:
    svar = []
    for d in datoer or []:
        svar.append(d.isoformat() if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)).isoformat())
    return sorted(set(svar))


def _valider(vedtak: Vedtak, sak: Sak) -> None:
    """Kontrollerer vedtaket mot saken og reglene. Kalles ved lagring, ved sending og rett før det fattes."""
    t = vedtak.type
    if t not in TYPER_FOR_STATUS.get(sak.status, ()):
        raise KvpFeil(
            f"Et vedtak om {vedtak.get_type_display().lower()} passer ikke når saken har status "
            f"«{sak.get_status_display()}».",
            kode="KVP_VEDTAKSTYPE",
        )
    if not vedtak.begrunnelse.strip():
        raise KvpFeil(
            "Skriv begrunnelsen for vedtaket (forvaltningsloven §§ 24–25).", felt="begrunnelse", kode="KVP_BEGRUNNELSE"
        )
    if t in (Vedtakstype.INNVILGELSE, Vedtakstype.AVSLAG):
        vv = Vilkaarsvurdering.objects.filter(sak=sak).first()
        if vv is None:
            raise KvpFeil("Vurder inngangsvilkårene før vedtaket skrives.", kode="KVP_VILKAAR_MANGLER")
        vedtak.vilkaar = vv.resultater
        if t == Vedtakstype.INNVILGELSE and not vv.alle_oppfylt:
            mangler = ", ".join(r["tittel"].lower() for r in vv.resultater if r["vurdering"] != Vurdering.OPPFYLT)
            raise KvpFeil(
                f"Programmet kan ikke innvilges før alle inngangsvilkårene er oppfylt. Ikke oppfylt: {mangler}.",
                kode="KVP_VILKAAR_IKKE_OPPFYLT",
            )
        if t == Vedtakstype.AVSLAG:
            ikke_oppfylt = [r["vilkaar"] for r in vv.resultater if r["vurdering"] == Vurdering.IKKE_OPPFYLT]
            if not ikke_oppfylt:
                raise KvpFeil(
                    "Avslag krever at minst ett inngangsvilkår er vurdert som ikke oppfylt.",
                    kode="KVP_AVSLAG_UTEN_GRUNN",
                )
            if vedtak.avslag_vilkaar not in ikke_oppfylt:
                raise KvpFeil(
                    "Velg et vilkår som er vurdert som ikke oppfylt.", felt="avslag_vilkaar", kode="KVP_AVSLAG"
                )
            return
    if t == Vedtakstype.INNVILGELSE:
        if vedtak.fra_og_med is None or vedtak.til_og_med is None:
            raise KvpFeil("Oppgi programperioden (fra og med og til og med).", felt="fra_og_med")
        if vedtak.fra_og_med < sak.mottatt_dato:
            raise KvpFeil("Programmet kan ikke starte før søknaden kom inn.", felt="fra_og_med")
        if vedtak.til_og_med < vedtak.fra_og_med:
            raise KvpFeil("Programmet kan ikke slutte før det begynner.", felt="til_og_med", kode="KVP_DATO")
        to_aar = maks_til_og_med(vedtak.fra_og_med, saerlige_grunner=False)
        if vedtak.til_og_med > to_aar:
            # Første vedtak gis for inntil to år; særlige grunner gjelder bare forlengelse (§ 32).
            raise KvpFeil(
                f"Programmet kan vare i høyst to år (til og med {_d(to_aar)}). Det kan senere forlenges med inntil "
                "ett år når særlige grunner er dokumentert (sosialtjenesteloven § 32).",
                felt="til_og_med",
            )
        feil_alder = vurder_alder_i_programperioden(
            foedselsdato=sak.person.foedselsdato, fra_og_med=vedtak.fra_og_med, til_og_med=vedtak.til_og_med
        )
        if feil_alder:
            raise KvpFeil(feil_alder, felt="fra_og_med" if "tidligst" in feil_alder else "til_og_med")
        if not vedtak.innhold.strip():
            raise KvpFeil("Beskriv innholdet i programmet.", felt="innhold")
        datoer = vedtak.evalueringsdatoer or []
        if not datoer:
            raise KvpFeil(
                "Oppgi minst én dato for evaluering av programmet (forskriften § 1).", felt="evalueringsdatoer"
            )
        for d in datoer:
            if not vedtak.fra_og_med <= dt.date.fromisoformat(d) <= vedtak.til_og_med:
                raise KvpFeil(
                    f"Evalueringen {_d(dt.date.fromisoformat(d))} må ligge i programperioden.",
                    felt="evalueringsdatoer",
                )
        vedtak.beregning = beregning_forhaandsvis(
            person=sak.person, fra_og_med=vedtak.fra_og_med, til_og_med=vedtak.til_og_med
        )
    elif t == Vedtakstype.FORLENGELSE:
        if vedtak.til_og_med is None:
            raise KvpFeil("Oppgi ny sluttdato for programmet.", felt="til_og_med")
        assert sak.program_fra_og_med is not None and sak.program_til_og_med is not None  # noqa: S101 - innvilget
        if vedtak.til_og_med <= sak.program_til_og_med:
            raise KvpFeil(
                f"Ny sluttdato må være etter dagens sluttdato {_d(sak.program_til_og_med)}.", felt="til_og_med"
            )
        # Varigheten regnes fra oppstarten (begynt_dato); permisjon og avbrudd flytter den ikke [U] (varighet.py).
        oppstart = sak.begynt_dato or sak.program_fra_og_med
        feil = vurder_programperiode(
            fra_og_med=oppstart, til_og_med=vedtak.til_og_med, saerlige_grunner=vedtak.saerlige_grunner
        )
        if feil:
            raise KvpFeil(feil, felt="saerlige_grunner" if "særlige grunner er" in feil else "til_og_med")
        feil_alder = vurder_alder_i_programperioden(
            foedselsdato=sak.person.foedselsdato, fra_og_med=oppstart, til_og_med=vedtak.til_og_med
        )
        if feil_alder and "tidligst" not in feil_alder:
            raise KvpFeil(feil_alder, felt="til_og_med")
        if vedtak.til_og_med <= maks_til_og_med(oppstart, saerlige_grunner=False):
            vedtak.saerlige_grunner = ""
        vedtak.fra_og_med = sak.program_til_og_med + dt.timedelta(days=1)
    elif t == Vedtakstype.ENDRING:
        if not vedtak.innhold.strip():
            raise KvpFeil("Beskriv endringen i programmet.", felt="innhold")
    elif t in (Vedtakstype.PERMISJON, Vedtakstype.AVBRUDD, Vedtakstype.GJENOPPTAK):
        if vedtak.fra_og_med is None:
            raise KvpFeil("Oppgi datoen vedtaket gjelder fra.", felt="fra_og_med")
        if vedtak.til_og_med is not None and vedtak.til_og_med < vedtak.fra_og_med:
            raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med", kode="KVP_DATO")
    elif t in (Vedtakstype.STANS, Vedtakstype.AVSLUTNING):
        if vedtak.fra_og_med is None:
            raise KvpFeil("Oppgi datoen programmet avsluttes.", felt="fra_og_med")
        if sak.program_fra_og_med and vedtak.fra_og_med < sak.program_fra_og_med:
            raise KvpFeil("Programmet kan ikke avsluttes før det begynte.", felt="fra_og_med")
        if t == Vedtakstype.STANS and vedtak.fra_og_med < timezone.localdate():
            if not vedtak.tilbakedatering_grunn.strip():
                raise KvpFeil(
                    f"Stansen gjelder fra {_d(vedtak.fra_og_med)}, før i dag. Skriv hvorfor den tilbakedateres.",
                    felt="tilbakedatering_grunn",
                    kode="KVP_BEGRUNNELSE",
                )
        else:
            vedtak.tilbakedatering_grunn = ""
        lovlige = (
            (KostraStatus.UTEBLIVELSE, KostraStatus.FLYTTING, KostraStatus.ETTER_AVBRUDD)
            if t == Vedtakstype.STANS
            else tuple(KostraStatus)
        )
        if vedtak.kostra_status not in lovlige:
            raise KvpFeil("Velg KOSTRA-status for avslutningen.", felt="kostra_status", kode="KVP_VALG")
        ugyldige = set(vedtak.kostra_situasjon or []) - set(KostraSituasjon.values)
        if ugyldige:
            raise KvpFeil("Ugyldig situasjon etter programmet.", felt="kostra_situasjon", kode="KVP_VALG")
        if vedtak.kostra_status in (KostraStatus.FULLFOERT, KostraStatus.ETTER_AVBRUDD) and not vedtak.kostra_situasjon:
            raise KvpFeil(
                "Velg hvilken situasjon deltakeren gikk til (KOSTRA).", felt="kostra_situasjon", kode="KVP_VALG"
            )
        if vedtak.kostra_status == KostraStatus.FULLFOERT and not vedtak.kostra_inntektskilde:
            raise KvpFeil(
                "Velg deltakerens viktigste inntektskilde etter programmet.",
                felt="kostra_inntektskilde",
                kode="KVP_VALG",
            )


def _sett_felter(vedtak: Vedtak, felter: dict[str, Any]) -> None:
    ukjente = set(felter) - set(VEDTAKSFELTER)
    if ukjente:
        raise ValueError(f"Ukjente vedtaksfelt {sorted(ukjente)}")
    for navn, raa in felter.items():
        verdi: Any = raa
        if navn == "evalueringsdatoer":
            verdi = _datoliste(raa)
        elif navn == "kostra_situasjon":
            verdi = sorted(set(raa or []))
        elif isinstance(raa, str):
            verdi = raa.strip()
        setattr(vedtak, navn, verdi)

"""Skriving: vilkårsvurdering, vedtak med totrinnskontroll (utkast → beslutter → fattet/returnert) og oppstart.

Reglene for hvem som får gjøre hva håndheves her, ikke i visningene: bare en KVP-veileder ved sakens kontor
skriver utkast, bare en beslutter ved kontoret fatter eller returnerer, og beslutteren kan aldri være den som
har skrevet eller endret vedtaket. Et fattet vedtak kan ikke endres.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from kvp.brev.services import vedtaksbrev_lag
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.felles.services import logghendelse_registrer
from kvp.oppmoete.services import attesterte_maaneder_korriger_etter_vedtak
from kvp.sak.models import AKTIVE_STATUSER, Sak, Status
from kvp.sak.services import sak_oppdater_fra_vedtak
from kvp.tilgang.models import Rolle
from kvp.tilgang.tilgang import tilgang_for
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
    vurder_programperiode,
)
from kvp_regler.vilkaar.varighet import maks_til_og_med

from .beregning import beregning_forhaandsvis
from .models import (
    AAPNE_VEDTAKSSTATUSER,
    Hendelsestype,
    KostraSituasjon,
    KostraStatus,
    Vedtak,
    VedtakHendelse,
    Vedtaksstatus,
    Vedtakstype,
    Vilkaarsvurdering,
)

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
    "avslag_vilkaar",
    "kostra_status",
    "kostra_situasjon",
    "kostra_inntektskilde",
)


def _d(dato: dt.date) -> str:
    return dato.strftime("%d.%m.%Y")


def _krev_kontorrolle(bruker: Any, sak: Sak, *roller: str) -> None:
    kontorer = tilgang_for(bruker).kontorer_med(*roller)
    if sak.kontor_id not in kontorer:
        # Ser brukeren saken i det hele tatt, er det en rollefeil (403); ellers finnes den ikke for brukeren (404).
        if sak.kontor_id in tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER):
            raise IkkeTilgang("Du har ikke rollen som trengs for dette.")
        raise IkkeFunnet("Fant ikke saken.")


def _sak_for_skriving(*, bruker: Any, sak_id: Any, roller: tuple[str, ...] = (Rolle.KVP_VEILEDER,)) -> Sak:
    sak = (
        Sak.objects.select_for_update().select_related("person", "person__kommune", "kontor").filter(pk=sak_id).first()
    )
    if sak is None:
        raise IkkeFunnet("Fant ikke saken.")
    _krev_kontorrolle(bruker, sak, *roller)
    return sak


def _vedtak_for_skriving(*, bruker: Any, vedtak_id: Any, roller: tuple[str, ...]) -> tuple[Vedtak, Sak]:
    vedtak = Vedtak.objects.filter(pk=vedtak_id).only("id", "sak_id").first()
    if vedtak is None:
        raise IkkeFunnet("Fant ikke vedtaket.")
    sak = _sak_for_skriving(bruker=bruker, sak_id=vedtak.sak_id, roller=roller)  # låser saken først
    return Vedtak.objects.select_for_update().get(pk=vedtak_id), sak


# --- vilkårsvurdering -----------------------------------------------------------------------------------------


def _barn_paa_dato(person: Any, dato: dt.date) -> tuple[dt.date, ...]:
    """Barn under 18 år personen forsørger på `dato`."""
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
    bruker: Any,
    sak_id: Any,
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
        raise KvpFeil("Ugyldig valg i vilkårsvurderingen.", kode="KVP_UGYLDIG") from feil
    kvp_kommunenummer = kvp_kommunenummer.strip()
    if kvp_annen_kommune and not (
        kvp_kommunenummer.isascii() and kvp_kommunenummer.isdigit() and len(kvp_kommunenummer) == 4
    ):
        raise KvpFeil(
            "Oppgi kommunenummeret (fire sifre, 9999 om det er ukjent) for kommunen personen hadde KVP i.",
            felt="kvp_kommunenummer",
            kode="KVP_KOMMUNENUMMER",
        )
    if not kvp_annen_kommune:
        kvp_kommunenummer = ""
    if sosialhjelp_foer not in ("", "2", "3"):
        raise KvpFeil("Velg et av alternativene for sosialhjelp.", felt="sosialhjelp_foer", kode="KVP_UGYLDIG")
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


# --- vedtak ---------------------------------------------------------------------------------------------------


def _innhold(vedtak: Vedtak) -> dict[str, Any]:
    """Vedtakets innhold som JSON (til hendelsene og revisjonsloggen)."""
    data: dict[str, Any] = {"type": vedtak.type, "status": vedtak.status, "versjon": vedtak.versjon}
    for navn in VEDTAKSFELTER:
        verdi = getattr(vedtak, navn)
        data[navn] = verdi.isoformat() if isinstance(verdi, dt.date) else verdi
    data["beregning_total"] = vedtak.beregning["total"] if vedtak.beregning else None
    return data


def _hendelse(vedtak: Vedtak, hendelse: str, bruker: Any, begrunnelse: str = "") -> None:
    VedtakHendelse.objects.create(
        vedtak=vedtak,
        hendelse=hendelse,
        versjon=vedtak.versjon,
        bruker=bruker,
        begrunnelse=begrunnelse,
        innhold=_innhold(vedtak),
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=vedtak.sak.kontor,
        person=vedtak.sak.person,
        handling="OPPRETT" if hendelse == Hendelsestype.OPPRETTET else "ENDRE",
        objekt=vedtak,
        beskrivelse=Hendelsestype(hendelse).label,
        etter=_innhold(vedtak),
    )


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
        raise KvpFeil("Skriv begrunnelsen for vedtaket (forvaltningsloven §§ 24–25).", felt="begrunnelse")
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
            raise KvpFeil("Programmet kan ikke slutte før det begynner.", felt="til_og_med")
        to_aar = maks_til_og_med(vedtak.fra_og_med, saerlige_grunner=False)
        if vedtak.til_og_med > to_aar:
            # Første vedtak gis for inntil to år; særlige grunner gjelder bare forlengelse (§ 32).
            raise KvpFeil(
                f"Programmet kan vare i høyst to år (til og med {_d(to_aar)}). Det kan senere forlenges med inntil "
                "ett år når særlige grunner er dokumentert (sosialtjenesteloven § 32).",
                felt="til_og_med",
            )
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
        feil = vurder_programperiode(
            fra_og_med=sak.program_fra_og_med, til_og_med=vedtak.til_og_med, saerlige_grunner=vedtak.saerlige_grunner
        )
        if feil:
            raise KvpFeil(feil, felt="saerlige_grunner" if "særlige grunner er" in feil else "til_og_med")
        if vedtak.til_og_med <= maks_til_og_med(sak.program_fra_og_med, saerlige_grunner=False):
            vedtak.saerlige_grunner = ""
        vedtak.fra_og_med = sak.program_til_og_med + dt.timedelta(days=1)
    elif t == Vedtakstype.ENDRING:
        if not vedtak.innhold.strip():
            raise KvpFeil("Beskriv endringen i programmet.", felt="innhold")
    elif t in (Vedtakstype.PERMISJON, Vedtakstype.AVBRUDD, Vedtakstype.GJENOPPTAK):
        if vedtak.fra_og_med is None:
            raise KvpFeil("Oppgi datoen vedtaket gjelder fra.", felt="fra_og_med")
        if vedtak.til_og_med is not None and vedtak.til_og_med < vedtak.fra_og_med:
            raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med")
    elif t in (Vedtakstype.STANS, Vedtakstype.AVSLUTNING):
        if vedtak.fra_og_med is None:
            raise KvpFeil("Oppgi datoen programmet avsluttes.", felt="fra_og_med")
        if sak.program_fra_og_med and vedtak.fra_og_med < sak.program_fra_og_med:
            raise KvpFeil("Programmet kan ikke avsluttes før det begynte.", felt="fra_og_med")
        lovlige = (
            (KostraStatus.UTEBLIVELSE, KostraStatus.FLYTTING, KostraStatus.ETTER_AVBRUDD)
            if t == Vedtakstype.STANS
            else tuple(KostraStatus)
        )
        if vedtak.kostra_status not in lovlige:
            raise KvpFeil("Velg KOSTRA-status for avslutningen.", felt="kostra_status")
        ugyldige = set(vedtak.kostra_situasjon or []) - set(KostraSituasjon.values)
        if ugyldige:
            raise KvpFeil("Ugyldig situasjon etter programmet.", felt="kostra_situasjon")
        if vedtak.kostra_status in (KostraStatus.FULLFOERT, KostraStatus.ETTER_AVBRUDD) and not vedtak.kostra_situasjon:
            raise KvpFeil("Velg hvilken situasjon deltakeren gikk til (KOSTRA).", felt="kostra_situasjon")
        if vedtak.kostra_status == KostraStatus.FULLFOERT and not vedtak.kostra_inntektskilde:
            raise KvpFeil("Velg deltakerens viktigste inntektskilde etter programmet.", felt="kostra_inntektskilde")


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


@transaction.atomic
def vedtak_opprett(*, bruker: Any, sak_id: Any, type: str, **felter: Any) -> Vedtak:
    """Skriver et utkast til vedtak. Bare ett åpent vedtak per sak."""
    sak = _sak_for_skriving(bruker=bruker, sak_id=sak_id)
    if type not in Vedtakstype.values:
        raise KvpFeil("Ukjent vedtakstype.", kode="KVP_VEDTAKSTYPE")
    if sak.vedtak.filter(status__in=AAPNE_VEDTAKSSTATUSER).exists():
        raise KvpFeil("Saken har allerede et vedtak under arbeid. Gjør det ferdig først.", kode="KVP_AAPENT_VEDTAK")
    vedtak = Vedtak(sak=sak, type=type, opprettet_av=bruker)
    _sett_felter(vedtak, felter)
    _valider(vedtak, sak)
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.OPPRETTET, bruker)
    return vedtak


@transaction.atomic
def vedtak_endre(*, bruker: Any, vedtak_id: Any, **felter: Any) -> Vedtak:
    """Endrer et utkast eller et returnert vedtak. Et vedtak hos beslutter eller et fattet vedtak kan ikke endres."""
    vedtak, sak = _vedtak_for_skriving(bruker=bruker, vedtak_id=vedtak_id, roller=(Rolle.KVP_VEILEDER,))
    if vedtak.status == Vedtaksstatus.FATTET:
        raise KvpFeil("Vedtaket er fattet og kan ikke endres. Skriv et nytt vedtak.", kode="KVP_VEDTAK_FATTET")
    if vedtak.status == Vedtaksstatus.TIL_BESLUTTER:
        raise KvpFeil("Vedtaket ligger hos beslutter og kan ikke endres nå.", kode="KVP_VEDTAK_HOS_BESLUTTER")
    _sett_felter(vedtak, felter)
    _valider(vedtak, sak)
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.ENDRET, bruker)
    return vedtak


@transaction.atomic
def vedtak_send_til_beslutter(*, bruker: Any, vedtak_id: Any) -> Vedtak:
    """Sender utkastet (eller det rettede vedtaket) til beslutter. En ny runde etter retur gir ny versjon."""
    vedtak, sak = _vedtak_for_skriving(bruker=bruker, vedtak_id=vedtak_id, roller=(Rolle.KVP_VEILEDER,))
    if not vedtak.kan_endres:
        raise KvpFeil(
            f"Vedtaket er {vedtak.get_status_display().lower()} og kan ikke sendes til beslutter.",
            kode="KVP_VEDTAK_STATUS",
        )
    _valider(vedtak, sak)
    if vedtak.status == Vedtaksstatus.RETURNERT:
        vedtak.versjon += 1
    vedtak.status = Vedtaksstatus.TIL_BESLUTTER
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.SENDT, bruker)
    return vedtak


def skrivere(vedtak: Vedtak) -> set[int]:
    """Alle som har skrevet, endret eller sendt vedtaket: ingen av dem kan beslutte det."""
    ider = set(
        vedtak.hendelser.filter(
            hendelse__in=(Hendelsestype.OPPRETTET, Hendelsestype.ENDRET, Hendelsestype.SENDT)
        ).values_list("bruker_id", flat=True)
    )
    ider.add(vedtak.opprettet_av_id)
    if vedtak.type in (Vedtakstype.INNVILGELSE, Vedtakstype.AVSLAG):
        # Vilkårsvurderingen står i vedtaket og brevet: den som har endret den mens vedtaket var under arbeid (for
        # eksempel etter en retur), har også skrevet vedtaket.
        vv = Vilkaarsvurdering.objects.filter(sak_id=vedtak.sak_id).values_list("pk", flat=True).first()
        if vv is not None:
            ider |= set(
                Logghendelse.objects.filter(
                    objekt_id=str(vv),
                    handling__in=("OPPRETT", "ENDRE"),
                    tidspunkt__gte=vedtak.opprettet,
                    bruker__isnull=False,
                ).values_list("bruker_id", flat=True)
            )
    return ider


def _for_beslutter(bruker: Any, vedtak_id: Any) -> tuple[Vedtak, Sak]:
    vedtak, sak = _vedtak_for_skriving(bruker=bruker, vedtak_id=vedtak_id, roller=(Rolle.BESLUTTER,))
    if vedtak.status == Vedtaksstatus.FATTET:
        raise KvpFeil("Vedtaket er allerede fattet og kan ikke endres.", kode="KVP_VEDTAK_FATTET")
    if vedtak.status != Vedtaksstatus.TIL_BESLUTTER:
        raise KvpFeil("Vedtaket er ikke sendt til beslutter.", kode="KVP_VEDTAK_STATUS")
    if bruker.pk in skrivere(vedtak):
        raise IkkeTilgang(
            "Du har skrevet eller endret dette vedtaket og kan ikke beslutte det selv (totrinnskontroll)."
        )
    return vedtak, sak


@transaction.atomic
def vedtak_returner(*, bruker: Any, vedtak_id: Any, begrunnelse: str) -> Vedtak:
    """Beslutter sender vedtaket tilbake til saksbehandleren med en begrunnelse."""
    vedtak, _ = _for_beslutter(bruker, vedtak_id)
    if not begrunnelse.strip():
        raise KvpFeil("Skriv hvorfor vedtaket returneres.", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    vedtak.status = Vedtaksstatus.RETURNERT
    vedtak.beslutter = bruker
    vedtak.returnert_begrunnelse = begrunnelse.strip()
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.RETURNERT, bruker, begrunnelse=vedtak.returnert_begrunnelse)
    return vedtak


@transaction.atomic
def vedtak_fatt(*, bruker: Any, vedtak_id: Any) -> Vedtak:
    """Beslutter godkjenner: vedtaket fattes (datert og låst), saken oppdateres og vedtaksbrevet lages."""
    vedtak, sak = _for_beslutter(bruker, vedtak_id)
    _valider(vedtak, sak)  # saken eller vilkårene kan ha endret seg siden utkastet ble sendt
    naa = timezone.now()
    vedtak.status = Vedtaksstatus.FATTET
    vedtak.beslutter = bruker
    vedtak.fattet_tidspunkt = naa
    vedtak.vedtak_dato = timezone.localdate(naa)
    vedtak.returnert_begrunnelse = ""
    vedtak.save()
    _hendelse(vedtak, Hendelsestype.FATTET, bruker)
    _oppdater_sak(bruker=bruker, vedtak=vedtak, sak=sak)
    vedtaksbrev_lag(vedtak=vedtak)
    return vedtak


#: Vedtak som endrer stønaden fra en dato: attesterte måneder fra den datoen blir korreksjoner (regnes på nytt).
_ENDRER_STOENADEN = (
    Vedtakstype.PERMISJON,
    Vedtakstype.AVBRUDD,
    Vedtakstype.GJENOPPTAK,
    Vedtakstype.STANS,
    Vedtakstype.AVSLUTNING,
)


def _oppdater_sak(*, bruker: Any, vedtak: Vedtak, sak: Sak) -> None:
    t = vedtak.type
    if t == Vedtakstype.INNVILGELSE:
        sak_oppdater_fra_vedtak(
            bruker=bruker,
            sak=sak,
            status=Status.INNVILGET,
            vedtak_dato=vedtak.vedtak_dato,
            program_fra_og_med=vedtak.fra_og_med,
            program_til_og_med=vedtak.til_og_med,
        )
    elif t == Vedtakstype.AVSLAG:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.AVSLAATT)
    elif t == Vedtakstype.FORLENGELSE:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, program_til_og_med=vedtak.til_og_med)
    elif t == Vedtakstype.PERMISJON:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.PERMISJON)
    elif t == Vedtakstype.AVBRUDD:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.MIDLERTIDIG_AVBRUTT)
    elif t == Vedtakstype.GJENOPPTAK:
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.I_PROGRAM)
    elif t in (Vedtakstype.STANS, Vedtakstype.AVSLUTNING):
        sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.AVSLUTTET, avsluttet_dato=vedtak.fra_og_med)
    if t in _ENDRER_STOENADEN and vedtak.fra_og_med is not None:
        attesterte_maaneder_korriger_etter_vedtak(
            bruker=bruker,
            sak=sak,
            fra_og_med=vedtak.fra_og_med,
            grunn=f"Vedtak om {vedtak.get_type_display().lower()} fra {_d(vedtak.fra_og_med)}.",
        )


@transaction.atomic
def program_iverksett(*, bruker: Any, sak_id: Any, begynt_dato: dt.date) -> Sak:
    """Registrerer at programmet har begynt (KOSTRA BEGYNT_DATO): saken går fra innvilget til i program."""
    sak = _sak_for_skriving(bruker=bruker, sak_id=sak_id)
    if sak.status != Status.INNVILGET:
        raise KvpFeil("Bare et innvilget program som ikke har startet, kan iverksettes.", kode="KVP_SAK_STATUS")
    assert sak.vedtak_dato is not None and sak.program_til_og_med is not None  # noqa: S101 - satt ved innvilgelse
    if begynt_dato < sak.vedtak_dato:
        raise KvpFeil(
            f"Programmet kan ikke begynne før vedtaket ble fattet ({_d(sak.vedtak_dato)}).", felt="begynt_dato"
        )
    if begynt_dato > timezone.localdate():
        raise KvpFeil(
            "Oppstart registreres når programmet har begynt; datoen kan ikke være frem i tid.", felt="begynt_dato"
        )
    if sak.program_fra_og_med and not sak.program_fra_og_med <= begynt_dato <= sak.program_til_og_med:
        raise KvpFeil(
            f"Oppstarten må være i programperioden ({_d(sak.program_fra_og_med)}–{_d(sak.program_til_og_med)}).",
            felt="begynt_dato",
        )
    return sak_oppdater_fra_vedtak(bruker=bruker, sak=sak, status=Status.I_PROGRAM, begynt_dato=begynt_dato)


def sak_er_aktiv(sak: Sak) -> bool:
    return sak.status in AKTIVE_STATUSER


@transaction.atomic
def tilbakekrevingsvedtak_fatt(
    *, sak: Sak, forfatter: Any, beslutter: Any, fra_og_med: dt.date, til_og_med: dt.date, begrunnelse: str
) -> Vedtak:
    """Vedtaket om tilbakebetaling, fattet med fire øyne i utbetalingen (økonomi foreslår, en annen vedtar).

    Kalles bare fra `kvp.utbetaling.services.tilbakekreving_vedta`, som har sjekket rollene og at forfatter og
    beslutter er to ulike personer. Historikken lages som for andre vedtak; brevet lager kalleren med
    `vedtaksbrev_lag` når tilbakekrevingen er koblet til vedtaket (brevet henter beløpet derfra).
    """
    if forfatter is None or forfatter.pk == beslutter.pk:
        raise KvpFeil("Den som foreslo tilbakekrevingen, kan ikke vedta den.", kode="KVP_FIREOEYNE")
    vedtak = Vedtak.objects.create(
        sak=sak,
        type=Vedtakstype.TILBAKEKREVING,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        begrunnelse=begrunnelse,
        opprettet_av=forfatter,
    )
    _hendelse(vedtak, Hendelsestype.OPPRETTET, forfatter)
    vedtak.status = Vedtaksstatus.FATTET
    vedtak.beslutter = beslutter
    vedtak.fattet_tidspunkt = timezone.now()
    vedtak.vedtak_dato = timezone.localdate()
    vedtak.save(update_fields=["status", "beslutter", "fattet_tidspunkt", "vedtak_dato"])
    _hendelse(vedtak, Hendelsestype.FATTET, beslutter)
    return vedtak

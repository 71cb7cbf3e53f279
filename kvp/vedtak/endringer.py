"""Hva som er endret i et vedtak siden forrige versjon (issue 15 punkt 7).

Hver innsending til beslutter lagrer vedtakets innhold i `VedtakHendelse.innhold` (`services._felles.vedtaksinnhold`),
med vilkårsvurderingen og stønaden det bygger på. Her sammenlignes innholdet som ble sendt i forrige versjon, med
vedtaket slik det er nå: felt for felt, og ord for ord i fritekstene (ord lagt til og fjernet), så beslutteren ser
hva som er rettet etter en retur uten å lese hele vedtaket på nytt. Et vedtak i første versjon har ingenting å vise."""

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from typing import Any

from kvp_regler.belop import kroner_tekst

from .models import Hendelsestype, KostraStatus, Vedtak, Vedtaksstatus
from .services._felles import vedtaksinnhold

#: Fritekstene, som sammenlignes ord for ord.
TEKSTFELTER = {
    "begrunnelse": "Begrunnelse",
    "innhold": "Innholdet i programmet",
    "saerlige_grunner": "Særlige grunner",
    "tilbakedatering_grunn": "Grunn til tilbakedatering",
}
#: Verdiene, som vises før og etter.
VERDIFELTER = {
    "fra_og_med": "Fra og med",
    "til_og_med": "Til og med",
    "evalueringsdatoer": "Evalueringer",
    "beregning_total": "Stønad for første hele måned",
    "beregning_aarsbeloep": "Stønad per år",
    "avslag_vilkaar": "Vilkår som ikke er oppfylt",
    "kostra_status": "KOSTRA-status",
}


@dataclass(frozen=True)
class Bit:
    """En bit av en tekst: `lik`, `fjernet` eller `lagt_til`."""

    type: str
    tekst: str


@dataclass
class Endring:
    felt: str
    foer: str = ""
    etter: str = ""
    biter: list[Bit] = field(default_factory=list)  # for fritekstene: ordene, med det som er lagt til og fjernet


@dataclass
class Endringer:
    fra_versjon: int
    til_versjon: int
    sendt: bool  # om den nye versjonen er sendt til beslutter (ellers er den under arbeid etter returen)
    returnert_fordi: str
    felter: list[Endring]


def _ord(tekst: str) -> list[str]:
    """Ord, tegn og mellomrom hver for seg, så «oppfølging.» og «oppfølging» har ordet felles."""
    return re.findall(r"\w+|[^\w\s]+|\s+", tekst or "")


def ord_for_ord(foer: str, etter: str) -> list[Bit]:
    """Teksten etter endringen, med ordene som er fjernet og lagt til merket (difflib over ord og mellomrom)."""
    a, b = _ord(foer), _ord(etter)
    biter: list[Bit] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(lambda t: t.isspace(), a, b, autojunk=False).get_opcodes():
        if op == "equal":
            biter.append(Bit("lik", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            biter.append(Bit("fjernet", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            biter.append(Bit("lagt_til", "".join(b[j1:j2])))
    return biter


def _dato(verdi: str) -> str:
    try:
        return dt.date.fromisoformat(verdi).strftime("%d.%m.%Y")
    except (TypeError, ValueError):
        return str(verdi)


def _vis(navn: str, verdi: Any) -> str:
    if verdi in (None, "", []):
        return "(tomt)"
    if navn in ("fra_og_med", "til_og_med"):
        tekst = _dato(verdi)
    elif navn == "evalueringsdatoer":
        tekst = ", ".join(_dato(d) for d in verdi)
    elif navn.startswith("beregning_"):
        try:
            tekst = kroner_tekst(Decimal(str(verdi)))
        except InvalidOperation:
            tekst = str(verdi)
    elif navn == "kostra_status" and verdi in KostraStatus.values:
        tekst = str(KostraStatus(verdi).label)
    else:
        tekst = str(verdi)
    return tekst


def _vilkaar(foer: list[dict[str, str]], etter: list[dict[str, str]]) -> list[Endring]:
    """Vilkår for vilkår: vurderingen før og etter, og begrunnelsen ord for ord."""
    gamle = {v["vilkaar"]: v for v in foer}
    endringer = []
    for ny in etter:
        gammel = gamle.get(ny["vilkaar"], {})
        if gammel.get("vurdering_tekst") == ny.get("vurdering_tekst") and gammel.get("begrunnelse") == ny.get(
            "begrunnelse"
        ):
            continue
        endring = Endring(
            felt=f"Vilkår: {ny.get('tittel', ny['vilkaar'])}",
            foer=gammel.get("vurdering_tekst", "") or "(ikke vurdert)",
            etter=ny.get("vurdering_tekst", "") or "(ikke vurdert)",
        )
        if gammel.get("begrunnelse", "") != ny.get("begrunnelse", ""):
            endring.biter = ord_for_ord(gammel.get("begrunnelse", ""), ny.get("begrunnelse", ""))
        endringer.append(endring)
    return endringer


def sammenlign(foer: dict[str, Any], etter: dict[str, Any]) -> list[Endring]:
    """Feltene som er ulike i to utgaver av vedtaksinnholdet (`vedtaksinnhold`)."""
    endringer: list[Endring] = []
    for navn, tittel in VERDIFELTER.items():
        if navn in foer and foer.get(navn) != etter.get(navn):
            endringer.append(Endring(felt=tittel, foer=_vis(navn, foer.get(navn)), etter=_vis(navn, etter.get(navn))))
    if "vilkaar" in foer:  # innhold lagret før vilkårene kom med i historikken, har ingen vilkår å sammenligne
        endringer += _vilkaar(foer.get("vilkaar") or [], etter.get("vilkaar") or [])
    for navn, tittel in TEKSTFELTER.items():
        if (foer.get(navn) or "") != (etter.get(navn) or ""):
            endringer.append(Endring(felt=tittel, biter=ord_for_ord(foer.get(navn) or "", etter.get(navn) or "")))
    return endringer


def endringer_siden_forrige_versjon(vedtak: Vedtak) -> Endringer | None:
    """Endringene fra versjonen som sist ble sendt til beslutter (og returnert), til vedtaket slik det er nå.

    Vedtaket må være hentet med `hendelser` (som `selectors.vedtak_hent` gjør). Etter en retur er versjonen under
    arbeid den neste (den får nummeret når den sendes)."""
    if vedtak.status == Vedtaksstatus.UTKAST:
        return None
    ny_versjon = vedtak.versjon + (1 if vedtak.status == Vedtaksstatus.RETURNERT else 0)
    hendelser = list(vedtak.hendelser.all())
    sendt = [h for h in hendelser if h.hendelse == Hendelsestype.SENDT and h.versjon == ny_versjon - 1]
    if not sendt:
        return None
    returnert = [h for h in hendelser if h.hendelse == Hendelsestype.RETURNERT and h.versjon == ny_versjon - 1]
    return Endringer(
        fra_versjon=ny_versjon - 1,
        til_versjon=ny_versjon,
        sendt=vedtak.status != Vedtaksstatus.RETURNERT,
        returnert_fordi=returnert[-1].begrunnelse if returnert else "",
        felter=sammenlign(sendt[-1].innhold, vedtaksinnhold(vedtak)),
    )

"""Bankens statusrapport for en betalingsfil: ISO 20022 pain.002.001.03 («Customer Payment Status Report»).

Filen leses strengt: først med defusedxml (ingen DTD, ingen entiteter, ingen eksterne oppslag), så sjekkes den mot
skjemaet i `skjema/pain.002.001.03.xsd` (skrevet av oss etter standardens struktur, se ADR 0011). Alt som ikke er en
gyldig rapport, gir `KvpFeil` med en norsk melding; ingenting lagres før hele filen er lest.

Statusen for en betaling er transaksjonens `TxSts`, ellers betalingsgruppens `PmtInfSts`, ellers hele meldingens
`GrpSts`. Godtatt (ACCP, ACSP, ACSC, ACWC) betyr betalt; RJCT betyr avvist; de andre (ACTC, RCVD, PDNG, PART) er
ikke endelige, og betalingen venter på en ny rapport.
"""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import defusedxml.ElementTree as trygg_xml  # noqa: N813
from defusedxml import DefusedXmlException
from lxml import etree

from kvp.felles.feil import KvpFeil

PAIN002_NS = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03"
SKJEMA = Path(__file__).parent / "skjema" / "pain.002.001.03.xsd"
MAKS_STOERRELSE = 5 * 1024 * 1024

GODTATT = frozenset({"ACCP", "ACSP", "ACSC", "ACWC"})
AVVIST = "RJCT"

#: Bankenes årsakskoder (ISO 20022 External Status Reason Code) med vår norske forklaring.
AARSAKER: dict[str, str] = {
    "AC01": "Kontonummeret er feil.",
    "AC03": "Mottakerens kontonummer er ugyldig.",
    "AC04": "Kontoen er avsluttet.",
    "AC06": "Kontoen er sperret.",
    "AC13": "Kontotypen kan ikke motta betalingen.",
    "AG01": "Banken tillater ikke denne betalingen til kontoen.",
    "AG02": "Banken godtar ikke betalingstypen.",
    "AM04": "Det er ikke dekning på kommunens konto.",
    "AM05": "Betalingen er sendt før (dobbel betaling).",
    "BE04": "Mottakerens adresse mangler.",
    "BE05": "Avsenderen er ukjent for banken.",
    "DT01": "Betalingsdatoen er ugyldig.",
    "FF01": "Betalingsfilen har feil format.",
    "MD07": "Kontohaveren er død.",
    "MS02": "Mottakeren har avvist betalingen.",
    "MS03": "Banken oppga ingen årsak.",
    "NARR": "Se bankens forklaring.",
    "RC01": "Bankens identifikator (BIC) er feil.",
    "RR04": "Betalingen ble stoppet av regulatoriske grunner.",
}


def aarsak_tekst(kode: str, tillegg: str = "") -> str:
    """Norsk forklaring på en årsakskode, med bankens egen tilleggstekst når den finnes."""
    tekst = AARSAKER.get(kode, f"Banken avviste betalingen (kode {kode}).") if kode else "Banken oppga ingen årsak."
    return f"{tekst} Bankens tekst: {tillegg}"[:300] if tillegg else tekst


@dataclass(frozen=True)
class Transaksjonsstatus:
    ende_til_ende_id: str
    status: str
    kode: str
    aarsak: str

    @property
    def betalt(self) -> bool:
        return self.status in GODTATT

    @property
    def avvist(self) -> bool:
        return self.status == AVVIST


@dataclass(frozen=True)
class Statusrapport:
    meldings_id: str
    opprinnelig_meldings_id: str
    gruppestatus: str
    gruppeaarsak: tuple[str, str]
    transaksjoner: list[Transaksjonsstatus]


@cache
def _skjema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SKJEMA)))


def _q(navn: str) -> str:
    return f"{{{PAIN002_NS}}}{navn}"


def _tekst(element: etree._Element | None, sti: str) -> str:
    if element is None:
        return ""
    funnet = element.find(sti, {"p": PAIN002_NS})
    return (funnet.text or "").strip() if funnet is not None else ""


def _aarsak(element: etree._Element) -> tuple[str, str]:
    """(kode, norsk tekst) fra første StsRsnInf, eller ("", "")."""
    info = element.find("p:StsRsnInf", {"p": PAIN002_NS})
    if info is None:
        return "", ""
    kode = _tekst(info, "p:Rsn/p:Cd") or _tekst(info, "p:Rsn/p:Prtry")
    tillegg = " ".join(
        (e.text or "").strip() for e in info.findall("p:AddtlInf", {"p": PAIN002_NS}) if (e.text or "").strip()
    )
    return kode, aarsak_tekst(kode, tillegg)


def les_pain002(innhold: bytes) -> Statusrapport:
    """Leser og sjekker en pain.002-fil. KvpFeil (kode KVP_KVITTERING_UGYLDIG) når filen ikke er en gyldig rapport."""

    def ugyldig(melding: str) -> KvpFeil:
        return KvpFeil(melding, felt="fil", kode="KVP_KVITTERING_UGYLDIG")

    if not innhold.strip():
        raise ugyldig("Filen er tom. Last opp statusrapporten (pain.002) fra banken.")
    if len(innhold) > MAKS_STOERRELSE:
        raise ugyldig("Filen er for stor til å være en statusrapport fra banken (over 5 MB).")
    try:
        trygg_xml.fromstring(innhold, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ugyldig("Filen har DTD eller entiteter, og det har aldri en statusrapport fra banken.") from None
    except (trygg_xml.ParseError, ValueError):
        raise ugyldig("Filen er ikke gyldig XML. Last opp statusrapporten (pain.002) fra banken.") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        rot = etree.fromstring(innhold, parser=parser)
    except etree.XMLSyntaxError:
        raise ugyldig("Filen er ikke gyldig XML. Last opp statusrapporten (pain.002) fra banken.") from None
    if rot.tag != _q("Document"):
        navnerom = etree.QName(rot).namespace or "uten navnerom"
        raise ugyldig(
            f"Filen er ikke en statusrapport av typen pain.002.001.03 (fant {etree.QName(rot).localname} i {navnerom})."
        )
    skjema = _skjema()
    if not skjema.validate(rot):
        feil = skjema.error_log.last_error  # type: ignore[attr-defined]
        linje = f" (linje {feil.line})" if feil is not None else ""
        raise ugyldig(f"Statusrapporten følger ikke formatet pain.002.001.03{linje}. Be banken om en ny fil.")
    ns = {"p": PAIN002_NS}
    gruppe = rot.find("p:CstmrPmtStsRpt/p:OrgnlGrpInfAndSts", ns)
    if gruppe is None:  # skjemaet krever den
        raise ugyldig("Statusrapporten mangler opplysningene om betalingsfilen.")
    if _tekst(gruppe, "p:OrgnlMsgNmId") not in ("pain.001.001.03", "pain.001"):
        raise ugyldig("Statusrapporten gjelder ikke en betalingsfil (pain.001).")
    gruppestatus = _tekst(gruppe, "p:GrpSts")
    transaksjoner: list[Transaksjonsstatus] = []
    sett: set[str] = set()
    for betaling in rot.findall("p:CstmrPmtStsRpt/p:OrgnlPmtInfAndSts", ns):
        betalingsstatus = _tekst(betaling, "p:PmtInfSts") or gruppestatus
        betalingsaarsak = _aarsak(betaling) if _tekst(betaling, "p:PmtInfSts") else _aarsak(gruppe)
        for tx in betaling.findall("p:TxInfAndSts", ns):
            ende_til_ende = _tekst(tx, "p:OrgnlEndToEndId")
            if not ende_til_ende:
                raise ugyldig("En betaling i statusrapporten mangler referansen (OrgnlEndToEndId).")
            if ende_til_ende in sett:
                raise ugyldig(f"Betalingen {ende_til_ende} står to ganger i statusrapporten.")
            sett.add(ende_til_ende)
            status = _tekst(tx, "p:TxSts") or betalingsstatus
            kode, aarsak = _aarsak(tx) if tx.find("p:StsRsnInf", ns) is not None else betalingsaarsak
            if status == AVVIST and not aarsak:
                aarsak = aarsak_tekst("")
            transaksjoner.append(Transaksjonsstatus(ende_til_ende, status, kode, aarsak))
    return Statusrapport(
        meldings_id=_tekst(rot, "p:CstmrPmtStsRpt/p:GrpHdr/p:MsgId"),
        opprinnelig_meldings_id=_tekst(gruppe, "p:OrgnlMsgId"),
        gruppestatus=gruppestatus,
        gruppeaarsak=_aarsak(gruppe),
        transaksjoner=transaksjoner,
    )

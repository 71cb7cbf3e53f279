"""Filene en godkjent runde gir: regnskapsfil (CSV) og betalingsfil (ISO 20022 pain.001.001.03, NOK).

Regnskapsfilen finnes i to utgaver med de samme radene: maskinutgaven (`lag_csv`: UTF-8 uten BOM, `;`, desimalpunktum,
for innlesing i økonomisystemet) og Excel-utgaven (`lag_csv_excel`: UTF-8 med BOM, `;`, desimalkomma og
nummerfelt som tekst, så norsk Excel åpner den riktig). Krav (tilbakekreving som ikke kan trekkes) står som egne
rader med posttype `KRAV`.

pain.001.001.03 er versjonen norske banker tar imot for utbetalinger i fil (bankenes «Customer Credit Transfer
Initiation»). Mottakerkontoen oppgis som norsk kontonummer (BBAN, 11 siffer); beløpene i kroner med to desimaler.
"""

import csv
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils import timezone
from lxml import etree

from kvp.felles.feil import KvpFeil

from .beregning import maanedstekst
from .models import Betalingsresultat, Tilbakekreving, Utbetaling, Utbetalingsoppsett, Utbetalingsrunde
from .selectors import SYNLIG_FOR_DELTAKER

PAIN001_NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"

CSV_KOLONNER = [
    "utbetalingsdato",
    "kommunenummer",
    "periode",
    "sak",
    "foedselsnummer",
    "navn",
    "kontonummer",
    "brutto",
    "trekk_tilbakekreving",
    "skattegrunnlag",
    "skattetrekk_prosent",
    "skattetrekk",
    "netto",
    "posttype",
    "krav",
]

BOM = "\ufeff"
NULL = Decimal("0.00")


class _Nummertekst(str):
    """Et felt av siffer som skal forbli tekst (fødselsnummer, kontonummer, kommunenummer, periode): Excel ville
    ellers fjerne ledende nuller eller gjøre det om til en dato."""

    __slots__ = ()


def _celle(tekst: str) -> str:
    """Tekst som et regneark ikke tolker som formel."""
    return f"'{tekst}" if tekst[:1] in ("=", "+", "-", "@") else tekst


def _utbetalinger(runde: Utbetalingsrunde) -> Iterable[Utbetaling]:
    return (
        Utbetaling.objects.filter(runde=runde)
        .select_related("sak__person")
        .order_by("sak__person__etternavn", "sak__person__fornavn", "sak_id")
        .iterator(chunk_size=2000)
    )


def _regnskapsrader(runde: Utbetalingsrunde) -> Iterator[list[str | Decimal]]:
    dato = runde.utbetalingsdato.isoformat()
    kommune = _Nummertekst(runde.kommune_id)
    periode = _Nummertekst(f"{runde.aar}-{runde.maaned:02d}")
    for u in _utbetalinger(runde):
        person = u.sak.person
        yield [
            dato,
            kommune,
            periode,
            str(u.sak_id),
            _Nummertekst(person.foedselsnummer),
            _celle(f"{person.etternavn}, {person.fornavn}"),
            _Nummertekst(u.kontonummer),
            u.brutto,
            u.trekk,
            u.brutto - u.trekk,
            u.skattetrekk_prosent if u.skattetrekk_prosent is not None else "",
            u.skattetrekk,
            u.netto,
            "UTBETALING",
            NULL,
        ]
    for tk in (
        Tilbakekreving.objects.filter(krav_runde=runde)
        .select_related("sak__person", "korreksjon")
        .order_by("sak__person__etternavn", "sak__person__fornavn", "sak_id", "opprettet")
    ):
        person = tk.sak.person
        yield [
            dato,
            kommune,
            _Nummertekst(f"{tk.korreksjon.aar}-{tk.korreksjon.maaned:02d}"),
            str(tk.sak_id),
            _Nummertekst(person.foedselsnummer),
            _celle(f"{person.etternavn}, {person.fornavn}"),
            "",
            NULL,
            NULL,
            NULL,
            "",
            NULL,
            NULL,
            "KRAV",
            tk.krav_beloep or NULL,
        ]


def _regnskap(runde: Utbetalingsrunde, *, excel: bool) -> str:
    def tekst(verdi: str | Decimal) -> str:
        if isinstance(verdi, Decimal):
            beloep = f"{verdi:.2f}"
            return beloep.replace(".", ",") if excel else beloep
        if excel and isinstance(verdi, _Nummertekst) and verdi:
            # ="…" er Excels måte å lese et tall som tekst; feltet har bare siffer og bindestrek (ingen formel inn).
            return f'="{verdi}"' if all(t.isdigit() or t == "-" for t in verdi) else str(verdi)
        return str(verdi)

    ut = io.StringIO()
    skriver = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    skriver.writerow(CSV_KOLONNER)
    for rad in _regnskapsrader(runde):
        skriver.writerow([tekst(verdi) for verdi in rad])
    return ut.getvalue()


def lag_csv(runde: Utbetalingsrunde) -> str:
    """Regnskapsfilen for maskinell innlesing (økonomisystem, a-meldingen): én linje per utbetaling (brutto, trekk,
    skattetrekk, netto og konto) og én per krav, `;`-separert med desimalpunktum."""
    return _regnskap(runde, excel=False)


def lag_csv_excel(runde: Utbetalingsrunde) -> bytes:
    """Den samme regnskapsfilen for norsk Excel: UTF-8 med BOM, `;`-separert, desimalkomma («1234,56»)."""
    return (BOM + _regnskap(runde, excel=True)).encode("utf-8")


def _e(forelder: Any, navn: str, tekst: str | None = None, **attributter: str) -> Any:
    element = etree.SubElement(forelder, f"{{{PAIN001_NS}}}{navn}", attrib=attributter or None)
    if tekst is not None:
        element.text = tekst
    return element


def _konto(forelder: Any, navn: str, kontonummer: str) -> None:
    othr = _e(_e(_e(forelder, navn), "Id"), "Othr")
    _e(othr, "Id", kontonummer)
    _e(_e(othr, "SchmeNm"), "Cd", "BBAN")


def meldings_id(runde: Utbetalingsrunde) -> str:
    """Betalingsfilens meldings-id (MsgId); bankens statusrapport (pain.002) viser til den."""
    return f"KVP-{runde.kommune_id}-{runde.aar}{runde.maaned:02d}-{str(runde.pk)[:8]}"


def ende_til_ende_id(utbetaling_id: Any, *, paa_nytt: bool = False) -> str:
    """Betalingens referanse i filen (EndToEndId); en avvist betaling som sendes på nytt, får «R» foran."""
    return ("R" if paa_nytt else "") + str(utbetaling_id).replace("-", "")[:32]


def betalinger_paa_nytt(runde: Utbetalingsrunde) -> list[Betalingsresultat]:
    """Avviste betalinger fra tidligere runder som sendes på nytt med denne runden (til det nye kontonummeret)."""
    return list(
        Betalingsresultat.objects.filter(ny_runde=runde)
        .select_related("utbetaling__sak__person", "utbetaling__runde")
        .order_by("utbetaling__sak__person__etternavn", "utbetaling__sak__person__fornavn", "utbetaling_id")
    )


def lag_pain001(runde: Utbetalingsrunde) -> bytes:
    """Betalingsfilen: én betaling per deltaker med netto over 0, belastet kommunens konto på utbetalingsdatoen."""
    oppsett = Utbetalingsoppsett.objects.filter(kommune_id=runde.kommune_id).first()
    if oppsett is None:
        raise KvpFeil(
            "Kommunen mangler kontonummer for utbetalinger. Legg det inn under innstillingene.",
            kode="KVP_MANGLER_KOMMUNEKONTO",
        )
    if runde.utbetalingsdato < timezone.localdate():
        raise KvpFeil(
            f"Utbetalingsdatoen {runde.utbetalingsdato:%d.%m.%Y} er passert, og en betalingsfil kan ikke be banken "
            "betale på en dato tilbake i tid. Betalingsfilen kan lastes ned til og med utbetalingsdatoen.",
            kode="KVP_UTBETALINGSDATO_PASSERT",
        )
    betalinger = [u for u in _utbetalinger(runde) if u.netto > 0]
    paa_nytt = betalinger_paa_nytt(runde)
    sum_netto = sum((u.netto for u in betalinger), Decimal("0.00")) + sum(
        (r.utbetaling.netto for r in paa_nytt), Decimal("0.00")
    )
    antall = str(len(betalinger) + len(paa_nytt))
    melding_id = meldings_id(runde)
    navn = runde.kommune.navn + " kommune"
    rot = etree.Element(f"{{{PAIN001_NS}}}Document", nsmap={None: PAIN001_NS})  # type: ignore[dict-item]
    melding = _e(rot, "CstmrCdtTrfInitn")
    hode = _e(melding, "GrpHdr")
    _e(hode, "MsgId", melding_id)
    _e(hode, "CreDtTm", timezone.localtime().replace(microsecond=0, tzinfo=None).isoformat())
    _e(hode, "NbOfTxs", antall)
    _e(hode, "CtrlSum", f"{sum_netto:.2f}")
    initiativtaker = _e(hode, "InitgPty")
    _e(initiativtaker, "Nm", navn)
    if oppsett.organisasjonsnummer:
        _e(_e(_e(_e(initiativtaker, "Id"), "OrgId"), "Othr"), "Id", oppsett.organisasjonsnummer)
    betaling = _e(melding, "PmtInf")
    _e(betaling, "PmtInfId", melding_id)
    _e(betaling, "PmtMtd", "TRF")
    _e(betaling, "NbOfTxs", antall)
    _e(betaling, "CtrlSum", f"{sum_netto:.2f}")
    _e(_e(betaling, "PmtTpInf"), "InstrPrty", "NORM")
    _e(betaling, "ReqdExctnDt", runde.utbetalingsdato.isoformat())
    _e(_e(betaling, "Dbtr"), "Nm", navn)
    _konto(betaling, "DbtrAcct", oppsett.kontonummer)
    agent = _e(_e(betaling, "DbtrAgt"), "FinInstnId")
    _e(_e(agent, "PstlAdr"), "Ctry", "NO")
    tekst = f"Kvalifiseringsstønad {maanedstekst(runde.aar, runde.maaned)}"
    transaksjoner = [(ende_til_ende_id(u.pk), u, u.kontonummer, tekst) for u in betalinger] + [
        (
            ende_til_ende_id(r.utbetaling_id, paa_nytt=True),
            r.utbetaling,
            r.ny_kontonummer,
            f"Kvalifiseringsstønad {maanedstekst(r.utbetaling.runde.aar, r.utbetaling.runde.maaned)} (sendt på nytt)",
        )
        for r in paa_nytt
    ]
    for referanse, u, konto, forklaring in transaksjoner:
        transaksjon = _e(betaling, "CdtTrfTxInf")
        _e(_e(transaksjon, "PmtId"), "EndToEndId", referanse)
        _e(_e(transaksjon, "Amt"), "InstdAmt", f"{u.netto:.2f}", Ccy="NOK")
        person = u.sak.person
        _e(_e(transaksjon, "Cdtr"), "Nm", f"{person.fornavn} {person.etternavn}"[:70])
        _konto(transaksjon, "CdtrAcct", konto)
        _e(_e(transaksjon, "RmtInf"), "Ustrd", forklaring[:140])
    return bytes(etree.tostring(rot, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def lag_aarsoppgaver_csv(*, kommune_nummer: str, aar: int) -> str:
    """Årsoppgavene for kommunens deltakere (utbetalt i året, etter utbetalingsdato) for a-meldingen."""
    ut = io.StringIO()
    skriver = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    skriver.writerow(["aar", "foedselsnummer", "navn", "brutto", "trekk_tilbakekreving", "skattetrekk", "netto"])
    rader = (
        Utbetaling.objects.filter(
            runde__kommune_id=kommune_nummer, runde__status__in=SYNLIG_FOR_DELTAKER, runde__utbetalingsdato__year=aar
        )
        .values("sak__person__foedselsnummer", "sak__person__etternavn", "sak__person__fornavn")
        .annotate(brutto=Sum("brutto"), trekk=Sum("trekk"), skatt=Sum("skattetrekk"), netto=Sum("netto"))
        .order_by("sak__person__etternavn", "sak__person__fornavn", "sak__person__foedselsnummer")
    )
    for r in rader:
        skriver.writerow(
            [
                aar,
                r["sak__person__foedselsnummer"],
                _celle(f"{r['sak__person__etternavn']}, {r['sak__person__fornavn']}"),
                f"{Decimal(r['brutto']):.2f}",
                f"{Decimal(r['trekk']):.2f}",
                f"{Decimal(r['skatt']):.2f}",
                f"{Decimal(r['netto']):.2f}",
            ]
        )
    return ut.getvalue()


# Hvem står i filene: revisjonsloggen får én rad per person i filen (samme utvalg som filene over).
Personpar = list[tuple[Any, Any]]


def personer_i_regnskap(runde: Utbetalingsrunde) -> Personpar:
    utbetalt = Utbetaling.objects.filter(runde=runde).values_list("sak__person_id", "sak__kontor_id")
    krav = Tilbakekreving.objects.filter(krav_runde=runde).values_list("sak__person_id", "sak__kontor_id")
    return [*utbetalt, *krav]


def personer_i_pain001(runde: Utbetalingsrunde) -> Personpar:
    return [
        *Utbetaling.objects.filter(runde=runde, netto__gt=0).values_list("sak__person_id", "sak__kontor_id"),
        *Betalingsresultat.objects.filter(ny_runde=runde).values_list(
            "utbetaling__sak__person_id", "utbetaling__sak__kontor_id"
        ),
    ]


def personer_i_aarsoppgaver(*, kommune_nummer: str, aar: int) -> Personpar:
    return list(
        Utbetaling.objects.filter(
            runde__kommune_id=kommune_nummer, runde__status__in=SYNLIG_FOR_DELTAKER, runde__utbetalingsdato__year=aar
        )
        .values_list("sak__person_id", "sak__kontor_id")
        .distinct()
    )

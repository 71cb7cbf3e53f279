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
import re
from collections.abc import Iterator
from decimal import Decimal
from itertools import chain
from typing import Any, NamedTuple

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


class _Rad(NamedTuple):
    """Det filene trenger om én utbetaling, lest som verdier (ingen modellobjekter: en runde kan ha 100 000)."""

    id: Any
    sak_id: Any
    foedselsnummer: str
    fornavn: str
    etternavn: str
    kontonummer: str
    brutto: Decimal
    trekk: Decimal
    skattetrekk_prosent: Decimal | None
    skattetrekk: Decimal
    netto: Decimal


_RADFELT = (
    "id",
    "sak_id",
    "sak__person__foedselsnummer",
    "sak__person__fornavn",
    "sak__person__etternavn",
    "kontonummer",
    "brutto",
    "trekk",
    "skattetrekk_prosent",
    "skattetrekk",
    "netto",
)


def _utbetalinger(runde: Utbetalingsrunde, **filter: Any) -> Iterator[_Rad]:
    """Rundens utbetalinger sortert på navn, strømmet i biter (minnet er det samme for 1 000 og 100 000)."""
    for verdier in (
        Utbetaling.objects.filter(runde=runde, **filter)
        .order_by("sak__person__etternavn", "sak__person__fornavn", "sak_id")
        .values_list(*_RADFELT)
        .iterator(chunk_size=5000)
    ):
        yield _Rad(*verdier)


def _regnskapsrader(runde: Utbetalingsrunde) -> Iterator[list[str | Decimal]]:
    dato = runde.utbetalingsdato.isoformat()
    kommune = _Nummertekst(runde.kommune_id)
    periode = _Nummertekst(f"{runde.aar}-{runde.maaned:02d}")
    for u in _utbetalinger(runde):
        yield [
            dato,
            kommune,
            periode,
            str(u.sak_id),
            _Nummertekst(u.foedselsnummer),
            _celle(f"{u.etternavn}, {u.fornavn}"),
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


# Et element i betalingsfilen: (navn, tekst eller barn, attributter).
_Node = tuple[str, "str | list[_Node]", dict[str, str]]


def _n(navn: str, innhold: "str | list[_Node]", **attributter: str) -> _Node:
    return (navn, innhold, attributter)


def _konto(navn: str, kontonummer: str) -> _Node:
    return _n(navn, [_n("Id", [_n("Othr", [_n("Id", kontonummer), _n("SchmeNm", [_n("Cd", "BBAN")])])])])


def _skriv(fil: Any, node: _Node, nivaa: int) -> None:
    """Skriver elementet med innrykk (to mellomrom per nivå), som `pretty_print`, men strømmet: lxml holder bare
    elementene som er åpne, ikke hele treet (en runde for hele landet gir en fil på over 50 MB)."""
    navn, innhold, attributter = node
    fil.write("\n" + "  " * nivaa)
    with fil.element(f"{{{PAIN001_NS}}}{navn}", attrib=attributter or None):
        if isinstance(innhold, str):
            fil.write(innhold)
            return
        for barn in innhold:
            _skriv(fil, barn, nivaa + 1)
        fil.write("\n" + "  " * nivaa)


def transaksjon(referanse: str, beloep: str, mottaker: str, konto: str, forklaring: str) -> _Node:
    """Én betaling (CdtTrfTxInf) som element; `transaksjon_xml` skriver den samme teksten raskere."""
    return _n(
        "CdtTrfTxInf",
        [
            _n("PmtId", [_n("EndToEndId", referanse)]),
            _n("Amt", [_n("InstdAmt", beloep, Ccy="NOK")]),
            _n("Cdtr", [_n("Nm", mottaker)]),
            _konto("CdtrAcct", konto),
            _n("RmtInf", [_n("Ustrd", forklaring)]),
        ],
    )


# Det `_skriv(fil, transaksjon(...), 3)` gir (samme innrykk og rekkefølge), som én formatstreng: en runde for hele
# landet har 100 000 betalinger, og å skrive hvert element gjennom lxml var det meste av tiden filen tok (ADR 0026).
_TRANSAKSJON = (
    "\n      <CdtTrfTxInf>\n        <PmtId>\n          <EndToEndId>{}</EndToEndId>\n        </PmtId>\n"
    '        <Amt>\n          <InstdAmt Ccy="NOK">{}</InstdAmt>\n        </Amt>\n'
    "        <Cdtr>\n          <Nm>{}</Nm>\n        </Cdtr>\n"
    "        <CdtrAcct>\n          <Id>\n            <Othr>\n              <Id>{}</Id>\n"
    "              <SchmeNm>\n                <Cd>BBAN</Cd>\n              </SchmeNm>\n            </Othr>\n"
    "          </Id>\n        </CdtrAcct>\n"
    "        <RmtInf>\n          <Ustrd>{}</Ustrd>\n        </RmtInf>\n      </CdtTrfTxInf>"
)
# Tegn XML ikke tillater (som lxml nekter å skrive).
_UGYLDIG_I_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_tekst(tekst: str) -> str:
    """Tekst i et element, escapet som lxml gjør det (`&`, `<`, `>` og linjeskift `\\r`)."""
    if _UGYLDIG_I_XML.search(tekst):
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes or control characters")
    return tekst.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def transaksjon_xml(referanse: str, beloep: str, mottaker: str, konto: str, forklaring: str) -> str:
    """`transaksjon(...)` som tekst, med innrykk for nivået i betalingsfilen."""
    return _TRANSAKSJON.format(
        _xml_tekst(referanse), _xml_tekst(beloep), _xml_tekst(mottaker), _xml_tekst(konto), _xml_tekst(forklaring)
    )


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
    paa_nytt = betalinger_paa_nytt(runde)
    # Summen i Python (eksakt Decimal også på SQLite), men uten å holde utbetalingene i minnet.
    antall_betalinger, sum_netto = 0, Decimal("0.00")
    for netto in (
        Utbetaling.objects.filter(runde=runde, netto__gt=0).values_list("netto", flat=True).iterator(chunk_size=5000)
    ):
        antall_betalinger, sum_netto = antall_betalinger + 1, sum_netto + netto
    sum_netto += sum((r.utbetaling.netto for r in paa_nytt), Decimal("0.00"))
    antall = str(antall_betalinger + len(paa_nytt))
    melding_id = meldings_id(runde)
    navn = runde.kommune.navn + " kommune"
    initiativtaker: list[_Node] = [_n("Nm", navn)]
    if oppsett.organisasjonsnummer:
        initiativtaker.append(_n("Id", [_n("OrgId", [_n("Othr", [_n("Id", oppsett.organisasjonsnummer)])])]))
    hode = _n(
        "GrpHdr",
        [
            _n("MsgId", melding_id),
            _n("CreDtTm", timezone.localtime().replace(microsecond=0, tzinfo=None).isoformat()),
            _n("NbOfTxs", antall),
            _n("CtrlSum", f"{sum_netto:.2f}"),
            _n("InitgPty", initiativtaker),
        ],
    )
    betalingshode = [
        _n("PmtInfId", melding_id),
        _n("PmtMtd", "TRF"),
        _n("NbOfTxs", antall),
        _n("CtrlSum", f"{sum_netto:.2f}"),
        _n("PmtTpInf", [_n("InstrPrty", "NORM")]),
        _n("ReqdExctnDt", runde.utbetalingsdato.isoformat()),
        _n("Dbtr", [_n("Nm", navn)]),
        _konto("DbtrAcct", oppsett.kontonummer),
        _n("DbtrAgt", [_n("FinInstnId", [_n("PstlAdr", [_n("Ctry", "NO")])])]),
    ]
    tekst = f"Kvalifiseringsstønad {maanedstekst(runde.aar, runde.maaned)}"
    transaksjoner = chain(
        (
            (ende_til_ende_id(u.id), u.netto, f"{u.fornavn} {u.etternavn}", u.kontonummer, tekst)
            for u in _utbetalinger(runde, netto__gt=0)
        ),
        (
            (
                ende_til_ende_id(r.utbetaling_id, paa_nytt=True),
                r.utbetaling.netto,
                f"{r.utbetaling.sak.person.fornavn} {r.utbetaling.sak.person.etternavn}",
                r.ny_kontonummer,
                f"Kvalifiseringsstønad {maanedstekst(r.utbetaling.runde.aar, r.utbetaling.runde.maaned)} "
                "(sendt på nytt)",
            )
            for r in paa_nytt
        ),
    )
    ut = io.BytesIO()
    with etree.xmlfile(ut, encoding="UTF-8") as fil:
        fil.write_declaration()
        with fil.element(f"{{{PAIN001_NS}}}Document", nsmap={None: PAIN001_NS}):
            fil.write("\n  ")
            with fil.element(f"{{{PAIN001_NS}}}CstmrCdtTrfInitn"):
                _skriv(fil, hode, 2)
                fil.write("\n    ")
                with fil.element(f"{{{PAIN001_NS}}}PmtInf"):
                    for node in betalingshode:
                        _skriv(fil, node, 3)
                    # Transaksjonene skrives som ferdig tekst rett i bufferen (lxml har skrevet alt før dem).
                    fil.flush()
                    bit: list[str] = []
                    for referanse, netto, mottaker, konto, forklaring in transaksjoner:
                        bit.append(transaksjon_xml(referanse, f"{netto:.2f}", mottaker[:70], konto, forklaring[:140]))
                        if len(bit) == 5000:
                            ut.write("".join(bit).encode())
                            bit = []
                    ut.write("".join(bit).encode())
                    fil.write("\n    ")
                fil.write("\n  ")
            fil.write("\n")
    ut.write(b"\n")
    return ut.getvalue()


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

"""Kommandolinjen `kvp`.

    kvp beregn < grunnlag.json > resultat.json

Leser ett JSON-dokument (eller en JSON-liste med dokumenter) på standard input og skriver resultatet på standard
output. Ugyldige inndata gir exit-kode 2, ingenting på standard output og én norsk melding på standard error.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NoReturn, TextIO

from kvp_regler.beregning import UgyldigGrunnlag, beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json

__all__ = ["main"]

EXIT_OK = 0
EXIT_UGYLDIG = 2


class _Avbryt(Exception):
    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Avbryt(f"Ugyldig bruk av kommandoen: {message}. Se «kvp --help».")


def _tolk_json(tekst: str) -> Any:
    def ingen_konstanter(navn: str) -> NoReturn:
        raise ValueError(f"{navn} er ikke et gyldig JSON-tall")

    try:
        return json.loads(tekst, parse_float=Decimal, parse_int=Decimal, parse_constant=ingen_konstanter)
    except json.JSONDecodeError as feil:
        raise _Avbryt(f"Inndata er ikke gyldig JSON (linje {feil.lineno}, kolonne {feil.colno}): {feil.msg}.") from None
    except (ValueError, RecursionError) as feil:
        raise _Avbryt(f"Inndata er ikke gyldig JSON: {feil}.") from None


def _beregn_dokument(dokument: object) -> dict[str, Any]:
    return resultat_til_json(beregn_stoenad(grunnlag_fra_json(dokument)))


def beregn(inn: TextIO, ut: TextIO) -> None:
    """Leser grunnlag fra `inn` og skriver resultat til `ut`. Kaster `_Avbryt` ved ugyldige inndata."""
    try:
        tekst = inn.read()
    except UnicodeDecodeError:
        raise _Avbryt("Inndata er ikke gyldig UTF-8-tekst.") from None
    if not tekst.strip():
        raise _Avbryt("Inndata er tomme: send ett JSON-dokument (eller en liste med dokumenter) på standard input.")
    data = _tolk_json(tekst)
    if isinstance(data, list):
        resultater = []
        for i, dokument in enumerate(data):
            try:
                resultater.append(_beregn_dokument(dokument))
            except UgyldigGrunnlag as feil:
                raise _Avbryt(f"Dokument nr. {i} i listen (indeks {i}): {feil}") from None
        svar: object = resultater
    else:
        try:
            svar = _beregn_dokument(data)
        except UgyldigGrunnlag as feil:
            raise _Avbryt(str(feil)) from None
    # Alt er beregnet før noe skrives: en feil gir aldri halve resultater på standard output.
    # json.dumps (ikke json.dump): bare den bruker den raske C-koderen for hele dokumentet
    ut.write(json.dumps(svar, ensure_ascii=False, separators=(",", ":")))
    ut.write("\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _Parser(prog="kvp", description="KVP fra kommandolinjen.")
    kommandoer = parser.add_subparsers(dest="kommando", metavar="KOMMANDO")
    kommandoer.add_parser(
        "beregn",
        help="beregn kvalifiseringsstønad: JSON inn på standard input, JSON ut på standard output",
        description="Leser ett beregningsgrunnlag (eller en liste) som JSON og skriver resultatet som JSON.",
    )
    try:
        argumenter = parser.parse_args(argv)
        if argumenter.kommando != "beregn":
            raise _Avbryt("Mangler kommando. Bruk: kvp beregn < grunnlag.json")
        for stroem in (sys.stdin, sys.stdout):
            if isinstance(stroem, io.TextIOWrapper):
                stroem.reconfigure(encoding="utf-8")
        beregn(sys.stdin, sys.stdout)
    except _Avbryt as feil:
        print(f"kvp: {feil.melding}", file=sys.stderr)
        return EXIT_UGYLDIG
    except KeyboardInterrupt:
        return 130
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

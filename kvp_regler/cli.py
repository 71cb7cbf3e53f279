"""Kommandolinjen `kvp`.

    kvp beregn < grunnlag.json > resultat.json

Leser ett JSON-dokument (eller en JSON-liste med dokumenter) på standard input og skriver resultatet på standard
output. Ugyldige inndata gir exit-kode 2, ingenting på standard output og én norsk melding på standard error.
"""

from __future__ import annotations

import argparse
import gc
import io
import json
import os
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NoReturn, TextIO

from kvp_regler.beregning import UgyldigGrunnlag, beregn_stoenad, uten_syklisk_gc
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json

__all__ = ["main"]

EXIT_OK = 0
EXIT_UGYLDIG = 2
EXIT_INTERN_FEIL = 1
PARALLELL_FRA = 2000
"""Lister med minst så mange dokumenter deles på flere prosesser."""


class _Avbryt(Exception):
    def __init__(self, melding: str) -> None:
        super().__init__(melding)
        self.melding = melding


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _Avbryt("Ugyldig bruk av kommandoen. Bruk: kvp beregn < grunnlag.json (se «kvp --help»).")


def _tolk_json(tekst: str) -> Any:
    def ingen_konstanter(navn: str) -> NoReturn:
        raise ValueError(f"{navn} er ikke et gyldig JSON-tall")

    try:
        return json.loads(tekst, parse_float=Decimal, parse_int=Decimal, parse_constant=ingen_konstanter)
    except json.JSONDecodeError as feil:
        raise _Avbryt(
            f"Inndata er ikke gyldig JSON: feil i linje {feil.lineno}, kolonne {feil.colno} (tegn nr. {feil.pos + 1})."
        ) from None
    except ValueError as feil:
        raise _Avbryt(f"Inndata er ikke gyldig JSON: {feil}.") from None
    except RecursionError:
        raise _Avbryt("Inndata er ikke gyldig JSON: dokumentet er nøstet for dypt.") from None


def _beregn_dokument(dokument: object) -> dict[str, Any]:
    return resultat_til_json(beregn_stoenad(grunnlag_fra_json(dokument)))


def _til_json(svar: object) -> str:
    # json.dumps (ikke json.dump): bare den bruker den raske C-koderen for hele dokumentet
    return json.dumps(svar, ensure_ascii=False, separators=(",", ":"))


def _beregn_del(dokumenter: list[Any], start: int) -> tuple[int, str] | tuple[int, str, None]:
    """Beregner en del av en liste. Gir (antall, JSON-elementer skilt med komma) eller (indeks, melding, None)."""
    resultater = []
    for i, dokument in enumerate(dokumenter, start):
        try:
            resultater.append(_beregn_dokument(dokument))
        except UgyldigGrunnlag as feil:
            return i, f"Dokument nr. {i + 1} i listen (indeks {i}): {feil}", None
    tekst = _til_json(resultater)
    return len(resultater), tekst[1:-1]


_LISTE: list[Any] = []
"""Listen som beregnes i parallell. Arbeidsprosessene arver den ved fork, så den sendes ikke mellom prosesser."""


def _beregn_del_i_arbeider(omraade: tuple[int, int]) -> tuple[int, str] | tuple[int, str, None]:
    start, slutt = omraade
    return _beregn_del(_LISTE[start:slutt], start)


def _prosesser(antall_dokumenter: int) -> int:
    """Antall prosesser for en liste: bare store lister deles, og bare der fork finnes og det er flere kjerner."""
    if antall_dokumenter < PARALLELL_FRA:
        return 1
    import multiprocessing  # noqa: PLC0415 - bare store lister trenger den; sparer oppstartstid ellers

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    kjerner = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(kjerner, antall_dokumenter // (PARALLELL_FRA // 2)))


def _beregn_liste(dokumenter: list[Any]) -> str:
    prosesser = _prosesser(len(dokumenter))
    if prosesser == 1:
        deler = [_beregn_del(dokumenter, 0)]
    else:
        import multiprocessing  # noqa: PLC0415 - se _prosesser

        global _LISTE  # noqa: PLW0603 - arves av arbeidsprosessene ved fork
        _LISTE = dokumenter
        gc.freeze()  # arbeidsprosessene deler foreldrenes objekter uten å kopiere minnesidene de ligger på
        try:
            stoerrelse = -(-len(dokumenter) // prosesser)
            omraader = [(i, min(i + stoerrelse, len(dokumenter))) for i in range(0, len(dokumenter), stoerrelse)]
            with multiprocessing.get_context("fork").Pool(prosesser) as pool:
                deler = pool.map(_beregn_del_i_arbeider, omraader)
        finally:
            _LISTE = []
            gc.unfreeze()
    feil = [del_ for del_ in deler if len(del_) == 3]
    if feil:
        raise _Avbryt(min(feil)[1])  # den første feilen i listen, uansett hvilken prosess som fant den
    return "[" + ",".join(del_[1] for del_ in deler if del_[1]) + "]"


def beregn(inn: TextIO, ut: TextIO) -> None:
    """Leser grunnlag fra `inn` og skriver resultat til `ut`. Kaster `_Avbryt` ved ugyldige inndata.

    Store lister beregnes i flere prosesser (én per kjerne); resultatet er det samme og i samme rekkefølge.
    Syklusrydderen står på pause under hele kjøringen (se `uten_syklisk_gc`)."""
    with uten_syklisk_gc():
        svar = _beregn_tekst(inn)
    # Alt er beregnet før noe skrives: en feil gir aldri halve resultater på standard output.
    ut.write(svar)
    ut.write("\n")


def _beregn_tekst(inn: TextIO) -> str:
    try:
        tekst = inn.read()
    except UnicodeDecodeError:
        raise _Avbryt("Inndata er ikke gyldig UTF-8-tekst.") from None
    if not tekst.strip():
        raise _Avbryt("Inndata er tomme: send ett JSON-dokument (eller en liste med dokumenter) på standard input.")
    data = _tolk_json(tekst)
    if isinstance(data, list):
        svar = _beregn_liste(data)
    else:
        try:
            svar = _til_json(_beregn_dokument(data))
        except UgyldigGrunnlag as feil:
            raise _Avbryt(str(feil)) from None
    return svar


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
    except Exception as feil:  # siste skanse: en feil i programmet skal heller ikke gi traceback
        print(f"kvp: Intern feil i beregningen ({type(feil).__name__}). Meld fra til utviklerne.", file=sys.stderr)
        return EXIT_INTERN_FEIL
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())

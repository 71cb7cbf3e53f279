"""Kommandolinjen `kvp`.

    kvp beregn < grunnlag.json > resultat.json

Leser ett JSON-dokument (eller en JSON-liste med dokumenter) på standard input og skriver resultatet på standard
output. Ugyldige inndata gir exit-kode 2, ingenting på standard output og én norsk melding på standard error.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import signal
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Any, NoReturn, TextIO

from kvp_regler.beregning import UgyldigGrunnlag, beregn_stoenad, uten_syklisk_gc
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json_tekst

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


def _beregn_dokument(dokument: object) -> str:
    return resultat_til_json_tekst(beregn_stoenad(grunnlag_fra_json(dokument)))


def _beregn_del(dokumenter: list[Any], start: int) -> tuple[int, str] | tuple[int, str, None]:
    """Beregner en del av en liste. Gir (antall, JSON-elementer skilt med komma) eller (indeks, melding, None)."""
    resultater = []
    for i, dokument in enumerate(dokumenter, start):
        try:
            resultater.append(_beregn_dokument(dokument))
        except UgyldigGrunnlag as feil:
            return i, f"Dokument nr. {i + 1} i listen (indeks {i}): {feil}", None
    return len(resultater), ",".join(resultater)


def _prosesser(antall_dokumenter: int) -> int:
    """Antall prosesser for en liste: bare store lister deles, og bare der fork finnes og det er flere kjerner."""
    if antall_dokumenter < PARALLELL_FRA or not hasattr(os, "fork"):
        return 1
    kjerner = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(kjerner, antall_dokumenter // (PARALLELL_FRA // 2)))


def _i_barneprosess(dokumenter: list[Any], start: int) -> tuple[int, int] | None:
    """Beregner en del av listen i en barneprosess (fork: dokumentene og mellomlagrene arves uten å kopieres eller
    pickles). Gir (prosess-id, lesesiden av røret) der svaret kommer som UTF-8: «K» + elementene, «F» + indeks + NUL +
    melding for ugyldige inndata, eller «X» + typen til en feil i programmet. None når det ikke går å lage en
    barneprosess (da regner denne prosessen delen selv)."""
    les, skriv = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(les)
        os.close(skriv)
        return None
    if pid:
        os.close(skriv)
        return pid, les
    try:  # barneprosessen: skriv svaret og avslutt uten å rydde opp det foreldreprosessen eier
        os.close(les)
        try:
            del_ = _beregn_del(dokumenter, start)
            svar = f"K{del_[1]}" if len(del_) == 2 else f"F{del_[0]}\0{del_[1]}"
        except BaseException as feil:  # meldes til foreldreprosessen, som gir exit-kode 1
            svar = f"X{type(feil).__name__}"
        data = memoryview(svar.encode("utf-8"))
        while data:
            data = data[os.write(skriv, data) :]
        os.close(skriv)
    finally:
        os._exit(0)


def _les_barneprosess(pid: int, les: int) -> tuple[int, str] | tuple[int, str, None]:
    biter = []
    while bit := os.read(les, 1 << 20):
        biter.append(bit)
    os.close(les)
    os.waitpid(pid, 0)
    svar = b"".join(biter).decode("utf-8")
    if svar[:1] == "K":
        return -1, svar[1:]
    if svar[:1] == "F":
        indeks, melding = svar[1:].split("\0", 1)
        return int(indeks), melding, None
    raise RuntimeError(f"en arbeidsprosess feilet: {svar[1:] or 'ingen svar'}")


def _beregn_liste(dokumenter: list[Any]) -> str:
    """Store lister deles i like store deler: hver ekstra kjerne får en barneprosess (fork) med sin del, og denne
    prosessen regner den første delen selv mens barna regner sine."""
    prosesser = _prosesser(len(dokumenter))
    stoerrelse = -(-len(dokumenter) // prosesser) or 1
    barn = [
        (i, _i_barneprosess(dokumenter[i : i + stoerrelse], i)) for i in range(stoerrelse, len(dokumenter), stoerrelse)
    ]
    deler: dict[int, tuple[int, str] | tuple[int, str, None]] = {}
    try:
        for start, prosess in [(0, None), *barn]:
            if prosess is None:
                deler[start] = _beregn_del(dokumenter[start : start + stoerrelse], start)
    except BaseException:  # avbrutt (Ctrl-C) eller feil i programmet: stopp barna og vent på dem, så ingen blir igjen
        for _, prosess in barn:
            if prosess is not None:
                pid, les = prosess
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                os.close(les)
        raise
    for start, prosess in barn:
        if prosess is not None:
            deler[start] = _les_barneprosess(*prosess)
    feil = [del_ for del_ in deler.values() if len(del_) == 3]
    if feil:
        raise _Avbryt(min(feil)[1])  # den første feilen i listen, uansett hvilken prosess som fant den
    return "[" + ",".join(deler[start][1] for start in sorted(deler) if deler[start][1]) + "]"


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
            svar = _beregn_dokument(data)
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

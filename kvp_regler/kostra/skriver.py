"""KOSTRA 11CF: skriver postene som fast bredde, ISO-8859-1 (spec/kostra-11cf.md § 2 og § 11).

Hver post er nøyaktig 152 tegn og 152 byte: tekst venstrejusteres, heltall høyrejusteres med mellomrom, datoer
skrives DDMMÅÅÅÅ, og et avkrysningsfelt holder sin egen kode når det er krysset av. Tegn som ISO-8859-1 ikke har,
erstattes med bokstaven uten aksent (eller «?»), så en post aldri blir lengre. En fil uten deltakere er ett mellomrom.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable, Mapping

from .oppsett import FELT, FILKODING, POSTLENGDE, Felttype

Verdi = str | int | bool | dt.date | None


class UgyldigVerdi(ValueError):
    """En verdi passer ikke i feltet sitt (for lang, eller feil type)."""


def til_latin1(tekst: str) -> str:
    """Gjør teksten skrivbar i ISO-8859-1 med ett tegn per tegn (æøå beholdes)."""
    ut = []
    for tegn in tekst:
        if tegn in "\t\r\n":
            ut.append(" ")
            continue
        try:
            tegn.encode(FILKODING)
        except UnicodeEncodeError:
            grunn = unicodedata.normalize("NFKD", tegn)[:1]
            ut.append(grunn if grunn.isascii() and grunn.isprintable() and grunn != tegn else "?")
            continue
        ut.append(tegn)
    return "".join(ut)


def _felt(navn: str, lengde: int, typ: Felttype, koder: tuple[str, ...], verdi: Verdi) -> str:
    if verdi is None or verdi is False or verdi == "":
        return " " * lengde
    if typ is Felttype.AVKRYSSING:
        if verdi is True or verdi == koder[0]:
            return koder[0].rjust(lengde, "0")
        raise UgyldigVerdi(f"{navn}: avkrysningsfeltet tar bare sann/usann eller koden {koder[0]}")
    if typ is Felttype.DATO:
        if not isinstance(verdi, dt.date):
            raise UgyldigVerdi(f"{navn}: ventet en dato")
        return verdi.strftime("%d%m%Y") if verdi.year >= 1000 else f"{verdi.day:02d}{verdi.month:02d}{verdi.year:04d}"
    if typ is Felttype.HELTALL:
        if isinstance(verdi, bool) or not isinstance(verdi, int):
            raise UgyldigVerdi(f"{navn}: ventet et heltall")
        tekst = str(verdi)
        if len(tekst) > lengde:
            raise UgyldigVerdi(f"{navn}: {tekst} har mer enn {lengde} sifre")
        return tekst.rjust(lengde)
    tekst = til_latin1(str(verdi))
    if typ is Felttype.KODE and len(tekst) > lengde:
        raise UgyldigVerdi(f"{navn}: koden er for lang")
    return tekst[:lengde].ljust(lengde)


def lag_post(verdier: Mapping[str, Verdi]) -> str:
    """Én post (uten linjeskift). Felt som mangler i `verdier`, blir mellomrom."""
    ukjente = set(verdier) - {f.navn for f in FELT}
    if ukjente:
        raise UgyldigVerdi(f"ukjente felt: {', '.join(sorted(ukjente))}")
    post = "".join(_felt(f.navn, f.lengde, f.type, f.koder, verdier.get(f.navn)) for f in FELT)
    if len(post) != POSTLENGDE:  # pragma: no cover - oppsettet er kontrollert ved import
        raise UgyldigVerdi(f"posten ble {len(post)} tegn")
    return post


def lag_fil(poster: Iterable[Mapping[str, Verdi]], *, linjeskift: str = "\n") -> bytes:
    """Hele filen i ISO-8859-1: én post per linje, eller ett mellomrom når det ikke er deltakere."""
    linjer = [lag_post(p) for p in poster]
    if not linjer:
        return b" "
    return "".join(linje + linjeskift for linje in linjer).encode(FILKODING)

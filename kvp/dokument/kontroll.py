"""Kontrollen av en opplastet fil: bare PDF, JPEG og PNG, avgjort av innholdet (ikke av filnavnet).

1. Størrelsen må være innenfor `KVP_DOKUMENT_MAKS_BYTE`.
2. De første bytene («magiske tall») sier hvilken type filen er; filnavnets endelse teller ikke.
3. Filen må faktisk kunne åpnes: PDF-er med pypdf (minst én side, ikke kryptert), bilder med Pillow.
4. Bilder lagres på nytt med Pillow, uten metadata (EXIF med GPS-posisjon, kamera, tidspunkt). Retningen fra EXIF
   legges inn i selve bildet først, så bildet står riktig vei.

Resultatet er innholdet som skal lagres, typen og et trygt filnavn med riktig endelse.
"""

import io
import re
from dataclasses import dataclass

from django.conf import settings
from PIL import Image, ImageOps, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from kvp.felles.feil import KvpFeil
from kvp.felles.maalform import mf

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
ENDELSE = {PDF: "pdf", JPEG: "jpg", PNG: "png"}


@dataclass(frozen=True)
class KontrollertFil:
    innhold: bytes
    innholdstype: str
    filnavn: str


def _type_fra_innhold(innhold: bytes) -> str | None:
    if innhold.startswith(b"%PDF-"):
        return PDF
    if innhold.startswith(b"\xff\xd8\xff"):
        return JPEG
    if innhold.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    return None


def _trygt_navn(filnavn: str, innholdstype: str) -> str:
    stamme = filnavn.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stamme = re.sub(r"[^\w\- ]+", "", stamme).strip()[:80] or "dokument"
    return f"{stamme}.{ENDELSE[innholdstype]}"


def _ugyldig(melding: str) -> KvpFeil:
    return KvpFeil(melding, felt="fil", kode="KVP_DOKUMENT_UGYLDIG")


def _kontroller_pdf(innhold: bytes) -> None:
    try:
        leser = PdfReader(io.BytesIO(innhold))
        if leser.is_encrypted:
            raise _ugyldig(
                mf(
                    "PDF-en er låst med passord. Last opp en PDF uten passord.",
                    "PDF-en er låst med passord. Last opp ein PDF utan passord.",
                )
            )
        if len(leser.pages) < 1:
            raise _ugyldig(mf("PDF-en har ingen sider.", "PDF-en har ingen sider."))
    except (PdfReadError, ValueError, OSError, KeyError, TypeError) as feil:
        raise _ugyldig(
            mf(
                "Vi klarte ikke å åpne PDF-en. Prøv å lagre den på nytt og last den opp igjen.",
                "Vi klarte ikkje å opne PDF-en. Prøv å lagre han på nytt og last han opp igjen.",
            )
        ) from feil


def _lagre_bilde_paa_nytt(innhold: bytes, innholdstype: str) -> bytes:
    try:
        with Image.open(io.BytesIO(innhold)) as bilde:
            bilde.verify()
        with Image.open(io.BytesIO(innhold)) as bilde:
            bilde.load()
            rettet = ImageOps.exif_transpose(bilde) or bilde
            ut = io.BytesIO()
            if innholdstype == JPEG:
                rettet = rettet.convert("RGB") if rettet.mode not in ("RGB", "L") else rettet
                rettet.save(ut, format="JPEG", quality=90)
            else:
                # Uten pnginfo og exif: tekstbiter og EXIF i PNG-en blir ikke med.
                rettet.save(ut, format="PNG")
            return ut.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as feil:
        raise _ugyldig(
            mf(
                "Vi klarte ikke å åpne bildet. Ta bildet på nytt, eller last opp en PDF.",
                "Vi klarte ikkje å opne biletet. Ta biletet på nytt, eller last opp ein PDF.",
            )
        ) from feil


def fil_kontroller(*, innhold: bytes, filnavn: str) -> KontrollertFil:
    """Sjekker filen og gir innholdet som skal lagres; `KvpFeil` med en forklaring når filen ikke kan tas imot."""
    maks = settings.KVP_DOKUMENT_MAKS_BYTE
    if len(innhold) > maks:
        raise KvpFeil(
            mf(
                f"Filen er for stor. Den kan være høyst {maks // (1024 * 1024)} MB.",
                f"Fila er for stor. Ho kan vere høgst {maks // (1024 * 1024)} MB.",
            ),
            felt="fil",
            kode="KVP_DOKUMENT_FOR_STOR",
        )
    if not innhold:
        raise _ugyldig(mf("Filen er tom.", "Fila er tom."))
    innholdstype = _type_fra_innhold(innhold)
    if innholdstype is None:
        raise _ugyldig(
            mf(
                "Vi tar bare imot PDF, JPEG og PNG. Lagre filen som PDF eller ta et bilde av den.",
                "Vi tek berre imot PDF, JPEG og PNG. Lagre fila som PDF eller ta eit bilete av ho.",
            )
        )
    if innholdstype == PDF:
        _kontroller_pdf(innhold)
    else:
        innhold = _lagre_bilde_paa_nytt(innhold, innholdstype)
    return KontrollertFil(innhold=innhold, innholdstype=innholdstype, filnavn=_trygt_navn(filnavn, innholdstype))

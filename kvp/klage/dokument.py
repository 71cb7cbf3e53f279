"""Opplastede dokumenter: sjekk av innholdet (ikke filnavnet), størrelsesgrense og lagring via Djangos lagrings-API.

Brukes av klagetjenestene; liten og uten kobling til klagen, så den kan flyttes til en egen app når flere trenger den.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from kvp.felles.feil import KvpFeil

#: Innholdstypene vi tar imot, kjent på de første bytene i filen.
SIGNATURER: tuple[tuple[bytes, str, str], ...] = (
    (b"%PDF-", "application/pdf", "PDF"),
    (b"\xff\xd8\xff", "image/jpeg", "JPEG"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "PNG"),
)


@dataclass(frozen=True)
class SjekketFil:
    fil: UploadedFile  # type: ignore[type-arg]
    navn: str
    innholdstype: str
    stoerrelse: int


def innholdstype(starten: bytes) -> str | None:
    """Innholdstypen filen faktisk har (PDF, JPEG eller PNG), eller None."""
    for signatur, type_, _ in SIGNATURER:
        if starten.startswith(signatur):
            return type_
    return None


def sjekk_fil(fil: Any, *, felt: str = "vedlegg") -> SjekketFil:
    """Godtar filen om innholdet er PDF, JPEG eller PNG og den ikke er større enn grensen; ellers KvpFeil."""
    maks = int(settings.KVP_DOKUMENT_MAKS_BYTE)
    stoerrelse = int(getattr(fil, "size", 0) or 0)
    if stoerrelse == 0:
        raise KvpFeil("Filen er tom.", felt=felt, kode="KVP_DOKUMENT_TYPE")
    if stoerrelse > maks:
        raise KvpFeil(
            f"Filen er for stor. Største tillatte størrelse er {maks // (1024 * 1024)} MB.",
            felt=felt,
            kode="KVP_DOKUMENT_STOR",
        )
    fil.seek(0)
    starten = fil.read(16)
    fil.seek(0)
    type_ = innholdstype(starten)
    if type_ is None:
        raise KvpFeil("Filen må være en PDF, et JPEG-bilde eller et PNG-bilde.", felt=felt, kode="KVP_DOKUMENT_TYPE")
    navn = str(getattr(fil, "name", "") or "vedlegg").replace("/", "_").replace("\\", "_")[-120:]
    return SjekketFil(fil=fil, navn=navn, innholdstype=type_, stoerrelse=stoerrelse)

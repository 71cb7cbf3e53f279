"""Små testfiler laget i minnet: PDF, PNG og JPEG med GPS-posisjon i EXIF."""

import io

from PIL import Image
from pypdf import PdfWriter

GPS_IFD = 0x8825


def pdf() -> bytes:
    skriver = PdfWriter()
    skriver.add_blank_page(width=200, height=200)
    ut = io.BytesIO()
    skriver.write(ut)
    return ut.getvalue()


def png() -> bytes:
    ut = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(ut, format="PNG")
    return ut.getvalue()


def jpeg_med_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Kameraprodusent"
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (58.0, 56.0, 0.0)
    gps[3] = "E"
    gps[4] = (5.0, 43.0, 0.0)
    ut = io.BytesIO()
    Image.new("RGB", (16, 16), "blue").save(ut, format="JPEG", exif=exif)
    return ut.getvalue()


def har_gps(innhold: bytes) -> bool:
    with Image.open(io.BytesIO(innhold)) as bilde:
        return bool(bilde.getexif().get_ifd(GPS_IFD))


def har_exif(innhold: bytes) -> bool:
    with Image.open(io.BytesIO(innhold)) as bilde:
        return bool(bilde.getexif()) or "exif" in bilde.info

"""Demodata for deltakerens KVP: Dina har en samtale med vedlegg, et dokument og et varselvalg."""

import io
from typing import Any

from PIL import Image, ImageDraw
from pypdf import PdfWriter

from kvp.deltaker.models import Melding
from kvp.deltaker.services import melding_send, varselvalg_endre
from kvp.dokument.models import Formaal
from kvp.dokument.services import dokument_last_opp
from kvp.sak.models import Sak


def _bilde() -> bytes:
    bilde = Image.new("RGB", (240, 120), "white")
    ImageDraw.Draw(bilde).text((10, 50), "Timebekreftelse", fill="black")
    ut = io.BytesIO()
    bilde.save(ut, format="PNG")
    return ut.getvalue()


def _pdf() -> bytes:
    skriver = PdfWriter()
    skriver.add_blank_page(width=595, height=842)
    ut = io.BytesIO()
    skriver.write(ut)
    return ut.getvalue()


def deltaker_demodata(*, kvp_veileder: Any, dina: Any, deltaker_person: Any) -> None:
    """Idempotent: gjør ingenting når Dina allerede har meldinger."""
    sak = Sak.objects.filter(person=deltaker_person).order_by("-mottatt_dato").first()
    if sak is None or Melding.objects.filter(sak=sak).exists():
        return
    varselvalg_endre(bruker=dina, person=deltaker_person, epost=True, sms=True)
    melding_send(
        bruker=dina,
        sak_id=sak.pk,
        tekst="Hei! Jeg har fått time hos legen på torsdag. Her er timebekreftelsen.",
        vedlegg=_bilde(),
        vedlegg_navn="timebekreftelse.png",
    )
    melding_send(
        bruker=kvp_veileder,
        sak_id=sak.pk,
        tekst="Takk, Dina. Da flytter vi praksisdagen til fredag. Send legeerklæringen når du har den.",
    )
    dokument_last_opp(
        bruker=dina,
        sak_id=sak.pk,
        innhold=_pdf(),
        filnavn="legeerklaering.pdf",
        formaal=Formaal.DOKUMENTASJON,
        beskrivelse="Legeerklæring for fravær",
    )
    melding_send(bruker=dina, sak_id=sak.pk, tekst="Nå har jeg lastet opp legeerklæringen.")

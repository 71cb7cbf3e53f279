"""Klagefanen på saksbildet, og valgene i klagen på deltakerens målform."""

from typing import Any

from django import template

from kvp.brev.tekster import TITTEL
from kvp.felles.maalform import maalform, mf
from kvp.klage.models import Dokumenttype, Kanal, Klage, Klagestatus, Utfall
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling

register = template.Library()


@register.simple_tag(takes_context=True)
def klager_paa_saksbildet(context: dict[str, Any], sak: Any) -> list[Klage]:
    """Sakens klager som brukeren får lese, nyeste først (saken er hentet med tilgangssjekk, og lesingen logget)."""
    synlige = tilgang.synlige(context["request"].user, "klage", Handling.LES)
    return list(synlige.filter(sak=sak).order_by("-mottatt_dato"))


#: Valgene i klagen på nynorsk (deltakeren ser dem; bokmål er etiketten i modellen).
NYNORSK_VALG: dict[str, dict[str, str]] = {
    "status": {
        Klagestatus.REGISTRERT: "Motteken, formkrava blir vurderte",
        Klagestatus.MANGLER: "Ventar på at manglar blir retta",
        Klagestatus.TIL_VURDERING: "Kontoret vurderer klaga",
        Klagestatus.OMGJOERES: "Blir gjort om: nytt vedtak er under arbeid",
        Klagestatus.OMGJORT: "Gjort om av kontoret",
        Klagestatus.AVVIST: "Avvist av kontoret",
        Klagestatus.OVERSENDT: "Sendt til statsforvaltaren",
        Klagestatus.UNDER_BEHANDLING: "Under behandling hos statsforvaltaren",
        Klagestatus.AVGJORT: "Avgjort av statsforvaltaren, skal setjast i verk",
        Klagestatus.IVERKSATT: "Vedtaket frå statsforvaltaren er sett i verk",
        Klagestatus.AVSLUTTET: "Avgjort av statsforvaltaren",
    },
    "kanal": {
        Kanal.DIGITAL: "Digitalt frå deltakaren",
        Kanal.PAPIR: "Brev på papir",
        Kanal.TELEFON: "Munnleg på telefon (skriftleg notat)",
        Kanal.OPPMOETE: "Munnleg ved oppmøte (skriftleg notat)",
    },
    "type": {Dokumenttype.VEDLEGG: "Vedlegg til klaga", Dokumenttype.MERKNAD: "Merknad frå deltakaren"},
    "utfall": {
        Utfall.STADFESTET: "Stadfesta",
        Utfall.ENDRET: "Endra",
        Utfall.OPPHEVET: "Oppheva og sendt tilbake",
        Utfall.AVVIST: "Avvist",
    },
}


@register.filter
def valg_mf(objekt: Any, felt: str) -> str:
    """Etiketten til et valg på deltakerens målform: `{{ klage|valg_mf:"status" }}`."""
    verdi = getattr(objekt, felt)
    bokmaal = str(getattr(objekt, f"get_{felt}_display")())
    return mf(bokmaal, NYNORSK_VALG.get(felt, {}).get(verdi, bokmaal))


@register.filter
def vedtakstittel(vedtak: Any) -> str:
    """«Vedtak om …» på deltakerens målform (samme titler som i brevene)."""
    return str(TITTEL[maalform()].get(vedtak.type) or vedtak.get_type_display())

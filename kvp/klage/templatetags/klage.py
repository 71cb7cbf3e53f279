"""Klagefanen på saksbildet."""

from typing import Any

from django import template

from kvp.klage.models import Klage
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling

register = template.Library()


@register.simple_tag(takes_context=True)
def klager_paa_saksbildet(context: dict[str, Any], sak: Any) -> list[Klage]:
    """Sakens klager som brukeren får lese, nyeste først (saken er hentet med tilgangssjekk, og lesingen logget)."""
    synlige = tilgang.synlige(context["request"].user, "klage", Handling.LES)
    return list(synlige.filter(sak=sak).order_by("-mottatt_dato"))

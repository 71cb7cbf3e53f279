"""Menypunktene til arbeidsflaten med antall oppgaver (inkluderes fra felles/base.html)."""

from typing import Any

from django import template

from kvp.person.selectors import ROLLER_SOM_SER_PERSONER
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

register = template.Library()


@register.inclusion_tag("arbeidsflate/_meny_innhold.html", takes_context=True)
def arbeidsflate_meny(context: dict[str, Any]) -> dict[str, Any]:
    bruker = getattr(context.get("request"), "user", None)
    if not isinstance(bruker, Bruker) or not tilgang_for(bruker).roller_per_kontor:
        return {"vis": False}
    # Tallet regnes på Mine oppgaver (der listen finnes); på andre sider hentes det etterpå (htmx), så ingen annen
    # side blir tregere eller får flere spørringer av menyen.
    return {
        "vis": True,
        "antall": context.get("oppgaver_antall"),
        "soek": tilgang_for(bruker).har_rolle(*ROLLER_SOM_SER_PERSONER),
        "saker": tilgang_for(bruker).har_rolle(Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER),
    }

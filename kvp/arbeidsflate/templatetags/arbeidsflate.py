"""Menypunktene til arbeidsflaten med antall oppgaver (inkluderes fra felles/base.html)."""

from typing import Any

from django import template

from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import ser_side

register = template.Library()


@register.inclusion_tag("arbeidsflate/_meny_innhold.html", takes_context=True)
def arbeidsflate_meny(context: dict[str, Any]) -> dict[str, Any]:
    bruker = getattr(context.get("request"), "user", None)
    if not isinstance(bruker, Bruker) or not ser_side(bruker, "mine_oppgaver"):
        return {"vis": False}
    # Tallet regnes på Mine oppgaver (der listen finnes); på andre sider hentes det etterpå (htmx), så ingen annen
    # side blir tregere eller får flere spørringer av menyen.
    return {
        "vis": True,
        "antall": context.get("oppgaver_antall"),
        "soek": ser_side(bruker, "personer"),
        "saker": ser_side(bruker, "personer"),
    }

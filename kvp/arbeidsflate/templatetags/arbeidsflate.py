"""Menypunktene til arbeidsflaten med antall oppgaver (inkluderes fra felles/base.html)."""

from typing import Any

from django import template

from kvp.arbeidsflate.selectors import antall_oppgaver
from kvp.tilgang.models import Bruker
from kvp.tilgang.tilgang import tilgang_for

register = template.Library()


@register.inclusion_tag("arbeidsflate/_meny_innhold.html", takes_context=True)
def arbeidsflate_meny(context: dict[str, Any]) -> dict[str, Any]:
    bruker = getattr(context.get("request"), "user", None)
    if not isinstance(bruker, Bruker) or not tilgang_for(bruker).roller_per_kontor:
        return {"vis": False}
    return {"vis": True, "antall": antall_oppgaver(bruker=bruker)}

"""Deltakerens brev på «Min side» (inkluderes fra soeknad/min_side.html)."""

from typing import Any

from django import template

from kvp.brev.selectors import brev_for_deltaker

register = template.Library()


@register.inclusion_tag("brev/_mine_brev.html", takes_context=True)
def mine_brev(context: dict[str, Any]) -> dict[str, Any]:
    return {"brevliste": list(brev_for_deltaker(bruker=context["request"].user))}

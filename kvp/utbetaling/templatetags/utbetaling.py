"""Utbetalingens bidrag til deltakerens side og menyen (egne maler, så de delte malene får én linje hver)."""

from decimal import Decimal
from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import ser_side

from ..selectors import utbetalinger_for_deltaker

register = template.Library()


@register.inclusion_tag("utbetaling/_mine_utbetalinger.html", takes_context=True)
def mine_utbetalinger(context: dict[str, Any]) -> dict[str, Any]:
    utbetalinger = utbetalinger_for_deltaker(bruker=context["request"].user)
    per_aar: dict[int, dict[str, Decimal]] = {}
    for u in utbetalinger:
        sum_ = per_aar.setdefault(u.runde.utbetalingsdato.year, dict.fromkeys(("brutto", "skatt", "netto"), Decimal(0)))
        sum_["brutto"] += u.brutto - u.trekk
        sum_["skatt"] += u.skattetrekk
        sum_["netto"] += u.netto
    return {"utbetalinger": utbetalinger, "aarsoppgaver": sorted(per_aar.items(), reverse=True)}


@register.filter
def ser_utbetaling(bruker: Bruker | AnonymousUser) -> bool:
    return ser_side(bruker, "utbetaling")

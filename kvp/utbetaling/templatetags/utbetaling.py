"""Utbetalingens bidrag til deltakerens side og menyen (egne maler, så de delte malene får én linje hver)."""

from typing import Any

from django import template

from kvp.tilgang.models import Rolle
from kvp.tilgang.tilgang import tilgang_for

from ..selectors import utbetalinger_for_deltaker

register = template.Library()


@register.inclusion_tag("utbetaling/_mine_utbetalinger.html", takes_context=True)
def mine_utbetalinger(context: dict[str, Any]) -> dict[str, Any]:
    return {"utbetalinger": utbetalinger_for_deltaker(bruker=context["request"].user)}


@register.filter
def ser_utbetaling(bruker: Any) -> bool:
    return tilgang_for(bruker).har_rolle(Rolle.OEKONOMI, Rolle.LEDER)

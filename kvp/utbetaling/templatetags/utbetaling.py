"""Utbetalingens bidrag til deltakerens side og menyen (egne maler, så de delte malene får én linje hver)."""

from decimal import Decimal
from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser

from kvp.deltaker.klarspraak import tekster, utbetaling_forklart
from kvp.person.models import Person
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import ser_side
from kvp.tilgang.tilgang import tilgang_for

from ..selectors import utbetalinger_for_deltaker, utbetalinger_for_sak

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
    maalform = _maalform(context["request"].user)
    return {
        "t": tekster(maalform),
        "forklaringer": [utbetaling_forklart(u, maalform) for u in list(utbetalinger)[:3]],
        "flere": len(utbetalinger) > 3,
        "aarsoppgaver": sorted(per_aar.items(), reverse=True),
    }


def _maalform(bruker: Bruker | AnonymousUser) -> str:
    personer = tilgang_for(bruker).deltaker_personer
    person = Person.objects.filter(pk__in=personer).only("maalform").first()
    return person.maalform if person else "NB"


@register.filter
def ser_utbetaling(bruker: Bruker | AnonymousUser) -> bool:
    return ser_side(bruker, "utbetaling")


@register.simple_tag(takes_context=True)
def utbetalinger_paa_saksbildet(context: dict[str, Any], sak: Any) -> list[Any]:
    """Utbetalingsfanen på saksbildet: sakens utbetalinger i rundene brukeren ser."""
    return utbetalinger_for_sak(bruker=context["request"].user, sak=sak)

"""Menypunktet for jobbene (egen mal, så den delte malen får én linje)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.tilgang import tilgang_for

register = template.Library()


@register.filter
def ser_jobber(bruker: Bruker | AnonymousUser) -> bool:
    """Ledere og økonomi starter og følger jobber; de andre rollene har ingen jobber ennå."""
    return tilgang_for(bruker).har_rolle(Rolle.LEDER, Rolle.OEKONOMI)

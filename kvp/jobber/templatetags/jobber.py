"""Menypunktet for jobbene (egen mal, så den delte malen får én linje)."""

from django import template
from django.contrib.auth.models import AnonymousUser

from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import ser_side

register = template.Library()


@register.filter
def ser_jobber(bruker: Bruker | AnonymousUser) -> bool:
    """Ledere og økonomi starter og følger jobber; de andre rollene har ingen jobber ennå (tilgangslagets side)."""
    return ser_side(bruker, "jobber")

"""Malhjelpere for personen: advarselen før et brev går til en ufullstendig adresse."""

from typing import Any

from django import template

from ..personalia import adressemangler as _adressemangler

register = template.Library()


@register.filter
def adressemangler(person: Any) -> list[str]:
    """Det som mangler i personens adresse (tom liste: fullstendig). Brukes av `person/_adressevarsel.html`."""
    return _adressemangler(person) if person is not None else []

"""Knapper og lenker på en side med et objekt: vises når brukeren får gjøre handlingen med akkurat dette objektet
(tilgangslagets `kan`, rollen ved objektets kontor), aldri fordi hen har en rolle ved et annet kontor.

    {% load tilgangslag %}{% kan sak "sak" "SKRIV" as kan_tildele %}
"""

from typing import Any

from django import template

from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp.tilgang.objekter import kan as _kan

register = template.Library()


@register.simple_tag(takes_context=True)
def kan(context: dict[str, Any], objekt: Any, navn: str, handling: str = "LES") -> bool:
    bruker = getattr(context.get("request"), "user", None)
    if objekt is None or not isinstance(bruker, Bruker):
        return False
    return _kan(bruker, navn, objekt, Handling(handling))

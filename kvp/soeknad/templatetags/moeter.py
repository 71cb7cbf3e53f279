from typing import Any

from django import template

from kvp.soeknad.selectors import Personmoeter, moeter_for_person

register = template.Library()


@register.simple_tag(takes_context=True)
def moeter_for(context: Any, person: Any) -> Personmoeter | None:
    """Overføringsmøtene for personen (hentet med tilgangskontroll på siden som viser den); None uten noen."""
    request = context.get("request")
    if request is None or person is None:
        return None
    moeter = moeter_for_person(bruker=request.user, person=person)
    return moeter if moeter.booket or moeter.avlyste else None

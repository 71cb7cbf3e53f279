"""Antall uleste meldinger i toppen av hver side, og deltakerens målform (bokmål eller nynorsk) til malene."""

from typing import Any

from django.http import HttpRequest

from kvp.person.models import Person
from kvp.tilgang.models import Bruker
from kvp.tilgang.tilgang import tilgang_for

from .selectors import uleste_antall


def uleste(request: HttpRequest) -> dict[str, Any]:
    bruker = getattr(request, "user", None)
    if not isinstance(bruker, Bruker) or not bruker.is_authenticated:
        return {}
    svar: dict[str, Any] = {"uleste_meldinger": uleste_antall(bruker=bruker)}
    personer = tilgang_for(bruker).deltaker_personer
    if personer:
        maalform = Person.objects.filter(pk__in=personer).values_list("maalform", flat=True).first()
        svar["kvp_maalform"] = maalform or "NB"
    return svar

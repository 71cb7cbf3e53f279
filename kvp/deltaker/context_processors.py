"""Antall uleste meldinger i toppen av hver side, og deltakerens målform (bokmål eller nynorsk) til malene."""

from typing import Any

from django.http import HttpRequest

from kvp.felles.maalform import maalform
from kvp.tilgang.models import Bruker
from kvp.tilgang.tilgang import tilgang_for

from .selectors import uleste_antall


def uleste(request: HttpRequest) -> dict[str, Any]:
    bruker = getattr(request, "user", None)
    if not isinstance(bruker, Bruker) or not bruker.is_authenticated:
        return {}
    svar: dict[str, Any] = {"uleste_meldinger": uleste_antall(bruker=bruker)}
    if tilgang_for(bruker).deltaker_personer:
        svar["kvp_maalform"] = maalform()  # satt av MaalformMiddleware
    return svar

"""Antall uleste meldinger i toppen av hver side."""

from typing import Any

from django.http import HttpRequest

from kvp.tilgang.models import Bruker

from .selectors import uleste_antall


def uleste(request: HttpRequest) -> dict[str, Any]:
    bruker = getattr(request, "user", None)
    if not isinstance(bruker, Bruker) or not bruker.is_authenticated:
        return {}
    return {"uleste_meldinger": uleste_antall(bruker=bruker)}

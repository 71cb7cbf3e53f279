"""Deltakerens målform for hele forespørselen: tekst fra Python (`kvp.felles.maalform.mf`), Djangos egne meldinger
(språket «nn» eller «nb») og `{% mf %}` i malene følger den samme målformen."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from kvp.felles.maalform import NYNORSK, med_maalform
from kvp.tilgang.models import Bruker

from .selectors import deltakers_maalform


class MaalformMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        bruker = getattr(request, "user", None)
        verdi = deltakers_maalform(bruker=bruker) if isinstance(bruker, Bruker) and bruker.is_authenticated else None
        with med_maalform(verdi) as maalform, translation.override("nn" if maalform == NYNORSK else "nb"):
            return self.get_response(request)

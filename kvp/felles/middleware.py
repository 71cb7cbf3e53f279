"""Gjør forventede feil fra selectors og tjenester om til riktige svar (404/403/400), aldri 500."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .feil import IkkeFunnet, IkkeTilgang, KvpFeil


class KvpFeilMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, IkkeFunnet):
            return render(
                request,
                "felles/feil.html",
                {"tittel": "Fant ikke siden", "melding": exception.melding},
                status=404,
            )
        if isinstance(exception, IkkeTilgang):
            return render(
                request,
                "felles/feil.html",
                {"tittel": "Ingen tilgang", "melding": exception.melding},
                status=403,
            )
        if isinstance(exception, KvpFeil):
            return render(
                request,
                "felles/feil.html",
                {"tittel": "Noe er feil", "melding": exception.melding},
                status=400,
            )
        return None

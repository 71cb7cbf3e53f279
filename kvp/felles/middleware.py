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
        # Mest spesifikke først: IkkeFunnet og IkkeTilgang er også KvpFeil.
        for type_, tittel, status in _SVAR:
            if isinstance(exception, type_):
                melding = exception.melding  # type: ignore[attr-defined]
                return render(request, "felles/feil.html", {"tittel": tittel, "melding": melding}, status=status)
        return None


_SVAR: tuple[tuple[type[Exception], str, int], ...] = (
    (IkkeFunnet, "Fant ikke siden", 404),
    (IkkeTilgang, "Ingen tilgang", 403),
    (KvpFeil, "Noe er feil", 400),
)

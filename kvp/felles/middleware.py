"""Gjør forventede feil fra selectors og tjenester om til riktige svar (404/403/400), aldri 500."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from .feil import HTTP_STATUS, Kategori, KvpFeil, kategori

TITLER: dict[Kategori, str] = {
    Kategori.IKKE_FUNNET: "Fant ikke siden",
    Kategori.IKKE_TILGANG: "Ingen tilgang",
    Kategori.UGYLDIG: "Noe er feil",
}


class KvpFeilMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, KvpFeil):
            return None
        k = kategori(exception)
        return render(
            request, "felles/feil.html", {"tittel": TITLER[k], "melding": exception.melding}, status=HTTP_STATUS[k]
        )


class IngenLagringMiddleware:
    """Svar til innloggede brukere kan ha personopplysninger: `Cache-Control: no-store`, så verken nettleseren eller
    en proxy lagrer dem (også filer og feilsider)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.user.is_authenticated:
            add_never_cache_headers(response)
        return response

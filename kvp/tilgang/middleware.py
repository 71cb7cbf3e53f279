"""Gjør klientens adresse og sesjon kjent for revisjonsloggen mens forespørselen pågår."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from kvp.felles.forespoersel import Forespoersel, forespoersel_nullstill, forespoersel_sett

from .sperre import klientadresse


class ForespoerselMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        sesjon = getattr(request, "session", None)
        token = forespoersel_sett(
            Forespoersel(ip=klientadresse(request), sesjonsnoekkel=lambda: getattr(sesjon, "session_key", None))
        )
        try:
            return self.get_response(request)
        finally:
            forespoersel_nullstill(token)

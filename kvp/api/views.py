"""Sidene for API-et: dokumentasjonen (for ansatte) og API-tokenene (for ledere)."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kvp.felles.feil import IkkeTilgang
from kvp.felles.forms import skjema_svar
from kvp.tilgang.models import NavKontor, Rolle
from kvp.tilgang.tilgang import bruker_fra, krev_rolle, tilgang_for

from . import selectors, services
from .forms import TokenForm


@require_GET
def dokumentasjon(request: HttpRequest) -> HttpResponse:
    """Dokumentasjonen leses fra skjemaet (/api/v1/openapi.json) av et skript i egen fil (streng CSP)."""
    if not tilgang_for(bruker_fra(request)).roller_per_kontor:
        raise IkkeTilgang("API-dokumentasjonen er for ansatte ved et NAV-kontor.")
    return render(request, "api/dokumentasjon.html")


def _kontorvalg(request: HttpRequest) -> list[tuple[str, str]]:
    kontorer = krev_rolle(bruker_fra(request), (Rolle.LEDER,))
    return [(str(k.pk), k.navn) for k in NavKontor.objects.filter(pk__in=kontorer).order_by("navn")]


@require_http_methods(["GET", "POST"])
def tokener(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    kontorer = _kontorvalg(request)
    form = TokenForm(request.POST or None, kontorer=kontorer)
    ny: dict[str, Any] = {}

    def vis(status: int) -> HttpResponse:
        return render(
            request,
            "api/tokener.html",
            {
                "form": form,
                "kontoer": list(selectors.tjenestekontoer_for_leder(bruker=bruker)),
                "nytt_token": ny.get("token"),
                "ny_konto": ny.get("konto"),
            },
            status=status,
        )

    if request.method != "POST":
        return vis(200)

    def lagre(data: dict[str, Any]) -> HttpResponse:
        konto, token = services.tjenestekonto_opprett(
            bruker=bruker, kontor_id=UUID(data["kontor"]), navn=data["navn"], rolle=data["rolle"]
        )
        ny.update(konto=konto, token=token)
        return vis(201)

    return skjema_svar(form, lagre, vis)


@require_POST
def tilbakekall(request: HttpRequest, konto_id: UUID) -> HttpResponse:
    konto = services.tjenestekonto_tilbakekall(bruker=bruker_fra(request), konto_id=konto_id)
    messages.success(request, f"Tokenet «{konto.navn}» er tilbakekalt og virker ikke lenger.")
    return redirect("api:tokener")

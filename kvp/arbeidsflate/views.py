"""Arbeidsflaten: mine oppgaver (startsiden for ansatte), mine saker og søket."""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from kvp.felles.forms import skjema_svar
from kvp.felles.sortering import sortering_fra
from kvp.tilgang.objekter import krev_side, ser_side
from kvp.tilgang.tilgang import bruker_fra

from . import selectors
from .forms import MineSakerFilter, SoekForm


@require_GET
def mine_oppgaver(request: HttpRequest) -> HttpResponse:
    oppgaver = selectors.mine_oppgaver(bruker=bruker_fra(request))
    return render(
        request,
        "arbeidsflate/mine_oppgaver.html",
        {
            "oppgaver": oppgaver,
            "oppgaver_antall": len(oppgaver),
            "soek": SoekForm(auto_id="hurtig_%s"),
            "kan_soeke": ser_side(request.user, "personer"),
        },
    )


@require_GET
def antall(request: HttpRequest) -> HttpResponse:
    """Tallet i menyen (hentes med htmx etter at siden er vist). Ingen personer vises, så ingenting logges."""
    return render(
        request, "arbeidsflate/_teller.html", {"antall": selectors.antall_oppgaver(bruker=bruker_fra(request))}
    )


@require_GET
def mine_saker(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    form = MineSakerFilter(request.GET or None)
    status = form.cleaned_data["status"] if form.is_bound and form.is_valid() else ""
    sortering = sortering_fra(
        request.GET,
        {
            "person": ("person__etternavn", "person__fornavn"),
            "status": ("status", "-mottatt_dato"),
            "mottatt": ("mottatt_dato",),
            "saksbehandler": ("saksbehandler__first_name", "saksbehandler__last_name", "-mottatt_dato"),
        },
        "mottatt",
        standard_synkende=True,
    )
    saker = list(selectors.mine_saker(bruker=bruker, status=status).order_by(*sortering.order_by)[:500])
    selectors.mine_saker_logg(bruker=bruker, saker=saker)
    return render(
        request,
        "arbeidsflate/mine_saker.html",
        {"form": form, "saker": saker, "status": status, "sortering": sortering},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@require_http_methods(["GET", "POST"])
def soek(request: HttpRequest) -> HttpResponse:
    """Søket sendes med POST, så et fødselsnummer aldri havner i URL-en, nettleserhistorikken eller tilgangsloggen."""
    bruker = bruker_fra(request)
    krev_side(bruker, "personer")
    form = SoekForm(request.POST or None)

    def vis(status: int = 200, treff: Any = None) -> HttpResponse:
        return render(request, "arbeidsflate/soek.html", {"form": form, "treff": treff}, status=status)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        treff = selectors.soek(bruker=bruker, tekst=d["q"])
        if treff.soeketype == "fnr":
            # Fødselsnummeret skrives ikke tilbake i feltet på resultatsiden.
            kopi = request.POST.copy()
            kopi["q"] = ""
            form.data = kopi
        return vis(200, treff)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()

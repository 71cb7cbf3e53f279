"""KVP-tavla og saksbildet: tildeling, status og foreløpig svar."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from kvp.felles.feil import IkkeFunnet
from kvp.felles.forms import skjema_svar
from kvp.felles.saksfaner import faner_for
from kvp.tilgang.models import Bruker
from kvp.tilgang.selectors import kvp_veiledere_for_bruker, kvp_veiledere_for_kontor
from kvp.tilgang.tilgang import bruker_fra

from . import selectors, services
from .forms import ForeloepigSvarForm, StatusForm, TavleFilterForm, TildelForm
from .models import AAPNE_STATUSER, Status


def tavle(request: HttpRequest) -> HttpResponse:
    veiledere = list(kvp_veiledere_for_bruker(bruker=bruker_fra(request), side="tavle"))
    filter_form = TavleFilterForm(request.GET or None, veiledere=veiledere)
    saksbehandler = ""
    if filter_form.is_valid():
        saksbehandler = filter_form.cleaned_data["saksbehandler"]
    kolonner = selectors.saker_for_tavle(bruker=bruker_fra(request), saksbehandler=saksbehandler)
    # htmx henter bare tavla ved filtrering; når nettleseren gjenoppretter historikk, trengs hele siden
    delvis = request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"
    svar = render(
        request, "sak/_tavle.html" if delvis else "sak/tavle.html", {"kolonner": kolonner, "filter_form": filter_form}
    )
    patch_vary_headers(svar, ["HX-Request"])
    return svar


def _saksbilde(
    request: HttpRequest, sak_id: UUID, *, status: int = 200, fane: str = "sak", **skjemaer: object
) -> HttpResponse:
    """Saksbildet med faner (`kvp.felles.saksfaner`): bare den valgte fanen henter sine data."""
    sak = selectors.sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    faner = faner_for(bruker_fra(request), sak)
    valgt = next((f for f in faner if f.kode == fane), None)
    if valgt is None:
        raise IkkeFunnet("Fant ikke fanen. Velg en av fanene på saken.")
    kontekst: dict[str, object] = {"sak": sak, "faner": faner, "fane": valgt}
    if valgt.kode == "sak":
        kontekst |= _sakfane(request, sak, skjemaer)
    return render(request, "sak/detalj.html", kontekst, status=status)


def _sakfane(request: HttpRequest, sak: Any, skjemaer: dict[str, object]) -> dict[str, object]:
    veiledere = list(kvp_veiledere_for_kontor(bruker=bruker_fra(request), kontor_id=sak.kontor_id))
    return {
        "svar": selectors.foreloepige_svar_for_sak(sak=sak),
        "dager": sak.dager if hasattr(sak, "dager") else None,
        "tildel_form": skjemaer.get("tildel_form")
        or TildelForm(initial={"saksbehandler": sak.saksbehandler_id}, veiledere=veiledere),
        "status_form": skjemaer.get("status_form") or StatusForm(),
        "svar_form": skjemaer.get("svar_form") or ForeloepigSvarForm(),
        "neste_statuser": [(s, Status(s).label) for s in services.OVERGANGER.get(sak.status, ())],
        # Saksbehandlingstiden og foreløpig svar gjelder søknaden, til vedtaket er fattet.
        "soeknad_under_behandling": sak.status in AAPNE_STATUSER,
    }


def detalj(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    return _saksbilde(request, sak_id, fane=request.GET.get("fane") or "sak")


@require_POST
def tildel(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = selectors.sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    veiledere = list(kvp_veiledere_for_kontor(bruker=bruker_fra(request), kontor_id=sak.kontor_id))
    form = TildelForm(request.POST, veiledere=veiledere)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        saksbehandler = Bruker.objects.get(pk=d["saksbehandler"]) if d["saksbehandler"] else None
        services.sak_tildel(bruker=bruker_fra(request), sak_id=sak.pk, saksbehandler=saksbehandler)
        messages.success(request, "Saken er tildelt." if saksbehandler else "Tildelingen er fjernet.")
        return redirect("sak:detalj", sak_id=sak.pk)

    return skjema_svar(form, lagre, lambda status: _saksbilde(request, sak_id, status=status, tildel_form=form))


@require_POST
def endre_status(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = selectors.sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = StatusForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.sak_endre_status(bruker=bruker_fra(request), sak_id=sak.pk, status=d["status"])
        messages.success(request, "Statusen er endret.")
        return redirect("sak:detalj", sak_id=sak.pk)

    return skjema_svar(form, lagre, lambda status: _saksbilde(request, sak_id, status=status, status_form=form))


@require_POST
def foreloepig_svar(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = selectors.sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = ForeloepigSvarForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.foreloepig_svar_registrer(bruker=bruker_fra(request), sak_id=sak.pk, **d)
        messages.success(request, "Det foreløpige svaret er registrert.")
        return redirect("sak:detalj", sak_id=sak.pk)

    return skjema_svar(form, lagre, lambda status: _saksbilde(request, sak_id, status=status, svar_form=form))

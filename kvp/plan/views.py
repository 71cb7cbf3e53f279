"""Programplanen på saken: aktiviteter, ukesummer mot full tid, advarsler, evalueringer og historikk."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from kvp.felles.feil import KvpFeil
from kvp.felles.forms import skjema_svar
from kvp.sak.selectors import sak_hent
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra

from . import selectors, services
from .forms import AktivitetForm


def _planside(request: HttpRequest, sak_id: UUID, *, status: int = 200, **skjemaer: Any) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    aktivitet_form = skjemaer.get("aktivitet_form")
    endres = None
    if aktivitet_form is None:
        endre_id = request.GET.get("endre", "")
        if endre_id:
            try:
                endres = selectors.aktivitet_for_sak(sak=sak, aktivitet_id=endre_id)
            except KvpFeil:
                endres = None
        if endres is not None:
            aktivitet_form = AktivitetForm(
                initial={
                    "aktivitet_id": endres.pk,
                    "type": endres.type,
                    "beskrivelse": endres.beskrivelse,
                    "timer_per_uke": f"{endres.timer_per_uke.normalize():f}".replace(".", ","),
                    "fra_og_med": endres.fra_og_med,
                    "til_og_med": endres.til_og_med,
                    "tilbyder": endres.tilbyder,
                    "status": endres.status,
                    "avtalt_med_deltaker": endres.avtalt_med_deltaker,
                }
            )
        else:
            aktivitet_form = AktivitetForm()
    kontekst = {
        "sak": sak,
        "plan": selectors.plan_for_sak(sak=sak),
        "historikk": selectors.historikk_for_sak(sak=sak)[:50],
        "aktivitet_form": aktivitet_form,
        "endres": endres or bool(aktivitet_form["aktivitet_id"].value()),
        "kan_endre": tilgang.kan(bruker_fra(request), "plan", sak, Handling.SKRIV),
    }
    return render(request, "plan/plan.html", kontekst, status=status)


def plan(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    return _planside(request, sak_id)


@require_POST
def aktivitet(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = AktivitetForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        data = dict(d)
        aktivitet_id = data.pop("aktivitet_id")
        if aktivitet_id:
            selectors.aktivitet_for_sak(sak=sak, aktivitet_id=aktivitet_id)
            services.aktivitet_endre(bruker=bruker_fra(request), aktivitet_id=aktivitet_id, **data)
            messages.success(request, "Aktiviteten er endret.")
        else:
            services.aktivitet_opprett(bruker=bruker_fra(request), sak_id=sak.pk, **data)
            messages.success(request, "Aktiviteten er lagt til i planen.")
        return redirect("plan:plan", sak_id=sak.pk)

    return skjema_svar(form, lagre, lambda status: _planside(request, sak_id, status=status, aktivitet_form=form))


def utskrift(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    """Planen til utskrift: tidslinjen, aktivitetene, evalueringene og ukene, uten skjemaer og meny."""
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    return render(request, "plan/utskrift.html", {"sak": sak, "plan": selectors.plan_for_sak(sak=sak)})

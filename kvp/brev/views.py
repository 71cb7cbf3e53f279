"""Brevet i nettleseren (samme mal som PDF-en) og som PDF."""

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from kvp.tilgang.tilgang import bruker_fra

from . import selectors, services
from .models import Brev


@require_GET
def vis(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    brev = selectors.brev_hent(bruker=bruker_fra(request), vedtak_id=vedtak_id)
    # HTML-en ble laget av vår egen mal med autoescape da vedtaket ble fattet, og endres aldri.
    return render(request, "brev/vis.html", {"brev": brev, "innhold": mark_safe(brev.html)})  # noqa: S308


@require_GET
def vis_brev(request: HttpRequest, brev_id: UUID) -> HttpResponse:
    brev = selectors.brev_hent(bruker=bruker_fra(request), brev_id=brev_id)
    return render(request, "brev/vis.html", {"brev": brev, "innhold": mark_safe(brev.html)})  # noqa: S308


@require_GET
def pdf_brev(request: HttpRequest, brev_id: UUID) -> HttpResponse:
    return _pdf(selectors.brev_hent(bruker=bruker_fra(request), brev_id=brev_id))


@require_GET
def pdf(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    return _pdf(selectors.brev_hent(bruker=bruker_fra(request), vedtak_id=vedtak_id))


def _pdf(brev: Brev) -> HttpResponse:
    svar = HttpResponse(bytes(brev.pdf), content_type="application/pdf")
    svar["Content-Disposition"] = f'inline; filename="brev-{str(brev.pk)[:8]}.pdf"'
    return svar


@require_POST
def lag_ventende(request: HttpRequest) -> HttpResponse:
    """Starter jobben som lager brevene som mangler (leder), og viser fremdriften."""
    jobber = services.ventende_vedtaksbrev_start_som_jobb(bruker=bruker_fra(request))
    if len(jobber) == 1:
        return redirect("jobber:jobb", jobb_id=jobber[0].pk)
    return redirect("jobber:oversikt")

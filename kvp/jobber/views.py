from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from kvp.felles.feil import IkkeTilgang
from kvp.tilgang.models import KONTORROLLER
from kvp.tilgang.tilgang import bruker_fra, tilgang_for

from . import selectors, typer


@require_GET
def oversikt(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    t = tilgang_for(bruker)
    if not t.kontorer_med(*KONTORROLLER):
        # Jobbene startes og følges av kontorets ansatte; deltakere og statsforvaltere har ingen her.
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    jobber = selectors.jobber_for_bruker(bruker=bruker)
    startbare = typer.startbare(t.roller)
    return render(request, "jobber/oversikt.html", {"jobber": jobber, "startbare": startbare})


@require_GET
def jobb(request: HttpRequest, jobb_id: UUID) -> HttpResponse:
    funnet = selectors.jobb_for_bruker(bruker=bruker_fra(request), jobb_id=jobb_id)
    return render(request, "jobber/jobb.html", {"jobb": funnet})


@require_GET
def fremdrift(request: HttpRequest, jobb_id: UUID) -> HttpResponse:
    """Bare fremdriften (htmx henter den hvert sekund mens jobben er aktiv, og slutter når den er avsluttet)."""
    funnet = selectors.jobb_for_bruker(bruker=bruker_fra(request), jobb_id=jobb_id)
    return render(request, "jobber/_fremdrift.html", {"jobb": funnet})

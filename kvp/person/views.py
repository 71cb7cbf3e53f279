"""Personer: liste med søk (POST), registrering, personside og barn."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.forms import skjema_svar
from kvp.felles.services import lesing_registrer
from kvp.felles.sortering import sortering_fra
from kvp.soeknad.selectors import kartlegginger_for_person
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra

from . import selectors, services
from .forms import BarnForm, ForsoergerperiodeAvsluttForm, PersonaliaForm, PersonForm, PersonSoekForm
from .models import Forsoergerperiode
from .personalia import ENDRBARE_FELT


@require_http_methods(["GET", "POST"])
def liste(request: HttpRequest) -> HttpResponse:
    """Personene ved kontoret. Søk på fødselsnummer eller navn sendes med POST, aldri i URL-en."""
    form = PersonSoekForm(request.POST or None)
    navn = ""
    status = 200
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["foedselsnummer"]:
            try:
                person = selectors.person_hent_paa_fnr(
                    bruker=bruker_fra(request), foedselsnummer=form.cleaned_data["foedselsnummer"]
                )
                return redirect("person:detalj", person_id=person.pk)
            except KvpFeil as feil:
                form.legg_til_feil(feil)
                status = 400
        navn = form.cleaned_data["navn"].strip()
    if navn:
        personer = selectors.personer_soek_paa_navn(bruker=bruker_fra(request), navn=navn)
    else:
        personer = selectors.personer_for_bruker(bruker=bruker_fra(request))
    sortering = sortering_fra(
        request.GET, {"navn": ("etternavn", "fornavn"), "kommune": ("kommune__navn", "etternavn", "fornavn")}, "navn"
    )
    personer = personer.order_by(*sortering.order_by)
    # Ved navnesøk blas det med POST (navnet skal ikke stå i URL-en); ellers med ?side= i URL-en.
    side = Paginator(personer, 50).get_page(request.POST.get("side") or request.GET.get("side"))
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=((p.pk, p.kontor_id) for p in side.object_list),
        formaal="Treff i personsøk" if navn else "Personliste for kontoret",
        objekttype="personsøk" if navn else "personliste",
    )
    return render(
        request,
        "person/liste.html",
        {"form": form, "side": side, "navn": navn, "sortering": sortering},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def ny(request: HttpRequest) -> HttpResponse:
    selectors.personer_for_bruker(bruker=bruker_fra(request))  # tilgangssjekk før skjemaet vises
    form = PersonForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        person = services.person_opprett(bruker=bruker_fra(request), **d)
        return redirect("person:detalj", person_id=person.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "person/ny.html", {"form": form}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def detalj(request: HttpRequest, person_id: UUID) -> HttpResponse:
    person = selectors.person_hent(bruker=bruker_fra(request), person_id=person_id)
    barn = person.barn.prefetch_related("forsoergerperioder")
    kartlegginger = kartlegginger_for_person(bruker=bruker_fra(request), person=person)
    saker = list(person.saker.filter(kontor_id=person.kontor_id).select_related("saksbehandler"))
    # Bare saker brukeren kan åpne får lenke (en veileder ser personen, men ikke alle saker); de andre vises som tekst.
    kan_aapne = set(
        tilgang.synlige(bruker_fra(request), "sak").filter(pk__in=[s.pk for s in saker]).values_list("pk", flat=True)
    )
    for s in saker:
        s.kan_aapnes = s.pk in kan_aapne  # type: ignore[attr-defined]
    return render(
        request,
        "person/detalj.html",
        {
            "person": person,
            "barn": barn,
            "kartlegginger": kartlegginger,
            "saker": saker,
            "historikk": selectors.personalia_historikk(person=person),
            "kan_endre": tilgang.kan(bruker_fra(request), "person", person, Handling.SKRIV),
            "kan_se_konto": tilgang.kan(bruker_fra(request), "mottaker", person, Handling.LES),
        },
    )


@require_http_methods(["GET", "POST"])
def personalia_endre(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """Endrer adresse, telefon, e-post og målform. Tjenesten sjekker skrivetilgangen og logger endringen."""
    person = selectors.person_hent(bruker=bruker_fra(request), person_id=person_id, logg=request.method != "POST")
    if not tilgang.kan(bruker_fra(request), "person", person, Handling.SKRIV):
        raise IkkeTilgang("Du kan se personen, men ikke endre personalia.")
    initial = {felt: getattr(person, felt) for felt in ENDRBARE_FELT}
    form = PersonaliaForm(request.POST or None, initial=initial)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        endret = services.personalia_endre(bruker=bruker_fra(request), person_id=person.pk, **d)
        if endret:
            messages.success(request, "Personalia er lagret.")
        else:
            messages.info(request, "Du endret ingenting, så ingenting ble lagret.")
        return redirect("person:detalj", person_id=person.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "person/personalia_endre.html", {"form": form, "person": person}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def barn_ny(request: HttpRequest, person_id: UUID) -> HttpResponse:
    # Skjemaet viser personens navn: visningen logges (taushetsplikt). Ved POST logger tjenesten endringen.
    person = selectors.person_hent(bruker=bruker_fra(request), person_id=person_id, logg=request.method != "POST")
    form = BarnForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.barn_legg_til(bruker=bruker_fra(request), person=person, **d)
        return redirect("person:detalj", person_id=person.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "person/barn_ny.html", {"form": form, "person": person}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def forsoergerperiode_avslutt(request: HttpRequest, person_id: UUID, periode_id: int) -> HttpResponse:
    """Avslutter en forsørgerperiode (barnetillegget stopper etter datoen). Tjenesten logger endringen."""
    person = selectors.person_hent(bruker=bruker_fra(request), person_id=person_id, logg=request.method != "POST")
    periode = get_object_or_404(Forsoergerperiode.objects.select_related("barn"), pk=periode_id, barn__forelder=person)
    form = ForsoergerperiodeAvsluttForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.forsoergerperiode_avslutt(
            bruker=bruker_fra(request), forsoergerperiode_id=periode.pk, til_og_med=d["til_og_med"]
        )
        return redirect("person:detalj", person_id=person.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(
            request,
            "person/forsoergerperiode_avslutt.html",
            {"form": form, "person": person, "periode": periode},
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()

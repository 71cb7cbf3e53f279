"""Forside, revisjonslogg og feilsider."""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from kvp.felles.feil import KvpFeil
from kvp.person.selectors import person_hent_paa_fnr
from kvp.tilgang.objekter import krev_side, ser_side
from kvp.tilgang.selectors import logghendelser_for_kontor
from kvp.tilgang.tilgang import bruker_fra, tilgang_for

from .forms import Datofelt, KvpForm
from .models import Handling


def forside(request: HttpRequest) -> HttpResponse:
    """Startsiden: ansatte med en kontorrolle får Mine oppgaver, deltakeren Min side."""
    if ser_side(request.user, "mine_oppgaver"):
        return redirect("arbeidsflate:mine_oppgaver")
    if ser_side(request.user, "deltaker"):
        return redirect("soeknad:min_side")
    if ser_side(request.user, "statsforvalter"):
        return redirect("klage:statsforvalter")
    return render(request, "felles/forside.html", {"roller": tilgang_for(request.user).roller})


class LoggSoekForm(KvpForm):
    brukernavn = forms.CharField(label="Brukernavn", required=False, max_length=150)
    handling = forms.ChoiceField(label="Handling", required=False, choices=[("", "Alle handlinger"), *Handling.choices])
    foedselsnummer = forms.CharField(
        label="Fødselsnummer til personen",
        required=False,
        max_length=13,
        help_text="Viser bare hendelser om denne personen.",
    )
    fra_og_med = Datofelt(label="Fra og med", required=False)
    til_og_med = Datofelt(label="Til og med", required=False)


@require_http_methods(["GET", "POST"])
def logg(request: HttpRequest) -> HttpResponse:
    """Lederens søk i revisjonsloggen for eget kontor. Søket sendes med POST (fødselsnummer i skjemaet)."""
    krev_side(request.user, "logg")
    form = LoggSoekForm(request.POST or None)
    hendelser = None
    status = 200
    if request.method == "POST":
        if form.is_valid():
            d = form.cleaned_data
            try:
                person_id = None
                if d["foedselsnummer"]:
                    person_id = person_hent_paa_fnr(bruker=bruker_fra(request), foedselsnummer=d["foedselsnummer"]).pk
                hendelser = list(
                    logghendelser_for_kontor(
                        bruker=bruker_fra(request),
                        brukernavn=d["brukernavn"],
                        handling=d["handling"],
                        person_id=person_id,
                        fra_og_med=d["fra_og_med"],
                        til_og_med=d["til_og_med"],
                    )[:200]
                )
                # Fødselsnummeret skrives ikke tilbake i skjemaet på resultatsiden.
                kopi = request.POST.copy()
                kopi["foedselsnummer"] = ""
                form.data = kopi
            except KvpFeil as feil:
                form.legg_til_feil(feil)
                status = 400
        else:
            status = 400
    else:
        hendelser = list(logghendelser_for_kontor(bruker=bruker_fra(request))[:50])
    return render(request, "felles/logg.html", {"form": form, "hendelser": hendelser}, status=status)


@login_not_required
def feil_400(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "felles/feil.html",
        {"tittel": "Ugyldig forespørsel", "melding": "Forespørselen kunne ikke behandles."},
        status=400,
    )


@login_not_required
def feil_403(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "felles/feil.html",
        {"tittel": "Ingen tilgang", "melding": "Du har ikke tilgang til denne siden."},
        status=403,
    )


@login_not_required
def feil_404(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(
        request,
        "felles/feil.html",
        {"tittel": "Fant ikke siden", "melding": "Siden finnes ikke, eller du har ikke tilgang til den."},
        status=404,
    )


@login_not_required
def feil_500(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "felles/feil.html",
        {"tittel": "Noe gikk galt", "melding": "Det oppstod en feil hos oss. Prøv igjen senere."},
        status=500,
    )


@login_not_required
def csrf_feil(request: HttpRequest, reason: str = "") -> HttpResponse:
    return render(
        request,
        "felles/feil.html",
        {"tittel": "Skjemaet er utløpt", "melding": "Last siden på nytt og prøv igjen."},
        status=403,
    )

"""Brukeradministrasjon for ledere (se `brukeradmin.py`): liste, ny bruker, gi og ta roller, deaktiver."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from kvp.felles.forms import KvpForm, skjema_svar

from . import brukeradmin
from .models import KONTORROLLER, Rolle
from .tilgang import bruker_fra

_ROLLEVALG = [(r.value, r.label) for r in Rolle if r in KONTORROLLER]


def _kontorvalg(kontorer: Any) -> list[tuple[str, str]]:
    return [(str(k.pk), k.navn) for k in kontorer]


class RolleForm(KvpForm):
    brukernavn = forms.CharField(label="Brukernavn (NAV-ident)", max_length=150)
    rolle = forms.ChoiceField(label="Rolle", choices=_ROLLEVALG)
    kontor = forms.ChoiceField(label="Kontor")

    def __init__(self, *args: Any, kontorer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kontor"].choices = _kontorvalg(kontorer)  # type: ignore[attr-defined]


class NyBrukerForm(KvpForm):
    brukernavn = forms.CharField(label="Brukernavn (NAV-ident)", max_length=150, help_text="For eksempel Z990123.")
    fornavn = forms.CharField(label="Fornavn", max_length=150)
    etternavn = forms.CharField(label="Etternavn", max_length=150)
    epost = forms.EmailField(label="E-post", required=False)
    rolle = forms.ChoiceField(label="Rolle", choices=_ROLLEVALG)
    kontor = forms.ChoiceField(label="Kontor")
    passord = forms.CharField(
        label="Passord",
        required=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="Bare for demo og utvikling. Minst 12 tegn, ikke et vanlig passord og ikke bare tall.",
    )

    def __init__(self, *args: Any, kontorer: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kontor"].choices = _kontorvalg(kontorer)  # type: ignore[attr-defined]
        self.fields["epost"].error_messages["invalid"] = "Skriv en gyldig e-postadresse."
        if not settings.KVP_PASSORD_INNLOGGING:
            del self.fields["passord"]


class RolleTaForm(KvpForm):
    rolle = forms.ChoiceField(choices=_ROLLEVALG)
    kontor = forms.UUIDField()


def liste(request: HttpRequest) -> HttpResponse:
    leder = bruker_fra(request)
    kontorer = brukeradmin.lederkontorer(leder)
    return _vis_liste(request, RolleForm(kontorer=kontorer), kontorer, 200)


def _vis_liste(request: HttpRequest, rolleform: RolleForm, kontorer: Any, status: int) -> HttpResponse:
    brukere = brukeradmin.brukere_ved_kontorene(leder=bruker_fra(request))
    return render(
        request,
        "tilgang/brukere.html",
        {"brukere": brukere, "rolleform": rolleform, "kontorer": kontorer},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def ny(request: HttpRequest) -> HttpResponse:
    leder = bruker_fra(request)
    kontorer = brukeradmin.lederkontorer(leder)
    form = NyBrukerForm(request.POST or None, kontorer=kontorer)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        bruker = brukeradmin.bruker_opprett_av_leder(
            leder=leder,
            brukernavn=d["brukernavn"],
            fornavn=d["fornavn"],
            etternavn=d["etternavn"],
            epost=d["epost"],
            kontor_id=d["kontor"],
            rolle=d["rolle"],
            passord=d.get("passord", ""),
        )
        messages.success(request, f"Brukeren {bruker.username} er opprettet.")
        return redirect("tilgang:brukere")

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "tilgang/bruker_ny.html", {"form": form}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_POST
def rolle_gi(request: HttpRequest) -> HttpResponse:
    leder = bruker_fra(request)
    kontorer = brukeradmin.lederkontorer(leder)
    form = RolleForm(request.POST, kontorer=kontorer)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        brukeradmin.rolle_gi(leder=leder, brukernavn=d["brukernavn"], rolle=d["rolle"], kontor_id=d["kontor"])
        messages.success(request, "Rollen er gitt.")
        return redirect("tilgang:brukere")

    return skjema_svar(form, lagre, lambda status: _vis_liste(request, form, kontorer, status))


@require_POST
def rolle_ta(request: HttpRequest, bruker_id: int) -> HttpResponse:
    leder = bruker_fra(request)
    brukeradmin.bruker_ved_kontorene(leder=leder, bruker_id=bruker_id)  # 404 før skjemaet leses
    form = RolleTaForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        brukeradmin.rolle_ta(leder=leder, bruker_id=bruker_id, rolle=d["rolle"], kontor_id=d["kontor"])
        messages.success(request, "Rollen er tatt bort.")
        return redirect("tilgang:brukere")

    def vis(status: int) -> HttpResponse:
        feil = " ".join(str(m) for liste in form.errors.values() for m in liste) or "Ugyldig valg."
        messages.error(request, feil)
        kontorer = brukeradmin.lederkontorer(leder)
        return _vis_liste(request, RolleForm(kontorer=kontorer), kontorer, status)

    return skjema_svar(form, lagre, vis)


@require_POST
def deaktiver(request: HttpRequest, bruker_id: int) -> HttpResponse:
    leder = bruker_fra(request)
    bruker = brukeradmin.bruker_deaktiver(leder=leder, bruker_id=bruker_id)
    messages.success(request, f"Brukeren {bruker.username} er deaktivert og kan ikke logge inn.")
    return redirect("tilgang:brukere")

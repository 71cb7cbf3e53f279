"""Innlogging og utlogging."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from kvp.felles.models import Handling

from . import oidc
from .services import innlogging_logg
from .tilgang import bruker_fra


class InnloggingForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Feil brukernavn eller passord.",
        "inactive": "Brukeren er deaktivert.",
    }

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["username"].label = "Brukernavn"
        self.fields["password"].label = "Passord"
        for f in self.fields.values():
            f.error_messages["required"] = "Dette feltet må fylles ut."
        self.fields["password"].widget = forms.PasswordInput(attrs={"autocomplete": "current-password"})


class LoggInnView(auth_views.LoginView):
    template_name = "tilgang/logg_inn.html"
    authentication_form = InnloggingForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        kontekst = super().get_context_data(**kwargs)
        kontekst["oidc_tjenester"] = oidc.tjenester()
        kontekst["passord_innlogging"] = settings.KVP_PASSORD_INNLOGGING
        return kontekst

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Passordinnlogging finnes bare for demo og utvikling (`KVP_PASSORD_INNLOGGING`, av i prod.py)."""
        if not settings.KVP_PASSORD_INNLOGGING:
            return render(
                request,
                "tilgang/oidc_feil.html",
                {
                    "melding": "Innlogging med passord er slått av. Bruk en av innloggingstjenestene.",
                    "innlogging_url": request.path,
                },
                status=403,
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_valid(form)
        innlogging_logg(bruker=form.get_user(), handling=Handling.INNLOGGING, detaljer={"metode": "passord (demo)"})
        self.request.session[oidc.OEKT_NOEKKEL] = {"tjeneste": "passord", "acr": None, "amr": ["pwd"]}
        return response

    def form_invalid(self, form: AuthenticationForm) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoggUtView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            innlogging_logg(bruker=bruker_fra(request), handling=Handling.UTLOGGING)
        innlogging = request.session.get(oidc.OEKT_NOEKKEL) or {}
        id_token = request.session.get(oidc.ID_TOKEN_NOEKKEL)
        svar: HttpResponse = super().post(request, *args, **kwargs)  # tømmer økten
        if isinstance(innlogging, dict) and innlogging.get("tjeneste") and id_token:
            # Økten kom fra OpenID Connect: logg ut hos tjenesten også (RP-Initiated Logout).
            request.session[oidc.UTLOGGING_NOEKKEL] = {"tjeneste": innlogging["tjeneste"], "id_token": id_token}
            return HttpResponseRedirect(reverse("tilgang:oidc_logg_ut"))
        return svar

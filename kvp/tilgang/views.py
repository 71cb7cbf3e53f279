"""Innlogging og utlogging."""

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm


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

    def form_invalid(self, form: AuthenticationForm):
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LoggUtView(auth_views.LogoutView):
    pass

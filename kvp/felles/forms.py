"""Skjemahjelpere: norske feilmeldinger og tjenestefeil ved riktig felt."""

from typing import Any

from django import forms

from .feil import KvpFeil

DATOFORMATER = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]


class KvpForm(forms.Form):
    """Skjema med norske meldinger og `legg_til_feil` for feil fra tjenestene."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for felt in self.fields.values():
            felt.error_messages["required"] = "Dette feltet må fylles ut."
            if isinstance(felt, forms.DateField):
                felt.input_formats = DATOFORMATER
                felt.error_messages["invalid"] = "Skriv datoen som dd.mm.åååå, for eksempel 14.03.2025."
            if isinstance(felt, forms.ChoiceField):
                felt.error_messages["invalid_choice"] = "Velg et av alternativene i listen."

    def legg_til_feil(self, feil: KvpFeil) -> None:
        self.add_error(feil.felt if feil.felt in self.fields else None, feil.melding)


class Datofelt(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")

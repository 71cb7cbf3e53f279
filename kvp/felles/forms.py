"""Skjemahjelpere: norske feilmeldinger og tjenestefeil ved riktig felt."""

import datetime as dt
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
    """Dato fra et skjema. Datoer før 1900 eller etter 2999 er skrivefeil, ikke data."""

    widget = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    FOERSTE = dt.date(1900, 1, 1)
    SISTE = dt.date(2999, 12, 31)

    def clean(self, value: Any) -> Any:
        dato = super().clean(value)
        if dato is not None and not self.FOERSTE <= dato <= self.SISTE:
            raise forms.ValidationError("Datoen må være mellom 01.01.1900 og 31.12.2999. Sjekk årstallet.")
        return dato

"""Skjemahjelpere: norske feilmeldinger, tjenestefeil ved riktig felt og mønsteret skjema → tjeneste → feil."""

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.http import HttpResponse

from .feil import HTTP_STATUS, Kategori, KvpFeil, kategori
from .maalform import mf

DATOFORMATER = ["%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y"]


class KvpForm(forms.Form):
    """Skjema med norske meldinger og `legg_til_feil` for feil fra tjenestene."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for felt in self.fields.values():
            felt.error_messages["required"] = mf("Dette feltet må fylles ut.", "Dette feltet må fyllast ut.")
            if isinstance(felt, forms.DateField):
                felt.input_formats = DATOFORMATER
                felt.error_messages["invalid"] = mf(
                    "Skriv datoen som dd.mm.åååå, for eksempel 14.03.2025.",
                    "Skriv datoen som dd.mm.åååå, til dømes 14.03.2025.",
                )
            if isinstance(felt, forms.ChoiceField):
                felt.error_messages["invalid_choice"] = mf(
                    "Velg et av alternativene i listen.", "Vel eitt av alternativa i lista."
                )

    def legg_til_feil(self, feil: KvpFeil) -> None:
        legg_til_feil(self, feil)


def legg_til_feil(form: forms.Form, feil: KvpFeil) -> None:
    """Feilmeldingen ved feltet den gjelder, eller øverst i skjemaet når feltet ikke finnes i skjemaet."""
    form.add_error(feil.felt if feil.felt in form.fields else None, feil.melding)


def skjema_svar(
    form: forms.Form,
    lagre: Callable[[dict[str, Any]], HttpResponse],
    vis: Callable[[int], HttpResponse],
) -> HttpResponse:
    """Skjema → tjeneste → feil, ett sted for alle visningene.

    Er skjemaet gyldig, kalles `lagre(cleaned_data)` (som kaller tjenesten og gir svaret, som regel en omdirigering).
    Er skjemaet ugyldig, eller tjenesten sier nei med en `KvpFeil` i kategorien ugyldig, legges meldingen ved riktig
    felt og `vis(400)` viser skjemaet igjen. «Ikke funnet» og «ikke tilgang» slippes videre til mellomvaren, som
    svarer 404 og 403.
    """
    if form.is_valid():
        try:
            return lagre(form.cleaned_data)
        except KvpFeil as feil:
            if kategori(feil) != Kategori.UGYLDIG:
                raise
            legg_til_feil(form, feil)
    return vis(HTTP_STATUS[Kategori.UGYLDIG])


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


class Desimalfelt(forms.DecimalField):
    """Tall med komma eller punktum (2,5 eller 2.5)."""

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        if isinstance(value, str):
            value = value.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            return super().to_python(value)
        except forms.ValidationError:
            raise forms.ValidationError("Skriv et tall, for eksempel 2,5.") from None
        except InvalidOperation:  # pragma: no cover - DecimalField fanger dette selv
            raise forms.ValidationError("Skriv et tall, for eksempel 2,5.") from None

from django import forms

from kvp.felles.forms import KvpForm
from kvp.sak.models import Status


class SoekForm(KvpForm):
    """Ett søkefelt. Sendes med POST: et fødselsnummer skal aldri stå i en URL."""

    q = forms.CharField(
        label="Navn, fødselsnummer eller saksnummer",
        max_length=100,
        help_text="Saksnummeret er de 8 første tegnene i saken, slik det står på saksiden.",
    )

    def clean_q(self) -> str:
        tekst = str(self.cleaned_data["q"]).strip()
        if len(tekst.replace(" ", "")) < 2:
            raise forms.ValidationError("Skriv minst to tegn.")
        return tekst


class MineSakerFilter(KvpForm):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Alle statuser"), *Status.choices])

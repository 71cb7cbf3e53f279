from typing import Any

from django import forms

from kvp.felles.forms import Datofelt, KvpForm
from kvp.tilgang.selectors import kommuner_alle

from .models import Maalform
from .personalia import feil_i_personalia


class PersonForm(KvpForm):
    foedselsnummer = forms.CharField(label="Fødselsnummer eller D-nummer", max_length=13, help_text="11 sifre.")
    fornavn = forms.CharField(label="Fornavn", max_length=100)
    etternavn = forms.CharField(label="Etternavn", max_length=100)
    adresse = forms.CharField(label="Adresse", max_length=200, required=False)
    postnummer = forms.CharField(label="Postnummer", max_length=4, required=False)
    poststed = forms.CharField(label="Poststed", max_length=60, required=False)
    kommune = forms.ModelChoiceField(label="Bostedskommune", queryset=kommuner_alle(), empty_label="Velg kommune")
    maalform = forms.ChoiceField(label="Målform", choices=Maalform.choices)
    telefon = forms.CharField(label="Telefon", max_length=20, required=False)
    epost = forms.EmailField(label="E-post", required=False)

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kommune"].error_messages["invalid_choice"] = "Velg en kommune fra listen."
        self.fields["foedselsnummer"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})


class BarnForm(KvpForm):
    fornavn = forms.CharField(label="Barnets fornavn", max_length=100)
    foedselsdato = Datofelt(label="Fødselsdato")
    forsoerget_fra_og_med = Datofelt(label="Forsørget fra og med")
    forsoerget_til_og_med = Datofelt(label="Forsørget til og med", required=False, help_text="Tomt betyr løpende.")


class ForsoergerperiodeAvsluttForm(KvpForm):
    til_og_med = Datofelt(
        label="Siste dag personen forsørger barnet", help_text="Barnetillegget stopper etter denne dagen."
    )


class PersonSoekForm(KvpForm):
    foedselsnummer = forms.CharField(label="Fødselsnummer", max_length=13, required=False)
    navn = forms.CharField(label="Navn", max_length=100, required=False)


class PersonaliaForm(KvpForm):
    """Adresse, telefon, e-post og målform. Alle feilene vises samtidig (kontrollen i `personalia`)."""

    adresse = forms.CharField(label="Adresse", max_length=200, required=False, help_text="Gate og husnummer.")
    postnummer = forms.CharField(label="Postnummer", max_length=4, required=False)
    poststed = forms.CharField(label="Poststed", max_length=60, required=False)
    telefon = forms.CharField(label="Telefon", max_length=20, required=False)
    epost = forms.CharField(label="E-post", max_length=254, required=False)
    maalform = forms.ChoiceField(label="Målform", choices=Maalform.choices, help_text="Brevene skrives på målformen.")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for felt in self.fields.values():
            if isinstance(felt, forms.CharField) and felt.max_length:
                felt.error_messages["max_length"] = f"{felt.label} kan ha høyst {felt.max_length} tegn."
        self.fields["postnummer"].error_messages["max_length"] = "Postnummer er fire sifre, for eksempel 0150."
        self.fields["postnummer"].widget.attrs.update({"inputmode": "numeric", "autocomplete": "postal-code"})
        self.fields["telefon"].widget.attrs.update({"inputmode": "tel", "autocomplete": "tel"})
        self.fields["epost"].widget.attrs.update({"inputmode": "email", "autocomplete": "email"})

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for felt, melding in feil_i_personalia({k: str(v or "") for k, v in data.items()}):
            if felt in self.fields and felt not in self.errors:
                self.add_error(felt, melding)
        return data

from django import forms

from kvp.felles.forms import Datofelt, KvpForm
from kvp.tilgang.selectors import kommuner_alle

from .models import Maalform


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

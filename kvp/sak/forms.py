from collections.abc import Iterable
from typing import Any, cast

from django import forms

from kvp.felles.forms import Datofelt, KvpForm

from .models import Status


class TildelForm(KvpForm):
    saksbehandler = forms.ChoiceField(label="Saksbehandler", required=False)

    def __init__(self, *args: object, veiledere: Iterable[Any] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["saksbehandler"]).choices = [("", "Ingen (ikke tildelt)")] + [
            (str(v.pk), v.visningsnavn) for v in veiledere
        ]


class StatusForm(KvpForm):
    status = forms.ChoiceField(label="Ny status", choices=Status.choices)


class ForeloepigSvarForm(KvpForm):
    sendt_dato = Datofelt(label="Sendt dato")
    forventet_svar_dato = Datofelt(label="Forventet svar innen")
    begrunnelse = forms.CharField(label="Hvorfor tar saken tid?", widget=forms.Textarea)


class TavleFilterForm(KvpForm):
    saksbehandler = forms.ChoiceField(label="Vis saker for", required=False)

    def __init__(self, *args: object, veiledere: Iterable[Any] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["saksbehandler"]).choices = [("", "Alle"), ("ingen", "Ikke tildelt")] + [
            (str(v.pk), v.visningsnavn) for v in veiledere
        ]

from typing import Any

from django import forms

from kvp.felles.forms import KvpForm

from .models import TOKENROLLER


class TokenForm(KvpForm):
    navn = forms.CharField(label="Navn (systemet eller tiltaksarrangøren)", max_length=100)
    rolle = forms.ChoiceField(label="Rolle", choices=TOKENROLLER)
    kontor = forms.ChoiceField(label="Kontor")

    def __init__(self, *args: Any, kontorer: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kontor"].choices = kontorer  # type: ignore[attr-defined]

"""Skjemaene i statistikken: KOSTRA-kjøringen, KOSTRA-opplysningene i en sak og filteret på statistikksidene."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils import timezone

from .models import AnnenStoette, Sivilstand

_MAANED = re.compile(r"^(\d{4})-(\d{2})$")


class KostraForm(forms.Form):
    kommune = forms.ChoiceField(label="Kommune")
    aar = forms.IntegerField(label="År", min_value=2025, max_value=2999)
    bydel = forms.CharField(label="Bydel (bare Oslo)", max_length=2, required=False)

    def __init__(self, *args: Any, kommuner: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        valg = [(k.nummer, f"{k.navn} ({k.nummer})") for k in kommuner]
        self.fields["kommune"].choices = valg  # type: ignore[attr-defined]


class OpplysningerForm(forms.Form):
    aar = forms.IntegerField(label="År", min_value=2000, max_value=2999)
    sivilstand = forms.ChoiceField(label="Sivilstand", choices=[("", "Velg"), *Sivilstand.choices])
    annen_stoette = forms.MultipleChoiceField(
        label="Annen støtte i perioden med kvalifiseringsstønad i året",
        choices=AnnenStoette.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Kryss av for alt deltakeren fikk i tillegg. Ingen kryss betyr at deltakeren ikke fikk noe av dette.",
    )
    kvp_annen_kommune = forms.TypedChoiceField(
        label="Kom deltakeren fra kvalifiseringsprogram i en annen kommune?",
        choices=[("", "Velg"), ("ja", "Ja"), ("nei", "Nei")],
        coerce=lambda v: v == "ja",
        empty_value=None,
        required=False,
    )
    kvp_kommunenummer = forms.CharField(
        label="Kommunenummeret der deltakeren var i program", max_length=4, required=False
    )

    def __init__(self, *args: Any, spoer_om_kommune: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not spoer_om_kommune:
            del self.fields["kvp_annen_kommune"]
            del self.fields["kvp_kommunenummer"]


class Maanedsfelt(forms.CharField):
    """Måned skrevet ÅÅÅÅ-MM (som `<input type="month">`)."""

    widget = forms.TextInput(attrs={"type": "month"})

    def to_python(self, value: Any) -> tuple[int, int] | None:  # type: ignore[override]
        tekst = super().to_python(value)
        if not tekst:
            return None
        treff = _MAANED.match(tekst)
        if not treff or not 1 <= int(treff.group(2)) <= 12 or not 2000 <= int(treff.group(1)) <= 2999:
            raise forms.ValidationError("Skriv måneden som ÅÅÅÅ-MM, for eksempel 2026-01.")
        return int(treff.group(1)), int(treff.group(2))


class FilterForm(forms.Form):
    fra = Maanedsfelt(label="Fra måned", required=False)
    til = Maanedsfelt(label="Til måned", required=False)
    kontor = forms.ChoiceField(label="Kontor", required=False)

    def __init__(self, *args: Any, kontorer: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        valg = [("", "Alle kontorene"), *[(str(k.pk), k.navn) for k in kontorer]]
        self.fields["kontor"].choices = valg  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        i_dag = timezone.localdate()
        til = data.get("til") or (i_dag.year, i_dag.month)
        fra = data.get("fra") or ((til[0] - 2, til[1]) if til[1] == 12 else (til[0] - 2, til[1] + 1))
        if fra > til:
            self.add_error("fra", "Fra-måneden må være før til-måneden.")
        elif (til[0] - fra[0]) * 12 + til[1] - fra[1] >= 120:
            self.add_error("fra", "Velg en periode på høyst ti år.")
        data["fra"], data["til"] = fra, til
        return data

from typing import Any

from django import forms

from kvp.felles.forms import KvpForm
from kvp.tilgang.models import Beregningsmodell

from .beregning import MAANEDSNAVN


class KjoerForm(KvpForm):
    kommune = forms.ChoiceField(label="Kommune")
    maaned = forms.ChoiceField(
        label="Måned", choices=[(str(i), navn.capitalize()) for i, navn in enumerate(MAANEDSNAVN, start=1)]
    )
    aar = forms.IntegerField(label="År", min_value=2000, max_value=2999)

    def __init__(self, *args: Any, kommuner: Any = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kommune"].choices = [(k.nummer, k.navn) for k in kommuner]  # type: ignore[attr-defined]
        self.fields["aar"].error_messages["invalid"] = "Skriv årstallet med fire siffer."
        self.fields["aar"].error_messages["min_value"] = "Året må være 2000 eller senere."
        self.fields["aar"].error_messages["max_value"] = "Året må være før 3000."


class InnstillingerForm(KvpForm):
    utbetalingsdag = forms.IntegerField(
        label="Utbetalingsdag i måneden",
        min_value=1,
        max_value=28,
        help_text="Stønaden for en måned betales denne dagen måneden etter. Faller dagen på en helg eller "
        "helligdag, betales den forrige bankdag.",
    )
    beregningsmodell = forms.ChoiceField(label="Beregningsmodell", choices=Beregningsmodell.choices)
    maks_trekk_prosent = forms.IntegerField(
        label="Største trekk for tilbakekreving (prosent av utbetalingen)", min_value=0, max_value=100
    )
    kontonummer = forms.CharField(label="Kommunens kontonummer (det betales fra)", max_length=20)
    organisasjonsnummer = forms.CharField(label="Organisasjonsnummer", max_length=9, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for navn in ("utbetalingsdag", "maks_trekk_prosent"):
            felt = self.fields[navn]
            felt.error_messages["invalid"] = "Skriv et helt tall."
            felt.error_messages["min_value"] = "Tallet er for lite."
            felt.error_messages["max_value"] = "Tallet er for stort."


class MottakerForm(KvpForm):
    kontonummer = forms.CharField(label="Kontonummer", max_length=20)
    skattetrekk = forms.DecimalField(
        label="Skattetrekk (prosent, fra skattekortet)", min_value=0, max_value=100, decimal_places=2
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        felt = self.fields["skattetrekk"]
        felt.error_messages["invalid"] = "Skriv prosenten som et tall, for eksempel 30 eller 32,5."
        felt.error_messages["min_value"] = "Prosenten kan ikke være negativ."
        felt.error_messages["max_value"] = "Prosenten kan ikke være over 100."
        felt.error_messages["max_decimal_places"] = "Bruk høyst to desimaler."
        felt.localize = True
        felt.widget.is_localized = True


class ForeslaaForm(KvpForm):
    begrunnelse = forms.CharField(label="Begrunnelse for tilbakekrevingen", widget=forms.Textarea, max_length=1000)
    # Vurderingen av god tro sjekkes i tjenesten (`tilbakekreving_foreslaa`), som gir meldingen ved feltet.
    aktsomhet = forms.CharField(label="Var deltakeren i god tro?", required=False, max_length=20)
    aktsomhet_begrunnelse = forms.CharField(
        label="Begrunnelse for vurderingen", widget=forms.Textarea, required=False, max_length=2000
    )


class VedtaForm(KvpForm):
    tilbakekreves = forms.ChoiceField(
        label="Vedtak", choices=[("ja", "Kreves tilbake"), ("nei", "Kreves ikke tilbake")]
    )


class ForkastForm(KvpForm):
    bekreft = forms.BooleanField(
        label="Jeg vil forkaste runden: utbetalingene i den slettes, og måneden må simuleres på nytt"
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bekreft"].error_messages["required"] = "Kryss av for at du vil forkaste runden."


class KvitteringForm(KvpForm):
    fil = forms.FileField(label="Statusrapport fra banken (pain.002, XML)")

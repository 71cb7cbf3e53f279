from typing import Any, cast

from django import forms
from django.utils import timezone

from kvp.felles.forms import Datofelt, Desimalfelt, KvpForm
from kvp_regler.program.timer import maks_arbeidstimer, maks_timer_ugyldig_fravaer, timer_tekst

from .models import Dagstatus, Dokumentasjon, Ytelsestype


class KorreksjonMixin(KvpForm):
    korreksjonsgrunn = forms.CharField(
        label="Grunn til korreksjon",
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Må fylles ut når måneden er attestert. Korreksjonen logges, og måneden beregnes på nytt.",
    )


class OppmoeteForm(KorreksjonMixin):
    prefix = "oppmoete"
    fra_og_med = Datofelt(label="Fra og med")
    til_og_med = Datofelt(label="Til og med", required=False, help_text="Tom for én dag. Helger hoppes over.")
    status = forms.ChoiceField(label="Status", choices=Dagstatus.choices)
    timer = Desimalfelt(
        label="Timer ugyldig fravær",
        required=False,
        max_digits=3,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    dokumentasjon = forms.ChoiceField(
        label="Dokumentasjon", choices=Dokumentasjon.choices, required=False, help_text="Ved gyldig fravær."
    )
    merknad = forms.CharField(label="Merknad", required=False, max_length=500)
    field_order = ["fra_og_med", "til_og_med", "status", "timer", "dokumentasjon", "merknad", "korreksjonsgrunn"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        maks = timer_tekst(maks_timer_ugyldig_fravaer(timezone.localdate()))
        self.fields["timer"].help_text = f"Bare ved ugyldig fravær en del av dagen (0–{maks} timer)."

    def clean_dokumentasjon(self) -> str:
        return self.cleaned_data.get("dokumentasjon") or Dokumentasjon.INGEN


class AttesterForm(KvpForm):
    maaned = forms.RegexField(regex=r"^\d{4}-\d{2}$", widget=forms.HiddenInput)


class AttesterBekreftForm(AttesterForm):
    """Attesteringen lagres bare fra bekreftelsessiden, som sier hva som skjer."""

    bekreftet = forms.ChoiceField(choices=[("ja", "Ja")], widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["bekreftet"].error_messages["required"] = "Bekreft attesteringen på bekreftelsessiden."


class ArbeidForm(KorreksjonMixin):
    prefix = "arbeid"
    fra_og_med = Datofelt(label="Fra og med")
    til_og_med = Datofelt(label="Til og med")
    timer_per_uke = Desimalfelt(
        label="Timer per uke",
        max_digits=4,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    arbeidsgiver = forms.CharField(label="Arbeidsgiver", required=False, max_length=200)
    field_order = ["fra_og_med", "til_og_med", "timer_per_uke", "arbeidsgiver", "korreksjonsgrunn"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        maks = timer_tekst(maks_arbeidstimer(timezone.localdate()))
        self.fields["timer_per_uke"].help_text = f"Høyst {maks} timer (50 % stilling)."


class YtelseForm(KorreksjonMixin):
    prefix = "ytelse"
    type = forms.ChoiceField(label="Ytelse", choices=Ytelsestype.choices)
    fra_og_med = Datofelt(label="Fra og med")
    til_og_med = Datofelt(label="Til og med")
    dagsats = Desimalfelt(
        label="Dagsats (kr)",
        max_digits=9,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
        help_text="Trekkes krone for krone per virkedag (sosialtjenesteloven § 38).",
    )
    field_order = ["type", "fra_og_med", "til_og_med", "dagsats", "korreksjonsgrunn"]


class EgenmeldingForm(KvpForm):
    fra_og_med = Datofelt(label="Første sykedag")
    til_og_med = Datofelt(label="Siste sykedag", required=False, help_text="Tom hvis du var syk én dag.")
    merknad = forms.CharField(label="Kommentar til veilederen", required=False, max_length=500)

    def paa_nynorsk(self) -> "EgenmeldingForm":
        """Ledetekstene på nynorsk (deltakerens målform)."""
        self.fields["fra_og_med"].label = "Første sjukedag"
        self.fields["til_og_med"].label = "Siste sjukedag"
        self.fields["til_og_med"].help_text = "Tom viss du var sjuk éin dag."
        self.fields["merknad"].label = "Kommentar til rettleiaren"
        return self


class SlettForm(KvpForm):
    objekt = forms.ChoiceField(choices=[("arbeid", "Arbeid"), ("ytelse", "Ytelse")], widget=forms.HiddenInput)
    objekt_id = forms.UUIDField(widget=forms.HiddenInput)
    korreksjonsgrunn = forms.CharField(required=False, max_length=1000)


class SlettOppmoeteForm(KvpForm):
    """Sletter registrert oppmøte for dagene som er valgt i kalenderen; grunnen logges."""

    prefix = "slett"
    fra_og_med = Datofelt(label="Fra og med", widget=forms.HiddenInput)
    til_og_med = Datofelt(label="Til og med", required=False, widget=forms.HiddenInput)
    grunn = forms.CharField(
        label="Grunn til slettingen",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Dagene blir «ikke registrert» igjen. Grunnen står i revisjonsloggen.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["grunn"].error_messages["required"] = "Skriv hvorfor registreringen slettes."


class SamletForm(KvpForm):
    """Samme status for alle valgte deltakere i en aktivitet, for en dag eller en periode i én måned."""

    prefix = "samlet"
    fra_og_med = Datofelt(label="Fra og med")
    til_og_med = Datofelt(label="Til og med", required=False, help_text="Tom for én dag. Helger hoppes over.")
    status = forms.ChoiceField(
        label="Status", choices=[(k, v) for k, v in Dagstatus.choices if k != Dagstatus.HELLIGDAG]
    )
    saker = forms.MultipleChoiceField(label="Deltakere", widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, saker: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.MultipleChoiceField, self.fields["saker"]).choices = saker
        self.fields["saker"].error_messages["required"] = "Velg minst én deltaker."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        fra, til = data.get("fra_og_med"), data.get("til_og_med")
        if fra and til and (til.year, til.month) != (fra.year, fra.month):
            self.add_error("til_og_med", "Registrer én måned om gangen (fra og med og til og med i samme måned).")
        return data

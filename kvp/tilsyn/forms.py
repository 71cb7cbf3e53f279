"""Skjemaene i tilsynet og rettleiingen."""

from typing import Any, cast

from django import forms

from kvp.felles.forms import Datofelt, KvpForm
from kvp_regler.tilsyn import SJEKKPUNKTER

from .models import Funntype, Maalform, Steg, Utfall


class TilsynForm(KvpForm):
    kontor = forms.ChoiceField(label="NAV-kontor")
    tema = forms.CharField(label="Tema for tilsynet", max_length=200, initial="Kvalifiseringsprogrammet")
    periode_fra = Datofelt(label="Saker behandlet fra og med")
    periode_til = Datofelt(label="Saker behandlet til og med")

    def __init__(self, *args: Any, kontorer: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["kontor"]).choices = [
            ("", "Velg kontor"),
            *((str(k.pk), f"{k.navn} ({k.fylke})") for k in kontorer),
        ]


class UtvalgForm(KvpForm):
    antall_per_stratum = forms.IntegerField(
        label="Saker per utfall (avslag, i program, avsluttet)",
        min_value=1,
        max_value=50,
        initial=5,
        help_text="Utvalget trekkes tilfeldig for hvert utfall. Frøet lagres, så trekningen kan gjentas.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["antall_per_stratum"].error_messages.update(
            {
                "invalid": "Skriv et helt tall.",
                "min_value": "Velg minst én sak per utfall.",
                "max_value": "Velg høyst 50 saker per utfall.",
            }
        )


class VurderingForm(KvpForm):
    vurdering = forms.ChoiceField(
        label="Vurdering",
        choices=[("", "Velg"), *((u.value, u.label) for u in Utfall if u != Utfall.MAA_VURDERES)],
    )
    kommentar = forms.CharField(label="Kommentar", required=False, max_length=2000, widget=forms.Textarea({"rows": 2}))


class FunnForm(KvpForm):
    type = forms.ChoiceField(label="Type", choices=Funntype.choices)
    sjekkpunkt = forms.ChoiceField(label="Sjekkpunkt", choices=[(s.kode, s.tittel) for s in SJEKKPUNKTER])
    tekst = forms.CharField(label="Beskrivelse", max_length=5000, widget=forms.Textarea({"rows": 4}))


class RapportForm(KvpForm):
    maalform = forms.ChoiceField(label="Målform i rapporten", choices=Maalform.choices)
    svarfrist = Datofelt(label="Kontoret svarer med tiltak innen")


class TiltakForm(KvpForm):
    """Ett tekstfelt per funn; avvik må ha et tiltak."""

    def __init__(self, *args: Any, funn: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for f in funn:
            self.fields[f"tiltak_{f.pk}"] = forms.CharField(
                label=f"Tiltak for {f.get_type_display().split(' (')[0].lower()}: {f.tekst[:80]}",
                required=False,
                max_length=5000,
                widget=forms.Textarea({"rows": 3}),
                initial=f.tiltak,
            )

    def tiltak(self) -> dict[int, str]:
        return {int(k.removeprefix("tiltak_")): v for k, v in self.cleaned_data.items() if k.startswith("tiltak_")}


class AvgjoerTiltakForm(KvpForm):
    merknad = forms.CharField(
        label="Merknad til kontoret",
        required=False,
        max_length=5000,
        widget=forms.Textarea({"rows": 3}),
        help_text="Påkrevd når du ber om nye tiltak.",
    )


class RettleiingForm(KvpForm):
    mottaker = forms.ChoiceField(label="Mottakere")
    tittel = forms.CharField(label="Tittel", max_length=200)
    tekst = forms.CharField(label="Tekst", max_length=10000, widget=forms.Textarea({"rows": 8}))
    lenker = forms.CharField(
        label="Lenker til regelverket",
        required=False,
        max_length=5000,
        widget=forms.Textarea({"rows": 3}),
        help_text="Én per linje: «tekst | https://lovdata.no/…».",
    )
    steg = forms.ChoiceField(label="Vises også ved steget", choices=Steg.choices)
    gyldig_fra = Datofelt(label="Gyldig fra og med")
    gyldig_til = Datofelt(label="Gyldig til og med", required=False)

    def __init__(self, *args: Any, fylker: list[str], kontorer: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["mottaker"]).choices = [
            ("", "Velg mottaker"),
            *((f"fylke:{f}", f"Alle kontorene i {f}") for f in fylker),
            *((f"kontor:{k.pk}", k.navn) for k in kontorer),
        ]

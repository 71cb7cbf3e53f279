from typing import Any

from django import forms
from django.utils import timezone

from kvp.felles.forms import Datofelt, Desimalfelt, KvpForm
from kvp_regler.program.timer import full_tid, timer_tekst

from .models import Aktivitetsstatus, Aktivitetstype


class AktivitetForm(KvpForm):
    prefix = "aktivitet"
    aktivitet_id = forms.UUIDField(required=False, widget=forms.HiddenInput)
    type = forms.ChoiceField(label="Aktivitet", choices=Aktivitetstype.choices)
    beskrivelse = forms.CharField(label="Beskrivelse", required=False, max_length=300)
    timer_per_uke = Desimalfelt(
        label="Timer per uke",
        max_digits=4,
        decimal_places=2,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    fra_og_med = Datofelt(label="Fra og med")
    til_og_med = Datofelt(label="Til og med")
    tilbyder = forms.CharField(label="Tilbyder", required=False, max_length=200)
    status = forms.ChoiceField(label="Status", choices=Aktivitetsstatus.choices)
    avtalt_med_deltaker = forms.BooleanField(label="Avtalt med deltakeren", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        timer = timer_tekst(full_tid(timezone.localdate()))
        self.fields["timer_per_uke"].help_text = f"Alle aktivitetene til sammen skal gi {timer} timer i uka."

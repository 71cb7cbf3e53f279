from django import forms

from kvp.felles.forms import Datofelt, KvpForm
from kvp.felles.maalform import mf

from .models import Endringstype


class MeldingForm(KvpForm):
    tekst = forms.CharField(label="Melding", widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)
    vedlegg = forms.FileField(
        label="Vedlegg (valgfritt)",
        required=False,
        help_text="PDF, JPEG eller PNG. Bilder lagres uten stedsinformasjon.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class DokumentForm(KvpForm):
    fil = forms.FileField(
        label="Fil",
        help_text="PDF, JPEG eller PNG. Du kan ta et bilde med telefonen.",
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )
    beskrivelse = forms.CharField(
        label="Hva gjelder dokumentet?", max_length=200, help_text="For eksempel: legeerklæring for 3. mars."
    )


class AktiverForm(KvpForm):
    passord = forms.CharField(
        label="Velg et passord",
        min_length=12,
        help_text="Minst 12 tegn.",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    passord_igjen = forms.CharField(
        label="Skriv passordet en gang til", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self) -> dict:  # type: ignore[type-arg]
        d = super().clean() or {}
        if d.get("passord") and d.get("passord") != d.get("passord_igjen"):
            self.add_error("passord_igjen", mf("Passordene er ikke like.", "Passorda er ikkje like."))
        return d


class VarselvalgForm(KvpForm):
    epost = forms.BooleanField(label="Send meg e-post når noe nytt kommer", required=False)
    sms = forms.BooleanField(label="Send meg SMS når noe nytt kommer", required=False)


class PlanForm(KvpForm):
    sjekksum = forms.CharField(widget=forms.HiddenInput, max_length=64)
    godtar = forms.BooleanField(label="Jeg har lest planen og godtar den.")


class EndringForm(KvpForm):
    type = forms.ChoiceField(label="Hva har endret seg?", choices=[("", "Velg"), *Endringstype.choices])
    fra_og_med = Datofelt(label="Fra hvilken dato?")
    beskrivelse = forms.CharField(
        label="Fortell kort om endringen (valgfritt)",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="For eksempel hvor du har fått jobb, eller hvor mye du får.",
    )


#: Ledetekstene på nynorsk (etikett, hjelpetekst) for skjemaene deltakeren fyller ut.
NYNORSK: dict[str, dict[str, tuple[str, str]]] = {
    "AktiverForm": {
        "passord": ("Vel eit passord", "Minst 12 teikn."),
        "passord_igjen": ("Skriv passordet ein gong til", ""),
    },
    "MeldingForm": {
        "tekst": ("Melding", ""),
        "vedlegg": ("Vedlegg (valfritt)", "PDF, JPEG eller PNG. Bilete blir lagra utan stadinformasjon."),
    },
    "DokumentForm": {
        "fil": ("Fil", "PDF, JPEG eller PNG. Du kan ta eit bilete med telefonen."),
        "beskrivelse": ("Kva gjeld dokumentet?", "Til dømes: legeerklæring for 3. mars."),
    },
    "VarselvalgForm": {
        "epost": ("Send meg e-post når noko nytt kjem", ""),
        "sms": ("Send meg SMS når noko nytt kjem", ""),
    },
    "PlanForm": {"godtar": ("Eg har lese planen og godtek han.", "")},
    "EndringForm": {
        "type": ("Kva har endra seg?", ""),
        "fra_og_med": ("Frå kva dato?", ""),
        "beskrivelse": (
            "Fortel kort om endringa (valfritt)",
            "Til dømes kvar du har fått jobb, eller kor mykje du får.",
        ),
    },
}
ENDRINGSTYPER_NYNORSK = {
    "NYNORSK_TOM": "Vel",
    Endringstype.NYTT_BARN: "Eg har fått eit barn, eller eit barn har flytta inn",
    Endringstype.ARBEID: "Eg har fått arbeid",
    Endringstype.ANNEN_INNTEKT: "Eg har fått anna inntekt eller ei yting",
    Endringstype.ANNET: "Noko anna har endra seg",
}


def paa_maalform(form: forms.Form, maalform: str) -> forms.Form:
    """Setter ledetekstene til nynorsk når deltakerens målform er nynorsk (bokmål er standard i skjemaene)."""
    if maalform != "NN":
        return form
    for navn, (etikett, hjelp) in NYNORSK.get(type(form).__name__, {}).items():
        felt = form.fields[navn]
        felt.label = etikett
        if hjelp or felt.help_text:
            felt.help_text = hjelp
    if isinstance(form, EndringForm):
        form.fields["type"].choices = [  # type: ignore[attr-defined]
            ("", ENDRINGSTYPER_NYNORSK["NYNORSK_TOM"]),
            *[(k, ENDRINGSTYPER_NYNORSK[k]) for k in Endringstype.values],
        ]
    return form

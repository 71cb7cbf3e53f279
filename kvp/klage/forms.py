"""Skjemaene i klagesaken. Filene sjekkes på innholdet i tjenesten (`kvp.dokument.kontroll`), ikke her."""

from typing import Any

from django import forms
from django.conf import settings

from kvp.felles.forms import Datofelt, KvpForm
from kvp.felles.maalform import mf

from .models import FORMKRAV, Kanal, Utfall


class FlereFiler(forms.ClearableFileInput):
    allow_multiple_selected = True


class Filfelt(forms.FileField):
    """Null, én eller flere filer."""

    widget = FlereFiler(attrs={"accept": "application/pdf,image/jpeg,image/png"})

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        filer = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(filer) > int(settings.KVP_DOKUMENT_MAKS_ANTALL):
            antall = settings.KVP_DOKUMENT_MAKS_ANTALL
            raise forms.ValidationError(
                mf(f"Du kan legge ved høyst {antall} filer.", f"Du kan leggje ved høgst {antall} filer.")
            )
        return list(filer)


def _vedleggsfelt() -> Filfelt:
    return Filfelt(
        label=mf("Vedlegg", "Vedlegg"),
        required=False,
        help_text=mf(
            f"PDF, JPEG eller PNG, høyst {settings.KVP_DOKUMENT_MAKS_BYTE // (1024 * 1024)} MB per fil.",
            f"PDF, JPEG eller PNG, høgst {settings.KVP_DOKUMENT_MAKS_BYTE // (1024 * 1024)} MB per fil.",
        ),
    )


class KlageForm(KvpForm):
    tekst = forms.CharField(
        label="Hva klager du på, og hvorfor?",
        help_text="Skriv hva i vedtaket du mener er feil, og hva du mener det skal endres til.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = mf("Hva klager du på, og hvorfor?", "Kva klagar du på, og kvifor?")
        self.fields["tekst"].help_text = mf(
            "Skriv hva i vedtaket du mener er feil, og hva du mener det skal endres til.",
            "Skriv kva i vedtaket du meiner er feil, og kva du meiner det skal endrast til.",
        )
        self.fields["vedlegg"] = _vedleggsfelt()


class KontorKlageForm(KvpForm):
    vedtak = forms.ChoiceField(label="Vedtaket det klages på")
    kanal = forms.ChoiceField(
        label="Hvordan kom klagen inn?", choices=[(k.value, k.label) for k in Kanal if k != Kanal.DIGITAL]
    )
    mottatt_dato = Datofelt(label="Dato klagen kom inn")
    tekst = forms.CharField(
        label="Klagen",
        help_text="Skriv av klagen, eller skriv notatet fra samtalen når klagen ble gitt muntlig.",
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    def __init__(self, *args: Any, vedtak: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vedtak"].choices = vedtak  # type: ignore[attr-defined]
        self.fields["vedlegg"] = _vedleggsfelt()


class FormkravForm(KvpForm):
    for_sent_vurdering = forms.CharField(
        label="Vurdering etter forvaltningsloven § 31 (når klagen kom for sent)",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for navn, tekst in reversed(FORMKRAV):
            self.fields = {navn: forms.BooleanField(label=tekst, required=False), **self.fields}


class AvvisForm(KvpForm):
    begrunnelse = forms.CharField(
        label="Hvorfor avvises klagen?", max_length=5000, widget=forms.Textarea(attrs={"rows": 4})
    )


class VurderForm(KvpForm):
    resultat = forms.ChoiceField(
        label="Resultat av kontorets vurdering",
        choices=[
            ("", "Velg"),
            ("OMGJOER", "Klageren får medhold: vedtaket omgjøres"),
            ("OVERSEND", "Vedtaket opprettholdes: send klagen til statsforvalteren"),
        ],
    )
    vurdering = forms.CharField(label="Kontorets vurdering", max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))


class MerknadForm(KvpForm):
    tekst = forms.CharField(label="Merknad", required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 5}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["tekst"].label = mf("Merknad", "Merknad")
        self.fields["vedlegg"] = _vedleggsfelt()


class AvgjoerForm(KvpForm):
    utfall = forms.ChoiceField(label="Utfall", choices=[("", "Velg"), *Utfall.choices])
    begrunnelse = forms.CharField(label="Begrunnelse", max_length=10000, widget=forms.Textarea(attrs={"rows": 6}))
    nytt_innhold = forms.CharField(
        label="Nytt innhold i vedtaket (når vedtaket endres)",
        required=False,
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

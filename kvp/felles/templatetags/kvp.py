"""Malhjelpere: skjemafelt i Aksel-stil med feil koblet til feltet, og kronebeløp på norsk."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

register = template.Library()


@register.inclusion_tag("felles/felt.html")
def felt(bf: forms.BoundField) -> dict[str, Any]:
    widget = bf.field.widget
    attrs: dict[str, Any] = {}
    if isinstance(widget, forms.Textarea):
        attrs["class"] = "aksel-textarea__input aksel-body-short"
        attrs["rows"] = widget.attrs.get("rows", 4)
        type_ = "textarea"
    elif isinstance(widget, forms.Select):
        attrs["class"] = "aksel-select__input aksel-body-short"
        type_ = "select"
    elif isinstance(widget, forms.CheckboxInput):
        attrs["class"] = "aksel-checkbox__input"
        type_ = "checkbox"
    else:
        attrs["class"] = "aksel-text-field__input aksel-body-short"
        type_ = "text"
    beskrivelser = []
    if bf.help_text:
        beskrivelser.append(f"{bf.auto_id}_hjelp")
    if bf.errors:
        beskrivelser.append(f"{bf.auto_id}_feil")
        attrs["aria-invalid"] = "true"
    if beskrivelser:
        attrs["aria-describedby"] = " ".join(beskrivelser)
    html: SafeString = bf.as_widget(attrs=attrs)
    return {"bf": bf, "widget_html": html, "type": type_}


def _grupper(heltall: str) -> str:
    deler: list[str] = []
    while len(heltall) > 3:
        deler.insert(0, heltall[-3:])
        heltall = heltall[:-3]
    deler.insert(0, heltall)
    return "\u00a0".join(deler)


@register.filter
def kroner(verdi: Any) -> str:
    """«1947.24» → «1 947,24»: to desimaler, hardt mellomrom som tusenskille (brytes aldri), aldri flyttall."""
    if verdi is None:
        verdi = 0
    try:
        beloep = Decimal(str(verdi)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(verdi)
    fortegn = "−" if beloep < 0 else ""
    heltall, _, oere = f"{abs(beloep):f}".partition(".")
    return f"{fortegn}{_grupper(heltall)},{oere or '00'}"

"""Malhjelpere: skjemafelt i Aksel-stil med feil koblet til feltet, og kronebeløp på norsk."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms, template
from django.utils.safestring import SafeString

from kvp.felles.brukertekst import antakelser_for_regel, for_deltaker, uten_interne_merker, verdi_tekst
from kvp_regler.belop import kroner_tekst

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


@register.simple_tag(takes_context=True)
def mf(context: Any, bokmaal: str, nynorsk: str) -> str:
    """Teksten på deltakerens målform: `{% mf "Dine brev" "Breva dine" %}`. `kvp_maalform` kommer fra
    `kvp.deltaker.context_processors.uleste` ("NN" for en deltaker med nynorsk; ellers bokmål)."""
    return nynorsk if context.get("kvp_maalform") == "NN" else bokmaal


@register.filter
def kroner(verdi: Any) -> str:
    """«1947.24» → «1 947,24»: `kvp_regler.belop.kroner_tekst` uten « kr», med hardt mellomrom som tusenskille
    (brytes aldri). Tomt blir 0,00; noe som ikke er et tall vises som det er."""
    if verdi is None:
        verdi = 0
    try:
        beloep = Decimal(str(verdi))
    except (InvalidOperation, ValueError):
        return str(verdi)
    if not beloep.is_finite():
        return str(verdi)
    return kroner_tekst(beloep, enhet=False, hardt_mellomrom=True)


@register.filter
def brukertekst(verdi: Any) -> str:
    """En forklaring fra reglene uten pålitelighetsmerker, «ordlyden er ikke kontrollert» og spesifikasjonshenvisninger
    (`kvp.felles.brukertekst.uten_interne_merker`)."""
    return uten_interne_merker(str(verdi or ""))


@register.filter
def deltakertekst(verdi: Any) -> str:
    """Som `brukertekst`, og uten setningene som bygger på en antakelse (for deltakeren og i brev)."""
    return for_deltaker(str(verdi or ""))


@register.filter
def loggverdi(verdi: Any) -> str:
    """Før- eller etterverdiene i revisjonsloggen som tekst («status: Søknad registrert; mottatt dato: 26.10.2026»)."""
    return verdi_tekst(verdi)


@register.inclusion_tag("felles/_antakelse.html", takes_context=True)
def antakelse(context: Any, tekst: str, kilde: str) -> dict[str, Any]:
    """Merkelappen «Antakelse: …, kilde: …» som viser saksbehandleren at en regel bygger på en antakelse. Deltakeren
    ser den aldri."""
    meny = context.get("kvp_meny") or {}
    return {"vis": bool(tekst) and not meny.get("deltaker"), "tekst": tekst, "kilde": kilde}


@register.simple_tag
def regelantakelser(forklaring: Any, paalitelighet: Any) -> list[str]:
    """Antakelsene én regel bygger på, i klarspråk (`kvp.felles.brukertekst.antakelser_for_regel`)."""
    return antakelser_for_regel(str(forklaring or ""), str(paalitelighet or ""))


@register.inclusion_tag("felles/_sorterbar.html")
def sorterbar(sortering: Any, kolonne: str, tittel: str) -> dict[str, Any]:
    """Kolonneoverskriften i en sorterbar tabell (`kvp.felles.sortering`): lenke, pil og `aria-sort`."""
    return {
        "tittel": tittel,
        "lenke": sortering.lenke(kolonne),
        "aria_sort": sortering.aria_sort(kolonne),
    }

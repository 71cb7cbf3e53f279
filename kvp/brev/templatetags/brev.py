"""Deltakerens brev på «Min side» (inkluderes fra soeknad/min_side.html) og tekstene i vedtaksbrevet."""

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from kvp.brev.selectors import brev_for_deltaker, brev_for_sak
from kvp.brev.tekster import BREVTEKST
from kvp.dokument.selectors import dokumenter_for_sak

register = template.Library()


@register.inclusion_tag("brev/_mine_brev.html", takes_context=True)
def mine_brev(context: dict[str, Any]) -> dict[str, Any]:
    return {"brevliste": list(brev_for_deltaker(bruker=context["request"].user))}


@register.inclusion_tag("brev/_sakens_brev.html")
def sakens_brev(sak: Any) -> dict[str, Any]:
    """Brevene i saken (saksbildet; saken er hentet med tilgangssjekk av visningen)."""
    return {"brevliste": list(brev_for_sak(sak_id=sak.pk))}


@register.simple_tag(takes_context=True)
def dokumenter_paa_saksbildet(context: dict[str, Any], sak: Any) -> list[Any]:
    """Dokumentene deltakeren har sendt i saken (dokumentfanen; saksbildet har logget lesingen av saken)."""
    return list(dokumenter_for_sak(bruker=context["request"].user, sak_id=sak.pk).order_by("-opprettet"))


@register.simple_tag(takes_context=True)
def tekst(context: Any, noekkel: str, **verdier: Any) -> SafeString:
    """Teksten `noekkel` fra brevtekstene på brevets målform (`maalform` i konteksten), med `{navn}` fylt inn.

    Tekstene i katalogen er vår egen HTML; verdiene escapes. En ukjent nøkkel er en feil (KeyError)."""
    mal = BREVTEKST[context["maalform"]][noekkel]
    if not verdier:
        return mark_safe(mal)  # noqa: S308 – fast tekst fra katalogen
    return format_html(mal, **verdier)

"""Vedtaksdelen av menyen og fristene på KVP-tavla (inkluderes fra felles/base.html og sak/tavle.html)."""

from typing import Any

from django import template

from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import ser_side
from kvp.vedtak.forms import ForhaandsvarselForm, ForhaandsvarselSvarForm
from kvp.vedtak.selectors import (
    forhaandsvarsler_for_sak,
    forhaandsvarsler_med_utloept_frist,
    frister_for_kontor,
    vedtak_for_sak,
)

register = template.Library()

TAVLE_MAKS = 10


@register.inclusion_tag("vedtak/_meny_innhold.html", takes_context=True)
def vedtak_meny(context: dict[str, Any]) -> dict[str, Any]:
    bruker = getattr(context.get("request"), "user", None)
    return {"beslutter": ser_side(bruker, "beslutter"), "frister": ser_side(bruker, "frister")}


@register.inclusion_tag("vedtak/_tavle_frister_innhold.html", takes_context=True)
def frister_paa_tavla(context: dict[str, Any]) -> dict[str, Any]:
    bruker = context["request"].user
    if not tilgang.kontorer(bruker, "vedtak", tilgang.Handling.LES):
        return {"saksfrister": [], "flere": False, "utloepte_varsler": []}
    alle = frister_for_kontor(bruker=bruker, maks=TAVLE_MAKS + 1)
    return {
        "saksfrister": alle[:TAVLE_MAKS],
        "flere": len(alle) > TAVLE_MAKS,
        "utloepte_varsler": forhaandsvarsler_med_utloept_frist(bruker=bruker),
    }


@register.inclusion_tag("vedtak/_forhaandsvarsler.html", takes_context=True)
def sakens_forhaandsvarsler(context: dict[str, Any], sak: Any, kan_skrive: bool) -> dict[str, Any]:
    """Forhåndsvarslene i saksbildet (forvaltningsloven § 16): oppgaven når fristen er ute, svarene, og skjemaet
    for et nytt varsel om stans eller avslutning. Saken er hentet med tilgangssjekk av visningen."""
    bruker = context["request"].user
    return {
        "sak": sak,
        "kan_skrive": kan_skrive,
        "varsler": list(forhaandsvarsler_for_sak(sak=sak)),
        "utloepte": forhaandsvarsler_med_utloept_frist(bruker=bruker, sak=sak),
        "varsel_form": context.get("forhaandsvarsel_form") or ForhaandsvarselForm(),
        "svar_form": ForhaandsvarselSvarForm(),
        "csrf_token": context.get("csrf_token"),
        "request": context["request"],
    }


#: Vedtakets status som Aksel-merkelapp (`data-color`).
_VEDTAKSFARGE = {"UTKAST": "neutral", "TIL_BESLUTTER": "info", "RETURNERT": "warning", "FATTET": "success"}


@register.simple_tag
def vedtak_paa_saksbildet(sak: Any) -> list[Any]:
    """Vedtaksfanen på saksbildet (saken er hentet med tilgangssjekk av visningen): sakens vedtak, nyeste først."""
    return list(vedtak_for_sak(sak=sak))


@register.filter
def vedtaksfarge(status: str) -> str:
    """Aksels farge (`data-color`) for merkelappen med vedtakets status."""
    return _VEDTAKSFARGE.get(status, "neutral")

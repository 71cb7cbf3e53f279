"""Malhjelpere for tilsynet og rettleiingen: menypunktene, rettleiingsboksen og merkelappene."""

from typing import Any

from django import template
from django.utils import timezone

from kvp.tilgang.objekter import ser_side
from kvp.tilsyn import selectors
from kvp.tilsyn.models import Steg, Utfall

register = template.Library()

_MERKE = {Utfall.OPPFYLT: "OK", Utfall.IKKE_OPPFYLT: "OVERSKREDET", Utfall.MAA_VURDERES: "VARSEL"}


@register.filter
def merke(utfall: str) -> str:
    """Fargen på merkelappen for et utfall (samme farger som fristene på tavla)."""
    return str(_MERKE.get(Utfall(utfall), "")) if utfall in Utfall.values else ""


@register.filter
def utfall_tekst(utfall: str) -> str:
    return Utfall(utfall).label if utfall in Utfall.values else "Ikke vurdert"


@register.inclusion_tag("tilsyn/_meny_innhold.html", takes_context=True)
def tilsyn_meny(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    bruker = getattr(request, "user", None)
    return {"tilsyn": ser_side(bruker, "tilsyn"), "rettleiing": ser_side(bruker, "rettleiing")}


@register.inclusion_tag("tilsyn/_rettleiing_boks.html", takes_context=True)
def rettleiing_boks(context: dict[str, Any], steg: str = "") -> dict[str, Any]:
    """Gyldige rettleiinger fra statsforvalteren til brukerens kontor: alle på KVP-tavla (steg tomt), ellers bare
    dem som gjelder steget."""
    request = context.get("request")
    bruker = getattr(request, "user", None)
    if bruker is None or not bruker.is_authenticated:
        return {"rettleiinger": []}
    # På KVP-tavla ser lederen også tilsynsrapportene kontoret skal svare på.
    venter = list(selectors.tilsyn_som_venter_paa_kontoret(bruker=bruker)) if not steg else []
    qs = selectors.rettleiinger_for_kontoret(bruker=bruker, i_dag=timezone.localdate(), steg=steg or None)
    rettleiinger = list(qs.order_by("er_lest", "-gyldig_fra", "tittel")[:5])  # type: ignore[misc]
    return {"rettleiinger": rettleiinger, "steg": Steg(steg).label if steg in Steg.values else "", "venter": venter}


@register.inclusion_tag("tilsyn/_forside_innhold.html", takes_context=True)
def tilsyn_forside(context: dict[str, Any]) -> dict[str, Any]:
    """Statsforvalterens inngang til tilsyn og rettleiing på forsiden, med antall åpne tilsyn."""
    request = context.get("request")
    bruker = getattr(request, "user", None)
    if not ser_side(bruker, "rettleiing"):  # statsforvalteren
        return {"vis": False}
    aapne = selectors.tilsyn_liste(bruker=bruker).exclude(status="LUKKET").count()  # type: ignore[arg-type]
    return {"vis": True, "aapne": aapne}

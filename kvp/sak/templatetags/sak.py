"""Malhjelpere for saken: statusen som Aksel-merkelapp (farge og tekst, så den leses også uten farger)."""

from typing import Any

from django import template

from ..models import Status

register = template.Library()

#: Aksels fargeroller for merkelappen (`data-color`): søknaden i arbeid, i program, stans og avslutning.
_FARGE = {
    Status.SOEKNAD_REGISTRERT: "info",
    Status.ARBEIDSEVNEVURDERING: "info",
    Status.VILKAARSVURDERING: "info",
    Status.INNVILGET: "success",
    Status.I_PROGRAM: "success",
    Status.PERMISJON: "warning",
    Status.MIDLERTIDIG_AVBRUTT: "warning",
    Status.AVSLUTTET: "neutral",
    Status.AVSLAATT: "danger",
    Status.TRUKKET: "neutral",
}


@register.inclusion_tag("sak/_statusmerke.html")
def statusmerke(sak: Any, storrelse: str = "small") -> dict[str, Any]:
    """`{% statusmerke sak %}`: sakens status som Aksel-merkelapp."""
    return {"tekst": sak.get_status_display(), "farge": _FARGE.get(sak.status, "neutral"), "storrelse": storrelse}

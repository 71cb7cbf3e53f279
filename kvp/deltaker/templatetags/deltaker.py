from typing import Any

from django import template

from kvp.deltaker.models import Endringsmelding, Melding, Varsel

register = template.Library()


@register.simple_tag
def deltaker_paa_saksbildet(sak: Any) -> dict[str, Any]:
    """Endringene deltakeren har meldt og antall uleste meldinger, på saksbildet (saken er hentet med
    tilgangskontroll, og lesingen er logget der)."""
    return {
        "endringer": list(Endringsmelding.objects.filter(sak=sak).order_by("-meldt")[:20]),
        "uleste": Melding.objects.filter(sak=sak, fra_deltaker=True, lest__isnull=True).count(),
        "feilede_varsler": list(Varsel.objects.filter(person_id=sak.person_id, status=Varsel.Status.FEILET)[:5]),
    }

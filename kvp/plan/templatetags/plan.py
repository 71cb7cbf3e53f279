from typing import Any

from django import template

from kvp.plan.models import Aktivitetsstatus, Aktivitetstype
from kvp.plan.selectors import Plan, plan_for_sak

register = template.Library()


@register.simple_tag
def plan_paa_saksbildet(sak: Any) -> Plan | None:
    """Planen på saksbildet (saken er hentet med tilgangskontroll); None når saken ikke har programperiode."""
    plan = plan_for_sak(sak=sak)
    return plan if plan.vurdering is not None else None


@register.filter
def aktivitetstype(kode: str) -> str:
    return str(Aktivitetstype(kode).label) if kode in Aktivitetstype.values else kode


@register.filter
def aktivitetsstatus(kode: str) -> str:
    return str(Aktivitetsstatus(kode).label) if kode in Aktivitetsstatus.values else kode

"""Lesing av kontorer, kommuner og brukere, alltid innenfor brukerens tilgang."""

from typing import Any

from django.db.models import QuerySet

from .models import Bruker, Kommune, NavKontor, Rolle
from .tilgang import tilgang_for


def kontorer_for_bruker(*, bruker: Any) -> QuerySet[NavKontor]:
    return NavKontor.objects.filter(pk__in=list(tilgang_for(bruker).roller_per_kontor))


def kommuner_alle() -> QuerySet[Kommune]:
    """Alle kommuner (til nedtrekkslister; at kontoret betjener kommunen, sjekkes i tjenestene)."""
    return Kommune.objects.select_related("nav_kontor").order_by("navn")


def kvp_veiledere_for_kontor(*, bruker: Any, kontor_id: Any) -> QuerySet[Bruker]:
    """KVP-veilederne på et kontor brukeren selv hører til (tomt ellers)."""
    if kontor_id not in tilgang_for(bruker).roller_per_kontor:
        return Bruker.objects.none()
    return (
        Bruker.objects.filter(
            rolletildelinger__rolle=Rolle.KVP_VEILEDER, rolletildelinger__kontor_id=kontor_id, is_active=True
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def kvp_veiledere_for_bruker(*, bruker: Any) -> QuerySet[Bruker]:
    """KVP-veilederne på alle kontorene brukeren hører til."""
    kontorer = list(tilgang_for(bruker).roller_per_kontor)
    return (
        Bruker.objects.filter(
            rolletildelinger__rolle=Rolle.KVP_VEILEDER,
            rolletildelinger__kontor_id__in=kontorer,
            is_active=True,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )

"""Lesing av kontorer, kommuner, brukere og revisjonsloggen, alltid innenfor brukerens tilgang."""

from datetime import date, datetime, time
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from kvp.felles.models import Logghendelse

from .models import Bruker, Kommune, NavKontor, Rolle
from .objekter import krev_side, side_kontorer
from .tilgang import tilgang_for


def kontorer_for_bruker(*, bruker: Bruker) -> QuerySet[NavKontor]:
    return NavKontor.objects.filter(pk__in=list(tilgang_for(bruker).roller_per_kontor))


def kommuner_alle() -> QuerySet[Kommune]:
    """Alle kommuner (til nedtrekkslister; at kontoret betjener kommunen, sjekkes i tjenestene)."""
    return Kommune.objects.select_related("nav_kontor").order_by("navn")


def kvp_veiledere_for_kontor(*, bruker: Bruker, kontor_id: UUID) -> QuerySet[Bruker]:
    """KVP-veilederne på et kontor brukeren selv hører til (tomt ellers)."""
    if kontor_id not in tilgang_for(bruker).roller_per_kontor:
        return Bruker.objects.none()
    return (
        Bruker.objects.filter(
            rolletildelinger__rolle=Rolle.KVP_VEILEDER, rolletildelinger__kontor_id=kontor_id, is_active=True
        )
        .filter(er_tjenestekonto=False)
        .distinct()
        .order_by("first_name", "last_name")
    )


def kvp_veiledere_for_bruker(*, bruker: Bruker, side: str) -> QuerySet[Bruker]:
    """KVP-veilederne på kontorene der brukeren får bruke siden (tilgangslagets `side_kontorer`)."""
    kontorer = side_kontorer(bruker, side)
    return (
        Bruker.objects.filter(
            rolletildelinger__rolle=Rolle.KVP_VEILEDER,
            rolletildelinger__kontor_id__in=kontorer,
            is_active=True,
            er_tjenestekonto=False,
        )
        .distinct()
        .order_by("first_name", "last_name")
    )


def logghendelser_for_kontor(
    *,
    bruker: Bruker,
    brukernavn: str = "",
    handling: str = "",
    person_id: UUID | None = None,
    fra_og_med: date | None = None,
    til_og_med: date | None = None,
) -> QuerySet[Logghendelse]:
    """Hendelser på kontorene der brukeren er leder, nyeste først."""
    krev_side(bruker, "logg")
    kontorer = side_kontorer(bruker, "logg")
    qs = Logghendelse.objects.filter(kontor_id__in=kontorer).select_related("kontor")
    if brukernavn:
        qs = qs.filter(brukernavn__iexact=brukernavn)
    if handling:
        qs = qs.filter(handling=handling)
    if person_id:
        qs = qs.filter(person_id=person_id)
    tz = timezone.get_current_timezone()
    if fra_og_med:
        qs = qs.filter(tidspunkt__gte=datetime.combine(fra_og_med, time.min, tzinfo=tz))
    if til_og_med:
        qs = qs.filter(tidspunkt__lte=datetime.combine(til_og_med, time.max, tzinfo=tz))
    return qs.order_by("-tidspunkt", "-id")

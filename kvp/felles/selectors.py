"""Søk i revisjonsloggen, bare for ledere og bare for egne kontorer."""

from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from kvp.tilgang.models import Rolle
from kvp.tilgang.tilgang import krev_rolle

from .models import Logghendelse


def logghendelser_for_kontor(
    *,
    bruker: Any,
    brukernavn: str = "",
    handling: str = "",
    person_id: Any = None,
    fra_og_med: date | None = None,
    til_og_med: date | None = None,
) -> QuerySet[Logghendelse]:
    """Hendelser på kontorene der brukeren er leder, nyeste først."""
    kontorer = krev_rolle(bruker, [Rolle.LEDER])
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

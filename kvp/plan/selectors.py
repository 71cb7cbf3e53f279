"""Lesing av programplanen. Kalles med en sak som allerede er hentet med tilgangskontroll (`sak_hent`)."""

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import cached_property
from uuid import UUID

from django.conf import settings
from django.db.models import QuerySet

from kvp.felles.feil import IkkeFunnet
from kvp.sak.models import Sak
from kvp.vedtak.selectors import evalueringsdatoer_for_sak
from kvp_regler.program.plan import Planaktivitet, Planvurdering, vurder_plan

from .models import Aktivitet, Planhistorikk
from .tidslinje import Tidslinje, tidslinje


@dataclass(frozen=True)
class Plan:
    sak: Sak
    aktiviteter: list[Aktivitet]
    evalueringer: list[dt.date]
    """Evalueringsdatoene fra vedtaket (den ene kilden, ADR 0019)."""
    vurdering: Planvurdering | None

    @cached_property
    def tidslinje(self) -> Tidslinje | None:
        if self.vurdering is None:
            return None
        return tidslinje(aktiviteter=self.aktiviteter, vurdering=self.vurdering, evalueringer=self.evalueringer)


def plan_for_sak(*, sak: Sak) -> Plan:
    aktiviteter = list(Aktivitet.objects.filter(sak=sak).order_by("fra_og_med", "type", "opprettet"))
    evalueringer = evalueringsdatoer_for_sak(sak=sak)
    periode = sak.programperiode()
    vurdering = None
    if periode is not None:
        vurdering = vurder_plan(
            aktiviteter=[
                Planaktivitet(
                    type=a.type,
                    timer_per_uke=a.timer_per_uke,
                    fra_og_med=a.fra_og_med,
                    til_og_med=a.til_og_med,
                    status=a.status,
                )
                for a in aktiviteter
            ],
            program_fra=periode[0],
            program_til=periode[1],
            sluttfase_uker=settings.KVP_PLAN_SLUTTFASE_UKER,
            antall_evalueringer=len(evalueringer),
        )
    return Plan(sak=sak, aktiviteter=aktiviteter, evalueringer=evalueringer, vurdering=vurdering)


def historikk_for_sak(*, sak: Sak) -> QuerySet[Planhistorikk]:
    return Planhistorikk.objects.filter(sak=sak).select_related("endret_av")


def aktivitet_for_sak(*, sak: Sak, aktivitet_id: UUID | str) -> Aktivitet:
    """Aktiviteten i saken; `aktivitet_id` kan komme rett fra spørrestrengen (ugyldig id gir IkkeFunnet)."""
    try:
        aktivitet_id = uuid.UUID(str(aktivitet_id))
    except ValueError:
        raise IkkeFunnet("Fant ikke aktiviteten.") from None
    aktivitet = Aktivitet.objects.filter(sak=sak, pk=aktivitet_id).first()
    if aktivitet is None:
        raise IkkeFunnet("Fant ikke aktiviteten.")
    return aktivitet

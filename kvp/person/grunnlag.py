"""Personens del av beregningsgrunnlaget (spec/beregning.md § 6): fødselsdato, kommunens beregningsmodell og barna
med forsørgerperiodene, i det JSON-dokumentet `kvp beregn` leser. Oppmøtets grense (`kvp.oppmoete.grunnlag`) legger
til dager, arbeid og ytelser; forhåndsvisningen i en innvilgelse (`kvp.vedtak.beregning`) bruker dette alene."""

import datetime as dt
from collections import defaultdict
from typing import Any

from kvp.felles.idliste import id_liste

from .models import Forsoergerperiode, Person


def _iso(dato: dt.date | None) -> str | None:
    return None if dato is None else dato.isoformat()


def barn_i_grunnlaget(personer: list[Any], fra: dt.date, til: dt.date) -> dict[Any, list[dict[str, Any]]]:
    """Barna med forsørgerperiodene som overlapper perioden, per forelder (én oppføring per forsørgerperiode)."""
    barn: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for forelder_id, foedselsdato, b_fra, b_til in (
        Forsoergerperiode.objects.filter(barn__forelder_id__in=id_liste(personer), fra_og_med__lte=til)
        .exclude(til_og_med__lt=fra)
        .order_by("barn__forelder_id", "barn__foedselsdato", "barn_id", "fra_og_med")
        .values_list("barn__forelder_id", "barn__foedselsdato", "fra_og_med", "til_og_med")
    ):
        barn[forelder_id].append(
            {"foedselsdato": foedselsdato.isoformat(), "fra_og_med": _iso(b_fra), "til_og_med": _iso(b_til)}
        )
    return barn


def grunnlag_uten_registreringer(
    *, person: Person, fra_og_med: dt.date, til_og_med: dt.date, programperiode: tuple[dt.date, dt.date]
) -> dict[str, Any]:
    """Grunnlaget for en periode med fullt oppmøte (ingen registreringer): forhåndsvisningen i en innvilgelse."""
    return {
        "fra_og_med": fra_og_med.isoformat(),
        "til_og_med": til_og_med.isoformat(),
        "beregningsmodell": person.kommune.beregningsmodell,
        "deltaker": {"foedselsdato": person.foedselsdato.isoformat()},
        "programperioder": [{"fra_og_med": programperiode[0].isoformat(), "til_og_med": programperiode[1].isoformat()}],
        "barn": barn_i_grunnlaget([person.pk], fra_og_med, til_og_med)[person.pk],
    }

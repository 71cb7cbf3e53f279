"""Hjelpere for utbetalingen: G-verdiene et grunnlag brukte, og beløp og måneder på norsk.

Grunnlaget lages og beregnes alltid av `kvp.oppmoete.grunnlag` (grensen mot `kvp_regler`), med et parametersett
som kan byttes ut: G-reguleringen regner gamle grunnlag på nytt med nye parametere.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from kvp_regler.belop import kroner_tekst
from kvp_regler.parametere import Parametersett
from kvp_regler.tid import MAANEDER, maanedsnavn

#: Månedsnavnene fra `kvp_regler.tid` (ett sted); navnet her er for eksisterende importer.
MAANEDSNAVN = MAANEDER


def g_verdier_for(parametere: Parametersett, dokument: dict[str, Any]) -> list[dict[str, str]]:
    """G-verdiene (gyldig_fra og verdi) som gjelder perioden i dokumentet, slik `parametere_brukt` viser dem."""
    g = parametere["grunnbeloep"]
    fra = g.indeks(dt.date.fromisoformat(dokument["fra_og_med"]))
    til = g.indeks(dt.date.fromisoformat(dokument["til_og_med"]))
    return [{"gyldig_fra": v.gyldig_fra.isoformat(), "verdi": v.tekst} for v in g.verdier[fra : til + 1]]


def kroner(beloep: Decimal) -> str:
    """Norsk beløpstekst, «1 234,50 kr»: `kvp_regler.belop.kroner_tekst` (den ene kroneformatereren)."""
    return kroner_tekst(beloep)


def maanedstekst(aar: int, maaned: int) -> str:
    """«mars 2025»: `kvp_regler.tid.maanedsnavn`."""
    return maanedsnavn(aar, maaned)

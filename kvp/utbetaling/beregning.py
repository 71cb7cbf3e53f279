"""Beregning av en måned med et valgt parametersett (standard: parameterne som følger med koden).

Grunnlaget lages alltid av `kvp.oppmoete.grunnlag` (grensen mot databasen). Her kjøres bare `kvp_regler` på det
lagrede dokumentet, med et parametersett som kan byttes ut: G-reguleringen regner gamle grunnlag på nytt med nye
parametere, og testene kan bruke et sett uten den nyeste G-en.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from kvp.felles.feil import KvpFeil
from kvp_regler.beregning import UgyldigGrunnlag, beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json
from kvp_regler.parametere import STANDARD, ManglendeParameter, Parametersett

MAANEDSNAVN = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)


def beregn_dokument(dokument: dict[str, Any], parametere: Parametersett = STANDARD) -> dict[str, Any]:
    """Resultatet i `kvp beregn`-formatet. Ugyldig grunnlag gir `KvpFeil` med regelkjernens melding."""
    try:
        return resultat_til_json(beregn_stoenad(grunnlag_fra_json(dokument), parametere))
    except (UgyldigGrunnlag, ManglendeParameter) as feil:
        raise KvpFeil(f"Stønaden kan ikke beregnes: {feil}", kode="KVP_BEREGNING") from feil


def g_verdier_for(parametere: Parametersett, dokument: dict[str, Any]) -> list[dict[str, str]]:
    """G-verdiene (gyldig_fra og verdi) som gjelder perioden i dokumentet, slik `parametere_brukt` viser dem."""
    g = parametere["grunnbeloep"]
    fra = g.indeks(dt.date.fromisoformat(dokument["fra_og_med"]))
    til = g.indeks(dt.date.fromisoformat(dokument["til_og_med"]))
    return [{"gyldig_fra": v.gyldig_fra.isoformat(), "verdi": v.tekst} for v in g.verdier[fra : til + 1]]


def kroner(beloep: Decimal) -> str:
    """Norsk beløpstekst: 1 234,50 kr (mellomrom som tusenskille, komma som desimaltegn)."""
    tegn = "−" if beloep < 0 else ""
    heltall, _, desimaler = f"{abs(beloep):.2f}".partition(".")
    grupper: list[str] = []
    while heltall:
        grupper.insert(0, heltall[-3:])
        heltall = heltall[:-3]
    return f"{tegn}{' '.join(grupper)},{desimaler} kr"


def maanedstekst(aar: int, maaned: int) -> str:
    return f"{MAANEDSNAVN[maaned - 1]} {aar}"

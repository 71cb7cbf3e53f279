"""Forklaringene av beregningslinjene på nynorsk (brev til deltakere med nynorsk målform).

Beregningen lager forklaringen på bokmål (`Linje.forklaring`) av et lukket sett faste fraser og tall. Her står den
nynorske ordlyden for hver av frasene; `forklaring_nn` bytter dem ut, lengste frase først. Tall, beløp og
brøker står urørt. Testen `kvp_regler/tests/test_forklaring_nn.py` går gjennom alle regneeksemplene og feiler om
en bokmålsfrase blir igjen, så en ny frase i beregningen må få sin nynorske ordlyd her.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["FRASER_NN", "forklaring", "forklaring_nn"]

#: Bokmålsfrase → nynorsk. Hele ord og uttrykk; rekkefølgen spiller ingen rolle (lengste byttes først).
FRASER_NN: dict[str, str] = {
    # Stønaden og barnetillegget (sosialtjenesteloven § 35)
    "Fast månedsbeløp": "Fast månadsbeløp",
    "fordelt på månedens": "fordelt på verkedagane i månaden,",
    "virkedager i måneden": "verkedagar i månaden",
    "kr per virkedag": "kr per verkedag",
    "virkedager": "verkedagar",
    # Andre ytelser (§ 38)
    "Andre ytelser trekkes krone for krone": "Andre ytingar blir trekte krone for krone",
    "trekket er begrenset til dagens stønad og barnetillegg": (
        "trekket er avgrensa til stønaden og barnetillegget for dagen"
    ),
    "dagpenger": "dagpengar",
    "sykepenger": "sjukepengar",
    "foreldrepenger": "foreldrepengar",
    "annen ytelse": "anna yting",
    # Fravær, permisjon og arbeid (§§ 36–37)
    "avtalt fravær uten stønad": "avtalt fråvær utan stønad",
    "permisjon uten stønad": "permisjon utan stønad",
    "avbrudd i programmet": "avbrot i programmet",
    "gyldig fravær": "gyldig fråvær",
    "ugyldig fravær": "ugyldig fråvær",
    "helligdag": "heilagdag",
    "deltatt": "delteke",
    "gir stønad": "gjev stønad",
    "lønnet arbeid": "lønt arbeid",
    "timer per uke": "timar per veke",
    "timer": "timar",
    # Avrunding av et fradrag
    "Trekket er satt": "Trekket er sett",
    "lavere, til": "lågare, til",
    "fordi linjene rundet hver for seg ellers ville gitt en negativ utbetaling": (
        "fordi linjene avrunda kvar for seg elles ville gitt ei negativ utbetaling"
    ),
    "fradraget kan ikke være større enn stønaden og barnetillegget": (
        "frådraget kan ikkje vere større enn stønaden og barnetillegget"
    ),
    # Antall dager
    "dager": "dagar",
    # Hjemlene linjene viser
    "sosialtjenesteloven": "sosialtenestelova",
}

_MOENSTER = re.compile(
    "|".join(r"(?<!\w)" + re.escape(f) + r"(?!\w)" for f in sorted(FRASER_NN, key=len, reverse=True))
)


@lru_cache(maxsize=4096)
def forklaring_nn(forklaring_nb: str) -> str:
    """Forklaringen av en beregningslinje (`Linje.forklaring`, bokmål) på nynorsk."""
    return _MOENSTER.sub(lambda treff: FRASER_NN[treff.group(0)], forklaring_nb)


def forklaring(forklaring_nb: str, maalform: str) -> str:
    """Forklaringen på målformen `maalform` («nb»/«NB» eller «nn»/«NN»)."""
    return forklaring_nn(forklaring_nb) if maalform.lower() == "nn" else forklaring_nb

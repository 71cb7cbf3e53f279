"""Forklaringene av beregningslinjene finnes på nynorsk: hver linje i hvert regneeksempel blir nynorsk, uten
bokmålsord igjen, og tall og beløp står urørt."""

import re

import pytest

from kvp_regler.beregning import beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json
from kvp_regler.beregning.nynorsk import forklaring, forklaring_nn
from kvp_regler.tests.conftest import les_scenarier

#: Ord som bare er bokmål (på nynorsk heter de noe annet); ingen av dem skal stå igjen i en nynorsk forklaring.
BOKMAALSORD = re.compile(
    r"\b(dager|virkedag\w*|måneden|månedens|uten|ikke|fravær|ytelser?|trekkes|begrenset|timer|uke|lønnet|"
    r"gir|helligdag|deltatt|avbrudd|sykepenger|dagpenger|foreldrepenger|lavere|ellers|rundet|fradraget)\b"
)
TALL = re.compile(r"\d[\d ,/.]*")


@pytest.mark.parametrize(("navn", "scenario"), les_scenarier(), ids=[n for n, _ in les_scenarier()])
def test_hver_forklaring_i_regneeksemplene_finnes_paa_nynorsk(navn, scenario):
    resultat = beregn_stoenad(grunnlag_fra_json(scenario["grunnlag"]))
    for linje in resultat.linjer:
        nn = linje.forklaring_nn
        assert nn == forklaring_nn(linje.forklaring)
        assert not BOKMAALSORD.findall(nn), f"{navn}: {nn}"
        assert TALL.findall(nn) == TALL.findall(linje.forklaring)


def test_kjente_setninger_paa_nynorsk():
    nb = "Stønad (2,041 × G 130 160 kr) / 260 virkedager = 1 021,76 kr per dag. 21 dager × 1 021,76 kr = 21 456,96 kr."
    assert forklaring_nn(nb) == (
        "Stønad (2,041 × G 130 160 kr) / 260 verkedagar = 1 021,76 kr per dag. 21 dagar × 1 021,76 kr = 21 456,96 kr."
    )
    assert forklaring("ugyldig fravær 3 av 7,5 timer", "nn") == "ugyldig fråvær 3 av 7,5 timar"
    assert forklaring("ugyldig fravær 3 av 7,5 timer", "nb") == "ugyldig fravær 3 av 7,5 timer"
    assert forklaring_nn("sosialtjenesteloven § 35; sosialtjenesteloven § 36") == (
        "sosialtenestelova § 35; sosialtenestelova § 36"
    )

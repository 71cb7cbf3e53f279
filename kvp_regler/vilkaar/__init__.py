"""Inngangsvilkårene for kvalifiseringsprogrammet (sosialtjenesteloven § 29), programmets varighet (§ 32) og
fristene i programmet. Ren Python: datoer kommer inn som argumenter, satsene fra de daterte parameterne."""

from kvp_regler.vilkaar.frister import Frist, Fristnivaa, programfrister
from kvp_regler.vilkaar.inngangsvilkaar import (
    Arbeidsevne,
    Husstand,
    Skjoennsvurdering,
    UgyldigVurdering,
    Vilkaar,
    Vilkaarsgrunnlag,
    Vilkaarsresultat,
    Vurdering,
    alle_oppfylt,
    veiledende_norm,
    vurder_alder,
    vurder_arbeidsevne,
    vurder_inngangsvilkaar,
    vurder_skjoenn,
    vurder_ytelser,
)
from kvp_regler.vilkaar.varighet import maks_til_og_med, vurder_programperiode

__all__ = [
    "Arbeidsevne",
    "Frist",
    "Fristnivaa",
    "Husstand",
    "Skjoennsvurdering",
    "UgyldigVurdering",
    "Vilkaar",
    "Vilkaarsgrunnlag",
    "Vilkaarsresultat",
    "Vurdering",
    "alle_oppfylt",
    "maks_til_og_med",
    "programfrister",
    "veiledende_norm",
    "vurder_alder",
    "vurder_arbeidsevne",
    "vurder_inngangsvilkaar",
    "vurder_programperiode",
    "vurder_skjoenn",
    "vurder_ytelser",
]

"""Inngangsvilkårene for kvalifiseringsprogrammet (sosialtjenesteloven § 29), programmets varighet (§ 32) og
fristene i programmet. Ren Python: datoer kommer inn som argumenter, satsene fra de daterte parameterne."""

from kvp_regler.vilkaar.forhaandsvarsel import forhaandsvarsel_svarfrist, svarfrist_er_ute
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
from kvp_regler.vilkaar.varighet import (
    foerste_programdag_for_alder,
    maks_til_og_med,
    siste_programdag_for_alder,
    vurder_alder_i_programperioden,
    vurder_programperiode,
)

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
    "foerste_programdag_for_alder",
    "forhaandsvarsel_svarfrist",
    "maks_til_og_med",
    "programfrister",
    "siste_programdag_for_alder",
    "svarfrist_er_ute",
    "veiledende_norm",
    "vurder_alder",
    "vurder_alder_i_programperioden",
    "vurder_arbeidsevne",
    "vurder_inngangsvilkaar",
    "vurder_programperiode",
    "vurder_skjoenn",
    "vurder_ytelser",
]

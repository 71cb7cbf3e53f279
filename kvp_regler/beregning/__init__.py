"""Beregning av kvalifiseringsstønad (spec/beregning.md)."""

from kvp_regler.beregning.modell import (
    Arbeid,
    Barn,
    Beregningsgrunnlag,
    Beregningsmodell,
    Beregningsresultat,
    Dagregistrering,
    Dagstatus,
    Deltaker,
    Linje,
    Linjetype,
    UgyldigGrunnlag,
    Ytelse,
    Ytelsestype,
)
from kvp_regler.beregning.stoenad import REGELVERSJON, aarsbeloep, beregn_stoenad, under_alder_full_stoenad

__all__ = [
    "REGELVERSJON",
    "Arbeid",
    "Barn",
    "Beregningsgrunnlag",
    "Beregningsmodell",
    "Beregningsresultat",
    "Dagregistrering",
    "Dagstatus",
    "Deltaker",
    "Linje",
    "Linjetype",
    "UgyldigGrunnlag",
    "Ytelse",
    "Ytelsestype",
    "aarsbeloep",
    "beregn_stoenad",
    "under_alder_full_stoenad",
]

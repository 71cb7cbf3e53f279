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
from kvp_regler.beregning.stoenad import (
    REGELVERSJON,
    aarsbeloep,
    beregn_mange,
    beregn_stoenad,
    tom_mellomlagrene,
    under_alder_full_stoenad,
    uten_syklisk_gc,
)

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
    "beregn_mange",
    "beregn_stoenad",
    "tom_mellomlagrene",
    "under_alder_full_stoenad",
    "uten_syklisk_gc",
]

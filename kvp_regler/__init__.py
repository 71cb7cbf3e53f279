"""KVP-reglene i ren Python: parametere, beregning av kvalifiseringsstønad og kommandolinjen."""

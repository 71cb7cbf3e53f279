"""Forventede feil fra tjenestene: stabil kode, norsk melding og feltet meldingen hører til."""


class KvpFeil(Exception):
    """En forventet feil som brukeren skal få forklart. `felt` er skjemafeltet (None = hele skjemaet)."""

    kode = "KVP_FEIL"

    def __init__(self, melding: str, *, felt: str | None = None, kode: str | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.felt = felt
        if kode:
            self.kode = kode


class IkkeFunnet(KvpFeil):
    """Objektet finnes ikke, eller brukeren har ikke tilgang til det (vi sier aldri hvilket)."""

    kode = "KVP_IKKE_FUNNET"


class IkkeTilgang(KvpFeil):
    """Brukeren mangler rollen handlingen krever."""

    kode = "KVP_IKKE_TILGANG"

"""Inndata og resultat for beregningen av kvalifiseringsstønad (spec/beregning.md)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Any, NamedTuple, Protocol

from kvp_regler.beregning.nynorsk import forklaring_nn
from kvp_regler.parametere import Parameter
from kvp_regler.tid import Periode

__all__ = [
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
]


class UgyldigGrunnlag(ValueError):
    """Inndata som ikke kan beregnes. `felt` peker på feltet (f.eks. «dager[2].timer»)."""

    def __init__(self, felt: str, melding: str) -> None:
        self.felt = felt
        self.melding = melding
        super().__init__(f"Feltet «{felt}»: {melding}" if felt else melding)


class Beregningsmodell(StrEnum):
    VIRKEDAGER = "VIRKEDAGER"
    """Dagsats = årsbeløp / 260 for hver programdag (standard)."""
    FAST_MAANEDSBELOEP = "FAST_MAANEDSBELOEP"
    """Fast månedsbeløp (årsbeløp / 12) og barnetillegg for 22 dager, fordelt på månedens virkedager."""


class Dagstatus(StrEnum):
    """Registrering for en programdag. `DELTATT` er standard for dager uten registrering."""

    DELTATT = "DELTATT"
    HELLIGDAG = "HELLIGDAG"
    GYLDIG_FRAVAER = "GYLDIG_FRAVAER"
    FERIE = "FERIE"
    PERMISJON_MED_STOENAD = "PERMISJON_MED_STOENAD"
    UGYLDIG_FRAVAER = "UGYLDIG_FRAVAER"
    FRAVAER_UTEN_STOENAD = "FRAVAER_UTEN_STOENAD"
    PERMISJON_UTEN_STOENAD = "PERMISJON_UTEN_STOENAD"
    AVBRUDD = "AVBRUDD"

    @property
    def tekst(self) -> str:
        return _STATUSTEKST[self]

    @property
    def gir_stoenad(self) -> bool:
        """Om dagen gir full stønad (statusfaktor 1) når ingen timer er oppgitt."""
        return self in _STATUS_MED_STOENAD


_STATUSTEKST = {
    Dagstatus.DELTATT: "deltatt",
    Dagstatus.HELLIGDAG: "helligdag",
    Dagstatus.GYLDIG_FRAVAER: "gyldig fravær",
    Dagstatus.FERIE: "ferie",
    Dagstatus.PERMISJON_MED_STOENAD: "permisjon med stønad",
    Dagstatus.UGYLDIG_FRAVAER: "ugyldig fravær",
    Dagstatus.FRAVAER_UTEN_STOENAD: "avtalt fravær uten stønad",
    Dagstatus.PERMISJON_UTEN_STOENAD: "permisjon uten stønad",
    Dagstatus.AVBRUDD: "avbrudd i programmet",
}
_STATUS_MED_STOENAD = frozenset(
    {
        Dagstatus.DELTATT,
        Dagstatus.HELLIGDAG,
        Dagstatus.GYLDIG_FRAVAER,
        Dagstatus.FERIE,
        Dagstatus.PERMISJON_MED_STOENAD,
    }
)


class Ytelsestype(StrEnum):
    """Andre ytelser som trekkes krone for krone (sosialtjenesteloven § 38)."""

    DAGPENGER = "DAGPENGER"
    SYKEPENGER = "SYKEPENGER"
    FORELDREPENGER = "FORELDREPENGER"
    ANNEN = "ANNEN"

    @property
    def tekst(self) -> str:
        return {"DAGPENGER": "dagpenger", "SYKEPENGER": "sykepenger", "FORELDREPENGER": "foreldrepenger"}.get(
            self.value, "annen ytelse"
        )


class Linjetype(StrEnum):
    STOENAD = "STOENAD"
    BARNETILLEGG = "BARNETILLEGG"
    FRADRAG = "FRADRAG"


@dataclass(frozen=True, slots=True)
class Deltaker:
    foedselsdato: date


@dataclass(frozen=True, slots=True)
class Barn:
    """Et barn deltakeren forsørger. Periodens ender er valgfrie (None = åpen)."""

    foedselsdato: date
    fra_og_med: date | None = None
    til_og_med: date | None = None


@dataclass(frozen=True, slots=True)
class Dagregistrering:
    dato: date
    status: Dagstatus
    timer: Decimal | None = None
    """Bare for `UGYLDIG_FRAVAER`: timer ugyldig fravær den dagen (0 < timer ≤ 7,5)."""


@dataclass(frozen=True, slots=True)
class Arbeid:
    """Lønnet arbeid ved siden av programmet."""

    fra_og_med: date
    til_og_med: date
    timer_per_uke: Decimal


@dataclass(frozen=True, slots=True)
class Ytelse:
    """En annen ytelse som trekkes krone for krone, oppgitt som dagsats per virkedag."""

    type: Ytelsestype
    fra_og_med: date
    til_og_med: date
    dagsats: Decimal


@dataclass(frozen=True, slots=True)
class Beregningsgrunnlag:
    periode: Periode
    deltaker: Deltaker
    programperioder: tuple[Periode, ...]
    beregningsmodell: Beregningsmodell = Beregningsmodell.VIRKEDAGER
    barn: tuple[Barn, ...] = ()
    dager: tuple[Dagregistrering, ...] = ()
    arbeid: tuple[Arbeid, ...] = ()
    ytelser: tuple[Ytelse, ...] = ()


class Forklarer(Protocol):
    def forklar(self, linje: Linje) -> str: ...


class Parameterbruk(Protocol):
    def brukte_verdier(self) -> tuple[tuple[Parameter, tuple[int, ...]], ...]: ...


class Linje(NamedTuple):
    """En linje i beregningen: en sammenhengende rekke virkedager med samme type og samme eksakte dagsats.

    Uforanderlig (en `NamedTuple`: rask å lage i et nasjonalt utbetalingsløp). `forklaring` lages når den leses.
    """

    type: Linjetype
    fra_og_med: date
    til_og_med: date
    antall_dager: int
    dagsats: Fraction
    """Eksakt dagsats; negativ for `FRADRAG`."""
    beloep: Decimal
    hjemmel: str
    forklarer: Forklarer

    @property
    def forklaring(self) -> str:
        """Norsk forklaring av hvordan dagsatsen og beløpet er regnet ut (lages når den leses)."""
        return self.forklarer.forklar(self)

    @property
    def forklaring_nn(self) -> str:
        """Den samme forklaringen på nynorsk (`kvp_regler.beregning.nynorsk`)."""
        return forklaring_nn(self.forklaring)


class Beregningsresultat(NamedTuple):
    """Resultatet av én beregning: linjene, totalen (summen av de avrundede linjene) og det som ble brukt."""

    periode: Periode
    beregningsmodell: Beregningsmodell
    total: Decimal
    linjer: tuple[Linje, ...]
    regelversjon: str
    grunnlag: Beregningsgrunnlag
    parameterbruk: Parameterbruk

    @property
    def brukte_verdier(self) -> tuple[tuple[Parameter, tuple[int, ...]], ...]:
        """Parameterne beregningen brukte, hver med indeksene til verdiene som ble brukt."""
        return self.parameterbruk.brukte_verdier()

    @property
    def parametere_brukt(self) -> dict[str, Any]:
        """Parameterverdiene beregningen brukte, med kilde og pålitelighet, slått opp på parameternavn.

        Samme kombinasjon gir samme (delte) objekt; det skal bare leses, ikke endres."""
        return delt_per_parameterbruk(_PARAMETERE_BRUKT, self.brukte_verdier, _parametere_brukt)


def _parametere_brukt(brukte: tuple[tuple[Parameter, tuple[int, ...]], ...]) -> dict[str, Any]:
    return {
        parameter.navn: {
            "tittel": parameter.tittel,
            "enhet": parameter.enhet,
            "hjemmel": parameter.hjemmel,
            "verdier": [parameter.verdier[i].som_dict() for i in indekser],
        }
        for parameter, indekser in brukte
    }


Brukte = tuple[tuple[Parameter, tuple[int, ...]], ...]
_PARAMETERE_BRUKT: dict[Any, tuple[tuple[Parameter, ...], dict[str, Any]]] = {}


def delt_per_parameterbruk(
    lager: dict[Any, tuple[tuple[Parameter, ...], dict[str, Any]]],
    brukte: Brukte,
    lag: Callable[[Brukte], dict[str, Any]],
) -> dict[str, Any]:
    """Et JSON-objekt som bare avhenger av hvilke parameterverdier som ble brukt, laget én gang per kombinasjon.

    Nøkkelen er parameterobjektenes identitet og indeksene; lageret holder på objektene, så en identitet kan ikke
    gjenbrukes av et annet parametersett mens den står der."""
    noekkel = tuple((id(parameter), indekser) for parameter, indekser in brukte)
    treff = lager.get(noekkel)
    if treff is not None:
        return treff[1]
    if len(lager) > 10_000:
        lager.clear()
    svar = lag(brukte)
    lager[noekkel] = (tuple(parameter for parameter, _ in brukte), svar)
    return svar

"""Daterte parametere for kvalifiseringsstønaden, lest fra YAML-filene i denne mappen.

Hver parameter er en liste av verdier med `gyldig_fra`; en verdi gjelder fra og med sin dato til og med dagen før
neste verdi. Filene valideres når modulen importeres (stigende datoer, ingen duplikater, eksakte verdier som tekst,
kilde og pålitelighet på hver verdi). Et oppslag på en dato som ingen verdi dekker gir `ManglendeParameter`,
aldri 0.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any

__all__ = [
    "PAALITELIGHET",
    "STANDARD",
    "ManglendeParameter",
    "Parameter",
    "ParameterfilFeil",
    "Parametersett",
    "Parameterverdi",
    "les_parametersett",
]

PAALITELIGHET = {
    "V": "verifisert i kilden",
    "S": "oppgitt av en offisiell informasjonsside",
    "C": "hentet fra NAVs eller SSBs kildekode",
    "I": "utledet (antakelse)",
    "D": "utledet ved regning",
    "K": "kjent lovregel, ikke kontrollert mot lovteksten",
    "U": "ubekreftet",
}

_TALL = re.compile(r"^-?\d+(\.\d+)?(/\d+)?$")


class ParameterfilFeil(ValueError):
    """En parameterfil er ugyldig (feil rekkefølge, duplikat, manglende felt, flyttall)."""


class ManglendeParameter(LookupError):
    """Ingen verdi av parameteren gjelder for datoen."""

    def __init__(self, parameter: Parameter, dato: date) -> None:
        self.parameter = parameter
        self.dato = dato
        foerste = parameter.verdier[0].gyldig_fra.isoformat() if parameter.verdier else "ingen"
        super().__init__(
            f"Det finnes ingen verdi for «{parameter.tittel}» som gjelder {dato.isoformat()} "
            f"(første verdi gjelder fra {foerste})."
        )


@dataclass(frozen=True, slots=True)
class Parameterverdi:
    gyldig_fra: date
    verdi: Fraction
    tekst: str
    paalitelighet: str
    kilde: str
    vedtatt: date | None = None

    def som_dict(self) -> dict[str, str | None]:
        """Verdien som JSON-objekt (ny kopi hver gang)."""
        return {
            "gyldig_fra": self.gyldig_fra.isoformat(),
            "verdi": self.tekst,
            "paalitelighet": self.paalitelighet,
            "kilde": self.kilde,
            "vedtatt": self.vedtatt.isoformat() if self.vedtatt else None,
        }


@dataclass(frozen=True, slots=True)
class Parameter:
    navn: str
    tittel: str
    enhet: str
    hjemmel: str
    verdier: tuple[Parameterverdi, ...]
    _ordinaler: tuple[int, ...] = field(repr=False, compare=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "_ordinaler", tuple(v.gyldig_fra.toordinal() for v in self.verdier))

    def indeks(self, dato: date) -> int:
        """Indeksen til verdien som gjelder `dato`; `ManglendeParameter` når ingen gjør det."""
        i = bisect.bisect_right(self._ordinaler, dato.toordinal()) - 1
        if i < 0:
            raise ManglendeParameter(self, dato)
        return i

    def verdi(self, dato: date) -> Fraction:
        return self.verdier[self.indeks(dato)].verdi

    def endringsdatoer(self, fra_og_med: date, til_og_med: date) -> list[date]:
        """Datoene i perioden (etter første dag) der parameteren får ny verdi."""
        return [v.gyldig_fra for v in self.verdier if fra_og_med < v.gyldig_fra <= til_og_med]


@dataclass(frozen=True, slots=True)
class Parametersett:
    """Alle parameterne beregningen bruker, slått opp på navn."""

    parametere: dict[str, Parameter]
    endringer: tuple[date, ...] = field(default=(), repr=False, compare=False)
    """Alle datoer der minst én parameter får ny verdi, sortert."""
    endringsordinaler_alle: tuple[int, ...] = field(default=(), repr=False, compare=False)
    """Det samme som dagordinaler (`date.toordinal()`)."""
    mellomlager: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)
    """Plass for beregninger som bare avhenger av parameterne (f.eks. dagsatser); tømmes når den blir stor."""

    def __post_init__(self) -> None:
        datoer = sorted({v.gyldig_fra for p in self.parametere.values() for v in p.verdier})
        object.__setattr__(self, "endringer", tuple(datoer))
        object.__setattr__(self, "endringsordinaler_alle", tuple(d.toordinal() for d in datoer))

    def __getitem__(self, navn: str) -> Parameter:
        return self.parametere[navn]

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self.parametere.values())

    def epoke(self, dato: date) -> int:
        """Nummeret på tidsrommet (mellom to endringsdatoer) som `dato` ligger i; -1 før første verdi."""
        return bisect.bisect_right(self.endringer, dato) - 1

    def indekser(self, epoke: int, navn: tuple[str, ...]) -> tuple[int, ...]:
        """Indeksen til gjeldende verdi i tidsrommet `epoke` for hver parameter i `navn` (-1: ingen verdi ennå)."""
        noekkel = ("indekser", epoke, navn)
        svar: tuple[int, ...] | None = self.mellomlager.get(noekkel)
        if svar is None:
            dato = self.endringer[epoke] if epoke >= 0 else date.min
            svar = tuple(bisect.bisect_right(self.parametere[n]._ordinaler, dato.toordinal()) - 1 for n in navn)
            self.mellomlager[noekkel] = svar
        return svar

    def endringsordinaler(self, fra_og_med: int, til_og_med: int) -> tuple[int, ...]:
        """Som `endringsdatoer`, men med dagordinaler inn og ut."""
        alle = self.endringsordinaler_alle
        return alle[bisect.bisect_right(alle, fra_og_med) : bisect.bisect_right(alle, til_og_med)]

    def endringsdatoer(self, fra_og_med: date, til_og_med: date) -> tuple[date, ...]:
        """Datoene etter `fra_og_med` og til og med `til_og_med` der en parameter får ny verdi."""
        return self.endringer[
            bisect.bisect_right(self.endringer, fra_og_med) : bisect.bisect_right(self.endringer, til_og_med)
        ]


def _tall(navn: str, raa: object) -> tuple[Fraction, str]:
    if not isinstance(raa, str) or not _TALL.match(raa):
        raise ParameterfilFeil(f'{navn}: verdien {raa!r} må være tekst med et eksakt tall, f.eks. "2.041" eller "2/3"')
    try:
        if "/" in raa:
            teller, nevner = raa.split("/")
            return Fraction(Decimal(teller)) / Fraction(Decimal(nevner)), raa
        return Fraction(Decimal(raa)), raa
    except (InvalidOperation, ZeroDivisionError) as feil:
        raise ParameterfilFeil(f"{navn}: verdien {raa!r} er ikke et gyldig tall") from feil


def _dato(navn: str, noekkel: str, raa: object, *, valgfri: bool = False) -> date | None:
    if raa is None and valgfri:
        return None
    if not isinstance(raa, date):
        raise ParameterfilFeil(f"{navn}: «{noekkel}» må være en dato (ÅÅÅÅ-MM-DD), fikk {raa!r}")
    return raa


def _parameter(data: dict[str, Any]) -> Parameter:
    for noekkel in ("navn", "tittel", "enhet", "hjemmel", "verdier"):
        if noekkel not in data:
            raise ParameterfilFeil(f"parameter mangler «{noekkel}»: {data!r}")
    navn = str(data["navn"])
    verdier: list[Parameterverdi] = []
    for raa in data["verdier"]:
        gyldig_fra = _dato(navn, "gyldig_fra", raa.get("gyldig_fra"))
        assert gyldig_fra is not None  # noqa: S101 - _dato uten valgfri gir alltid en dato
        verdi, tekst = _tall(navn, raa.get("verdi"))
        paalitelighet = raa.get("paalitelighet")
        if paalitelighet not in PAALITELIGHET:
            raise ParameterfilFeil(f"{navn} {gyldig_fra}: ukjent pålitelighet {paalitelighet!r}")
        kilde = raa.get("kilde")
        if not kilde:
            raise ParameterfilFeil(f"{navn} {gyldig_fra}: mangler kilde")
        if verdier and gyldig_fra <= verdier[-1].gyldig_fra:
            hva = "duplikat" if gyldig_fra == verdier[-1].gyldig_fra else "ikke stigende rekkefølge"
            raise ParameterfilFeil(f"{navn}: {hva} ved gyldig_fra {gyldig_fra}")
        verdier.append(
            Parameterverdi(
                gyldig_fra=gyldig_fra,
                verdi=verdi,
                tekst=tekst,
                paalitelighet=str(paalitelighet),
                kilde=str(kilde),
                vedtatt=_dato(navn, "vedtatt", raa.get("vedtatt"), valgfri=True),
            )
        )
    if not verdier:
        raise ParameterfilFeil(f"{navn}: ingen verdier")
    return Parameter(
        navn=navn,
        tittel=str(data["tittel"]),
        enhet=str(data["enhet"]),
        hjemmel=str(data["hjemmel"]),
        verdier=tuple(verdier),
    )


def _raa_parametere(*tekster: str) -> list[dict[str, Any]]:
    """Parameterne i YAML-tekstene som rå objekter (én parameter per tekst, eller `parametere:` med en liste)."""
    import yaml  # noqa: PLC0415 - bare når parameterne ikke er i mellomlageret (raskere oppstart av `kvp`)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    raa_liste: list[dict[str, Any]] = []
    for tekst in tekster:
        data = yaml.load(tekst, Loader=loader)  # noqa: S506 - SafeLoader/CSafeLoader
        if not isinstance(data, dict):
            raise ParameterfilFeil("en parameterfil må være et YAML-objekt")
        raa_liste.extend(data.get("parametere", [data]))
    return raa_liste


def _sett(raa_liste: list[dict[str, Any]]) -> Parametersett:
    parametere: dict[str, Parameter] = {}
    for raa in raa_liste:
        parameter = _parameter(raa)
        if parameter.navn in parametere:
            raise ParameterfilFeil(f"parameteren {parameter.navn} er definert to ganger")
        parametere[parameter.navn] = parameter
    return Parametersett(parametere)


def les_parametersett(*tekster: str) -> Parametersett:
    """Leser parametere fra YAML-tekster (én parameter, eller `parametere:` med en liste)."""
    return _sett(_raa_parametere(*tekster))


_MELLOMLAGER_FORMAT = "1"


def _mellomlagerfil(tekster: list[str]) -> Path | None:
    """Filen med de rå parameterne som JSON, navngitt etter et avtrykk av YAML-tekstene (en endret fil gir en ny)."""
    mappe = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(mappe):
        return None
    avtrykk = hashlib.sha256("\0".join([_MELLOMLAGER_FORMAT, *tekster]).encode()).hexdigest()[:32]
    return Path(mappe) / "kvp" / f"parametere-{avtrykk}.json"


def _fra_json(raa: Any) -> Any:
    for verdi in raa.get("verdier", []) if isinstance(raa, dict) else []:
        for noekkel in ("gyldig_fra", "vedtatt"):
            if isinstance(verdi, dict) and isinstance(verdi.get(noekkel), str):
                verdi[noekkel] = date.fromisoformat(verdi[noekkel])
    return raa


def _les_standard() -> Parametersett:
    """Parameterfilene i denne mappen. De rå parameterne mellomlagres som JSON i brukerens cache-mappe (nøkkelen er
    et avtrykk av filene), så `kvp` slipper å laste og tolke YAML ved hver oppstart; verdiene valideres likt begge
    veier. Kan ikke mellomlageret leses eller skrives, leses YAML-filene som før."""
    mappe = resources.files(__name__)
    filer = sorted((f for f in mappe.iterdir() if f.name.endswith(".yaml")), key=lambda f: f.name)
    tekster = [f.read_text(encoding="utf-8") for f in filer]
    fil = _mellomlagerfil(tekster)
    if fil is not None:
        try:
            raa_liste = json.loads(fil.read_text(encoding="utf-8"))
            if isinstance(raa_liste, list):
                return _sett([_fra_json(raa) for raa in raa_liste])
        except (OSError, ValueError, ParameterfilFeil, AttributeError, TypeError):
            pass
    raa_liste = _raa_parametere(*tekster)
    sett = _sett(raa_liste)
    if fil is not None:
        try:
            fil.parent.mkdir(parents=True, exist_ok=True)
            midlertidig = fil.with_suffix(f".{os.getpid()}.tmp")
            midlertidig.write_text(json.dumps(raa_liste, default=date.isoformat), encoding="utf-8")
            os.replace(midlertidig, fil)
        except (OSError, TypeError, ValueError):
            pass
    return sett


STANDARD: Parametersett = _les_standard()
"""Parameterne som følger med koden. Lest og validert én gang, ved import."""

"""JSON-kontrakten for `kvp beregn` (spec/beregning.md § 6): inndata til `Beregningsgrunnlag`, resultat til JSON.

Alle feil i inndata blir `UgyldigGrunnlag` med feltnavnet, slik at kommandolinjen og API-et kan gi én klar norsk
melding. Desimaltall kan være JSON-tekst eller JSON-tall; tall leses som `Decimal`, aldri som flyttall.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar

from kvp_regler import belop
from kvp_regler.belop import desimaltekst
from kvp_regler.beregning import stoenad
from kvp_regler.beregning.modell import (
    _PARAMETERE_BRUKT,
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
    delt_per_parameterbruk,
)
from kvp_regler.parametere import STANDARD, Parameter, Parametersett
from kvp_regler.tid import Periode

__all__ = ["grunnlag_fra_json", "resultat_til_json", "resultat_til_json_tekst", "tom_mellomlagrene"]

_DATO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_E = TypeVar("_E", bound=Enum)
_T = TypeVar("_T")

_FELTER = {
    "": {
        "fra_og_med",
        "til_og_med",
        "beregningsmodell",
        "deltaker",
        "programperioder",
        "barn",
        "dager",
        "arbeid",
        "ytelser",
    },
    "deltaker": {"foedselsdato"},
    "programperioder": {"fra_og_med", "til_og_med"},
    "barn": {"foedselsdato", "fra_og_med", "til_og_med"},
    "dager": {"dato", "status", "timer"},
    "arbeid": {"fra_og_med", "til_og_med", "timer_per_uke"},
    "ytelser": {"type", "fra_og_med", "til_og_med", "dagsats"},
}


def _sti(forelder: str, navn: str) -> str:
    return f"{forelder}.{navn}" if forelder else navn


def _objekt(verdi: object, sti: str, skjema: str) -> dict[str, Any]:
    if not isinstance(verdi, dict):
        if not sti:
            raise UgyldigGrunnlag("", "Inndata må være et JSON-objekt ({ … }) eller en liste med slike objekter.")
        raise UgyldigGrunnlag(sti, "må være et JSON-objekt ({ … }).")
    if not verdi.keys() <= _FELTER[skjema]:
        ukjent = sorted(str(k) for k in verdi.keys() - _FELTER[skjema])[0]
        raise UgyldigGrunnlag(_sti(sti, ukjent), "er ikke et kjent felt. Sjekk stavemåten.")
    return verdi


def _paakrevd(data: dict[str, Any], navn: str, sti: str) -> object:
    if data.get(navn) is None:
        raise UgyldigGrunnlag(_sti(sti, navn), "mangler. Feltet er påkrevd.")
    return data[navn]


_DATOER: dict[str, date] = {}
"""Datoer som allerede er lest og godkjent (tekst → dato). De samme datoene går igjen i en batch."""


def _dato(verdi: object, sti: str) -> date:
    if not isinstance(verdi, str) or not _DATO.match(verdi):
        raise UgyldigGrunnlag(sti, f"må være en dato på formen ÅÅÅÅ-MM-DD, fikk {_vis(verdi)}.")
    try:
        dato = date.fromisoformat(verdi)
    except ValueError:
        raise UgyldigGrunnlag(sti, f"datoen {verdi} finnes ikke.") from None
    if len(_DATOER) < 100_000:
        _DATOER[verdi] = dato
    return dato


def _dato_felt(data: dict[str, Any], navn: str, sti: str) -> date:
    """Det påkrevde datofeltet `navn`; feltstien lages først når det er en feil."""
    verdi = data.get(navn)
    if verdi.__class__ is str:
        dato = _DATOER.get(verdi)
        if dato is not None:
            return dato
    return _dato(_paakrevd(data, navn, sti), _sti(sti, navn))


def _valgfri_dato(data: dict[str, Any], navn: str, sti: str) -> date | None:
    verdi = data.get(navn)
    return None if verdi is None else _dato_felt(data, navn, sti)


def _desimal(verdi: object, sti: str) -> Decimal:
    if isinstance(verdi, bool) or not isinstance(verdi, (str, int, Decimal)):
        raise UgyldigGrunnlag(sti, f"må være et tall (som tekst eller JSON-tall), fikk {_vis(verdi)}.")
    try:
        tall = Decimal(verdi.strip() if isinstance(verdi, str) else verdi)
    except InvalidOperation:
        raise UgyldigGrunnlag(sti, f"må være et tall, fikk {_vis(verdi)}.") from None
    if not tall.is_finite():
        raise UgyldigGrunnlag(sti, f"må være et endelig tall, fikk {_vis(verdi)}.")
    return tall


_OPPSLAG: dict[type[Enum], dict[object, Enum]] = {}


def _enum(type_: type[_E], verdi: object, sti: str) -> _E:
    oppslag = _OPPSLAG.get(type_)
    if oppslag is None:
        oppslag = _OPPSLAG[type_] = {m.value: m for m in type_}
    try:
        return oppslag[verdi]  # type: ignore[return-value]
    except (KeyError, TypeError):
        gyldige = ", ".join(str(m.value) for m in type_)
        raise UgyldigGrunnlag(sti, f"ukjent verdi {_vis(verdi)}. Gyldige verdier: {gyldige}.") from None


def _liste(data: dict[str, Any], navn: str, sti: str, les: Callable[[dict[str, Any], str], _T]) -> tuple[_T, ...]:
    verdi = data.get(navn)
    if verdi is None:
        return ()
    felt = _sti(sti, navn)
    if not isinstance(verdi, list):
        raise UgyldigGrunnlag(felt, "må være en liste ([ … ]).")
    elementer = []
    for i, element in enumerate(verdi):
        element_sti = f"{felt}[{i}]"
        elementer.append(les(_objekt(element, element_sti, navn), element_sti))
    return tuple(elementer)


def _periode(data: dict[str, Any], sti: str) -> Periode:
    fom = _dato_felt(data, "fra_og_med", sti)
    tom = _dato_felt(data, "til_og_med", sti)
    if tom < fom:
        raise UgyldigGrunnlag(_sti(sti, "til_og_med"), f"{tom.isoformat()} er før fra_og_med {fom.isoformat()}.")
    return Periode(fom, tom)


def _barn(data: dict[str, Any], sti: str) -> Barn:
    return Barn(
        foedselsdato=_dato_felt(data, "foedselsdato", sti),
        fra_og_med=_valgfri_dato(data, "fra_og_med", sti),
        til_og_med=_valgfri_dato(data, "til_og_med", sti),
    )


def _dag(data: dict[str, Any], sti: str) -> Dagregistrering:
    timer = data.get("timer")
    return Dagregistrering(
        dato=_dato_felt(data, "dato", sti),
        status=_enum(Dagstatus, _paakrevd(data, "status", sti), _sti(sti, "status")),
        timer=None if timer is None else _desimal(timer, _sti(sti, "timer")),
    )


def _arbeid(data: dict[str, Any], sti: str) -> Arbeid:
    periode = _periode(data, sti)
    return Arbeid(
        fra_og_med=periode.fra_og_med,
        til_og_med=periode.til_og_med,
        timer_per_uke=_desimal(_paakrevd(data, "timer_per_uke", sti), _sti(sti, "timer_per_uke")),
    )


def _ytelse(data: dict[str, Any], sti: str) -> Ytelse:
    type_ = _enum(Ytelsestype, _paakrevd(data, "type", sti), _sti(sti, "type"))
    periode = _periode(data, sti)
    return Ytelse(
        type=type_,
        fra_og_med=periode.fra_og_med,
        til_og_med=periode.til_og_med,
        dagsats=_desimal(_paakrevd(data, "dagsats", sti), _sti(sti, "dagsats")),
    )


def grunnlag_fra_json(dokument: object) -> Beregningsgrunnlag:
    """Et JSON-dokument (allerede tolket, med tall som `Decimal`) til et `Beregningsgrunnlag`."""
    data = _objekt(dokument, "", "")
    periode = _periode(data, "")
    deltaker = _objekt(_paakrevd(data, "deltaker", ""), "deltaker", "deltaker")
    programperioder = data.get("programperioder")
    if programperioder is None:
        raise UgyldigGrunnlag("programperioder", "mangler. Feltet er påkrevd (en liste med perioder).")
    modell = data.get("beregningsmodell")
    return Beregningsgrunnlag(
        periode=periode,
        deltaker=Deltaker(_dato_felt(deltaker, "foedselsdato", "deltaker")),
        programperioder=_liste(data, "programperioder", "", _periode),
        beregningsmodell=(
            Beregningsmodell.VIRKEDAGER if modell is None else _enum(Beregningsmodell, modell, "beregningsmodell")
        ),
        barn=_liste(data, "barn", "", _barn),
        dager=_liste(data, "dager", "", _dag),
        arbeid=_liste(data, "arbeid", "", _arbeid),
        ytelser=_liste(data, "ytelser", "", _ytelse),
    )


def _linje_til_json(linje: Linje) -> dict[str, Any]:
    return {
        "type": linje.type.value,
        "fra_og_med": linje.fra_og_med.isoformat(),
        "til_og_med": linje.til_og_med.isoformat(),
        "antall_dager": linje.antall_dager,
        "dagsats": desimaltekst(linje.dagsats),
        "dagsats_eksakt": f"{linje.dagsats.numerator}/{linje.dagsats.denominator}",
        "beloep": f"{linje.beloep:.2f}",
        "hjemmel": linje.hjemmel,
        "forklaring": linje.forklaring,
    }


def resultat_til_json(resultat: Beregningsresultat) -> dict[str, Any]:
    """Resultatet som JSON-objekt. Penger er tekst med nøyaktig to desimaler."""
    return {
        "fra_og_med": resultat.periode.fra_og_med.isoformat(),
        "til_og_med": resultat.periode.til_og_med.isoformat(),
        "beregningsmodell": resultat.beregningsmodell.value,
        "total": f"{resultat.total:.2f}",
        "linjer": [_linje_til_json(linje) for linje in resultat.linjer],
        "parametere_brukt": _parametere_brukt(resultat),
        "regelversjon": resultat.regelversjon,
    }


_KOMPAKT: dict[Any, tuple[tuple[Parameter, ...], dict[str, Any]]] = {}


# --- resultatet rett som JSON-tekst (kvp beregn) ---------------------------------------------------------------------
#
# Gir nøyaktig den samme teksten som json.dumps(resultat_til_json(r), ensure_ascii=False, separators=(",", ":")),
# men uten å bygge objektene først: de fleste delene går igjen fra sak til sak (datoer, dagsatser, beløp, hjemler,
# forklaringer og parameterbruken) og huskes ferdig kodet. Tekstene kodes med den samme funksjonen som json bruker.

_jstr: Callable[[str], str] = json.encoder.encode_basestring
_KODET: dict[Any, str] = {}
"""Ferdig kodede deler av svaret: datoer, dagsatser og hjemler."""
_KODET_MAKS = 200_000
_PARAMETERE_KODET: dict[int, tuple[Any, str]] = {}
"""parametere_brukt ferdig kodet, slått opp på identiteten til parameterbruken (som holdes, så den ikke gjenbrukes)."""


_ENUM_JSON: dict[Enum, str] = {verdi: _jstr(verdi.value) for type_ in (Linjetype, Beregningsmodell) for verdi in type_}


def tom_mellomlagrene(parametere: Parametersett = STANDARD) -> None:
    """Tømmer alt beregningen og JSON-svaret husker mellom saker (se `stoenad.tom_mellomlagrene`), også de ferdig
    kodede delene av svaret, datoene i inndataene og tallteksten i forklaringene. For målinger «kaldt»."""
    stoenad.tom_mellomlagrene(parametere)
    for tabell in (_KODET, _PARAMETERE_KODET, _KOMPAKT, _DATOER, _PARAMETERE_BRUKT, belop._TEKSTER, belop._NORSKE):
        tabell.clear()


def _dato_json(dato: date) -> str:
    tekst = _KODET.get(dato)
    if tekst is None:
        tekst = _KODET[dato] = f'"{dato.isoformat()}"'
    return tekst


def _linje_tekst(linje: Linje) -> str:
    dagsats = linje.dagsats
    broek = (dagsats.numerator, dagsats.denominator)  # hashen til en Fraction er treg
    sats = _KODET.get(broek)
    if sats is None:
        sats = _KODET[broek] = f'"dagsats":{_jstr(desimaltekst(dagsats))},"dagsats_eksakt":"{broek[0]}/{broek[1]}"'
    hjemmel = _KODET.get(linje.hjemmel)
    if hjemmel is None:
        hjemmel = _KODET[linje.hjemmel] = _jstr(linje.hjemmel)
    return (
        f'{{"type":{_ENUM_JSON[linje.type]},"fra_og_med":{_dato_json(linje.fra_og_med)},'
        f'"til_og_med":{_dato_json(linje.til_og_med)},"antall_dager":{linje.antall_dager},{sats},'
        f'"beloep":"{linje.beloep:.2f}","hjemmel":{hjemmel},"forklaring":{_jstr(linje.forklaring)}}}'
    )


def resultat_til_json_tekst(resultat: Beregningsresultat) -> str:
    """`resultat_til_json` som kompakt JSON-tekst (`json.dumps` med `ensure_ascii=False` og `separators=(",", ":")`),
    tegn for tegn den samme, men raskere for mange resultater (`kvp beregn` med en liste)."""
    if len(_KODET) > _KODET_MAKS:
        _KODET.clear()
    brukte = resultat.brukte_verdier
    parametere = _PARAMETERE_KODET.get(id(brukte))
    if parametere is None or parametere[0] is not brukte:
        if len(_PARAMETERE_KODET) > 10_000:
            _PARAMETERE_KODET.clear()
        tekst = json.dumps(_parametere_brukt(resultat), ensure_ascii=False, separators=(",", ":"))
        parametere = _PARAMETERE_KODET[id(brukte)] = (brukte, tekst)
    periode = resultat.periode
    return (
        f'{{"fra_og_med":{_dato_json(periode.fra_og_med)},"til_og_med":{_dato_json(periode.til_og_med)},'
        f'"beregningsmodell":{_ENUM_JSON[resultat.beregningsmodell]},"total":"{resultat.total:.2f}",'
        f'"linjer":[{",".join([_linje_tekst(linje) for linje in resultat.linjer])}],'
        f'"parametere_brukt":{parametere[1]},"regelversjon":{_jstr(resultat.regelversjon)}}}'
    )


def _parametere_brukt(resultat: Beregningsresultat) -> dict[str, Any]:
    """Parameterverdiene som ble brukt: navn → [{gyldig_fra, verdi, paalitelighet}]. Kilde, tittel og hjemmel
    står i parameterfilene (kvp_regler/parametere/) og i `Beregningsresultat.parametere_brukt`."""
    return delt_per_parameterbruk(_KOMPAKT, resultat.brukte_verdier, _kompakt)


def _kompakt(brukte: tuple[tuple[Parameter, tuple[int, ...]], ...]) -> dict[str, Any]:
    return {
        parameter.navn: [
            {
                "gyldig_fra": parameter.verdier[i].gyldig_fra.isoformat(),
                "verdi": parameter.verdier[i].tekst,
                "paalitelighet": parameter.verdier[i].paalitelighet,
            }
            for i in indekser
        ]
        for parameter, indekser in brukte
    }


def _vis(verdi: object) -> str:
    if isinstance(verdi, str):
        return f"«{verdi}»"
    if verdi is None:
        return "null"
    if isinstance(verdi, bool):
        return "true" if verdi else "false"
    if isinstance(verdi, (list, dict)):
        return "en liste" if isinstance(verdi, list) else "et objekt"
    return str(verdi)

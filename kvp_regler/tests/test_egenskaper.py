"""Egenskaper som må holde for alle inndata (hypothesis).

Linjene rundes hver for seg (spec/beregning.md § 5). Derfor holder «ett fravær til øker aldri» og «ett barn til
senker aldri» eksakt for de uavrundede beløpene, og for de avrundede beløpene når ingen andre ytelser trekkes.
Med fradrag kan avrundingen av linjer som deles annerledes flytte totalen med noen få øre; testene sier da hvor mye.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from kvp_regler.beregning import Beregningsresultat, Linjetype, beregn_stoenad
from kvp_regler.beregning.kontrakt import grunnlag_fra_json

STATUSER = [
    "DELTATT",
    "HELLIGDAG",
    "GYLDIG_FRAVAER",
    "FERIE",
    "PERMISJON_MED_STOENAD",
    "UGYLDIG_FRAVAER",
    "FRAVAER_UTEN_STOENAD",
    "PERMISJON_UTEN_STOENAD",
    "AVBRUDD",
]
START = date(2023, 6, 1)
SLUTT = date(2026, 12, 31)


def dato(fra: date = START, til: date = SLUTT) -> st.SearchStrategy[date]:
    return st.dates(min_value=fra, max_value=til)


def desimal(maks: int, desimaler: int = 2) -> st.SearchStrategy[str]:
    return st.integers(min_value=0, max_value=maks * 10**desimaler).map(lambda n: str(Decimal(n).scaleb(-desimaler)))


@st.composite
def grunnlag(draw: st.DrawFn, *, med_ytelser: bool = True) -> dict[str, Any]:
    fom = draw(dato())
    tom = fom + timedelta(days=draw(st.integers(min_value=0, max_value=70)))
    virkedager = [
        fom + timedelta(days=i) for i in range((tom - fom).days + 1) if (fom + timedelta(days=i)).weekday() < 5
    ]
    dokument: dict[str, Any] = {
        "fra_og_med": fom.isoformat(),
        "til_og_med": tom.isoformat(),
        "beregningsmodell": draw(st.sampled_from(["VIRKEDAGER", "FAST_MAANEDSBELOEP"])),
        "deltaker": {
            "foedselsdato": draw(
                st.one_of(dato(date(1958, 1, 1), date(2006, 12, 31)), st.just(date(2000, 2, 29)))
            ).isoformat()
        },
        "programperioder": [],
        "barn": [],
        "dager": [],
        "arbeid": [],
        "ytelser": [],
    }
    # Den første programperioden overlapper alltid beregningsperioden (ellers gir de fleste eksemplene ingen linjer
    # og tester ingenting); de andre kan ligge hvor som helst rundt den.
    a = draw(dato(fom - timedelta(days=40), tom))
    b = max(a, fom) + timedelta(days=draw(st.integers(0, 90)))
    dokument["programperioder"].append({"fra_og_med": a.isoformat(), "til_og_med": b.isoformat()})
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        a = draw(dato(fom - timedelta(days=40), tom))
        dokument["programperioder"].append(
            {"fra_og_med": a.isoformat(), "til_og_med": (a + timedelta(days=draw(st.integers(0, 90)))).isoformat()}
        )
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        dokument["barn"].append({"foedselsdato": draw(dato(date(2005, 1, 1), tom)).isoformat()})
    if virkedager:
        for dag in draw(st.lists(st.sampled_from(virkedager), max_size=5, unique=True)):
            status = draw(st.sampled_from(STATUSER))
            registrering: dict[str, Any] = {"dato": dag.isoformat(), "status": status}
            if status == "UGYLDIG_FRAVAER" and draw(st.booleans()):
                registrering["timer"] = str(Decimal(draw(st.integers(1, 750))).scaleb(-2))
            dokument["dager"].append(registrering)
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        a = draw(dato(fom - timedelta(days=20), tom))
        dokument["arbeid"].append(
            {
                "fra_og_med": a.isoformat(),
                "til_og_med": (a + timedelta(days=draw(st.integers(0, 60)))).isoformat(),
                "timer_per_uke": draw(desimal(9)),
            }
        )
    if med_ytelser:
        for _ in range(draw(st.integers(min_value=0, max_value=2))):
            a = draw(dato(fom - timedelta(days=10), tom))
            dokument["ytelser"].append(
                {
                    "type": draw(st.sampled_from(["DAGPENGER", "SYKEPENGER", "FORELDREPENGER", "ANNEN"])),
                    "fra_og_med": a.isoformat(),
                    "til_og_med": (a + timedelta(days=draw(st.integers(0, 30)))).isoformat(),
                    "dagsats": draw(desimal(2000)),
                }
            )
    return dokument


def beregn(dokument: dict[str, Any]) -> Beregningsresultat:
    return beregn_stoenad(grunnlag_fra_json(json.loads(json.dumps(dokument), parse_float=Decimal)))


def eksakt_total(resultat: Beregningsresultat) -> Fraction:
    return sum((linje.dagsats * linje.antall_dager for linje in resultat.linjer), Fraction(0))


def avrundingsslingring(*resultater: Beregningsresultat) -> Decimal:
    """Hver linje kan rundes høyst et halvt øre: så mye kan to totaler skille seg ut over det eksakte."""
    return Decimal("0.005") * sum(len(r.linjer) for r in resultater)


@settings(max_examples=300, deadline=None)
@given(grunnlag())
def test_linjene_summerer_til_totalen_og_totalen_er_aldri_negativ(dokument: dict[str, Any]) -> None:
    resultat = beregn(dokument)
    assert sum((linje.beloep for linje in resultat.linjer), Decimal(0)) == resultat.total
    assert resultat.total >= 0
    for linje in resultat.linjer:
        assert linje.beloep != 0 or linje.type is Linjetype.FRADRAG
        assert (linje.beloep < 0) == (linje.type is Linjetype.FRADRAG) or linje.beloep == 0
        assert linje.fra_og_med.weekday() < 5 and linje.til_og_med.weekday() < 5
        assert (linje.fra_og_med.year, linje.fra_og_med.month) == (linje.til_og_med.year, linje.til_og_med.month)
        assert linje.beloep.as_tuple().exponent == -2
    noekler = [
        (linje.fra_og_med, ["STOENAD", "BARNETILLEGG", "FRADRAG"].index(linje.type)) for linje in resultat.linjer
    ]
    assert noekler == sorted(noekler)


@settings(max_examples=200, deadline=None)
@given(grunnlag(), st.data())
def test_ett_ugyldig_fravaer_til_oeker_aldri_totalen(dokument: dict[str, Any], data: st.DataObject) -> None:
    registrert = {d["dato"] for d in dokument["dager"]}
    fom, tom = date.fromisoformat(dokument["fra_og_med"]), date.fromisoformat(dokument["til_og_med"])
    ledige = [
        fom + timedelta(days=i)
        for i in range((tom - fom).days + 1)
        if (fom + timedelta(days=i)).weekday() < 5 and (fom + timedelta(days=i)).isoformat() not in registrert
    ]
    assume(ledige)
    dag = data.draw(st.sampled_from(ledige))
    foer = beregn(dokument)
    dokument["dager"].append({"dato": dag.isoformat(), "status": "UGYLDIG_FRAVAER"})
    etter = beregn(dokument)
    assert eksakt_total(etter) <= eksakt_total(foer)
    if dokument["ytelser"]:
        assert etter.total <= foer.total + avrundingsslingring(foer, etter)
    else:
        assert etter.total <= foer.total


@settings(max_examples=200, deadline=None)
@given(grunnlag(), dato(date(2005, 1, 1), date(2026, 12, 31)))
def test_ett_barn_til_senker_aldri_totalen(dokument: dict[str, Any], foedt: date) -> None:
    foer = beregn(dokument)
    dokument["barn"].append({"foedselsdato": foedt.isoformat()})
    etter = beregn(dokument)
    assert eksakt_total(etter) >= eksakt_total(foer)
    if dokument["ytelser"]:
        assert etter.total >= foer.total - avrundingsslingring(foer, etter)
    else:
        assert etter.total >= foer.total


@settings(max_examples=100, deadline=None)
@given(grunnlag(med_ytelser=False))
def test_uten_ytelser_er_hver_linje_dagsats_ganger_dager(dokument: dict[str, Any]) -> None:
    for linje in beregn(dokument).linjer:
        eksakt = linje.dagsats * linje.antall_dager
        assert abs(Fraction(linje.beloep) - eksakt) <= Fraction(1, 200)


def _overlapper_programmet(dokument: dict[str, Any]) -> bool:
    fom, tom = date.fromisoformat(dokument["fra_og_med"]), date.fromisoformat(dokument["til_og_med"])
    return any(
        date.fromisoformat(p["fra_og_med"]) <= tom and date.fromisoformat(p["til_og_med"]) >= fom
        for p in dokument["programperioder"]
    )


@settings(max_examples=200, deadline=None)
@given(grunnlag())
def test_generatoren_gir_perioder_som_overlapper_programmet(dokument: dict[str, Any]) -> None:
    """Et eksempel uten programdager gir ingen linjer og tester ingen av egenskapene over."""
    assert _overlapper_programmet(dokument)

"""Den varierte blandingen av beregningsgrunnlag som `make bench` og likhetstesten regner på.

Generatoren er deterministisk (fast frø) og lager saker som ligner det beregningen møter utenfor én måneds
utbetalingsløp, ikke bare hele måneder med samme sats:

* år 2019–2026 (til oktober 2026), så G, satser og aldersgrenser fra mange tidsrom er med;
* perioder: 35 % hele måneder, 20 % fra april inn i mai (G-reguleringen 1. mai ligger i perioden), 25 % deler av
  en måned, 15 % over et månedsskifte (10–60 dager) og 5 % lange perioder på 3–12 måneder (etterbetaling,
  forhåndsvisning av et vedtak);
* 20 % av deltakerne fyller 25 år inne i perioden, ofte midt i en måned; resten er rundt 28 år (normalfordelt,
  18–66);
* 45 % har barn (1–4); for hver fjerde av dem fyller det første barnet 18 år i perioden, og hvert tiende barn har en
  forsørgerperiode som starter eller slutter i perioden;
* reduksjoner: 65 % har registrerte dager (fravær, ferie, permisjon, avbrudd, ugyldig fravær i timer), 20 % har
  lønnet arbeid og 10 % andre ytelser som trekkes; 20 % bruker modellen `FAST_MAANEDSBELOEP`; 10 % har en
  programperiode som slutter i perioden, 5 % to programperioder.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

FROE = 20261126
STATUSER = [
    ("GYLDIG_FRAVAER", 30),
    ("UGYLDIG_FRAVAER", 25),
    ("FERIE", 20),
    ("PERMISJON_MED_STOENAD", 5),
    ("FRAVAER_UTEN_STOENAD", 5),
    ("PERMISJON_UTEN_STOENAD", 5),
    ("AVBRUDD", 5),
    ("HELLIGDAG", 5),
]


def _maanedens_slutt(aar: int, mnd: int) -> date:
    return date(aar + mnd // 12, mnd % 12 + 1, 1) - timedelta(days=1)


def _periode(rng: random.Random) -> tuple[date, date]:
    aar = rng.randint(2019, 2026)
    mnd = rng.randint(1, 10 if aar == 2026 else 12)
    slag = rng.random()
    if slag < 0.35:  # hel måned
        return date(aar, mnd, 1), _maanedens_slutt(aar, mnd)
    if slag < 0.55:  # fra april inn i mai: G-reguleringen i perioden
        return date(aar, 4, rng.randint(1, 30)), date(aar, 5, rng.randint(1, 31))
    if slag < 0.80:  # del av en måned
        fom = date(aar, mnd, rng.randint(1, 28))
        return fom, min(_maanedens_slutt(aar, mnd), fom + timedelta(days=rng.randint(0, 20)))
    fom = date(aar, mnd, rng.randint(2, 28))
    if slag < 0.95:  # over et månedsskifte
        return fom, fom + timedelta(days=rng.randint(10, 60))
    return fom, fom + timedelta(days=rng.randint(90, 365))  # lang periode


def _dag_i(rng: random.Random, fom: date, dager: int) -> date:
    return fom + timedelta(days=rng.randint(0, dager))


def lag_variert_batch(antall: int = 10_000, froe: int = FROE) -> list[dict[str, Any]]:
    """`antall` JSON-dokumenter for `kvp beregn` (samme frø gir samme dokumenter)."""
    rng = random.Random(froe)
    batch = []
    for _ in range(antall):
        fom, tom = _periode(rng)
        dager_i = (tom - fom).days
        if rng.random() < 0.2:  # fyller 25 i perioden
            dag25 = _dag_i(rng, fom, dager_i)
            foedt = date(dag25.year - 25, dag25.month, min(dag25.day, 28))
        else:
            alder = max(18, min(66, round(rng.gauss(28, 8))))
            foedt = date(fom.year - alder, rng.randint(1, 12), rng.randint(1, 28))
        start = fom - timedelta(days=rng.randint(0, 500)) if rng.random() < 0.85 else _dag_i(rng, fom, dager_i)
        slutt = start + timedelta(days=rng.choice([364, 729, 1094]))
        if rng.random() < 0.1:  # programperioden slutter i perioden
            slutt = max(start, _dag_i(rng, fom, dager_i))
        dok: dict[str, Any] = {
            "fra_og_med": fom.isoformat(),
            "til_og_med": tom.isoformat(),
            "beregningsmodell": "FAST_MAANEDSBELOEP" if rng.random() < 0.2 else "VIRKEDAGER",
            "deltaker": {"foedselsdato": foedt.isoformat()},
            "programperioder": [{"fra_og_med": start.isoformat(), "til_og_med": slutt.isoformat()}],
        }
        if rng.random() < 0.05:
            ny_start = slutt + timedelta(days=rng.randint(5, 40))
            dok["programperioder"].append(
                {"fra_og_med": ny_start.isoformat(), "til_og_med": (ny_start + timedelta(days=400)).isoformat()}
            )
        antall_barn = rng.choices([0, 1, 2, 3, 4], weights=[55, 20, 14, 8, 3])[0]
        if antall_barn:
            dok["barn"] = []
            for nr in range(antall_barn):
                if nr == 0 and rng.random() < 0.25:  # fyller 18 i perioden
                    dag18 = _dag_i(rng, fom, dager_i)
                    barn_foedt = date(dag18.year - 18, dag18.month, min(dag18.day, 28))
                else:
                    barn_foedt = date(fom.year - rng.randint(0, 17), rng.randint(1, 12), rng.randint(1, 28))
                    if barn_foedt > tom:
                        barn_foedt = fom - timedelta(days=rng.randint(1, 300))
                barn: dict[str, Any] = {"foedselsdato": barn_foedt.isoformat()}
                if rng.random() < 0.1:  # forsørgerperiode som starter eller slutter i perioden
                    barn["fra_og_med" if rng.random() < 0.5 else "til_og_med"] = _dag_i(rng, fom, dager_i).isoformat()
                dok["barn"].append(barn)
        virkedager = [fom + timedelta(days=i) for i in range(dager_i + 1) if (fom + timedelta(days=i)).weekday() < 5]
        if virkedager:
            registreringer = min(len(virkedager), rng.choices([0, 1, 2, 3, 5, 8], weights=[35, 25, 15, 12, 8, 5])[0])
            if registreringer:
                dok["dager"] = []
                for dag in sorted(rng.sample(virkedager, registreringer)):
                    status = rng.choices([s for s, _ in STATUSER], weights=[w for _, w in STATUSER])[0]
                    reg: dict[str, Any] = {"dato": dag.isoformat(), "status": status}
                    if status == "UGYLDIG_FRAVAER" and rng.random() < 0.5:
                        reg["timer"] = str(rng.choice([1, 1.5, 2, 3, 3.75, 4, 5, 6]))
                    dok["dager"].append(reg)
            if rng.random() < 0.2:
                a_fom = rng.choice(virkedager)
                dok["arbeid"] = [
                    {
                        "fra_og_med": a_fom.isoformat(),
                        "til_og_med": (a_fom + timedelta(days=rng.randint(7, 90))).isoformat(),
                        "timer_per_uke": str(rng.choice([4, 5, 7.5, 8, 10, 12, 15, 18.75])),
                    }
                ]
            if rng.random() < 0.1:
                y_fom = rng.choice(virkedager)
                dok["ytelser"] = [
                    {
                        "type": rng.choice(["SYKEPENGER", "DAGPENGER", "FORELDREPENGER", "ANNEN"]),
                        "fra_og_med": y_fom.isoformat(),
                        "til_og_med": (y_fom + timedelta(days=rng.randint(3, 40))).isoformat(),
                        "dagsats": f"{rng.randint(10000, 120000) / 100:.2f}",
                    }
                ]
        batch.append(dok)
    return batch

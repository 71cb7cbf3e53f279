"""Måler KVP-tavla med 10 000 saker: servertid per visning og antall spørringer.

Kjøres med `make bench` (eller `python -m bench.tavle`). Bygger en egen SQLite-database i en
midlertidig mappe (eller bruker DATABASE_URL) og fyller den med bulk_create: tjenestene ville brukt
minutter på 10 000 saker, og riktigheten til tjenestene dekkes av testene. Henter /saker/tavle/ gjennom
Djangos testklient, altså hele mellomvare-, visning- og malkjeden uten nettverk. Resultatet legges til
som en ny rad i docs/benchmarks.md.
"""

import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.felles import legg_til_rad, maskin

ROT = Path(__file__).resolve().parent.parent
ANTALL_SAKER = 10_000
RUNDER = 30
MAAL_MS = 200.0
START = "<!-- bench:tavle start -->"
SLUTT = "<!-- bench:tavle slutt -->"


def _oppsett(mappe: str) -> None:
    sys.path.insert(0, str(ROT))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{mappe}/tavle.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)


def _fyll(antall: int) -> Any:
    from django.utils import timezone  # noqa: PLC0415

    from kvp.person import fnr as fnr_modul  # noqa: PLC0415
    from kvp.person.models import Person  # noqa: PLC0415
    from kvp.sak.models import AAPNE_STATUSER, Sak  # noqa: PLC0415
    from kvp.soeknad.models import Kanal, Soeknad  # noqa: PLC0415
    from kvp.tilgang.models import Kommune, Rolle  # noqa: PLC0415
    from kvp.tilgang.services import bruker_opprett, nav_kontor_opprett, rolle_tildel  # noqa: PLC0415

    kontor = nav_kontor_opprett(
        enhetsnummer="1127", navn="NAV Randaberg-Kvitsøy", fylke="Rogaland", kommuner=[("1127", "Randaberg")]
    )
    kommune = Kommune.objects.get(nummer="1127")
    veiledere = []
    for n in range(5):
        b = bruker_opprett(brukernavn=f"kvp{n}", fornavn="KVP", etternavn=f"Veileder {n}")
        rolle_tildel(bruker=b, rolle=Rolle.KVP_VEILEDER, kontor=kontor)
        veiledere.append(b)
    i_dag = timezone.localdate()
    personer: list[Any] = []
    individ, dag = 0, 0
    while len(personer) < antall:
        individ += 1
        if individ > 499:
            individ, dag = 1, dag + 1
        fdato = dt.date(1970, 1, 1) + dt.timedelta(days=dag)
        nummer = fnr_modul.lag_syntetisk(fdato, individ)
        if nummer:
            personer.append(
                Person(
                    foedselsnummer=nummer,
                    foedselsdato=fdato,
                    fornavn=f"Person{len(personer)}",
                    etternavn="Bench",
                    kommune=kommune,
                    kontor=kontor,
                )
            )
    Person.objects.bulk_create(personer, batch_size=1000)
    soeknader = [
        Soeknad(
            person=p,
            kontor=kontor,
            mottatt_dato=i_dag - dt.timedelta(days=i % 40),
            kanal=Kanal.PAPIR,
            registrert_av=veiledere[0],
        )
        for i, p in enumerate(personer)
    ]
    Soeknad.objects.bulk_create(soeknader, batch_size=1000)
    saker = [
        Sak(
            soeknad=s,
            person=s.person,
            kontor=kontor,
            mottatt_dato=s.mottatt_dato,
            status=AAPNE_STATUSER[i % len(AAPNE_STATUSER)],
            saksbehandler=None if i % 4 == 0 else veiledere[i % len(veiledere)],
        )
        for i, s in enumerate(soeknader)
    ]
    Sak.objects.bulk_create(saker, batch_size=1000)
    return veiledere[0]


def maal(antall: int = ANTALL_SAKER, runder: int = RUNDER) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as mappe:
        _oppsett(mappe)
        from django.db import connection  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415
        from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

        bruker = _fyll(antall)
        klient = Client()
        klient.force_login(bruker)
        resultat: dict[str, Any] = {"database": connection.vendor}
        for navn, url in (("alle", "/saker/tavle/"), ("filter", f"/saker/tavle/?saksbehandler={bruker.pk}")):
            klient.get(url)  # varm opp maler og forbindelse
            tider = []
            for _ in range(runder):
                t0 = time.perf_counter()
                svar = klient.get(url)
                tider.append((time.perf_counter() - t0) * 1000)
                assert svar.status_code == 200
            with CaptureQueriesContext(connection) as sporringer:
                klient.get(url)
            resultat[navn] = {
                "median": statistics.median(tider),
                "p95": sorted(tider)[int(len(tider) * 0.95) - 1],
                "sporringer": len(sporringer),
            }
        connection.close()
        return resultat


def rad(r: dict[str, Any]) -> str:
    dato = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    a, f = r["alle"], r["filter"]
    ok = "ja" if a["median"] < MAAL_MS and f["median"] < MAAL_MS else "nei"
    return (
        f"| {dato} | {maskin()} | {r['database']} | {a['median']:.1f} ms (p95 {a['p95']:.1f}) | "
        f"{f['median']:.1f} ms (p95 {f['p95']:.1f}) | {a['sporringer']} / {f['sporringer']} | {ok} |"
    )


HODE = f"""{START}
## KVP-tavla med {ANTALL_SAKER:_} saker (`bench/tavle.py`)

Servertid for `GET /saker/tavle/` gjennom Djangos testklient (mellomvare, visning og mal; uten nettverk),
median og 95-persentil av {RUNDER} kall etter én oppvarming. Saker fordelt likt på de tre åpne kolonnene, en
firedel uten saksbehandler; tavla viser høyst 50 kort per kolonne og teller resten. «Filter» er tavla for én
saksbehandler.
Mål: under {MAAL_MS:.0f} ms. Hver kjøring av `make bench` legger til en rad.

| Dato | Maskin | Database | Hele tavla | Filter på saksbehandler | Spørringer | Under målet |
| --- | --- | --- | --- | --- | --- | --- |
""".replace("_", " ", 1)


def oppdater_dokument(ny_rad: str) -> None:
    legg_til_rad(start=START, slutt=SLUTT, hode=HODE, ny_rad=ny_rad)


def main() -> None:
    resultat = maal()
    linje = rad(resultat)
    oppdater_dokument(linje)
    print(linje)
    if resultat["alle"]["median"] >= MAAL_MS:
        print(f"Tavla bruker mer enn {MAAL_MS:.0f} ms.", file=sys.stderr)


if __name__ == "__main__":
    main()

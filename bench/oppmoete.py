"""Måler samlet registrering av en måneds oppmøte for 100 deltakere, stønaden for dem, og kalendersiden.

Kjøres med `make bench` (eller `python -m bench.oppmoete`). Bygger en egen SQLite-database i en midlertidig mappe
(eller bruker DATABASE_URL). Personer, søknader og saker i program lages med bulk_create (som i `bench/tavle.py`);
selve registreringen går gjennom tjenesten `oppmoete_registrer_mange`, med validering, helligdager og revisjonslogg.
Resultatet legges til som en ny rad i docs/benchmarks.md.
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
ANTALL = 100
MAANEDER = list(range(2, 12))  # februar–november 2025: én runde per måned, så hver runde skriver nye rader
MAAL_MS = 1000.0
START = "<!-- bench:oppmoete start -->"
SLUTT = "<!-- bench:oppmoete slutt -->"


def _oppsett(mappe: str) -> None:
    sys.path.insert(0, str(ROT))
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{mappe}/oppmoete.sqlite3")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)


def _fyll(antall: int) -> tuple[Any, list[Any]]:
    from kvp.person import fnr as fnr_modul  # noqa: PLC0415
    from kvp.person.models import Person  # noqa: PLC0415
    from kvp.sak.models import Sak, Status  # noqa: PLC0415
    from kvp.soeknad.models import Kanal, Soeknad  # noqa: PLC0415
    from kvp.tilgang.models import Kommune, Rolle  # noqa: PLC0415
    from kvp.tilgang.services import bruker_opprett, nav_kontor_opprett, rolle_tildel  # noqa: PLC0415

    kontor = nav_kontor_opprett(
        enhetsnummer="1127", navn="NAV Randaberg-Kvitsøy", fylke="Rogaland", kommuner=[("1127", "Randaberg")]
    )
    kommune = Kommune.objects.get(nummer="1127")
    veileder = bruker_opprett(brukernavn="kvp", fornavn="KVP", etternavn="Veileder")
    rolle_tildel(bruker=veileder, rolle=Rolle.KVP_VEILEDER, kontor=kontor)
    personer: list[Any] = []
    individ = 0
    while len(personer) < antall:
        individ += 1
        fdato = dt.date(1985, 1, 1) + dt.timedelta(days=len(personer) * 97)
        nummer = fnr_modul.lag_syntetisk(fdato, individ)
        if nummer:
            personer.append(
                Person(
                    foedselsnummer=nummer,
                    foedselsdato=fdato,
                    fornavn=f"Deltaker{len(personer)}",
                    etternavn="Bench",
                    kommune=kommune,
                    kontor=kontor,
                )
            )
    Person.objects.bulk_create(personer)
    soeknader = Soeknad.objects.bulk_create(
        [
            Soeknad(
                person=p, kontor=kontor, mottatt_dato=dt.date(2024, 11, 1), kanal=Kanal.PAPIR, registrert_av=veileder
            )
            for p in personer
        ]
    )
    saker = Sak.objects.bulk_create(
        [
            Sak(
                soeknad=s,
                person=s.person,
                kontor=kontor,
                mottatt_dato=s.mottatt_dato,
                status=Status.I_PROGRAM,
                saksbehandler=veileder,
                vedtak_dato=dt.date(2024, 12, 15),
                begynt_dato=dt.date(2025, 1, 6),
                program_fra_og_med=dt.date(2025, 1, 6),
                program_til_og_med=dt.date(2026, 1, 5),
            )
            for s in soeknader
        ]
    )
    return veileder, [Sak.objects.select_related("person__kommune").get(pk=s.pk) for s in saker]


def _maaned(saker: list[Any], maaned: int) -> dict[Any, dict[dt.date, str]]:
    """Per deltaker: to sykedager, én dag ugyldig fravær, to feriedager og én dag permisjon, spredt over måneden."""
    from kvp.oppmoete.kalender import helligdager, virkedager  # noqa: PLC0415

    fra = dt.date(2025, maaned, 1)
    til = (fra + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    hellig = helligdager(fra, til)
    dager = [d for d in virkedager(fra, til) if d not in hellig]
    registreringer = {}
    for i, sak in enumerate(saker):
        valgt = [dager[(i + k * 3) % len(dager)] for k in range(6)]
        statuser = ["GYLDIG_FRAVAER", "GYLDIG_FRAVAER", "UGYLDIG_FRAVAER", "FERIE", "FERIE", "PERMISJON_MED_STOENAD"]
        registreringer[sak.pk] = dict(zip(valgt, statuser, strict=True))
    return registreringer


def maal(antall: int = ANTALL) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as mappe:
        _oppsett(mappe)
        from django.db import connection  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415
        from django.test.utils import CaptureQueriesContext  # noqa: PLC0415

        from kvp.oppmoete.grunnlag import beregn, grunnlag_for_saker  # noqa: PLC0415
        from kvp.oppmoete.services import oppmoete_registrer_mange  # noqa: PLC0415

        veileder, saker = _fyll(antall)
        registrering, beregning, sporringer, rader = [], [], [], 0
        for maaned in MAANEDER:
            data = _maaned(saker, maaned)
            with CaptureQueriesContext(connection) as fanget:
                t0 = time.perf_counter()
                rader = oppmoete_registrer_mange(bruker=veileder, aar=2025, maaned=maaned, registreringer=data)
                registrering.append((time.perf_counter() - t0) * 1000)
            sporringer.append(len(fanget.captured_queries))
            t0 = time.perf_counter()
            resultater = [beregn(d) for d in grunnlag_for_saker(saker, 2025, maaned).values()]
            beregning.append((time.perf_counter() - t0) * 1000)
            assert len(resultater) == antall
        klient = Client()
        klient.force_login(veileder)
        url = f"/oppmoete/{saker[0].pk}/?maaned=2025-04"
        klient.get(url)
        side = []
        for _ in range(20):
            t0 = time.perf_counter()
            svar = klient.get(url)
            side.append((time.perf_counter() - t0) * 1000)
            assert svar.status_code == 200
        return {
            "database": connection.vendor,
            "registrering": registrering,
            "beregning": beregning,
            "side": side,
            "sporringer": max(sporringer),
            "rader": rader,
        }


def _ms(tider: list[float]) -> str:
    return f"{statistics.median(tider):.0f} ms (maks {max(tider):.0f})"


def rad(resultat: dict[str, Any]) -> str:
    naa = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    under = "ja" if statistics.median(resultat["registrering"]) < MAAL_MS else "nei"
    return (
        f"| {naa} | {maskin()} | {resultat['database']} | {_ms(resultat['registrering'])} | "
        f"{resultat['sporringer']} | {_ms(resultat['beregning'])} | {_ms(resultat['side'])} | {under} |"
    )


HODE = f"""{START}
## Oppmøte for {ANTALL} deltakere (`bench/oppmoete.py`)

Samlet registrering av en måned for {ANTALL} deltakere i program gjennom `oppmoete_registrer_mange` (validering,
helligdager og ferierett sjekket, én linje i revisjonsloggen per deltaker): seks registrerte dager per deltaker (to
sykedager, én dag ugyldig fravær, to feriedager, én dag permisjon), én runde per måned februar–november 2025
(median og maks av {len(MAANEDER)}).
«Stønad» er `grunnlag_for_saker` + `beregn` for de samme {ANTALL} deltakerne og måneden. «Kalender» er servertiden for
`GET /oppmoete/<sak>/` gjennom Djangos testklient (median og maks av 20). Mål: registreringen under {MAAL_MS:.0f} ms.
Hver kjøring av `make bench` legger til en rad.

| Dato | Maskin | Database | Registrering | Spørringer | Stønad for alle | Kalender | Under målet |
| --- | --- | --- | --- | --- | --- | --- | --- |
"""


def oppdater_dokument(ny_rad: str) -> None:
    legg_til_rad(start=START, slutt=SLUTT, hode=HODE, ny_rad=ny_rad)


def main() -> None:
    resultat = maal()
    linje = rad(resultat)
    oppdater_dokument(linje)
    print(linje)
    if statistics.median(resultat["registrering"]) >= MAAL_MS:
        print(f"Registreringen bruker mer enn {MAAL_MS:.0f} ms.", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Måler utbetalingsrunden for 10 000 deltakere (en måned for hele landet) på PostgreSQL, ende til ende.

Kjøres med `make bench` (eller `python -m bench.utbetaling`). Lager en egen database (`kvp_bench_utbetaling`) på
PostgreSQL-tjeneren i `BENCH_POSTGRES_URL` (standard postgres://postgres@127.0.0.1:5432/postgres), fyller den med
bulk_create (10 000 saker i program med attestert måned, noen fraværsdager, barn og mottakere) og måler
`utbetalingsrunde_kjoer` (lese, beregne, lagre) pluss regnskapsfilen og betalingsfilen (eksport). Databasen slettes
etterpå. Toppforbruket av minne er prosessens største RSS (`resource.getrusage`), altså også med utfyllingen.
Resultatet legges til som en ny rad i docs/benchmarks.md.
"""

import datetime as dt
import os
import resource
import sys
import time
from pathlib import Path
from typing import Any

from bench.felles import legg_til_rad, maskin

ROT = Path(__file__).resolve().parent.parent
ANTALL = 10_000
MAAL_S = 60.0
MAAL_MB = 1024.0
DATABASE = "kvp_bench_utbetaling"
START = "<!-- bench:utbetaling start -->"
SLUTT = "<!-- bench:utbetaling slutt -->"


def _tjener() -> str:
    return os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _lag_database() -> str:
    import psycopg  # noqa: PLC0415

    tjener = _tjener()
    with psycopg.connect(tjener, autocommit=True) as forbindelse:
        forbindelse.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        forbindelse.execute(f"CREATE DATABASE {DATABASE}")
    return tjener.rsplit("/", 1)[0] + "/" + DATABASE


def _slett_database() -> None:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(_tjener(), autocommit=True) as forbindelse:
        forbindelse.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _oppsett(url: str) -> None:
    sys.path.insert(0, str(ROT))
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)


def _fyll(antall: int, aar: int, maaned: int) -> None:
    from decimal import Decimal  # noqa: PLC0415

    from django.utils import timezone  # noqa: PLC0415

    from kvp.oppmoete.models import Dagstatus, Maanedsattestering, Oppmoete  # noqa: PLC0415
    from kvp.person import fnr as fnr_modul  # noqa: PLC0415
    from kvp.person.models import Barn, Forsoergerperiode, Person  # noqa: PLC0415
    from kvp.sak.models import Sak, Status  # noqa: PLC0415
    from kvp.soeknad.models import Kanal, Soeknad  # noqa: PLC0415
    from kvp.tilgang.models import Kommune, Rolle  # noqa: PLC0415
    from kvp.tilgang.services import bruker_opprett, nav_kontor_opprett, rolle_tildel  # noqa: PLC0415
    from kvp.utbetaling.models import Mottaker, Utbetalingsoppsett  # noqa: PLC0415

    kontor = nav_kontor_opprett(enhetsnummer="3401", navn="NAV Norge", fylke="Norge", kommuner=[("3401", "Norge")])
    kommune = Kommune.objects.get(nummer="3401")
    bruker = bruker_opprett(brukernavn="bench", fornavn="Bench", etternavn="Bruker")
    rolle_tildel(bruker=bruker, rolle=Rolle.OEKONOMI, kontor=kontor)
    Utbetalingsoppsett.objects.create(kommune=kommune, kontonummer="86011117947", endret_av=bruker)
    personer: list[Any] = []
    individ, dag = 0, 0
    while len(personer) < antall:
        individ += 1
        if individ > 499:
            individ, dag = 1, dag + 1
        fdato = dt.date(1970, 1, 1) + dt.timedelta(days=dag * 3)
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
    Person.objects.bulk_create(personer, batch_size=2000)
    soeknader = [
        Soeknad(person=p, kontor=kontor, mottatt_dato=dt.date(2024, 10, 1), kanal=Kanal.PAPIR, registrert_av=bruker)
        for p in personer
    ]
    Soeknad.objects.bulk_create(soeknader, batch_size=2000)
    saker = [
        Sak(
            soeknad=s,
            person=s.person,
            kontor=kontor,
            mottatt_dato=s.mottatt_dato,
            status=Status.I_PROGRAM,
            begynt_dato=dt.date(2025, 1, 6),
            program_fra_og_med=dt.date(2025, 1, 6),
            program_til_og_med=dt.date(2026, 1, 5),
        )
        for s in soeknader
    ]
    Sak.objects.bulk_create(saker, batch_size=2000)
    naa = timezone.now()
    Maanedsattestering.objects.bulk_create(
        [Maanedsattestering(sak=s, aar=aar, maaned=maaned, attestert_av=bruker, attestert=naa) for s in saker],
        batch_size=2000,
    )
    # Hver femte har en fraværsdag, hver tiende et barn; alle har kontonummer og skattetrekk.
    Oppmoete.objects.bulk_create(
        [
            Oppmoete(sak=s, dato=dt.date(aar, maaned, 12), status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=bruker)
            for s in saker[::5]
        ],
        batch_size=2000,
    )
    barn = [Barn(forelder=p, fornavn="Barn", foedselsdato=dt.date(2015, 6, 1)) for p in personer[::10]]
    Barn.objects.bulk_create(barn, batch_size=2000)
    Forsoergerperiode.objects.bulk_create(
        [Forsoergerperiode(barn=b, fra_og_med=dt.date(2015, 6, 1)) for b in barn],
        batch_size=2000,
    )
    Mottaker.objects.bulk_create(
        [
            Mottaker(person=p, kontonummer="12345678903", skattetrekk_prosent=Decimal(30), endret_av=bruker)
            for p in personer
        ],
        batch_size=2000,
    )


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def maal(antall: int = ANTALL) -> dict[str, Any]:
    url = _lag_database()
    try:
        _oppsett(url)
        from django.db import connection  # noqa: PLC0415

        from kvp.utbetaling import eksport  # noqa: PLC0415
        from kvp.utbetaling.models import Utbetaling, Utbetalingsrunde  # noqa: PLC0415
        from kvp.utbetaling.services import utbetalingsrunde_kjoer  # noqa: PLC0415

        _fyll(antall, 2025, 3)
        rss_foer = _rss_mb()
        t0 = time.perf_counter()
        from kvp.tilgang.models import Bruker  # noqa: PLC0415

        bruker = Bruker.objects.get(username="bench")
        runde = utbetalingsrunde_kjoer(bruker=bruker, kommune_nummer="3401", aar=2025, maaned=3, bitstoerrelse=1000)
        t1 = time.perf_counter()
        runde = Utbetalingsrunde.objects.select_related("kommune").get(pk=runde.pk)
        regnskap = eksport.lag_csv(runde)
        # Runden for mars 2025 har en passert utbetalingsdato; eksporten flytter den til i dag eller senere.
        runde.utbetalingsdato = max(runde.utbetalingsdato, dt.datetime.now(dt.UTC).date() + dt.timedelta(days=7))
        betaling = eksport.lag_pain001(runde)
        t2 = time.perf_counter()
        antall_utbetalt = Utbetaling.objects.filter(runde=runde).count()
        assert antall_utbetalt == antall, antall_utbetalt
        assert regnskap.count("\n") == antall + 1
        assert betaling.count(b"<CdtTrfTxInf>") == antall
        connection.close()
        return {
            "database": "postgresql",
            "antall": antall_utbetalt,
            "kjoering_s": t1 - t0,
            "eksport_s": t2 - t1,
            "totalt_s": t2 - t0,
            "rss_mb": _rss_mb(),
            "rss_foer_mb": rss_foer,
        }
    finally:
        _slett_database()


def rad(r: dict[str, Any]) -> str:
    dato = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    ok = "ja" if r["totalt_s"] < MAAL_S and r["rss_mb"] < MAAL_MB else "nei"
    return (
        f"| {dato} | {maskin()} | {r['database']} | {r['antall']} | {r['kjoering_s']:.1f} s | {r['eksport_s']:.1f} s |"
        f" {r['totalt_s']:.1f} s | {r['rss_mb']:.0f} MB (før runden {r['rss_foer_mb']:.0f} MB) | {ok} |"
    )


HODE = f"""{START}
## Utbetalingsrunden for {ANTALL:_} deltakere (`bench/utbetaling.py`)

En hel månedsrunde på PostgreSQL, ende til ende: lese grunnlaget, beregne med `kvp_regler`, lagre beregninger,
utbetalinger og poster (i biter på 1 000, hver bit sin transaksjon), og lage regnskapsfilen (CSV) og
betalingsfilen (pain.001). Hver femte deltaker har en dag ugyldig fravær, hver tiende et barn. Minne er prosessens
største RSS, også med utfyllingen av databasen.
Mål: under {MAAL_S:.0f} s og under {MAAL_MB:.0f} MB. Hver kjøring av `make bench` legger til en rad.

| Dato | Maskin | Database | Deltakere | Runden | Eksport | Totalt | Største RSS | Under målet |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
""".replace("_", " ", 1)


def oppdater_dokument(ny_rad: str) -> None:
    legg_til_rad(start=START, slutt=SLUTT, hode=HODE, ny_rad=ny_rad)


def main() -> None:
    resultat = maal()
    linje = rad(resultat)
    oppdater_dokument(linje)
    print(linje)
    if resultat["totalt_s"] >= MAAL_S or resultat["rss_mb"] >= MAAL_MB:
        print("Utbetalingsrunden er over målet.", file=sys.stderr)


if __name__ == "__main__":
    main()

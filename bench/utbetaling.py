"""Måler utbetalingsrunden på PostgreSQL, ende til ende, for et gitt antall deltakere (skaleringskurven).

Kjøres med `make bench` (1 000 og 10 000 deltakere) eller `python -m bench.utbetaling 1000 10000 100000`. Lager en egen
database (`kvp_bench_utbetaling`, eller navnet i `BENCH_UTBETALING_DB`) på PostgreSQL-tjeneren i `BENCH_POSTGRES_URL`
(standard postgres://postgres@127.0.0.1:5432/postgres), fyller den i biter på 5 000 med bulk_create (saker i program
med attestert måned, noen fraværsdager, barn og mottakere) og måler i en egen prosess (så minnet er rundens, ikke
utfyllingens):

* simuleringen (`utbetalingsrunde_kjoer`: lese, beregne, lagre i biter),
* godkjenningen (`utbetalingsrunde_godkjenn`, av en annen i økonomi) og eksporten (`utbetalingsrunde_eksporter`),
* regnskapsfilen (CSV) og betalingsfilen (pain.001) med lesingene i revisjonsloggen, som nedlastingene gjør.

Veggtid og CPU-tid (målprosessens egen, ikke databasetjenerens), antall SQL-setninger (uten COPY, som går utenom
Djangos markør), største RSS i målprosessen og lastsnittet. Resultatet legges til som en ny rad per størrelse i
docs/benchmarks.md (ikke med `--ikke-skriv`). `--profil FIL` lagrer en cProfile-profil av målingen (CPU-tid som
klokke) i FIL; `--gjenbruk` beholder den utfylte databasen som mal og kopierer den neste gang (for å måle flere ganger
uten å fylle ut på nytt; malen må slettes for hånd).
"""

import argparse
import cProfile
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.felles import legg_til_rad, maskin

ROT = Path(__file__).resolve().parent.parent
STOERRELSER = (1_000, 10_000)
MAAL_MS_PER_DELTAKER = 1.0  # 10 000 under 10 s, 100 000 under 100 s
MAAL_MB = 500.0
UTFYLLINGSBIT = 5_000
DATABASE = os.environ.get("BENCH_UTBETALING_DB", "kvp_bench_utbetaling")
START = "<!-- bench:utbetaling start -->"
SLUTT = "<!-- bench:utbetaling slutt -->"


def _tjener() -> str:
    return os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _navn(tillegg: str = "") -> Any:
    from psycopg import sql  # noqa: PLC0415

    return sql.Identifier(DATABASE + tillegg)


def _mal(antall: int) -> str:
    """Navnet på den utfylte malen `--gjenbruk` lager og kopierer (én per antall deltakere)."""
    return f"_mal_{antall}"


def _lag_database(antall: int | None = None) -> tuple[str, bool]:
    """Lager måledatabasen, tom, eller som kopi av en utfylt mal (`--gjenbruk`, når malen finnes). Gir adressen og
    om den allerede er utfylt."""
    import psycopg  # noqa: PLC0415
    from psycopg import sql  # noqa: PLC0415

    tjener = _tjener()
    utfylt = False
    with psycopg.connect(tjener, autocommit=True) as forbindelse:
        forbindelse.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(_navn()))
        if antall is not None:
            utfylt = (
                forbindelse.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE + _mal(antall)]
                ).fetchone()
                is not None
            )
        if utfylt:
            forbindelse.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(_navn(), _navn(_mal(antall or 0))))
        else:
            forbindelse.execute(sql.SQL("CREATE DATABASE {}").format(_navn()))
    return tjener.rsplit("/", 1)[0] + "/" + DATABASE, utfylt


def _lag_mal(antall: int) -> None:
    import psycopg  # noqa: PLC0415
    from psycopg import sql  # noqa: PLC0415

    with psycopg.connect(_tjener(), autocommit=True) as forbindelse:
        forbindelse.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(_navn(_mal(antall)), _navn()))


def _slett_database() -> None:
    import psycopg  # noqa: PLC0415
    from psycopg import sql  # noqa: PLC0415

    with psycopg.connect(_tjener(), autocommit=True) as forbindelse:
        forbindelse.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(_navn()))


def _oppsett(url: str, *, migrer: bool = True) -> None:
    sys.path.insert(0, str(ROT))
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django  # noqa: PLC0415

    django.setup()
    if migrer:
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
    godkjenner = bruker_opprett(brukernavn="bench2", fornavn="Bench", etternavn="Godkjenner")
    rolle_tildel(bruker=godkjenner, rolle=Rolle.OEKONOMI, kontor=kontor)
    Utbetalingsoppsett.objects.create(kommune=kommune, kontonummer="86011117947", endret_av=bruker)
    naa = timezone.now()

    def lagre(personer: list[Any]) -> None:
        Person.objects.bulk_create(personer)
        soeknader = [
            Soeknad(person=p, kontor=kontor, mottatt_dato=dt.date(2024, 10, 1), kanal=Kanal.PAPIR, registrert_av=bruker)
            for p in personer
        ]
        Soeknad.objects.bulk_create(soeknader)
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
        Sak.objects.bulk_create(saker)
        Maanedsattestering.objects.bulk_create(
            [Maanedsattestering(sak=s, aar=aar, maaned=maaned, attestert_av=bruker, attestert=naa) for s in saker]
        )
        # Hver femte har en fraværsdag, hver tiende et barn; alle har kontonummer og skattetrekk.
        Oppmoete.objects.bulk_create(
            [
                Oppmoete(sak=s, dato=dt.date(aar, maaned, 12), status=Dagstatus.UGYLDIG_FRAVAER, registrert_av=bruker)
                for s in saker[::5]
            ]
        )
        barn = [Barn(forelder=p, fornavn="Barn", foedselsdato=dt.date(2015, 6, 1)) for p in personer[::10]]
        Barn.objects.bulk_create(barn)
        Forsoergerperiode.objects.bulk_create([Forsoergerperiode(barn=b, fra_og_med=dt.date(2015, 6, 1)) for b in barn])
        Mottaker.objects.bulk_create(
            [
                Mottaker(person=p, kontonummer="12345678903", skattetrekk_prosent=Decimal(30), endret_av=bruker)
                for p in personer
            ]
        )

    personer: list[Any] = []
    laget, individ, dag = 0, 0, 0
    while laget < antall:
        individ += 1
        if individ > 499:
            individ, dag = 1, dag + 1
        fdato = dt.date(1970, 1, 1) + dt.timedelta(days=dag * 3)
        nummer = fnr_modul.lag_syntetisk(fdato, individ)
        if nummer:
            laget += 1
            personer.append(
                Person(
                    foedselsnummer=nummer,
                    foedselsdato=fdato,
                    fornavn=f"Person{laget}",
                    etternavn="Bench",
                    kommune=kommune,
                    kontor=kontor,
                )
            )
        if len(personer) == UTFYLLINGSBIT or (laget == antall and personer):
            lagre(personer)
            personer = []


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_s() -> float:
    bruk = resource.getrusage(resource.RUSAGE_SELF)
    return bruk.ru_utime + bruk.ru_stime


def _maal_i_prosessen(url: str, antall: int, bitstoerrelse: int, profil: str | None = None) -> dict[str, Any]:
    """Selve målingen, i en egen prosess etter utfyllingen (`--maal`): største RSS er rundens."""
    _oppsett(url, migrer=False)
    from django.db import connection  # noqa: PLC0415

    from kvp.felles.services import lesing_registrer  # noqa: PLC0415
    from kvp.tilgang.models import Bruker  # noqa: PLC0415
    from kvp.utbetaling import eksport  # noqa: PLC0415
    from kvp.utbetaling.models import Utbetaling, Utbetalingsrunde  # noqa: PLC0415
    from kvp.utbetaling.services import (  # noqa: PLC0415
        utbetalingsrunde_eksporter,
        utbetalingsrunde_godkjenn,
        utbetalingsrunde_kjoer,
    )

    spoerringer = [0]

    def tell(utfoer: Any, sql: str, params: Any, many: bool, kontekst: Any) -> Any:
        spoerringer[0] += 1
        return utfoer(sql, params, many, kontekst)

    bruker = Bruker.objects.get(username="bench")
    godkjenner = Bruker.objects.get(username="bench2")
    rss_foer = _rss_mb()
    profilering = cProfile.Profile(_cpu_s) if profil else None
    if profilering is not None:
        profilering.enable()
    with connection.execute_wrapper(tell):
        c0, t0 = _cpu_s(), time.perf_counter()
        runde = utbetalingsrunde_kjoer(
            bruker=bruker, kommune_nummer="3401", aar=2025, maaned=3, bitstoerrelse=bitstoerrelse
        )
        c1, t1 = _cpu_s(), time.perf_counter()
        spoerringer_simulering = spoerringer[0]
        # Runden for mars 2025 har en passert utbetalingsdato; godkjenningen flytter den til første bankdag fra i dag.
        utbetalingsrunde_godkjenn(bruker=godkjenner, runde_id=runde.pk)
        utbetalingsrunde_eksporter(bruker=godkjenner, runde_id=runde.pk)
        t2 = time.perf_counter()
        runde = Utbetalingsrunde.objects.select_related("kommune").get(pk=runde.pk)
        # Som nedlastingene: én lesing i revisjonsloggen per person i filen.
        lesing_registrer(
            bruker=godkjenner,
            personer=eksport.personer_i_regnskap(runde),
            formaal="Regnskapsfil lastet ned",
            objekttype="regnskapsfil",
            objekt_id=str(runde.pk),
        )
        regnskap = eksport.lag_csv(runde)
        betaling = eksport.lag_pain001(runde)
        lesing_registrer(
            bruker=godkjenner,
            personer=eksport.personer_i_pain001(runde),
            formaal="Betalingsfil (pain.001) lastet ned",
            objekttype="betalingsfil",
            objekt_id=str(runde.pk),
        )
        c3, t3 = _cpu_s(), time.perf_counter()
    if profilering is not None and profil:
        profilering.disable()
        profilering.dump_stats(profil)
    antall_utbetalt = Utbetaling.objects.filter(runde=runde).count()
    assert antall_utbetalt == antall, antall_utbetalt
    assert regnskap.count("\n") == antall + 1
    assert betaling.count(b"<CdtTrfTxInf>") == antall
    connection.close()
    return {
        "database": "postgresql",
        "antall": antall_utbetalt,
        "bitstoerrelse": bitstoerrelse,
        "simulering_s": t1 - t0,
        "godkjenning_s": t2 - t1,
        "filer_s": t3 - t2,
        "totalt_s": t3 - t0,
        "cpu_s": c3 - c0,
        "simulering_cpu_s": c1 - c0,
        "spoerringer": spoerringer[0],
        "spoerringer_simulering": spoerringer_simulering,
        "rss_mb": _rss_mb(),
        "rss_foer_mb": rss_foer,
        "last": os.getloadavg()[0],
    }


def maal(
    antall: int, bitstoerrelse: int = 1000, *, gjenbruk: bool = False, profil: str | None = None
) -> dict[str, Any]:
    url, utfylt = _lag_database(antall if gjenbruk else None)
    try:
        if not utfylt:
            _oppsett(url)
            from django.db import connection  # noqa: PLC0415

            t0 = time.perf_counter()
            _fyll(antall, 2025, 3)
            print(f"{antall} deltakere fylt ut på {time.perf_counter() - t0:.0f} s", file=sys.stderr)
            connection.close()
            if gjenbruk:
                _lag_mal(antall)
        svar = subprocess.run(  # noqa: S603 - fast kommando, ingen brukerinndata
            [
                sys.executable,
                "-m",
                "bench.utbetaling",
                "--maal",
                url,
                "--bitstoerrelse",
                str(bitstoerrelse),
                *(["--profil", profil] if profil else []),
                str(antall),
            ],
            cwd=ROT,
            capture_output=True,
            text=True,
            check=True,
        )
        resultat: dict[str, Any] = json.loads(svar.stdout.strip().splitlines()[-1])
        return resultat
    finally:
        _slett_database()


def under_maalet(r: dict[str, Any]) -> bool:
    return bool(r["totalt_s"] < r["antall"] * MAAL_MS_PER_DELTAKER / 1000 and r["rss_mb"] < MAAL_MB)


def rad(r: dict[str, Any]) -> str:
    dato = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    ok = "ja" if under_maalet(r) else "nei"
    return (
        f"| {dato} | {maskin()}, last {r['last']:.1f} | {r['antall']} | {r['simulering_s']:.1f} s "
        f"(CPU {r['simulering_cpu_s']:.1f} s, {r['spoerringer_simulering']} spørringer) | {r['godkjenning_s']:.1f} s | "
        f"{r['filer_s']:.1f} s | {r['totalt_s']:.1f} s | {r['cpu_s']:.1f} s | {r['spoerringer']} | "
        f"{r['rss_mb']:.0f} MB (før runden {r['rss_foer_mb']:.0f} MB) | {ok} |"
    )


HODE = f"""{START}
## Utbetalingsrunden for hele landet: 1 000, 10 000 og 100 000 deltakere (`bench/utbetaling.py`)

En hel månedsrunde på PostgreSQL, ende til ende, for én kommune med alle deltakerne: simulere (lese grunnlaget,
beregne med `kvp_regler`, lagre beregninger, utbetalinger og poster med `COPY`, i biter på 1 000, hver bit sin
transaksjon), godkjenne og eksportere (en annen i økonomi), og lage regnskapsfilen (CSV) og betalingsfilen (pain.001)
med én lesing per person i revisjonsloggen. Hver femte deltaker har en dag ugyldig fravær, hver tiende et barn.
Målt i en egen prosess etter utfyllingen: CPU er målprosessens (ikke databasetjenerens), RSS er målprosessens
største, «last» er lastsnittet (1 min) etter målingen (maskinen deles; med last over 2 på 2 kjerner er veggtiden
flere ganger CPU-tiden). Mål: 1 ms per deltaker (10 000 under 10 s, 100 000 under 100 s) og under {MAAL_MB:.0f} MB.
`make bench` måler 1 000 og 10 000; 100 000 med `python -m bench.utbetaling 100000` (tar minutter).

| Dato | Maskin | Deltakere | Simulering | Godkjenning | Filer | Totalt | CPU | Spørringer | Største RSS | Under målet |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
"""


def oppdater_dokument(ny_rad: str) -> None:
    legg_til_rad(start=START, slutt=SLUTT, hode=HODE, ny_rad=ny_rad)


def main(argumenter: list[str] | None = None) -> None:
    tolker = argparse.ArgumentParser(description="Utbetalingsrunden ende til ende på PostgreSQL.")
    tolker.add_argument("antall", nargs="*", type=int, default=list(STOERRELSER), help="antall deltakere")
    tolker.add_argument("--bitstoerrelse", type=int, default=1000)
    tolker.add_argument("--ikke-skriv", action="store_true", help="skriv ikke raden i docs/benchmarks.md")
    tolker.add_argument(
        "--gjenbruk",
        action="store_true",
        help="behold den utfylte databasen som mal (<database>_mal_<antall>) og kopier den neste gang",
    )
    tolker.add_argument("--profil", metavar="FIL", help="lagre en cProfile-profil (CPU-tid) av målingen i FIL")
    tolker.add_argument("--maal", metavar="DATABASE_URL", help=argparse.SUPPRESS)
    a = tolker.parse_args(argumenter)
    if a.maal:
        print(json.dumps(_maal_i_prosessen(a.maal, a.antall[0], a.bitstoerrelse, a.profil)))
        return
    for antall in a.antall:
        resultat = maal(antall, a.bitstoerrelse, gjenbruk=a.gjenbruk, profil=a.profil)
        linje = rad(resultat)
        if not a.ikke_skriv:
            oppdater_dokument(linje)
        print(linje)
        if not under_maalet(resultat):
            print(f"Utbetalingsrunden for {antall} deltakere er over målet.", file=sys.stderr)


if __name__ == "__main__":
    main()

"""Måler KOSTRA 11CF-filen og statistikksidene over 10 år og 20 kontorer (over 100 000 deltakerår) på PostgreSQL.

Kjøres med `make bench` (eller `python -m bench.statistikk`). Lager en egen database (`kvp_bench_statistikk`) på
PostgreSQL-tjeneren i `BENCH_POSTGRES_URL` (standard postgres://postgres@127.0.0.1:5432/postgres), fyller den med
`statistikkdata_lag` (samme generator som `manage.py statistikkdata`), og måler:

* filen for én kommune og fjoråret (uttrekk, skriving og alle 34 kontroller), median av 5, og for alle 20 kommunene;
* hver statistikkside gjennom Djangos testklient (mellomvare, visning, mal; uten nettverk): kontorets side for en
  leder og fylkets side for statsforvalteren (ti kontorer), med standardperioden (24 måneder) og med ti år,
  median av 20 kall etter én oppvarming.

Databasen slettes etterpå. Resultatet legges til som en ny rad i docs/benchmarks.md.

Valg for å måle igjen uten å fylle på nytt (fyllingen tar 10–25 minutter):

* `BENCH_STATISTIKK_DB` gir databasens navn (standard `kvp_bench_statistikk`), så flere kan måle på samme tjener;
* `--gjenbruk` bruker databasen om den finnes og har data (ellers lages og fylles den), og lar den stå etterpå;
* `--uten-rad` skriver bare resultatet ut, uten en ny rad i docs/benchmarks.md (for målinger på en travel maskin).
"""

import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from bench.felles import legg_til_rad, maskin

ROT = Path(__file__).resolve().parent.parent
STANDARD_DATABASE = "kvp_bench_statistikk"
MAAL_FIL_S = 10.0
MAAL_SIDE_MS = 500.0
RUNDER = 20
START = "<!-- bench:statistikk start -->"
SLUTT = "<!-- bench:statistikk slutt -->"


def _tjener() -> str:
    return os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def _dbnavn() -> str:
    navn = os.environ.get("BENCH_STATISTIKK_DB", STANDARD_DATABASE)
    if not navn.replace("_", "").isalnum() or not navn[0].isalpha():
        raise SystemExit(f"Ugyldig databasenavn i BENCH_STATISTIKK_DB: {navn!r} (bare bokstaver, tall og _).")
    return navn


def _url() -> str:
    return _tjener().rsplit("/", 1)[0] + "/" + _dbnavn()


def _database(handling: str) -> str:
    import psycopg  # noqa: PLC0415

    with psycopg.connect(_tjener(), autocommit=True) as forbindelse:
        forbindelse.execute(f"DROP DATABASE IF EXISTS {_dbnavn()} WITH (FORCE)")
        if handling == "lag":
            forbindelse.execute(f"CREATE DATABASE {_dbnavn()}")
    return _url()


def _fylt() -> bool:
    """Om databasen finnes og alt er fylt (har saker)."""
    import psycopg  # noqa: PLC0415

    with psycopg.connect(_tjener(), autocommit=True) as forbindelse:
        if not forbindelse.execute("SELECT 1 FROM pg_database WHERE datname = %s", [_dbnavn()]).fetchone():
            return False
    try:
        with psycopg.connect(_url()) as forbindelse:
            rad = forbindelse.execute("SELECT EXISTS (SELECT 1 FROM sak_sak)").fetchone()
    except psycopg.errors.UndefinedTable:
        return False
    return bool(rad and rad[0])


def _oppsett(url: str) -> None:
    sys.path.insert(0, str(ROT))
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    call_command("migrate", verbosity=0, interactive=False)


def _median_ms(klient: Any, url: str, runder: int = RUNDER, *, kald: bool = False) -> float:
    """Median servertid; med `kald` tømmes sidenes hurtigbuffer før hvert kall (tabellene bygges hver gang)."""
    from django.core.cache import caches  # noqa: PLC0415

    svar = klient.get(url)  # oppvarming
    assert svar.status_code == 200, (url, svar.status_code)
    tider = []
    for _ in range(runder):
        if kald:
            caches["statistikk"].clear()
        t0 = time.perf_counter()
        svar = klient.get(url)
        tider.append((time.perf_counter() - t0) * 1000)
    return statistics.median(tider)


def maal(*, gjenbruk: bool = False) -> dict[str, Any]:
    """`BENCH_STATISTIKK_URL` peker på en database som alt er fylt med `manage.py statistikkdata` (den brukes som den
    er og slettes ikke); med `gjenbruk` brukes databasen `BENCH_STATISTIKK_DB` om den alt er fylt, og står igjen
    etterpå; ellers lages og fylles en egen database."""
    ferdig = os.environ.get("BENCH_STATISTIKK_URL", "")
    if not ferdig and gjenbruk and _fylt():
        ferdig = _url()
        print(f"Bruker den fylte databasen {_dbnavn()} igjen.", flush=True)
    url = ferdig or _database("lag")
    try:
        _oppsett(url)
        from django.db import connection  # noqa: PLC0415
        from django.test import Client  # noqa: PLC0415
        from django.utils import timezone  # noqa: PLC0415

        from kvp.demo.statistikkdata import KONTORER, statistikkdata_lag  # noqa: PLC0415
        from kvp.sak.models import Sak  # noqa: PLC0415
        from kvp.statistikk import kostra  # noqa: PLC0415
        from kvp.statistikk.models import KostraOpplysninger  # noqa: PLC0415
        from kvp.tilgang.models import Bruker, NavKontor, Rolle, Rolletildeling  # noqa: PLC0415
        from kvp.utbetaling.models import Utbetaling  # noqa: PLC0415

        t0 = time.perf_counter()
        if not ferdig:
            statistikkdata_lag()
        with connection.cursor() as c:
            c.execute("ANALYZE")
        fylling = time.perf_counter() - t0
        # Sidene leser forhåndsberegnede månedstall (ADR 0017); generatoren bruker bulk_create uten signaler.
        from django.core.management import call_command  # noqa: PLC0415

        t0 = time.perf_counter()
        call_command("statistikk_tall", verbosity=0)
        maanedstall_s = time.perf_counter() - t0
        kommuner = [k for k, _, _ in KONTORER]
        deltakeraar = KostraOpplysninger.objects.filter(sak__person__kommune_id__in=kommuner).count()
        saker = Sak.objects.filter(person__kommune_id__in=kommuner).count()
        utbetalinger = Utbetaling.objects.filter(runde__kommune_id__in=kommuner).count()
        aar = timezone.localdate().year - 1
        kommune = KONTORER[0][0]
        tider, funn = [], 0
        for _ in range(5):
            t0 = time.perf_counter()
            uttrekk = kostra.uttrekk(kommune=kommune, aar=aar)
            _, rapport = uttrekk.kontroller()
            tider.append(time.perf_counter() - t0)
        poster = len(uttrekk.poster)
        t0 = time.perf_counter()
        alle_poster = 0
        for nummer, _navn, _fylke in KONTORER:
            u = kostra.uttrekk(kommune=nummer, aar=aar)
            _, r = u.kontroller()
            funn += len(r.feil)
            alle_poster += len(u.poster)
        alle = time.perf_counter() - t0
        funn += len(rapport.feil)

        leder, ny = Bruker.objects.get_or_create(username="bench-leder")
        if ny:
            kontor = NavKontor.objects.get(enhetsnummer=kommune)
            Rolletildeling.objects.create(bruker=leder, rolle=Rolle.LEDER, kontor=kontor)
        sf, ny = Bruker.objects.get_or_create(username="bench-sf")
        if ny:
            Rolletildeling.objects.create(bruker=sf, rolle=Rolle.STATSFORVALTER, fylke="Rogaland")
        ti_aar = f"?fra={aar - 8}-01&til={aar + 1}-{timezone.localdate().month:02d}"
        sider, kalde = {}, {}
        for navn, bruker, sti in (
            ("kontor", leder, "/statistikk/kontor/"),
            ("kontor_10_aar", leder, "/statistikk/kontor/" + ti_aar),
            ("fylke", sf, "/statistikk/fylke/"),
            ("fylke_10_aar", sf, "/statistikk/fylke/" + ti_aar),
        ):
            klient = Client()
            klient.force_login(bruker)
            sider[navn] = _median_ms(klient, sti)
            kalde[navn] = _median_ms(klient, sti, kald=True)
        connection.close()
        return {
            "deltakeraar": deltakeraar,
            "saker": saker,
            "utbetalinger": utbetalinger,
            "fylling_s": fylling,
            "maanedstall_s": maanedstall_s,
            "aar": aar,
            "poster": poster,
            "fil_s": statistics.median(tider),
            "alle_s": alle,
            "alle_poster": alle_poster,
            "feil": funn,
            "sider": sider,
            "kalde": kalde,
            "last": os.getloadavg()[0],
        }
    finally:
        if not ferdig and not gjenbruk:
            _database("slett")


def rad(r: dict[str, Any]) -> str:
    dato = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    s = r["sider"]
    ok = r["fil_s"] < MAAL_FIL_S and max(s.values()) < MAAL_SIDE_MS and r["feil"] == 0
    return (
        f"| {dato} | {maskin()}, last {r['last']:.1f} | {r['deltakeraar']} ({r['saker']} saker) | "
        f"{r['fil_s']:.2f} s ({r['poster']} poster) | {r['alle_s']:.1f} s ({r['alle_poster']} poster) | {r['feil']} | "
        f"{s['kontor']:.0f} / {s['kontor_10_aar']:.0f} ms | {s['fylke']:.0f} / {s['fylke_10_aar']:.0f} ms | "
        f"{'ja' if ok else 'nei'} |"
    )


HODE = f"""{START}
## KOSTRA 11CF og statistikksidene over 10 år og 20 kontorer (`bench/statistikk.py`)

PostgreSQL, fylt med `statistikkdata_lag` (som `manage.py statistikkdata`): 20 kontorer (ti i Rogaland, ti i
Vestland), 330 nye deltakere per kontor per år i ti år, varighet 4–30 måneder, barn, avslutningsvedtak, KOSTRA-
opplysninger og en utbetaling per deltaker og måned. «Fil» er uttrekk, skriving og alle 34 kontroller for én kommune
og fjoråret (median av 5); «Alle» er de 20 kommunene etter hverandre; «Feil» er funn med alvorlighet feil eller
avvist i disse filene (skal være 0). Sidene er servertid gjennom Djangos testklient, median av {RUNDER} kall:
standardperioden (24 måneder) / ti år. Kontoret er én leder; fylket er statsforvalteren i Rogaland (ti kontorer,
små tall skjult). Fra 26.11. kl. 10 leser sidene forhåndsberegnede månedstall per kontor (ADR 0017), beregnet med
`manage.py statistikk_tall` etter fyllingen (tiden skrives ut, ikke i tabellen); radene før det telte sakene direkte. Maskinen deles med andre prosesser mens det måles; «last» er lastsnittet (1 min) etter målingen, og med
last over 2 på 2 kjerner er tallene flere ganger høyere enn på en ledig maskin.
Fra 26.11. kl. 15 legger sidene tabellene og de ferdige diagrammene i et hurtigbuffer med hvilken beregning av
månedstallene som vises i nøkkelen (ADR 0017), så kallene i tabellen (samme side 20 ganger) treffer bufferet;
benchen skriver i tillegg ut tidene uten buffer (tabellene bygges ved hvert kall), som er det den første som ser
en periode etter nye tall venter. Utdaterte tall beregnes i en bakgrunnsjobb og ikke i forespørselen.
`BENCH_STATISTIKK_DB` velger databasen, `--gjenbruk` bruker en fylt database igjen (fyllingen tar 10–25 minutter), og
`--uten-rad` skriver bare ut resultatet (for målinger på en travel maskin).
Mål: filen under {MAAL_FIL_S:.0f} s, hver side under {MAAL_SIDE_MS:.0f} ms.

| Dato | Maskin | Deltakerår | Fil | Alle | Feil | Kontor | Fylke | Under målet |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
"""


def main(argv: list[str] | None = None) -> None:
    valg = sys.argv[1:] if argv is None else argv
    ukjente = [v for v in valg if v not in ("--gjenbruk", "--uten-rad")]
    if ukjente:
        raise SystemExit(f"Ukjent valg: {' '.join(ukjente)} (bruk --gjenbruk og/eller --uten-rad).")
    resultat = maal(gjenbruk="--gjenbruk" in valg)
    linje = rad(resultat)
    if "--uten-rad" not in valg:
        legg_til_rad(start=START, slutt=SLUTT, hode=HODE, ny_rad=linje)
    print(linje)
    print(f"Fylling: {resultat['fylling_s']:.0f} s, {resultat['utbetalinger']} utbetalinger")
    print(f"Månedstallene for alle kontorene (manage.py statistikk_tall): {resultat['maanedstall_s']:.0f} s")
    k = resultat["kalde"]
    print(
        "Sidene uten hurtigbuffer (tabellene bygges ved hvert kall, median av "
        f"{RUNDER}): kontor {k['kontor']:.0f} / {k['kontor_10_aar']:.0f} ms, "
        f"fylke {k['fylke']:.0f} / {k['fylke_10_aar']:.0f} ms (last {os.getloadavg()[0]:.1f})"
    )


if __name__ == "__main__":
    main()

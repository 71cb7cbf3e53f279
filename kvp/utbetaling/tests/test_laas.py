"""Utbetalingene i én kommune kjøres etter hverandre (lås på kommuneraden): to måneder samtidig, runde og
G-regulering samtidig, og prosesser som blir drept midt i. Aldri 500, ingen måned tapt og ingen betalt to ganger.

Testene bruker `transactional_db` og ekte tråder/prosesser mot databasen (PostgreSQL i CI, se `bash .ci/run`).
"""

import datetime as dt
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

from django.db import connections
from django.test import Client
from django.urls import reverse

from kvp.utbetaling.models import Posttype, Rundestatus, Utbetalingskorreksjon, Utbetalingspost, Utbetalingsrunde
from kvp.utbetaling.services import utbetalingsrunde_kjoer

from .test_kjoering import _database_url

ROT = Path(__file__).resolve().parents[3]


def _parallelt(*oppgaver: Any) -> list[Any]:
    """Kjører oppgavene i hver sin tråd, startet samtidig. Gir resultatene (eller unntaket) i samme rekkefølge."""
    start = threading.Barrier(len(oppgaver))
    resultater: list[Any] = [None] * len(oppgaver)

    def kjoer(nr: int) -> None:
        try:
            start.wait(timeout=10)
            resultater[nr] = oppgaver[nr]()
        except BaseException as e:
            resultater[nr] = e
        finally:
            connections.close_all()

    traader = [threading.Thread(target=kjoer, args=(nr,)) for nr in range(len(oppgaver))]
    for t in traader:
        t.start()
    for t in traader:
        t.join(timeout=180)
    return resultater


def _betalt_en_gang(forventet: set[tuple[Any, int, int]]) -> None:
    betalt = Counter(Utbetalingspost.objects.filter(type=Posttype.ORDINAER).values_list("sak_id", "aar", "maaned"))
    assert set(betalt) == forventet, "tapt eller uventet deltakermåned"
    assert all(antall == 1 for antall in betalt.values()), "deltakermåned betalt to ganger"


def test_to_maaneder_for_samme_kommune_samtidig_gir_ikke_500_og_betaler_hver_maaned_en_gang(
    transactional_db, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2
):
    saker = [lag_sak_i_program() for _ in range(8)]
    for sak in saker:
        attester(sak, 2025, 9)
        attester(sak, 2025, 10)

    def post(bruker: Any, maaned: int) -> Any:
        def kall() -> int:
            klient = Client(raise_request_exception=False)
            klient.force_login(bruker)
            svar = klient.post(reverse("utbetaling:kjoer"), {"kommune": "1127", "maaned": str(maaned), "aar": "2025"})
            return svar.status_code

        return kall

    for _ in range(2):  # to ganger: den andre gangen er begge rundene fullført fra før
        statuser = _parallelt(post(oekonomi_a, 9), post(oekonomi_a2, 10))
        assert statuser == [302, 302], statuser
    assert Utbetalingsrunde.objects.filter(ferdig=True).count() == 2
    _betalt_en_gang({(sak.pk, 2025, m) for sak in saker for m in (9, 10)})


def test_to_maaneder_samtidig_i_biter_med_korreksjoner_betaler_hver_deltakermaaned_en_gang(
    transactional_db, lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2
):
    saker = [lag_sak_i_program() for _ in range(6)]
    for sak in saker:
        attester(sak, 2025, 8)
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=8)
    Utbetalingsrunde.objects.filter(maaned=8).update(status=Rundestatus.GODKJENT)  # august er betalt
    for sak in saker:  # august korrigeres etter utbetalingen: begge kjøringene vil beregne korreksjonene
        registrer_ugyldig_fravaer(sak, dt.date(2025, 8, 4))
        attester(sak, 2025, 9)
        attester(sak, 2025, 10)

    def kjoer(bruker: Any, maaned: int) -> Any:
        return lambda: utbetalingsrunde_kjoer(
            bruker=bruker,
            kommune_nummer="1127",
            aar=2025,
            maaned=maaned,
            bitstoerrelse=1,
            etter_bit=lambda _antall: time.sleep(0.05),
        )

    resultater = _parallelt(kjoer(oekonomi_a, 9), kjoer(oekonomi_a2, 10))
    assert all(isinstance(r, Utbetalingsrunde) for r in resultater), resultater
    assert all(r.ferdig for r in resultater)
    _betalt_en_gang({(sak.pk, 2025, m) for sak in saker for m in (8, 9, 10)})
    assert Utbetalingskorreksjon.objects.count() == len(saker)  # én korreksjon per sak, ikke én per kjøring
    etterbetalt = Counter(Utbetalingspost.objects.filter(type=Posttype.ETTERBETALING).values_list("korreksjon_id"))
    assert all(antall == 1 for antall in etterbetalt.values())


def _kommando(*argumenter: str, pause: float = 0) -> "subprocess.Popen[str]":
    miljoe = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    miljoe["KVP_TEST_PAUSE_ETTER_BIT"] = str(pause)
    return subprocess.Popen(  # noqa: S603 - fast kommando, ingen brukerinndata
        [sys.executable, "manage.py", *argumenter],
        cwd=ROT,
        env=miljoe,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _runde(bruker: Any, maaned: int, *, bitstoerrelse: int, pause: float = 0) -> "subprocess.Popen[str]":
    return _kommando(
        "utbetalingsrunde_kjoer",
        "--bruker",
        bruker.username,
        "--kommune",
        "1127",
        "--aar",
        "2025",
        "--maaned",
        str(maaned),
        "--bitstoerrelse",
        str(bitstoerrelse),
        pause=pause,
    )


def _ferdig_uten_feil(prosess: "subprocess.Popen[str]") -> str:
    ut, feil = prosess.communicate(timeout=180)
    assert prosess.returncode == 0, feil
    assert "Traceback" not in feil, feil
    return ut


def test_drepte_og_samtidige_runder_og_g_regulering_mister_ingen_maaned_og_betaler_ingen_to_ganger(
    transactional_db, tmp_path, lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2
):
    saker = [lag_sak_i_program() for _ in range(6)]
    for sak in saker:
        for maaned in (8, 9, 10):
            attester(sak, 2025, maaned)
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=8)
    Utbetalingsrunde.objects.filter(maaned=8).update(status=Rundestatus.GODKJENT)  # august er betalt
    for sak in saker[:3]:  # august korrigeres etter utbetalingen: begge rundene vil beregne korreksjonene
        registrer_ugyldig_fravaer(sak, dt.date(2025, 8, 4))
    # Ny G fra 1. mai 2025: august (betalt) og alt som beregnes med den gamle G-en, reguleres.
    for fil in (ROT / "kvp_regler" / "parametere").glob("*.yaml"):
        tekst = fil.read_text(encoding="utf-8")
        if fil.name == "grunnbeloep.yaml":
            assert 'verdi: "130160"' in tekst
            tekst = tekst.replace('verdi: "130160"', 'verdi: "131000"')
        (tmp_path / fil.name).write_text(tekst, encoding="utf-8")
    g_regulering = ("grunnbeloep_reguler", "--kommune", "1127", "--parametermappe", str(tmp_path))

    september = _runde(oekonomi_a, 9, bitstoerrelse=2, pause=120)  # drepes etter første bit
    oktober = _runde(oekonomi_a2, 10, bitstoerrelse=1, pause=0.2)
    g, g2 = _kommando(*g_regulering), _kommando(*g_regulering)  # to G-reguleringer samtidig
    drept_g = _kommando(*g_regulering)
    try:
        frist = time.monotonic() + 90
        while Utbetalingspost.objects.filter(utbetaling__runde__maaned=9).count() < 2:
            assert september.poll() is None, september.stderr.read() if september.stderr else ""
            assert time.monotonic() < frist, "septemberrunden lagret aldri den første biten"
            time.sleep(0.1)
        os.kill(september.pid, signal.SIGKILL)
        os.kill(drept_g.pid, signal.SIGKILL)
        september.wait(timeout=30)
        drept_g.wait(timeout=30)
        _ferdig_uten_feil(oktober)
        regulert = [_ferdig_uten_feil(p) for p in (g, g2)]
        assert all("betalte måneder er beregnet på nytt med ny G" in ut for ut in regulert)
    finally:
        for p in (september, oktober, g, g2, drept_g):
            if p.poll() is None:
                p.kill()
    assert september.returncode == -signal.SIGKILL
    assert not Utbetalingsrunde.objects.get(maaned=9).ferdig

    # Septemberrunden fullføres og G-reguleringen kjøres igjen (nå for det som ble beregnet med gammel G i mellomtiden),
    # samtidig.
    september, g = _runde(oekonomi_a, 9, bitstoerrelse=1), _kommando(*g_regulering)
    _ferdig_uten_feil(september)
    _ferdig_uten_feil(g)
    assert "0 betalte måneder" in _ferdig_uten_feil(_kommando(*g_regulering))

    assert Utbetalingsrunde.objects.filter(ferdig=True).count() == 3
    _betalt_en_gang({(sak.pk, 2025, m) for sak in saker for m in (8, 9, 10)})
    # Ingen måned er regulert to ganger fra samme beregning, og ingen etterbetaling er betalt to ganger.
    fra = Counter(Utbetalingskorreksjon.objects.values_list("fra_beregning_id", flat=True))
    assert fra and all(antall == 1 for antall in fra.values())
    etterbetalt = Counter(
        Utbetalingspost.objects.filter(type=Posttype.ETTERBETALING).values_list("korreksjon_id", flat=True)
    )
    assert all(antall == 1 for antall in etterbetalt.values())


def test_en_kollisjon_i_databasen_gir_norsk_melding_og_400_ikke_500(
    client, monkeypatch, lag_sak_i_program, attester, oekonomi_a
):
    from django.db import IntegrityError

    from kvp.utbetaling.services import simulering

    def kolliderer(*args: Any, **kwargs: Any) -> int:
        raise IntegrityError('duplicate key value violates unique constraint "en_ordinaer_utbetaling_per_maaned"')

    monkeypatch.setattr(simulering, "beregn_bit", kolliderer)
    attester(lag_sak_i_program(), 2025, 9)
    client.force_login(oekonomi_a)
    svar = client.post(reverse("utbetaling:kjoer"), {"kommune": "1127", "maaned": "9", "aar": "2025"})
    assert svar.status_code == 400
    assert "En annen utbetalingsoperasjon for samme kommune ble kjørt samtidig" in svar.content.decode()

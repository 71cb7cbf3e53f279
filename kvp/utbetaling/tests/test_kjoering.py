"""Runden som egen prosess: drept med SIGKILL midt i og kjørt på nytt, og to kjøringer samtidig.

Testene bruker `transactional_db`, så dataene er committet og synlige for en annen prosess (SQLite-testbasen ligger
i en fil, se config/settings/test.py).
"""

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import quote

from django.db import connection, connections

from kvp.utbetaling.models import Posttype, Utbetaling, Utbetalingspost, Utbetalingsrunde
from kvp.utbetaling.services import utbetalingsrunde_kjoer

ROT = Path(__file__).resolve().parents[3]


def _database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{s['NAME']}"
    bruker = quote(s["USER"] or "")
    passord = f":{quote(s['PASSWORD'])}" if s.get("PASSWORD") else ""
    return f"postgres://{bruker}{passord}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def _start(bruker: Any, *, pause: float = 0) -> subprocess.Popen[str]:
    miljoe = {**os.environ, "DATABASE_URL": _database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    miljoe["KVP_TEST_PAUSE_ETTER_BIT"] = str(pause)
    kommando = [sys.executable, "manage.py", "utbetalingsrunde_kjoer", "--bruker", bruker.username, "--kommune", "1127"]
    return subprocess.Popen(  # noqa: S603 - fast kommando, ingen brukerinndata
        [*kommando, "--aar", "2025", "--maaned", "3", "--bitstoerrelse", "2"],
        cwd=ROT,
        env=miljoe,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _hver_maaned_betalt_en_gang(saker: list[Any]) -> None:
    betalt = Counter(Utbetalingspost.objects.filter(type=Posttype.ORDINAER).values_list("sak_id", "aar", "maaned"))
    assert betalt == Counter({(sak.pk, 2025, 3): 1 for sak in saker})
    assert Utbetaling.objects.count() == len(saker)


def test_runde_drept_med_sigkill_midt_i_og_kjoert_paa_nytt_betaler_alle_noeyaktig_en_gang(
    transactional_db, lag_sak_i_program, attester, oekonomi_a
):
    saker = [lag_sak_i_program() for _ in range(7)]
    for sak in saker:
        attester(sak, 2025, 3)

    prosess = _start(oekonomi_a, pause=120)
    try:
        frist = time.monotonic() + 60
        while Utbetaling.objects.count() < 2:
            assert prosess.poll() is None, prosess.stderr.read() if prosess.stderr else ""
            assert time.monotonic() < frist, "den første biten ble aldri lagret"
            time.sleep(0.1)
        os.kill(prosess.pid, signal.SIGKILL)
        prosess.wait(timeout=30)
    finally:
        if prosess.poll() is None:
            prosess.kill()
    assert prosess.returncode == -signal.SIGKILL
    # Drept etter første bit: to deltakere er lagret, runden er ikke ferdig.
    assert Utbetaling.objects.count() == 2
    assert not Utbetalingsrunde.objects.get().ferdig

    ny = _start(oekonomi_a)
    ut, feil = ny.communicate(timeout=120)
    assert ny.returncode == 0, feil
    assert "ferdig beregnet" in ut

    assert Utbetalingsrunde.objects.get().ferdig
    _hver_maaned_betalt_en_gang(saker)
    # Og en tredje kjøring endrer ingenting.
    igjen = _start(oekonomi_a)
    igjen.communicate(timeout=120)
    assert igjen.returncode == 0
    _hver_maaned_betalt_en_gang(saker)


def test_to_samtidige_kjoeringer_for_samme_kommune_venter_paa_hverandre(
    transactional_db, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2
):
    saker = [lag_sak_i_program() for _ in range(6)]
    for sak in saker:
        attester(sak, 2025, 3)
    start = threading.Barrier(2)
    resultater: list[Any] = []
    feil: list[BaseException] = []
    bitene: list[tuple[int, float]] = []

    def kjoer(nr: int) -> None:
        def etter_bit(antall: int) -> None:
            bitene.append((nr, time.monotonic()))
            time.sleep(0.05)

        try:
            start.wait(timeout=10)
            runde = utbetalingsrunde_kjoer(
                bruker=oekonomi_a if nr == 1 else oekonomi_a2,
                kommune_nummer="1127",
                aar=2025,
                maaned=3,
                bitstoerrelse=1,
                etter_bit=etter_bit,
            )
            resultater.append(runde.pk)
        except BaseException as e:
            feil.append(e)
        finally:
            connections.close_all()

    traader = [threading.Thread(target=kjoer, args=(nr,)) for nr in (1, 2)]
    for t in traader:
        t.start()
    for t in traader:
        t.join(timeout=120)

    assert not feil, feil
    assert len(resultater) == 2 and resultater[0] == resultater[1]
    assert Utbetalingsrunde.objects.count() == 1
    _hver_maaned_betalt_en_gang(saker)
    assert len(bitene) == len(saker)  # hver deltaker ble lagret av nøyaktig én av kjøringene

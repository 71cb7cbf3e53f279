"""Hjelpere for testene som kjører jobber: en arbeidsprosess i samme prosess (også i en tråd), og som egen prosess."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker

from kvp.jobber.services import jobber_gjenoppta

ROT = Path(__file__).resolve().parents[3]


def kjoer_arbeider() -> None:
    """Som `manage.py jobber_arbeider --batch`: tar opp igjen stoppede jobber og kjører alt i køen, så avslutter den.

    Uten signalhåndtering, så den kan kjøres i en tråd (nettlesertesten; tråden lukker sine egne forbindelser).
    Arbeidsprosessen lukker ellers gamle databaseforbindelser mellom oppgavene; her ville det lukket testens egen."""
    jobber_gjenoppta()
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        _arbeider().run()


def _arbeider() -> Worker:
    return Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-i-prosessen",
        excluded_queue_names=[],
    )


def database_url() -> str:
    s = connection.settings_dict
    if s["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{s['NAME']}"
    passord = f":{s['PASSWORD']}" if s.get("PASSWORD") else ""
    return f"postgres://{s['USER']}{passord}@{s['HOST'] or 'localhost'}:{s['PORT'] or 5432}/{s['NAME']}"


def start_arbeider(*, pause_etter_bit: float = 0) -> "subprocess.Popen[str]":
    """`manage.py jobber_arbeider --batch` som egen prosess mot testdatabasen."""
    miljoe = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    miljoe["KVP_TEST_PAUSE_ETTER_BIT"] = str(pause_etter_bit)
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "jobber_arbeider",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0",
        ],
        cwd=ROT,
        env=miljoe,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

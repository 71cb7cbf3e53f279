"""Gjentakende oppgaver: arbeid som arbeidsprosessen kjører jevnlig uten cron (f.eks. å sende varsler på nytt).

En app registrerer i `AppConfig.ready()`:

    from kvp.jobber.gjentakende import registrer_gjentakende
    registrer_gjentakende("send_varsler", varsler_send_paa_nytt_tekst, intervall=dt.timedelta(minutes=5))

Når `manage.py jobber_arbeider` starter, legger `gjentakende_planlegg` én oppgave i køen for hver registrert
gjentakende oppgave som ikke allerede venter eller kjører. Oppgaven (`tasks.kjoer_gjentakende`) gjør arbeidet og legger
seg selv i køen igjen med `run_after` = nå + intervallet, også når arbeidet feilet. Kjeden finnes altså i databasen
og overlever en omstart; en ny arbeidsprosess lager ingen ny kjede når det allerede finnes en.
"""

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)

OPPGAVESTI = "kvp.jobber.tasks.kjoer_gjentakende"


@dataclass(frozen=True)
class Gjentakende:
    navn: str
    kjoer: Callable[[], str]
    intervall: dt.timedelta


_GJENTAKENDE: dict[str, Gjentakende] = {}


def registrer_gjentakende(navn: str, kjoer: Callable[[], str], *, intervall: dt.timedelta) -> None:
    """Registrerer (eller erstatter, ved omlasting) en gjentakende oppgave. `kjoer()` gir en kort tekst til loggen."""
    _GJENTAKENDE[navn] = Gjentakende(navn=navn, kjoer=kjoer, intervall=intervall)


def hent(navn: str) -> Gjentakende | None:
    return _GJENTAKENDE.get(navn)


def alle() -> dict[str, Gjentakende]:
    return dict(_GJENTAKENDE)


def _planlagt(navn: str) -> bool:
    """Om det finnes en oppgave for `navn` som venter eller kjører."""
    from django_tasks_db.models import DBTaskResult  # noqa: PLC0415 - bakenden er lastet først her

    kandidater = DBTaskResult.objects.filter(task_path=OPPGAVESTI, status__in=("READY", "RUNNING")).values_list(
        "args_kwargs", flat=True
    )
    return any((a or {}).get("kwargs", {}).get("navn") == navn for a in kandidater)


def _legg_i_koen(navn: str, run_after: dt.datetime | None) -> None:
    from .tasks import kjoer_gjentakende  # noqa: PLC0415 - tasks importerer denne modulen

    oppgave = kjoer_gjentakende if run_after is None else kjoer_gjentakende.using(run_after=run_after)
    oppgave.enqueue(navn=navn)


def gjentakende_planlegg() -> int:
    """Legger de gjentakende oppgavene som mangler i køen (kjøres når arbeidsprosessen starter). Gir antallet."""
    antall = 0
    for navn in _GJENTAKENDE:
        with transaction.atomic():
            if not _planlagt(navn):
                _legg_i_koen(navn, None)
                antall += 1
    return antall


def gjentakende_kjoer(*, navn: str) -> str:
    """Gjør arbeidet én gang og legger neste kjøring i køen. En feil i arbeidet logges og stopper ikke kjeden."""
    oppgave = _GJENTAKENDE.get(navn)
    if oppgave is None:
        return f"ukjent gjentakende oppgave {navn!r}: kjeden stopper"
    try:
        svar = oppgave.kjoer()
    except Exception:
        logger.exception("Den gjentakende oppgaven %s feilet; prøver igjen om %s", navn, oppgave.intervall)
        svar = "feilet"
    finally:
        _legg_i_koen(navn, timezone.now() + oppgave.intervall)
    return svar

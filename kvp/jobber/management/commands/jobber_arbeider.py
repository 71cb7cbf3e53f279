"""`manage.py jobber_arbeider`: arbeidsprosessen for bakgrunnsjobbene (`make run` starter den via Procfile).

Tar først opp igjen jobber som ble stoppet midt i (en drept arbeidsprosess, se `kvp.jobber.services`), legger de
gjentakende oppgavene som mangler i køen (`kvp.jobber.gjentakende`, f.eks. varslene), og kjører så
oppgavene fra databasen med `db_worker` fra django-tasks-db (samme valg som den; `--batch` kjører det som ligger i
køen og avslutter).
"""

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorker

from kvp.jobber.gjentakende import gjentakende_planlegg
from kvp.jobber.services import jobber_gjenoppta


class Command(DbWorker):
    help = "Kjører bakgrunnsjobbene (tar først opp igjen jobber som ble stoppet midt i)."

    def handle(self, *args: Any, **options: Any) -> None:
        antall = jobber_gjenoppta()
        if antall:
            self.stdout.write(f"Tok opp igjen {antall} jobb(er) som ble stoppet midt i.")
        planlagt = gjentakende_planlegg()
        if planlagt:
            self.stdout.write(f"La {planlagt} gjentakende oppgave(r) i køen.")
        super().handle(*args, **options)

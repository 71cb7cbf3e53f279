"""`manage.py jobber_arbeider`: arbeidsprosessen for bakgrunnsjobbene (`make run` starter den via Procfile).

Tar først opp igjen jobber som ble stoppet midt i (en drept arbeidsprosess, se `kvp.jobber.services`), og kjører så
oppgavene fra databasen med `db_worker` fra django-tasks-db (samme valg som den; `--batch` kjører det som ligger i
køen og avslutter).
"""

from typing import Any

from django_tasks_db.management.commands.db_worker import Command as DbWorker

from kvp.jobber.services import jobber_gjenoppta


class Command(DbWorker):
    help = "Kjører bakgrunnsjobbene (tar først opp igjen jobber som ble stoppet midt i)."

    def handle(self, *args: Any, **options: Any) -> None:
        antall = jobber_gjenoppta()
        if antall:
            self.stdout.write(f"Tok opp igjen {antall} jobb(er) som ble stoppet midt i.")
        super().handle(*args, **options)

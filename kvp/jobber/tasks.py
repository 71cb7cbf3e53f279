"""Oppgavene i Djangos Tasks-API (`manage.py jobber_arbeider` henter dem fra databasen): jobbene med fremdrift, og de
gjentakende oppgavene (`gjentakende.py`)."""

from django_tasks import TaskContext, task

from .gjentakende import gjentakende_kjoer
from .services import jobb_kjoer


@task(takes_context=True)
def kjoer_jobb(context: TaskContext, jobb_id: str) -> str:
    return jobb_kjoer(jobb_id=jobb_id, oppgave_id=str(context.task_result.id))


@task()
def kjoer_gjentakende(navn: str) -> str:
    return gjentakende_kjoer(navn=navn)

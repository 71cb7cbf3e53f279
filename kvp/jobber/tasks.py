"""Oppgaven i Djangos Tasks-API som kjører en jobb (`manage.py jobber_arbeider` henter den fra databasen)."""

from django_tasks import TaskContext, task

from .services import jobb_kjoer


@task(takes_context=True)
def kjoer_jobb(context: TaskContext, jobb_id: str) -> str:
    return jobb_kjoer(jobb_id=jobb_id, oppgave_id=str(context.task_result.id))

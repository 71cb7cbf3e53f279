"""Oppgaven som beregner et kontors månedstall i bakgrunnen (Djangos Tasks-API med databasebakenden; arbeidsprosessen
er `manage.py jobber_arbeider`). Legges i køen av `maanedstall.merk_endret` når tallene blir utdatert, én per
kontor (ADR 0017)."""

from uuid import UUID

from django_tasks import task

from .maanedstall import jobb_beregn


@task()
def maanedstall_beregn(kontor_id: str) -> str:
    return "beregnet" if jobb_beregn(UUID(kontor_id)) else "à jour"

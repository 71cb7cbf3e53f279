"""`manage.py statistikk_tall [--kontor ENHETSNUMMER]`: beregner månedstallene bak statistikksidene på nytt."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from kvp.statistikk.maanedstall import kontor_beregn
from kvp.statistikk.models import Maanedstall
from kvp.tilgang.models import NavKontor


class Command(BaseCommand):
    help = (
        "Beregner de forhåndsberegnede månedstallene for statistikksidene på nytt for alle kontorer (eller ett). "
        "Trengs etter import eller endringer rett i databasen; ellers holdes tallene à jour av endringene selv."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kontor", default="", help="enhetsnummeret til ett kontor (standard: alle)")

    def handle(self, *args: Any, **opts: Any) -> None:
        kontorer = NavKontor.objects.order_by("enhetsnummer")
        if opts["kontor"]:
            kontorer = kontorer.filter(enhetsnummer=opts["kontor"])
            if not kontorer.exists():
                raise CommandError(f"Fant ikke kontoret {opts['kontor']}.")
        t0 = time.perf_counter()
        antall = 0
        for pk in kontorer.values_list("pk", flat=True):
            kontor_beregn(pk)
            antall += 1
        if connection.vendor == "postgresql" and not connection.in_atomic_block:  # synlighetskartet: ren indeksskanning
            with connection.cursor() as c:
                c.execute(f"VACUUM ANALYZE {Maanedstall._meta.db_table}")
        self.stdout.write(f"Månedstallene er beregnet for {antall} kontorer ({time.perf_counter() - t0:.1f} s).")

"""`manage.py statistikkdata [--aar 10] [--kontorer 20] [--per-kontor-per-aar 330]`: volumdata for statistikken."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.demo.statistikkdata import KONTORER, statistikkdata_lag


class Command(BaseCommand):
    help = "Lager mange års saker for mange kontorer (syntetiske personer) til å utvikle og måle statistikken mot."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--aar", type=int, default=10, help="antall år (standard 10)")
        parser.add_argument("--kontorer", type=int, default=20, help=f"antall kontorer, høyst {len(KONTORER)}")
        parser.add_argument("--per-kontor-per-aar", type=int, default=330, help="nye deltakere per kontor per år")

    def handle(self, *args: Any, **opts: Any) -> None:
        if getattr(settings, "KVP_PRODUKSJON", False):
            raise CommandError("Statistikkdata lages aldri med produksjonsinnstillingene.")
        if not 1 <= opts["aar"] <= 30 or not 1 <= opts["kontorer"] <= len(KONTORER):
            raise CommandError(f"Velg 1–30 år og 1–{len(KONTORER)} kontorer.")
        if not 1 <= opts["per_kontor_per_aar"] <= 5000:
            raise CommandError("Velg 1–5000 nye deltakere per kontor per år.")
        t0 = time.perf_counter()
        r = statistikkdata_lag(
            antall_aar=opts["aar"], antall_kontorer=opts["kontorer"], per_kontor_per_aar=opts["per_kontor_per_aar"]
        )
        self.stdout.write(
            f"{r.kontorer} kontorer, {r.saker} saker, {r.deltakeraar} deltakerår, {r.utbetalinger} utbetalinger "
            f"({time.perf_counter() - t0:.0f} s)."
        )

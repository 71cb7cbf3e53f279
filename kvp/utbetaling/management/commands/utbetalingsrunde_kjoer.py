"""`manage.py utbetalingsrunde_kjoer --kommune 3401 --aar 2025 --maaned 3`: simulerer (eller fullfører) en runde.

Kjøres av driften uten innlogget bruker; runden må så godkjennes av økonomi i webappen. Kan kjøres på nytt etter
et avbrudd: deltakere som allerede er med, beregnes ikke igjen.
"""

import os
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.felles.feil import KvpFeil
from kvp.utbetaling.services import utbetalingsrunde_kjoer

#: Bare for testene: sover så mange sekunder etter hver bit, slik at en test kan drepe prosessen midt i runden.
PAUSE_VARIABEL = "KVP_TEST_PAUSE_ETTER_BIT"


class Command(BaseCommand):
    help = "Simulerer månedens utbetalingsrunde for en kommune, eller fullfører en som ble avbrutt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kommune", required=True, help="kommunenummer, f.eks. 3401")
        parser.add_argument("--aar", type=int, required=True)
        parser.add_argument("--maaned", type=int, required=True)
        parser.add_argument("--bitstoerrelse", type=int, default=500, help="deltakere per transaksjon")

    def handle(self, *args: Any, **opts: Any) -> None:
        pause = float(os.environ.get(PAUSE_VARIABEL, "0") or 0)
        if opts["bitstoerrelse"] < 1:
            raise CommandError("--bitstoerrelse må være minst 1.")

        def etter_bit(antall: int) -> None:
            self.stdout.write(f"lagret {antall}")
            sys.stdout.flush()
            if pause:
                time.sleep(pause)

        try:
            runde = utbetalingsrunde_kjoer(
                bruker=None,
                kommune_nummer=opts["kommune"],
                aar=opts["aar"],
                maaned=opts["maaned"],
                bitstoerrelse=opts["bitstoerrelse"],
                etter_bit=etter_bit,
            )
        except KvpFeil as feil:
            raise CommandError(feil.melding) from feil
        self.stdout.write(f"Runden {runde.pk} er {runde.get_status_display().lower()} og ferdig beregnet.")

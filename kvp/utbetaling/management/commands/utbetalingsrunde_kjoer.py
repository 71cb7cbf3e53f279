"""`manage.py utbetalingsrunde_kjoer --bruker oskar --kommune 3401 --aar 2025 --maaned 3`: simulerer en runde.

Kjøres i navnet til en økonomimedarbeider ved kommunens kontor (`--bruker`); en annen i økonomi må godkjenne runden
i webappen. Kan kjøres på nytt etter et avbrudd: deltakere som allerede er med, beregnes ikke igjen.
"""

import os
import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.felles.feil import KvpFeil
from kvp.tilgang.models import Bruker
from kvp.utbetaling.services import utbetalingsrunde_kjoer

#: Bare for testene: sover så mange sekunder etter hver bit, slik at en test kan drepe prosessen midt i runden.
PAUSE_VARIABEL = "KVP_TEST_PAUSE_ETTER_BIT"


class Command(BaseCommand):
    help = "Simulerer månedens utbetalingsrunde for en kommune, eller fullfører en som ble avbrutt."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bruker", required=True, help="brukernavnet til økonomimedarbeideren som kjører runden")
        parser.add_argument("--kommune", required=True, help="kommunenummer, f.eks. 3401")
        parser.add_argument("--aar", type=int, required=True)
        parser.add_argument("--maaned", type=int, required=True)
        parser.add_argument("--bitstoerrelse", type=int, default=500, help="deltakere per transaksjon")

    def handle(self, *args: Any, **opts: Any) -> None:
        pause = float(os.environ.get(PAUSE_VARIABEL, "0") or 0)
        if opts["bitstoerrelse"] < 1:
            raise CommandError("--bitstoerrelse må være minst 1.", returncode=2)

        def etter_bit(antall: int) -> None:
            self.stdout.write(f"lagret {antall}")
            sys.stdout.flush()
            if pause:
                time.sleep(pause)

        bruker = Bruker.objects.filter(username=opts["bruker"], is_active=True).first()
        if bruker is None:
            raise CommandError(f"Fant ingen aktiv bruker med brukernavnet «{opts['bruker']}».", returncode=2)
        try:
            runde = utbetalingsrunde_kjoer(
                bruker=bruker,
                kommune_nummer=opts["kommune"],
                aar=opts["aar"],
                maaned=opts["maaned"],
                bitstoerrelse=opts["bitstoerrelse"],
                etter_bit=etter_bit,
            )
        except KvpFeil as feil:
            raise CommandError(feil.melding, returncode=2) from feil
        self.stdout.write(f"Runden {runde.pk} er {runde.get_status_display().lower()} og ferdig beregnet.")

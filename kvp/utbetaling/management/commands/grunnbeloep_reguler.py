"""`manage.py grunnbeloep_reguler`: beregner betalte måneder på nytt etter at en ny G er lagt inn i parameterne.

Kjøres etter at `kvp_regler/parametere/grunnbeloep.yaml` har fått en ny verdi med `gyldig_fra` i fortiden (se
docs/how-to/ny-grunnbeloep.md). Differansene betales ut (eller kreves tilbake) i neste utbetalingsrunde.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from kvp.felles.feil import KvpFeil
from kvp.tilgang.models import Kommune
from kvp.utbetaling.services import grunnbeloep_reguler
from kvp_regler.parametere import STANDARD, ParameterfilFeil, les_parametersett


class Command(BaseCommand):
    help = "Beregner betalte måneder på nytt med gjeldende G og legger differansene i neste utbetalingsrunde."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--kommune", help="bare denne kommunen (kommunenummer)")
        parser.add_argument(
            "--parametermappe", help="les parameterne fra *.yaml i denne mappen (standard: de som følger med koden)"
        )

    def handle(self, *args: Any, **opts: Any) -> None:
        parametere = STANDARD
        if opts["parametermappe"]:
            filer = sorted(Path(opts["parametermappe"]).glob("*.yaml"))
            if not filer:
                raise CommandError(f"Fant ingen .yaml-filer i {opts['parametermappe']}.")
            try:
                parametere = les_parametersett(*(f.read_text(encoding="utf-8") for f in filer))
            except ParameterfilFeil as feil:
                raise CommandError(f"Ugyldig parameterfil: {feil}") from feil
        kommune = None
        if opts["kommune"]:
            kommune = Kommune.objects.filter(nummer=opts["kommune"]).first()
            if kommune is None:
                raise CommandError(f"Fant ikke kommune {opts['kommune']}.")
        try:
            antall = grunnbeloep_reguler(parametere=parametere, kommune=kommune)
        except KvpFeil as feil:
            raise CommandError(feil.melding) from feil
        self.stdout.write(f"{antall} betalte måneder er beregnet på nytt med ny G.")

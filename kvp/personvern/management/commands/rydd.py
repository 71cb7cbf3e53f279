"""`manage.py rydd`: slett og anonymiser det som har passert lagringstiden (docs/drift.md). Kjøres daglig."""

from typing import Any

from django.core.management.base import BaseCommand

from kvp.personvern.services import opplysninger_rydd


class Command(BaseCommand):
    help = "Sletter utløpte økter, sperreposter, gammel innloggings- og revisjonslogg, og anonymiserer personer."

    def handle(self, *args: Any, **options: Any) -> None:
        antall = opplysninger_rydd()
        for hva, n in antall.items():
            self.stdout.write(f"{hva}: {n}")

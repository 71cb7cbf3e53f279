"""`manage.py send_varsler`: sender varsler som venter eller feilet (kjøres som jobb, f.eks. hvert kvarter)."""

from typing import Any

from django.core.management.base import BaseCommand

from kvp.deltaker.services import varsler_send_paa_nytt


class Command(BaseCommand):
    help = "Sender varsler til deltakere som venter eller feilet forrige gang."

    def handle(self, *args: Any, **options: Any) -> None:
        sendt = varsler_send_paa_nytt()
        self.stdout.write(f"{sendt} varsler sendt.")

"""SMS gjennom en utskiftbar klasse (`KVP_SMS_BACKEND`). Konsoll i utvikling, minne i tester; en leverandør i prod
skriver en klasse med samme `send`."""

import sys
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string


class KonsollSms:
    def send(self, *, telefon: str, tekst: str) -> None:
        sys.stdout.write(f"SMS til {telefon[:3]}*****: {tekst}\n")


class MinneSms:
    """Til tester: sendte meldinger havner i `utboks`."""

    utboks: ClassVar[list[tuple[str, str]]] = []

    def send(self, *, telefon: str, tekst: str) -> None:
        self.utboks.append((telefon, tekst))


def sms_backend() -> KonsollSms | MinneSms:
    return import_string(settings.KVP_SMS_BACKEND)()  # type: ignore[no-any-return]

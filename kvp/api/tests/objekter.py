"""Objekter til den genererte URL-testen (kvp/felles/tests/test_url_tilgang.py): et API-token på kontor A, og id-ene
API-adressene tar (en aktivitet finnes ikke her; en tilfeldig id gir 401 uten token og 404 med)."""

import uuid
from typing import Any

from kvp.api.services import tjenestekonto_opprett
from kvp.tilgang.models import Rolle


def url_objekter(*, kontor: Any, leder: Any) -> dict[str, Any]:
    konto, _ = tjenestekonto_opprett(bruker=leder, kontor_id=kontor.pk, navn="Hemmeligsen AS", rolle=Rolle.LEDER)
    return {"konto_id": konto.pk, "aktivitet_id": uuid.uuid4()}

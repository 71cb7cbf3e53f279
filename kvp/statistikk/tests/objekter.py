"""Objekter til den genererte URL-testen (kvp/felles/tests/test_url_tilgang.py): en KOSTRA-kjøring på kontor A."""

from typing import Any

from kvp.statistikk.models import KostraKjoering


def url_objekter(*, sak: Any, bruker: Any) -> dict[str, Any]:
    k = KostraKjoering.objects.create(
        kommune=sak.person.kommune,
        aar=2026,
        kjoert_av=bruker,
        fil=b" ",
        sjekksum="0" * 64,
        antall_poster=0,
        avslutningskode=0,
        funn=[{"kontroll": "K09", "alvor": "FEIL", "melding": "Hemmeligsen", "linje": 1, "journalnr": "X",
               "sak_id": str(sak.pk)}],
    )  # fmt: skip
    return {"kjoering_id": k.pk}

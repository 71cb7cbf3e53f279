"""Objekter til den genererte URL-testen (kvp/felles/tests/test_url_tilgang.py): en runde, en tilbakekreving og
kommunenummeret, alt på kontor A."""

import datetime as dt
from decimal import Decimal
from typing import Any

from kvp.jobber.models import Jobb
from kvp.tilgang.models import Bruker
from kvp.utbetaling.models import (
    Beregning,
    Beregningsaarsak,
    Tilbakekreving,
    Utbetaling,
    Utbetalingskorreksjon,
    Utbetalingsrunde,
)


def url_objekter(*, sak: Any) -> dict[str, Any]:
    kommune = sak.person.kommune
    runde = Utbetalingsrunde.objects.create(kommune=kommune, aar=2025, maaned=3, utbetalingsdato=dt.date(2025, 4, 15))
    Utbetaling.objects.create(runde=runde, sak=sak, brutto=100, trekk=0, skattetrekk=50, netto=50)
    beregninger = [
        Beregning.objects.create(
            sak=sak,
            aar=2025,
            maaned=3,
            versjon=versjon,
            aarsak=Beregningsaarsak.ORDINAER,
            attesteringsversjon=versjon,
            grunnlag={},
            resultat={"linjer": []},
            total=total,
            regelversjon="test",
        )
        for versjon, total in ((1, Decimal(100)), (2, Decimal(90)))
    ]
    korreksjon = Utbetalingskorreksjon.objects.create(
        sak=sak,
        aar=2025,
        maaned=3,
        fra_beregning=beregninger[0],
        til_beregning=beregninger[1],
        differanse=Decimal(-10),
        aarsak=Beregningsaarsak.KORREKSJON,
        forklaring="Test",
    )
    tilbakekreving = Tilbakekreving.objects.create(sak=sak, korreksjon=korreksjon, beloep=Decimal(10))
    # En bakgrunnsjobb ved kontor A, startet av saksbehandleren, med navnet i tittelen (skal ikke lekke).
    jobb = Jobb.objects.create(
        type="utbetaling.runde",
        tittel=f"Simulering for {sak.person.fornavn}",
        noekkel="url-test",
        kontor=kommune.nav_kontor,
        startet_av=Bruker.objects.filter(rolletildelinger__kontor=kommune.nav_kontor).order_by("pk")[0],
    )
    return {
        "runde_id": runde.pk,
        "tilbakekreving_id": tilbakekreving.pk,
        "kommune_nummer": kommune.nummer,
        "jobb_id": jobb.pk,
    }

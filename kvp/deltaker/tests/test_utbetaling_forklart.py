"""Utbetalingen forklart i klart språk: én setning, en liten tabell, hele utregningen bak et klikk; nynorsk ved
nynorsk målform. Deltakeren ser bare egne utbetalinger, og på en telefon uten vannrett rulling."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from kvp.deltaker.tests.test_e2e import TELEFON, sjekk_telefon
from kvp.felles.tests.nettleser import PASSORD, logg_inn
from kvp.person.models import Person
from kvp.tilgang.models import Rolle
from kvp.utbetaling.models import (
    Beregning,
    Beregningsaarsak,
    Posttype,
    Rundestatus,
    Utbetaling,
    Utbetalingspost,
    Utbetalingsrunde,
)

LINJER = [
    {
        "type": "STOENAD",
        "antall_dager": 15,
        "dagsats": "1071.90965",
        "beloep": "16078.64",
        "forklaring": "Stønad per dag 1 071,9097 kr. 15 dager × 1 071,9097 kr = 16 078,64 kr.",
    },
    {
        "type": "STOENAD",
        "antall_dager": 1,
        "dagsats": "643.14579",
        "beloep": "643.15",
        "forklaring": "1 dag: ugyldig fravær, redusert til 60 %.",
    },
]


def lag_utbetaling(sak: Any) -> Utbetaling:
    """En godkjent runde for mars 2025 med én utbetaling til saken (regnet ut på forhånd, som kvp_regler ville)."""
    runde = Utbetalingsrunde.objects.create(
        kommune=sak.person.kommune,
        aar=2025,
        maaned=3,
        utbetalingsdato=dt.date(2025, 4, 15),
        status=Rundestatus.GODKJENT,
    )
    beregning = Beregning.objects.create(
        sak=sak,
        aar=2025,
        maaned=3,
        versjon=1,
        aarsak=Beregningsaarsak.ORDINAER,
        attesteringsversjon=1,
        grunnlag={},
        resultat={"linjer": LINJER},
        total=Decimal("16721.79"),
        regelversjon="test",
    )
    u = Utbetaling.objects.create(
        runde=runde,
        sak=sak,
        brutto=Decimal("16721.79"),
        trekk=0,
        skattetrekk=Decimal("5016.00"),
        netto=Decimal("11705.79"),
    )
    Utbetalingspost.objects.create(
        utbetaling=u,
        sak=sak,
        type=Posttype.ORDINAER,
        aar=2025,
        maaned=3,
        beloep=Decimal("16721.79"),
        beregning=beregning,
        forklaring="Kvalifiseringsstønad for mars 2025.",
    )
    return u


@pytest.fixture
def utbetalt(lag_sak_i_program, lag_bruker):
    sak = lag_sak_i_program(fornavn="Petra")
    lag_utbetaling(sak)
    return sak


def test_setning_og_tabell_paa_bokmaal_og_nynorsk(client, utbetalt, lag_bruker):
    deltaker = lag_bruker(Rolle.DELTAKER, person=utbetalt.person)
    client.force_login(deltaker)
    side = client.get(reverse("deltaker:mine_utbetalinger")).content.decode()
    setning = "For mars 2025 fikk du 11\u00a0705,79 kr utbetalt 15.04.2025. Det er stønad for 16 dager, minus skatt."
    assert setning in side
    assert "1\u00a0071,91 kr" in side  # stønad per dag, ikke fire desimaler i tabellen
    assert "fikk du" in side and "Se hele utregningen" in side and "Utbetalt til deg" in side
    Person.objects.filter(pk=utbetalt.person_id).update(maalform="NN")
    side = client.get(reverse("deltaker:mine_utbetalinger")).content.decode()
    assert "fekk du" in side and "Sjå heile utrekninga" in side


def test_annen_deltaker_ser_ingenting(client, utbetalt, lag_bruker, lag_sak_i_program):
    annen = lag_bruker(Rolle.DELTAKER, person=lag_sak_i_program().person)
    client.force_login(annen)
    side = client.get(reverse("deltaker:mine_utbetalinger")).content.decode()
    assert "Du har ingen utbetalinger ennå." in side


def test_utbetalingen_forklart_paa_telefon(
    live_server: Any, side: Page, transactional_db: Any, lag_sak_i_program: Any, lag_bruker: Any
):
    sak = lag_sak_i_program(fornavn="Petra")
    lag_utbetaling(sak)
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person, passord=PASSORD)
    side.set_viewport_size(TELEFON)
    logg_inn(side, live_server.url, deltaker.username)
    side.get_by_role("link", name="Utbetalingene dine forklart").click()
    expect(side.get_by_text("fikk du").first).to_be_visible()
    sjekk_telefon(side)
    side.get_by_text("Se hele utregningen").first.click()
    sjekk_telefon(side)

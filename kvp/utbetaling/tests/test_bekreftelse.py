"""Godkjenning, forkasting og bekreftet betaling av en runde kan ikke angres: økonomi ser først hva som skjer, med
beløpene og antallet deltakere, og tjenesten gjør det bare med bekreftelsen (issue 15 punkt 7)."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kvp.tilgang.models import Rolle
from kvp.utbetaling.beregning import kroner
from kvp.utbetaling.models import Rundestatus, Utbetalingsrunde
from kvp.utbetaling.services import (
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    utbetalingsrunde_eksporter,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)


@pytest.fixture
def runde(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, kommunekonto):
    for fornavn in ("Berit", "Bjørn"):
        sak = lag_sak_i_program(fornavn=fornavn, etternavn="Bekreftesen")
        mottaker_lagre(
            bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
        )
        mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
        attester(sak, 2025, 3)
    return utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)


def _totaler(runde: Any) -> Any:
    r = Utbetalingsrunde.objects.get(pk=runde.pk)
    utbetalinger = list(r.utbetalinger.all())
    return len(utbetalinger), sum(u.netto for u in utbetalinger), r.status


def test_godkjenning_viser_beloep_og_antall_og_krever_bekreftelsen(client, runde, oekonomi_a2):
    antall, netto, _ = _totaler(runde)
    assert antall == 2 and netto > 0
    url = reverse("utbetaling:godkjenn", args=[runde.pk])
    client.force_login(oekonomi_a2)

    rundeside = client.get(reverse("utbetaling:runde", args=[runde.pk])).content.decode()
    assert f'<form method="get" action="{url}">' in rundeside

    side = client.get(url)
    tekst = side.content.decode()
    assert side.status_code == 200
    assert f"2 deltakere får til sammen {kroner(netto)} utbetalt" in tekst
    assert "mars 2025" in tekst and "Randaberg" in tekst
    assert "Dette kan ikke angres." in tekst and "kan ikke forkastes eller simuleres på nytt" in tekst
    assert 'name="bekreftet" value="ja"' in tekst

    for data in ({}, {"bekreftet": "nei"}):
        svar = client.post(url, data)
        assert svar.status_code == 400 and "Ingenting er gjort ennå" in svar.content.decode()
    assert _totaler(runde)[2] == Rundestatus.SIMULERT

    svar = client.post(url, {"bekreftet": "ja"})
    assert svar.status_code == 302 and svar["Location"] == reverse("utbetaling:runde", args=[runde.pk])
    assert _totaler(runde)[2] == Rundestatus.GODKJENT

    # Runden er godkjent: ingen ny bekreftelse, og rundesiden sier hvorfor.
    svar = client.get(url)
    assert svar.status_code == 400 and "Bare en runde med status «simulert» kan godkjennes." in svar.content.decode()


def test_bekreftet_betaling_krever_bekreftelsen(client, runde, oekonomi_a, oekonomi_a2):
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)
    url = reverse("utbetaling:bekreft", args=[runde.pk])
    client.force_login(oekonomi_a)
    tekst = client.get(url).content.decode()
    assert "Du bekrefter at banken har betalt alle de 2 utbetalingene i runden" in tekst
    assert "kvitteringsfilen fra banken (pain.002)" in tekst
    assert "kan ikke settes tilbake til eksportert" in tekst
    assert client.post(url, {}).status_code == 400
    assert _totaler(runde)[2] == Rundestatus.EKSPORTERT
    assert client.post(url, {"bekreftet": "ja"}).status_code == 302
    assert _totaler(runde)[2] == Rundestatus.BEKREFTET


def test_forkasting_viser_hva_som_slettes_og_krever_avkrysningen(client, runde, oekonomi_a2):
    antall, netto, _ = _totaler(runde)
    url = reverse("utbetaling:forkast", args=[runde.pk])
    client.force_login(oekonomi_a2)
    tekst = client.get(url).content.decode()
    assert f"De {antall} beregnede utbetalingene i runden, til sammen {kroner(netto)}, slettes." in tekst
    assert "Kryss av" not in tekst
    svar = client.post(url, {"bekreftet": "ja"})  # det skjulte feltet alene er ikke nok: avkrysningen må med
    assert svar.status_code == 400 and "Kryss av for at du vil forkaste runden." in svar.content.decode()
    assert Utbetalingsrunde.objects.filter(pk=runde.pk).exists()
    assert client.post(url, {"bekreft": "on"}).status_code == 302
    assert not Utbetalingsrunde.objects.filter(pk=runde.pk).exists()


def test_uten_rollen_vises_ingen_bekreftelse(client, runde, lag_bruker, kontor_a, kontor_b):
    for bruker, status in (
        (lag_bruker(Rolle.LEDER, kontor=kontor_a), 403),
        (lag_bruker(Rolle.OEKONOMI, kontor=kontor_b), 404),
    ):
        client.force_login(bruker)
        for navn in ("godkjenn", "forkast", "bekreft"):
            url = reverse(f"utbetaling:{navn}", args=[runde.pk])
            assert client.get(url).status_code == status, (bruker, navn)
            assert client.post(url, {"bekreftet": "ja", "bekreft": "on"}).status_code == status
    assert _totaler(runde)[2] == Rundestatus.SIMULERT

"""En runde kan ikke bli stående fast: forkasting, meldinger til den som godkjenner og varsel når ingen kan
godkjenne."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kvp.felles.feil import KvpFeil
from kvp.felles.models import Logghendelse
from kvp.utbetaling.models import (
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Utbetaling,
    Utbetalingskorreksjon,
    Utbetalingspost,
    Utbetalingsrunde,
)
from kvp.utbetaling.services import (
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    utbetalingsrunde_forkast,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)


@pytest.fixture
def sak_med_konto(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    sak = lag_sak_i_program(fornavn="Frida", etternavn="Fast")
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    attester(sak, 2025, 3)
    return sak


def test_runde_som_alle_har_simulert_varsles_forkastes_og_kan_simuleres_og_godkjennes_igjen(
    client, sak_med_konto, oekonomi_a, oekonomi_a2, kommunekonto
):
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    utbetalingsrunde_kjoer(bruker=oekonomi_a2, kommune_nummer="1127", aar=2025, maaned=3)  # nå har begge simulert
    with pytest.raises(KvpFeil, match="forkastes"):
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)

    client.force_login(oekonomi_a2)
    side = client.get(reverse("utbetaling:runde", args=[runde.pk])).content.decode()
    assert "Ingen kan godkjenne runden" in side
    assert "Forkast simulert runde" in side

    forkast = reverse("utbetaling:forkast", args=[runde.pk])
    svar = client.post(forkast, {})
    assert svar.status_code == 400 and "Kryss av for at du vil forkaste runden." in svar.content.decode()
    assert Utbetalingsrunde.objects.filter(pk=runde.pk).exists()
    svar = client.post(forkast, {"bekreft": "on"})
    assert svar.status_code == 302 and svar["Location"] == reverse("utbetaling:oversikt")
    assert not Utbetalingsrunde.objects.exists() and not Utbetaling.objects.exists()
    logg = Logghendelse.objects.get(objekt_id=str(runde.pk), beskrivelse="Forkastet simulert runde for mars 2025")
    assert logg.bruker == oekonomi_a2 and logg.etter == {"status": "FORKASTET"}
    assert logg.foer is not None and logg.foer["deltakere"] == 1

    # Måneden simuleres på nytt av én person, og den andre godkjenner.
    ny = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    assert ny.pk != runde.pk
    side = client.get(reverse("utbetaling:runde", args=[ny.pk])).content.decode()
    assert "Ingen kan godkjenne runden" not in side
    assert utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=ny.pk).status == Rundestatus.GODKJENT
    assert Utbetalingspost.objects.filter(type=Posttype.ORDINAER).count() == 1
    with pytest.raises(KvpFeil, match="godkjent og kan ikke forkastes") as feil:
        utbetalingsrunde_forkast(bruker=oekonomi_a, runde_id=ny.pk)
    assert feil.value.kode == "KVP_RUNDE_KAN_IKKE_FORKASTES"


def test_den_som_godkjenner_blir_aldri_bedt_om_aa_simulere_paa_nytt(
    client, sak_med_konto, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, kommunekonto
):
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    Utbetalingsrunde.objects.filter(pk=runde.pk).update(ferdig=False)  # som om simuleringen ble drept midt i
    with pytest.raises(KvpFeil) as feil:
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    assert feil.value.kode == "KVP_RUNDE_UFERDIG"
    assert "forkast runden" in feil.value.melding
    assert "Kjør simuleringen på nytt" not in feil.value.melding

    # Et kontonummer som godkjennes etter simuleringen, tas med når runden godkjennes; ingen ny simulering.
    Utbetalingsrunde.objects.filter(pk=runde.pk).update(ferdig=True)
    ny_sak = lag_sak_i_program(fornavn="Kari", etternavn="Konto")
    attester(ny_sak, 2025, 3)
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    with pytest.raises(KvpFeil, match="Kari Konto") as feil:
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    assert "simuler" not in feil.value.melding.lower()
    mottaker_lagre(
        bruker=oekonomi_a, person_id=ny_sak.person_id, kontonummer="15032080119", skattetrekk_prosent=Decimal(0)
    )
    client.force_login(oekonomi_a2)
    side = client.get(reverse("utbetaling:runde", args=[runde.pk])).content.decode()
    assert "1 deltaker(e) i runden har et nytt kontonummer som venter på godkjenning" in side
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=ny_sak.person_id)
    assert utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk).status == Rundestatus.GODKJENT
    assert Utbetaling.objects.get(sak=ny_sak).kontonummer == "15032080119"


def test_forkastet_runde_gir_maaneden_paa_nytt_og_den_betales_en_gang(
    sak_med_konto, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2
):
    mars = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    registrer_ugyldig_fravaer(sak_med_konto, dt.date(2025, 3, 12))  # mars korrigeres etter simuleringen
    attester(sak_med_konto, 2025, 4)
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=4)
    # Mars er bare simulert, ikke betalt: ingen korreksjon og ingen tilbakekreving for den.
    assert not Utbetalingskorreksjon.objects.exists() and not Tilbakekreving.objects.exists()

    utbetalingsrunde_forkast(bruker=oekonomi_a2, runde_id=mars.pk)
    assert not Utbetalingsrunde.objects.filter(pk=mars.pk).exists()
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    betalt = list(Utbetalingspost.objects.filter(type=Posttype.ORDINAER).values_list("aar", "maaned"))
    assert sorted(betalt) == [(2025, 3), (2025, 4)]
    assert not Utbetalingskorreksjon.objects.exists()

"""Utbetalingen: roller som bare ser runden får 403, rare tegn i adresser og skjemaer gir 404/400, og det
runden lager står i revisjonsloggen."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.utbetaling.models import Rundestatus, Tilbakekreving, Utbetalingskorreksjon, Utbetalingsrunde
from kvp.utbetaling.services import mottaker_kontonummer_godkjenn, mottaker_lagre, utbetalingsrunde_kjoer


@pytest.fixture
def simulert_runde(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    sak = lag_sak_i_program()
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    attester(sak, 2025, 3)
    return utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)


@pytest.mark.parametrize("handling", ["godkjenn", "eksporter", "bekreft"])
def test_leder_som_ser_runden_faar_403_ikke_400_paa_oekonomiens_knapper(client, simulert_runde, leder_a, handling):
    client.force_login(leder_a)
    assert client.get(reverse("utbetaling:runde", args=[simulert_runde.pk])).status_code == 200
    svar = client.post(reverse(f"utbetaling:{handling}", args=[simulert_runde.pk]))
    assert svar.status_code == 403
    assert Utbetalingsrunde.objects.get().status == Rundestatus.SIMULERT


@pytest.mark.parametrize("kommune_nummer", ["%00", "11%0027", "1127%00"])
def test_kommunenummer_med_nulltegn_i_adressen_gir_404_ikke_500(client, oekonomi_a, randaberg, kommune_nummer):
    # PostgreSQL tåler ikke NUL i tekst; spørringen feilet med DataError (500) før den ble avvist.
    client.force_login(oekonomi_a)
    assert client.get(f"/utbetaling/kommuner/{kommune_nummer}/").status_code == 404
    assert client.get(f"/utbetaling/kommuner/{kommune_nummer}/aarsoppgaver.csv").status_code == 404


@pytest.mark.parametrize("aar", ["²", "2025²", "٢٠٢٥"])
def test_aar_med_andre_sifre_enn_0_9_gir_dette_aaret_ikke_500(client, lag_sak_i_program, oekonomi_a, aar):
    # "²".isdigit() er sann, men int("²") feiler (ValueError, 500).
    sak = lag_sak_i_program()
    client.force_login(oekonomi_a)
    assert client.get(reverse("utbetaling:aarsoppgaver_csv", args=["1127"]), {"aar": aar}).status_code == 200
    assert client.get(reverse("utbetaling:mottaker", args=[sak.person_id]), {"aar": aar}).status_code == 200


def test_korreksjon_og_tilbakekreving_som_runden_lager_staar_i_revisjonsloggen(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, betal
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    betal(utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3))
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=4)
    korreksjon = Utbetalingskorreksjon.objects.get(sak=sak)
    tk = Tilbakekreving.objects.get(sak=sak)
    for objekt in (korreksjon, tk):
        hendelse = Logghendelse.objects.get(objekt_id=str(objekt.pk))
        assert (hendelse.handling, hendelse.bruker, hendelse.person_id, hendelse.kontor_id) == (
            "OPPRETT",
            oekonomi_a,
            sak.person_id,
            sak.kontor_id,
        )
    etter = Logghendelse.objects.get(objekt_id=str(tk.pk)).etter
    assert etter is not None
    assert etter["beloep"] == str(tk.beloep)


def test_organisasjonsnummer_med_andre_sifre_enn_0_9_avvises(client, oekonomi_a, randaberg):
    # "٩".isdigit() er sann: arabisk-indiske sifre havnet i betalingsfilen (pain.001) til banken.
    client.force_login(oekonomi_a)
    data = {
        "utbetalingsdag": "20",
        "beregningsmodell": "VIRKEDAGER",
        "maks_trekk_prosent": "50",
        "kontonummer": "86011117947",
        "organisasjonsnummer": "٩٦٤٩٦٥١٣٧",
    }
    svar = client.post(reverse("utbetaling:innstillinger", args=["1127"]), data)
    assert svar.status_code == 400
    assert "Organisasjonsnummeret skal ha 9 siffer." in svar.content.decode()

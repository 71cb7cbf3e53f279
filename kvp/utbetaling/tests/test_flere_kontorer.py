"""En bruker med roller ved to kontorer får bare det rollen ved objektets kontor gir (issue 12, lekkasjen i
betalingsfilene): leder ved A og økonomi ved B kan se As runder som leder, men ikke laste ned filene eller bruke
økonomiens knapper der."""

from decimal import Decimal

import pytest
from django.urls import reverse

from kvp.tilgang.models import Rolle
from kvp.tilgang.services import rolle_tildel
from kvp.utbetaling.models import Rundestatus, Utbetalingsrunde
from kvp.utbetaling.services import mottaker_kontonummer_godkjenn, mottaker_lagre, utbetalingsrunde_kjoer


@pytest.fixture
def runde_a(lag_sak_i_program, attester, oekonomi_a, oekonomi_a2):
    sak = lag_sak_i_program()
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    attester(sak, 2025, 3)
    return utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)


@pytest.fixture
def leder_a_oekonomi_b(lag_bruker, kontor_a, kontor_b):
    bruker = lag_bruker(Rolle.LEDER, kontor=kontor_a)
    rolle_tildel(bruker=bruker, rolle=Rolle.OEKONOMI, kontor=kontor_b)
    return bruker


@pytest.mark.parametrize("fil", ["pain001", "regnskap_csv", "regnskap_excel_csv"])
def test_leder_ved_a_og_oekonomi_ved_b_kan_ikke_laste_ned_filene_til_a(client, runde_a, leder_a_oekonomi_b, fil):
    Utbetalingsrunde.objects.filter(pk=runde_a.pk).update(status=Rundestatus.EKSPORTERT)
    client.force_login(leder_a_oekonomi_b)
    assert client.get(reverse("utbetaling:runde", args=[runde_a.pk])).status_code == 200
    svar = client.get(reverse(f"utbetaling:{fil}", args=[runde_a.pk]))
    assert svar.status_code == 403
    assert "attachment" not in svar.get("Content-Disposition", "")


@pytest.mark.parametrize("handling", ["godkjenn", "eksporter", "bekreft", "forkast"])
def test_leder_ved_a_og_oekonomi_ved_b_faar_403_paa_oekonomiens_knapper_ved_a(
    client, runde_a, leder_a_oekonomi_b, handling
):
    client.force_login(leder_a_oekonomi_b)
    svar = client.post(reverse(f"utbetaling:{handling}", args=[runde_a.pk]), {"bekreft": "on"})
    assert svar.status_code == 403
    assert Utbetalingsrunde.objects.get().status == Rundestatus.SIMULERT


def test_oekonomi_ved_a_laster_fortsatt_ned_filene(client, runde_a, oekonomi_a):
    Utbetalingsrunde.objects.filter(pk=runde_a.pk).update(status=Rundestatus.EKSPORTERT)
    client.force_login(oekonomi_a)
    assert client.get(reverse("utbetaling:regnskap_csv", args=[runde_a.pk])).status_code == 200

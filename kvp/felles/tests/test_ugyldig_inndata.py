"""Urimelige datoer og tall fra skjemaer gir en norsk melding (400 eller KvpFeil), aldri en 500."""

import datetime as dt

import pytest
from django.urls import reverse

from kvp.felles.feil import KvpFeil
from kvp.person.fnr import UgyldigFoedselsnummer, valider
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer


@pytest.mark.parametrize("dato", ["01.01.0001", "0001-01-01", "3000-01-01"])
def test_loggsoek_med_urimelig_dato_gir_400_og_melding(client, leder_a, dato):
    client.force_login(leder_a)
    svar = client.post(reverse("felles:logg"), {"fra_og_med": dato})
    assert svar.status_code == 400
    assert "mellom 01.01.1900 og 31.12.2999" in svar.content.decode()


def test_soeknad_mottatt_for_over_ett_aar_siden_avvises(kvp_veileder_a, lag_person):
    person = lag_person()
    with pytest.raises(KvpFeil, match="mer enn ett år"):
        soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=dt.date(1, 1, 1), kanal=Kanal.PAPIR)
    assert not person.soeknader.exists()


@pytest.mark.parametrize("verdi", ["²" * 11, "0101902²²²²"])
def test_foedselsnummer_med_andre_sifre_enn_0_9_gir_norsk_melding_ikke_500(verdi):
    # "²".isdigit() er sann, men kontrollsifferberegningen gjorde int("²") og feilet med ValueError (500).
    with pytest.raises(UgyldigFoedselsnummer, match="11 sifre"):
        valider(verdi, tillat_syntetisk=True, i_dag=dt.date(2026, 1, 1))

"""Revisjonsloggen og applikasjonsloggen: lesing logges, fødselsnumre maskeres."""

import logging
import sys

from django.urls import reverse

from kvp.felles.logging import MaskerFoedselsnummer, masker_tekst
from kvp.felles.models import Logghendelse


def test_masker_tekst_skjuler_personnummeret_men_ikke_andre_tall():
    assert masker_tekst("Key (foedselsnummer)=(17859000509) already exists.") == (
        "Key (foedselsnummer)=(178590*****) already exists."
    )
    assert masker_tekst("sak 123456789012 og telefon 12345678") == "sak 123456789012 og telefon 12345678"


def test_loggfilteret_maskerer_foedselsnumre_i_argumenter_og_unntak():
    post = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "Feil for %s", ("17859000509",), None)
    MaskerFoedselsnummer().filter(post)
    assert post.getMessage() == "Feil for 178590*****"
    try:
        raise ValueError("duplikat 17859000509")
    except ValueError:
        med_unntak = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "500", (), sys.exc_info())
    MaskerFoedselsnummer().filter(med_unntak)
    assert "17859000509" not in med_unntak.getMessage() and "178590*****" in med_unntak.getMessage()


def test_skjemaet_for_nytt_barn_logger_at_personen_ble_vist(client, veileder_a, lag_person):
    person = lag_person()
    client.force_login(veileder_a)
    foer = Logghendelse.objects.filter(person=person, handling="LES").count()
    svar = client.get(reverse("person:barn_ny", kwargs={"person_id": person.pk}))
    assert svar.status_code == 200
    assert Logghendelse.objects.filter(person=person, handling="LES").count() == foer + 1

"""Feil funnet i gjennomgang av webappen (kappløp, grenseverdier, logging). Hver test feilet før rettelsen."""

import datetime as dt
import logging
import sys
from unittest import mock

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.conftest import syntetisk_fnr
from kvp.felles.feil import KvpFeil
from kvp.felles.logging import MaskerFoedselsnummer, masker_tekst
from kvp.felles.models import Logghendelse
from kvp.person.models import Person
from kvp.person.selectors import personer_for_bruker
from kvp.person.services import person_opprett
from kvp.sak.models import Status
from kvp.sak.services import foreloepig_svar_registrer, sak_endre_status
from kvp.soeknad.models import Kanal, Moetetid
from kvp.soeknad.services import kartlegging_opprett, moetetid_book, moetetid_opprett, soeknad_registrer

NOTAT = dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "Tekst.")


def _kartlegg(bruker, person):
    return kartlegging_opprett(
        bruker=bruker,
        person=person,
        utdanning="x",
        arbeidserfaring="x",
        interesser="",
        utfordringer="x",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=NOTAT,
    )


def _kvarter(timer=24):
    start = timezone.now() + dt.timedelta(hours=timer)
    return start.replace(minute=0, second=0, microsecond=0)


def test_navnesoek_vokser_ikke_med_antall_ord(veileder_a, lag_person):
    lag_person(fornavn="Kari", etternavn="Nordmann")
    # Bare SQL-en bygges (ikke kjøres): med den gamle koden doblet den seg for hvert ord (12 ord: 4 096 LIKE).
    sql = str(personer_for_bruker(bruker=veileder_a, navn=" ".join(["a"] * 12)).query)
    assert sql.upper().count("LIKE") <= 10  # høyst fem ord, to felt hver
    assert [p.fornavn for p in personer_for_bruker(bruker=veileder_a, navn="kari nord")] == ["Kari"]
    assert list(personer_for_bruker(bruker=veileder_a, navn="kari hansen")) == []


def test_samtidig_registrering_av_samme_person_gir_norsk_feil_ikke_500(veileder_a, randaberg):
    fnr = syntetisk_fnr(dt.date(1990, 5, 17))
    person_opprett(bruker=veileder_a, foedselsnummer=fnr, fornavn="Kari", etternavn="Nordmann", kommune=randaberg)
    # Den andre innsendingen passerer sjekken før den første er lagret (kappløp), og treffer unikhetskravet.
    with mock.patch("kvp.person.services.Person.objects.filter") as filter_:
        filter_.return_value.exists.return_value = False
        with pytest.raises(KvpFeil, match="finnes allerede"):
            person_opprett(
                bruker=veileder_a, foedselsnummer=fnr, fornavn="Kari", etternavn="Nordmann", kommune=randaberg
            )
    assert Person.objects.filter(foedselsnummer=fnr).count() == 1


def test_samtidig_booking_for_samme_kartlegging_gir_norsk_feil(veileder_a, kvp_veileder_a, lag_person):
    t1 = moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=_kvarter())
    t2 = moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=_kvarter(25))
    kartlegging = _kartlegg(veileder_a, lag_person())
    moetetid_book(bruker=veileder_a, moetetid_id=t1.pk, kartlegging=kartlegging)
    ekte_t2 = Moetetid.objects.filter(pk=t2.pk)
    with mock.patch("kvp.soeknad.services.Moetetid.objects.filter") as filter_:
        filter_.return_value.exists.return_value = False  # kappløpet: den andre fanen så ingen booking
        filter_.return_value.update.side_effect = lambda **_: ekte_t2.update(kartlegging=kartlegging)
        with pytest.raises(KvpFeil, match="allerede booket"):
            moetetid_book(bruker=veileder_a, moetetid_id=t2.pk, kartlegging=kartlegging)
    assert Moetetid.objects.get(pk=t2.pk).kartlegging is None


def test_samtidig_utlegging_av_samme_moetetid_gir_norsk_feil(kvp_veileder_a):
    start = _kvarter()
    moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=start)
    with mock.patch("kvp.soeknad.services.Moetetid.objects.filter") as filter_:
        filter_.return_value.exists.return_value = False
        with pytest.raises(KvpFeil, match="allerede denne tiden"):
            moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=start)
    assert Moetetid.objects.filter(start=start).count() == 1


@pytest.mark.parametrize("dato", ["01.01.0001", "0001-01-01", "3000-01-01"])
def test_loggsoek_med_urimelig_dato_gir_400_og_melding(client, leder_a, dato):
    client.force_login(leder_a)
    svar = client.post(reverse("felles:logg"), {"fra_og_med": dato})
    assert svar.status_code == 400
    assert "mellom 01.01.1900 og 31.12.2999" in svar.content.decode()


def test_foreloepig_svar_avvises_paa_lukket_sak(kvp_veileder_a, lag_person, i_dag):
    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(), mottatt_dato=i_dag - dt.timedelta(days=40), kanal=Kanal.PAPIR
    )
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.TRUKKET)
    with pytest.raises(KvpFeil, match="lukket"):
        foreloepig_svar_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            sendt_dato=i_dag,
            forventet_svar_dato=i_dag + dt.timedelta(days=14),
            begrunnelse="Venter på arbeidsevnevurdering.",
        )
    assert not sak.foreloepige_svar.exists()


def test_soeknad_mottatt_for_over_ett_aar_siden_avvises(kvp_veileder_a, lag_person, i_dag):
    person = lag_person()
    with pytest.raises(KvpFeil, match="mer enn ett år"):
        soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=dt.date(1, 1, 1), kanal=Kanal.PAPIR)
    assert not person.soeknader.exists()


def test_tavla_gir_hele_siden_ved_gjenoppretting_av_historikk(client, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    url = reverse("sak:tavle")
    delvis = client.get(url, headers={"HX-Request": "true"})
    hel = client.get(url, headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" not in delvis.content.decode()
    assert "<html" in hel.content.decode()
    assert "HX-Request" in delvis.headers["Vary"]


def test_loggen_maskerer_foedselsnumre():
    assert masker_tekst("Key (foedselsnummer)=(17859000509) already exists.") == (
        "Key (foedselsnummer)=(178590*****) already exists."
    )
    assert masker_tekst("sak 123456789012 og telefon 12345678") == "sak 123456789012 og telefon 12345678"
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

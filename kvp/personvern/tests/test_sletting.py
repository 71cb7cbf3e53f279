"""Sletting etter begjæring (art. 17): lov når ingen plikt holder på opplysningene, ellers nektet med grunn."""

import datetime as dt

import pytest
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from kvp.felles.models import Logghendelse
from kvp.person.models import Barn, Person
from kvp.person.services import barn_legg_til
from kvp.personvern import services
from kvp.sak.models import Sak, Status
from kvp.soeknad.models import Kanal, Kartlegging
from kvp.soeknad.services import kartlegging_opprett, soeknad_registrer
from kvp.tilgang.models import Bruker, Rolle


def _kartlegg(bruker: Bruker, person: Person) -> Kartlegging:
    return kartlegging_opprett(
        bruker=bruker,
        person=person,
        utdanning="Fagbrev",
        arbeidserfaring="Lager",
        interesser="",
        utfordringer="Helse",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "x"),
    )


@pytest.fixture
def person_med_alt(lag_person, lag_bruker, veileder_a):
    person = lag_person(fornavn="Sigrid", etternavn="Sletteberg", telefon="99887766")
    barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn="Lille",
        foedselsdato=dt.date(2020, 1, 1),
        forsoerget_fra_og_med=dt.date(2020, 1, 1),
    )
    _kartlegg(veileder_a, person)
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    return person, deltaker


def test_leder_sletter_person_uten_sak_og_loggen_beholder_bare_et_pseudonym(client, leder_a, person_med_alt):
    person, deltaker = person_med_alt
    fnr = person.foedselsnummer
    client.force_login(leder_a)
    url = reverse("personvern:person_slett", kwargs={"person_id": person.pk})

    assert "kan slettes" in client.get(url).content.decode()
    svar = client.post(url, {"begrunnelse": "Begjæring fra personen"})

    assert svar.status_code == 302
    person.refresh_from_db()
    assert (person.fornavn, person.etternavn, person.telefon) == ("Slettet", "person", "")
    assert person.foedselsnummer.startswith("X") and fnr not in person.foedselsnummer
    assert not Barn.objects.filter(forelder=person).exists()
    assert not Kartlegging.objects.filter(person=person).exists()
    deltaker.refresh_from_db()
    assert not deltaker.is_active and deltaker.username.startswith("slettet-")
    assert not deltaker.rolletildelinger.exists()
    # Revisjonsloggen: ingen rad har navnet eller fødselsdatoen+personnummeret igjen, men slettingen står der med
    # nøkkelhashen av fødselsnummeret.
    for rad in Logghendelse.objects.all():
        tekst = f"{rad.beskrivelse} {rad.foer} {rad.etter} {rad.brukernavn}"
        assert "Sletteberg" not in tekst and "Lille" not in tekst and fnr[6:] not in tekst
    sletting = Logghendelse.objects.get(person=person, beskrivelse__startswith="Personopplysningene er slettet")
    assert sletting.etter is not None
    assert sletting.etter["pseudonym"] == services.pseudonym(fnr)
    assert sletting.bruker == leder_a
    assert Logghendelse.objects.filter(person=person, handling="LES").exists()  # hvem som så, står igjen


def test_sletting_nektes_med_grunn_naar_personen_har_aapen_sak(client, leder_a, kvp_veileder_a, lag_person, i_dag):
    person = lag_person(etternavn="Aapensak")
    soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    client.force_login(leder_a)
    url = reverse("personvern:person_slett", kwargs={"person_id": person.pk})

    side = client.get(url).content.decode()
    svar = client.post(url, {"begrunnelse": "Begjæring"})

    assert "åpen sak" in side
    assert svar.status_code == 400
    assert "åpen sak" in svar.content.decode()
    person.refresh_from_db()
    assert person.etternavn == "Aapensak"


def test_lukket_sak_holdes_av_arkivplikten_til_fristen_er_ute(kvp_veileder_a, lag_person, i_dag):
    person = lag_person()
    _, sak = soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    avsluttet = dt.date(2015, 3, 1)
    Sak.objects.filter(pk=sak.pk).update(status=Status.TRUKKET, avsluttet_dato=avsluttet)

    foer = services.sletting_vurder(person=person, i_dag=dt.date(2025, 3, 1))
    etter = services.sletting_vurder(person=person, i_dag=dt.date(2025, 3, 2))

    assert foer.grunner == [
        "Saksmappen er arkivpliktig og skal oppbevares til og med 01.03.2025 (arkivlova og kommunens bevarings- og "
        "kassasjonsplan)."
    ]
    assert etter.kan_slettes


def test_leder_ved_annet_kontor_og_veileder_faar_404(client, kvp_veileder_b, veileder_a, lag_person):
    person = lag_person()
    url = reverse("personvern:person_slett", kwargs={"person_id": person.pk})
    for bruker in (kvp_veileder_b, veileder_a):
        client.force_login(bruker)
        assert client.get(url).status_code == 404
        assert client.post(url, {"begrunnelse": "x"}).status_code == 404
    assert Person.objects.get(pk=person.pk).fornavn == "Ola"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="utløseren finnes bare i PostgreSQL")
def test_postgresql_slipper_bare_anonymisering_gjennom_i_revisjonsloggen(leder_a, lag_person):
    from django.db import IntegrityError

    person = lag_person()
    rad = Logghendelse.objects.filter(person=person).first()
    assert rad is not None
    alle = Logghendelse._base_manager.filter(pk=rad.pk)
    alle.update(etter=services.SLETTET_INNHOLD)  # lov: innholdet blankes
    for endring in ({"etter": {"noe": "annet"}}, {"handling": "ENDRE"}, {"tidspunkt": timezone.now()}):
        with pytest.raises(IntegrityError), transaction.atomic():
            alle.update(**endring)
    with pytest.raises(IntegrityError), transaction.atomic():
        alle.delete()  # rader yngre enn fem år slettes aldri
    assert Logghendelse.objects.get(pk=rad.pk).etter == services.SLETTET_INNHOLD


def test_revisjonsloggen_maskerer_foedselsnummer_med_bindestrek():
    from kvp.felles.services import masker

    assert masker({"a": "010190-12345 og 010190 12345 og 01019012345"}) == {
        "a": "010190***** og 010190***** og 010190*****"
    }


def test_personen_finnes_fortsatt_for_saker_som_peker_paa_den(leder_a, person_med_alt):
    person, _ = person_med_alt
    services.person_slett(bruker=leder_a, person_id=person.pk, begrunnelse="Begjæring")
    assert Person.objects.filter(pk=person.pk).exists()
    assert Bruker.objects.filter(username__startswith="slettet-").count() == 1


def test_utbetalinger_holdes_av_bokfoeringsplikten_ut_aaret_fem_aar_etter(kvp_veileder_a, lag_person, i_dag):
    from kvp.utbetaling.models import Utbetaling, Utbetalingsrunde

    person = lag_person()
    _, sak = soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    Sak.objects.filter(pk=sak.pk).update(status=Status.AVSLUTTET, avsluttet_dato=dt.date(2008, 1, 31))
    runde = Utbetalingsrunde.objects.create(
        kommune=person.kommune, aar=2020, maaned=3, utbetalingsdato=dt.date(2020, 4, 15)
    )
    Utbetaling.objects.create(runde=runde, sak=sak, brutto=100, trekk=0, skattetrekk=50, netto=50)

    assert services.sletting_vurder(person=person, i_dag=dt.date(2025, 12, 31)).grunner == [
        "Utbetalingene er regnskapsbilag og skal oppbevares til og med 31.12.2025 (bokføringsloven § 13)."
    ]
    assert services.sletting_vurder(person=person, i_dag=dt.date(2026, 1, 1)).kan_slettes

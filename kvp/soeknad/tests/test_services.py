import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.person.models import Person
from kvp.sak.models import Sak, Status
from kvp.sak.services import sak_endre_status
from kvp.soeknad.models import Kanal, Kartlegging, Moetetid, Soeknad
from kvp.soeknad.selectors import moetetider_ledige_for_kontor, overfoeringsnotat_mal
from kvp.soeknad.services import (
    kartlegging_opprett,
    moetetid_book,
    moetetid_opprett,
    soeknad_registrer,
    soeknad_send_inn,
)
from kvp.tilgang.models import Bruker, Rolle

NOTAT = dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "Tekst.")


def kartlegg(bruker: Bruker, person: Person, **endringer: Any) -> Kartlegging:
    felter: dict[str, Any] = {
        "utdanning": "Grunnskole",
        "arbeidserfaring": "Butikk",
        "interesser": "Barnepass",
        "utfordringer": "Angst",
        "rett_til_ytelser": "NEI",
        "oppfoelgingsbehov": "SPESIELT_TILPASSET",
        "notat": dict(NOTAT),
    }
    felter.update(endringer)
    return kartlegging_opprett(bruker=bruker, person=person, **felter)


def neste_kvarter(dager: int = 1, time: int = 9, minutt: int = 0) -> dt.datetime:
    dag = timezone.localdate() + dt.timedelta(days=dager)
    return dt.datetime.combine(dag, dt.time(time, minutt), tzinfo=timezone.get_current_timezone())


def test_kartlegging_lagrer_notatet_sammen(lag_person, veileder_a):
    person = lag_person()
    k = kartlegg(veileder_a, person)
    assert k.overfoeringsnotat.kompetanse == "Tekst."
    assert k.kontor_id == person.kontor_id


@pytest.mark.parametrize(
    ("endring", "felt"),
    [
        ({"utdanning": " "}, "utdanning"),
        ({"utfordringer": ""}, "utfordringer"),
        ({"rett_til_ytelser": "KANSKJE"}, "rett_til_ytelser"),
        ({"notat": {**NOTAT, "familie": ""}}, "notat_familie"),
    ],
)
def test_kartlegging_avviser_manglende_felt_uten_aa_lagre_noe(lag_person, veileder_a, endring, felt):
    person = lag_person()
    with pytest.raises(KvpFeil) as feil:
        kartlegg(veileder_a, person, **endring)
    assert feil.value.felt == felt
    assert not Kartlegging.objects.exists()


def test_kartlegging_fra_annet_kontor_avvises(lag_person, kvp_veileder_b):
    with pytest.raises(KvpFeil, match="Fant ikke personen"):
        kartlegg(kvp_veileder_b, lag_person())


def test_overfoeringsnotat_mal_tar_med_person_og_familie(lag_person):
    person = lag_person(fornavn="Kari")
    mal = overfoeringsnotat_mal(person=person, i_dag=dt.date(2025, 5, 17))
    assert mal["om_personen"].startswith("Kari Nordmann, 35 år, bor i Randaberg")
    assert "Ingen registrerte barn" in mal["familie"]
    assert set(mal) == {"om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"}


def test_moetetid_kan_bookes_en_gang(lag_person, veileder_a, kvp_veileder_a, kontor_a):
    tid = moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=neste_kvarter())
    assert list(moetetider_ledige_for_kontor(bruker=veileder_a, kontor_id=kontor_a.pk)) == [tid]
    k1 = kartlegg(veileder_a, lag_person())
    k2 = kartlegg(veileder_a, lag_person())
    booket = moetetid_book(bruker=veileder_a, moetetid_id=tid.pk, kartlegging=k1)
    assert booket.kartlegging == k1
    with pytest.raises(KvpFeil, match="ikke ledig"):
        moetetid_book(bruker=veileder_a, moetetid_id=tid.pk, kartlegging=k2)
    assert Moetetid.objects.get(pk=tid.pk).kartlegging == k1
    assert not list(moetetider_ledige_for_kontor(bruker=veileder_a, kontor_id=kontor_a.pk))


def test_moetetid_opprett_avviser_fortid_skjeve_tider_og_dobbel_tid(kvp_veileder_a):
    with pytest.raises(KvpFeil, match="frem i tid"):
        moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=neste_kvarter(dager=-1))
    with pytest.raises(KvpFeil, match="hvert kvarter"):
        moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=neste_kvarter(minutt=7))
    moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=neste_kvarter())
    with pytest.raises(KvpFeil, match="allerede denne tiden"):
        moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=neste_kvarter())


def test_moetetid_hos_annet_kontor_kan_ikke_bookes(lag_person, veileder_a, kvp_veileder_b):
    tid = moetetid_opprett(bruker=kvp_veileder_b, kvp_veileder=kvp_veileder_b, start=neste_kvarter())
    with pytest.raises(KvpFeil, match="ikke ledig"):
        moetetid_book(bruker=veileder_a, moetetid_id=tid.pk, kartlegging=kartlegg(veileder_a, lag_person()))


def test_soeknad_registrer_lager_sak_uten_saksbehandler(lag_person, kvp_veileder_a, i_dag):
    person = lag_person()
    soeknad, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag - dt.timedelta(days=3), kanal=Kanal.PAPIR
    )
    assert sak.soeknad == soeknad
    assert sak.status == Status.SOEKNAD_REGISTRERT
    assert sak.saksbehandler is None
    assert sak.mottatt_dato == soeknad.mottatt_dato


def test_andre_aapne_soeknad_avvises_og_ingenting_lagres(lag_person, kvp_veileder_a, i_dag):
    person = lag_person()
    _, sak = soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    with pytest.raises(KvpFeil, match="allerede en åpen søknad"):
        soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.EPOST)
    assert Soeknad.objects.count() == 1
    # Når den første er trukket, kan personen søke på nytt.
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.TRUKKET)
    soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.EPOST)
    assert Sak.objects.count() == 2


def test_soeknad_registrer_avviser_fremtidig_dato_ukjent_kanal_og_manglende_rolle(
    lag_person, kvp_veileder_a, veileder_a, i_dag
):
    person = lag_person()
    with pytest.raises(KvpFeil, match="frem i tid"):
        soeknad_registrer(
            bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag + dt.timedelta(days=1), kanal=Kanal.PAPIR
        )
    with pytest.raises(KvpFeil, match="Velg hvordan"):
        soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal="DUE")
    with pytest.raises(IkkeTilgang):
        soeknad_registrer(bruker=veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    assert not Soeknad.objects.exists()


def test_deltaker_sender_inn_selv(lag_person, lag_bruker, kontor_a):
    person = lag_person()
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    with pytest.raises(KvpFeil, match="bekrefte"):
        soeknad_send_inn(bruker=deltaker, hva_oensker_du="Jobb", hjelp_til="", bekreftet=False)
    with pytest.raises(KvpFeil, match="hva du ønsker"):
        soeknad_send_inn(bruker=deltaker, hva_oensker_du=" ", hjelp_til="", bekreftet=True)
    soeknad, sak = soeknad_send_inn(bruker=deltaker, hva_oensker_du="Jobb i barnehage", hjelp_til="", bekreftet=True)
    assert soeknad.kanal == Kanal.DIGITAL
    assert sak.kontor == kontor_a


def test_bare_deltakere_kan_sende_inn(kvp_veileder_a):
    with pytest.raises(KvpFeil, match="Bare den som søker"):
        soeknad_send_inn(bruker=kvp_veileder_a, hva_oensker_du="x", hjelp_til="", bekreftet=True)


def test_min_side_tilbyr_ny_soeknad_bare_naar_ingen_sak_er_aapen_eller_i_program(
    client, lag_bruker, lag_person, kvp_veileder_a, i_dag
):
    from django.urls import reverse

    person = lag_person()
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    client.force_login(deltaker)
    assert "Søk om kvalifiseringsprogram" in client.get(reverse("soeknad:min_side")).content.decode()

    _, sak = soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    side = client.get(reverse("soeknad:min_side")).content.decode()
    assert "Søk om kvalifiseringsprogram" not in side and "kan ikke søke på nytt nå" in side

    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.TRUKKET)
    assert "Søk om kvalifiseringsprogram" in client.get(reverse("soeknad:min_side")).content.decode()

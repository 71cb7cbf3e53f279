"""Skjemaene gjennom nettleserens vei: feil input gir norsk melding ved feltet, 400 og ingenting lagret."""

import datetime as dt

import pytest
from django.urls import reverse

from kvp.conftest import syntetisk_fnr
from kvp.felles.models import Logghendelse
from kvp.person.models import Person
from kvp.sak.models import Sak
from kvp.soeknad.models import Kanal, Soeknad
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Kommune, Rolle


def person_data(kommune_obj: Kommune, **endringer: object) -> dict[str, object]:
    data: dict[str, object] = {
        "foedselsnummer": syntetisk_fnr(),
        "fornavn": "Kari",
        "etternavn": "Nordmann",
        "kommune": kommune_obj.pk,
        "maalform": "NB",
    }
    data.update(endringer)
    return data


def test_registrer_person_lykkes_og_sender_til_personsiden(client, veileder_a, randaberg):
    client.force_login(veileder_a)
    svar = client.post(reverse("person:ny"), person_data(randaberg))
    person = Person.objects.get()
    assert svar.status_code == 302
    assert svar["Location"] == reverse("person:detalj", kwargs={"person_id": person.pk})
    assert person.foedselsnummer not in svar["Location"]


@pytest.mark.parametrize(
    ("endring", "melding"),
    [
        ({"foedselsnummer": "15108695089"}, "Fødselsnummeret har feil kontrollsiffer"),
        ({"foedselsnummer": "1510869"}, "Fødselsnummeret må ha 11 sifre"),
        ({"foedselsnummer": "01" + "9" + "1" + "30" + "50123"}, "Fødselsnummeret"),
        ({"fornavn": ""}, "Dette feltet må fylles ut."),
        ({"kommune": "9999"}, "Velg en kommune fra listen."),
        ({"epost": "ikke-epost"}, "gyldig e-postadresse"),
    ],
)
def test_registrer_person_feil_input(client, veileder_a, randaberg, endring, melding):
    client.force_login(veileder_a)
    svar = client.post(reverse("person:ny"), person_data(randaberg, **endring))
    assert svar.status_code == 400
    tekst = svar.content.decode()
    assert melding in tekst
    assert 'aria-invalid="true"' in tekst
    assert not Person.objects.exists()


def test_registrer_person_med_foedselsdato_frem_i_tid(client, veileder_a, randaberg, i_dag):
    client.force_login(veileder_a)
    fremtid = syntetisk_fnr(i_dag + dt.timedelta(days=40))
    svar = client.post(reverse("person:ny"), person_data(randaberg, foedselsnummer=fremtid))
    assert svar.status_code == 400
    assert "frem i tid" in svar.content.decode()
    assert not Person.objects.exists()


def test_registrer_person_i_kommune_kontoret_ikke_betjener(client, veileder_a, kongsvinger):
    client.force_login(veileder_a)
    svar = client.post(reverse("person:ny"), person_data(kongsvinger))
    assert svar.status_code == 400
    assert "Kontoret ditt betjener ikke Kongsvinger kommune" in svar.content.decode()
    assert not Person.objects.exists()


def test_andre_aapne_soeknad_via_skjema(client, lag_person, kvp_veileder_a, i_dag):
    person = lag_person()
    soeknad_registrer(bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    client.force_login(kvp_veileder_a)
    svar = client.post(
        reverse("soeknad:registrer"),
        {"foedselsnummer": person.foedselsnummer, "mottatt_dato": i_dag.isoformat(), "kanal": "EPOST"},
    )
    assert svar.status_code == 400
    assert "Personen har allerede en åpen søknad" in svar.content.decode()
    assert Soeknad.objects.count() == 1


def test_registrer_soeknad_mangler_felt_og_fremtidig_dato(client, lag_person, kvp_veileder_a, i_dag):
    person = lag_person()
    client.force_login(kvp_veileder_a)
    svar = client.post(reverse("soeknad:registrer"), {"foedselsnummer": person.foedselsnummer})
    assert svar.status_code == 400
    assert svar.content.decode().count("Dette feltet må fylles ut.") >= 2
    svar = client.post(
        reverse("soeknad:registrer"),
        {
            "foedselsnummer": person.foedselsnummer,
            "mottatt_dato": (i_dag + dt.timedelta(days=2)).strftime("%d.%m.%Y"),
            "kanal": "PAPIR",
        },
    )
    assert svar.status_code == 400
    assert "Mottatt dato kan ikke være frem i tid." in svar.content.decode()
    assert not Sak.objects.exists()
    svar = client.post(
        reverse("soeknad:registrer"),
        {
            "foedselsnummer": person.foedselsnummer,
            "mottatt_dato": i_dag.strftime("%d.%m.%Y"),
            "kanal": "PAPIR",
        },
    )
    assert svar.status_code == 302
    assert Sak.objects.count() == 1


def test_ugyldig_uuid_og_ukjent_sak_gir_404(client, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    assert client.get("/saker/ikke-en-uuid/").status_code == 404
    svar = client.get("/saker/00000000-0000-0000-0000-000000000000/")
    assert svar.status_code == 404
    assert "Fant ikke saken" in svar.content.decode()


def test_personsok_paa_fnr_bruker_post_og_logges(client, lag_person, veileder_a):
    person = lag_person()
    client.force_login(veileder_a)
    svar = client.post(reverse("person:liste"), {"foedselsnummer": person.foedselsnummer})
    assert svar.status_code == 302
    assert person.foedselsnummer not in svar["Location"]
    assert Logghendelse.objects.filter(handling="SOEK", person=person).exists()
    svar = client.post(reverse("person:liste"), {"foedselsnummer": "123"})
    assert svar.status_code == 400
    assert "11 sifre" in svar.content.decode()


def test_personlisten_viser_maskert_fnr(client, lag_person, veileder_a):
    person = lag_person()
    client.force_login(veileder_a)
    tekst = client.get(reverse("person:liste")).content.decode()
    assert person.maskert_fnr in tekst
    assert person.foedselsnummer not in tekst


def test_leder_soker_i_revisjonsloggen_for_eget_kontor(client, lag_person, leder_a, kvp_veileder_b, veileder_a):
    person = lag_person()
    client.force_login(veileder_a)
    client.get(reverse("person:detalj", kwargs={"person_id": person.pk}))
    client.force_login(leder_a)
    svar = client.post(reverse("felles:logg"), {"foedselsnummer": person.foedselsnummer, "handling": "LES"})
    assert svar.status_code == 200
    tekst = svar.content.decode()
    assert "1 hendelser" in tekst
    assert veileder_a.username in tekst
    assert person.foedselsnummer not in tekst
    client.force_login(kvp_veileder_b)  # leder på et annet kontor ser ikke hendelsen
    svar = client.post(reverse("felles:logg"), {"brukernavn": veileder_a.username})
    assert "0 hendelser" in svar.content.decode()
    client.force_login(veileder_a)
    assert client.get(reverse("felles:logg")).status_code == 403


def test_innlogging_bruker_argon2_og_sperrer_etter_fem_feil(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord="riktig-passord-123")
    assert bruker.password.startswith("argon2")
    url = reverse("tilgang:logg_inn")
    svar = client.post(url, {"username": bruker.username, "password": "feil"})
    assert svar.status_code == 400
    assert "Feil brukernavn eller passord." in svar.content.decode()
    for _ in range(4):
        client.post(url, {"username": bruker.username, "password": "feil"})
    svar = client.post(url, {"username": bruker.username, "password": "riktig-passord-123"})
    assert svar.status_code == 429
    assert "Innloggingen er sperret" in svar.content.decode()


def test_innlogging_og_utlogging(client, lag_bruker, kontor_a):
    bruker = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a, passord="riktig-passord-123")
    svar = client.post(reverse("tilgang:logg_inn"), {"username": bruker.username, "password": "riktig-passord-123"})
    assert svar.status_code == 302
    assert client.get(reverse("sak:tavle")).status_code == 200
    assert client.post(reverse("tilgang:logg_ut")).status_code == 302
    assert client.get(reverse("sak:tavle")).status_code == 302


def test_csrf_feil_gir_norsk_side(lag_bruker, kontor_a):
    from django.test import Client

    klient = Client(enforce_csrf_checks=True)
    klient.force_login(lag_bruker(Rolle.VEILEDER, kontor=kontor_a))
    svar = klient.post(reverse("person:ny"), {})
    assert svar.status_code == 403
    assert "Skjemaet er utløpt" in svar.content.decode()


def test_kroner_filteret_grupperer_tusener_med_hardt_mellomrom_og_bruker_aldri_flyttall():
    from decimal import Decimal

    from kvp.felles.templatetags.kvp import kroner

    assert kroner(Decimal("88111.005")) == "88\u00a0111,01"
    assert kroner("-1750") == "−1\u00a0750,00"
    assert kroner(None) == "0,00"
    assert kroner("ikke et tall") == "ikke et tall"

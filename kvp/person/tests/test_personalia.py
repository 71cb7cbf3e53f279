"""Endring av personalia (adresse, telefon, e-post, målform): kontrollen, historikken på personsiden, og advarselen
før et brev går til en ufullstendig adresse."""

import pytest
from django.urls import reverse

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.person.models import Person
from kvp.person.personalia import adressemangler, feil_i_personalia
from kvp.person.selectors import personalia_historikk
from kvp.person.services import personalia_endre

ADRESSE = {"adresse": "Storgata 1", "postnummer": "4070", "poststed": "Randaberg", "telefon": "", "epost": ""}


def _verdier(**endret: str) -> dict[str, str]:
    return {**ADRESSE, "maalform": "NB", **endret}


def test_endringen_lagres_og_logges_med_foer_og_etter(lag_person, veileder_a, kvp_veileder_a):
    person = lag_person(adresse="Gamleveien 2", postnummer="4070", poststed="Randaberg")
    endret = personalia_endre(
        bruker=kvp_veileder_a, person_id=person.pk, **_verdier(telefon="912 34 567", maalform="NN")
    )
    assert endret == ["adresse", "telefon", "maalform"]
    person.refresh_from_db()
    assert (person.adresse, person.telefon, person.maalform) == ("Storgata 1", "91234567", "NN")
    rad = Logghendelse.objects.get(person=person, handling="ENDRE")
    assert rad.foer == {"adresse": "Gamleveien 2", "telefon": "", "maalform": "NB"}
    assert rad.etter == {"adresse": "Storgata 1", "telefon": "91234567", "maalform": "NN"}
    assert rad.brukernavn == kvp_veileder_a.username


def test_ingen_endring_gir_ingen_loggrad(lag_person, kvp_veileder_a):
    person = lag_person(**{k: v for k, v in ADRESSE.items() if v})
    assert personalia_endre(bruker=kvp_veileder_a, person_id=person.pk, **_verdier()) == []
    assert not Logghendelse.objects.filter(person=person, handling="ENDRE").exists()


def test_historikken_viser_hvem_som_endret_hva_og_naar(lag_person, veileder_a, kvp_veileder_a):
    person = lag_person(adresse="Gamleveien 2", postnummer="4070", poststed="Randaberg")
    personalia_endre(bruker=kvp_veileder_a, person_id=person.pk, **_verdier(maalform="NN"))
    historikk = personalia_historikk(person=person)
    assert [h.hva for h in historikk] == ["Endret", "Registrert"]
    assert historikk[0].hvem == kvp_veileder_a.visningsnavn
    assert ("Adresse", "Gamleveien 2", "Storgata 1") in historikk[0].felt
    assert ("Målform", "Bokmål", "Nynorsk") in historikk[0].felt
    assert historikk[1].hvem == veileder_a.visningsnavn


@pytest.mark.parametrize(
    ("felt", "verdi", "melding"),
    [
        ("postnummer", "40701", "Postnummer er fire sifre"),
        ("postnummer", "40a0", "Postnummer er fire sifre"),
        ("poststed", "4070 Randaberg", "Poststedet kan ikke inneholde sifre"),
        ("telefon", "1234", "åtte sifre"),
        ("telefon", "+46abc", "åtte sifre"),
        ("epost", "ikke-en-adresse", "gyldig e-postadresse"),
        ("maalform", "EN", "bokmål eller nynorsk"),
    ],
)
def test_ugyldige_verdier_avvises_med_norsk_melding_og_ingenting_lagres(
    lag_person, kvp_veileder_a, felt, verdi, melding
):
    person = lag_person()
    with pytest.raises(KvpFeil, match=melding) as feil:
        personalia_endre(bruker=kvp_veileder_a, person_id=person.pk, **_verdier(**{felt: verdi}))
    assert feil.value.felt == felt
    person.refresh_from_db()
    assert person.adresse == ""
    assert not Logghendelse.objects.filter(person=person, handling="ENDRE").exists()


def test_kontrollen_finner_alle_feilene_samtidig():
    feil = feil_i_personalia(_verdier(postnummer="1", poststed="Oslo 1", telefon="12", epost="x"))
    assert [f for f, _ in feil] == ["postnummer", "poststed", "telefon", "epost"]


def test_utenlandsk_telefonnummer_med_landskode_godtas(lag_person, kvp_veileder_a):
    person = lag_person()
    personalia_endre(bruker=kvp_veileder_a, person_id=person.pk, **_verdier(telefon="+46 70 123 45 67"))
    person.refresh_from_db()
    assert person.telefon == "+46701234567"


def test_andre_kontor_og_leserolle_kan_ikke_endre(lag_person, kvp_veileder_b, leder_a):
    person = lag_person()
    with pytest.raises(IkkeFunnet):
        personalia_endre(bruker=kvp_veileder_b, person_id=person.pk, **_verdier())
    with pytest.raises(KvpFeil):
        personalia_endre(bruker=leder_a, person_id=person.pk, **_verdier())
    assert Person.objects.get(pk=person.pk).adresse == ""


def test_kontonummer_kan_ikke_endres_her(lag_person, kvp_veileder_a):
    person = lag_person()
    with pytest.raises(KvpFeil, match="Bare adresse"):
        personalia_endre(bruker=kvp_veileder_a, person_id=person.pk, kontonummer="12345678903", **_verdier())


def test_adressemangler_sier_hva_som_mangler():
    assert adressemangler(Person(adresse="Storgata 1", postnummer="4070", poststed="Randaberg")) == []
    assert adressemangler(Person(adresse="Storgata 1")) == ["postnummer", "poststed"]
    assert adressemangler(Person(adresse=" ", postnummer="4070", poststed="Randaberg")) == ["gateadresse"]


# Visningene: skjemaet viser alle feilene med 400, personsiden viser historikken.


def test_skjemaet_viser_alle_feilene_og_lagrer_ingenting(client, lag_person, kvp_veileder_a):
    person = lag_person()
    client.force_login(kvp_veileder_a)
    url = reverse("person:personalia_endre", kwargs={"person_id": person.pk})
    assert client.get(url).status_code == 200
    svar = client.post(url, _verdier(postnummer="12345", telefon="12", epost="x@"))
    tekst = svar.content.decode()
    assert svar.status_code == 400
    assert "Postnummer er fire sifre" in tekst
    assert "åtte sifre" in tekst
    assert "gyldig e-postadresse" in tekst
    assert "Ensure" not in tekst and "Forsikre" not in tekst
    assert Person.objects.get(pk=person.pk).adresse == ""


def test_personsiden_viser_historikken_og_advarselen(client, lag_person, kvp_veileder_a):
    person = lag_person(adresse="Storgata 1")
    client.force_login(kvp_veileder_a)
    detalj = reverse("person:detalj", kwargs={"person_id": person.pk})
    tekst = client.get(detalj).content.decode()
    assert "Adressen er ufullstendig." in tekst and "Mangler postnummer, poststed." in tekst
    svar = client.post(
        reverse("person:personalia_endre", kwargs={"person_id": person.pk}), _verdier(telefon="91234567")
    )
    assert svar.status_code == 302
    tekst = client.get(detalj).content.decode()
    assert "Adressen er ufullstendig." not in tekst
    assert 'id="personalia-historikk-tabell"' in tekst
    assert "Endret: Telefon" in tekst and "91234567" in tekst
    assert kvp_veileder_a.visningsnavn in tekst


def test_leder_ser_personen_men_faar_ikke_endre(client, lag_person, leder_a):
    person = lag_person()
    client.force_login(leder_a)
    assert (
        "Endre personalia" not in client.get(reverse("person:detalj", kwargs={"person_id": person.pk})).content.decode()
    )
    svar = client.post(reverse("person:personalia_endre", kwargs={"person_id": person.pk}), _verdier())
    assert svar.status_code == 403
    assert Person.objects.get(pk=person.pk).adresse == ""

import datetime as dt

import pytest

from kvp.conftest import syntetisk_fnr
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.person.models import Barn, Person
from kvp.person.selectors import person_hent, person_hent_paa_fnr
from kvp.person.services import barn_legg_til, person_opprett
from kvp.tilgang.models import Rolle


def test_person_opprett_lagrer_ved_kontoret_som_betjener_kommunen_og_logger_maskert(veileder_a, randaberg, kontor_a):
    nummer = syntetisk_fnr()
    person = person_opprett(
        bruker=veileder_a, foedselsnummer=nummer, fornavn=" Kari ", etternavn="Nordmann", kommune=randaberg
    )
    assert person.kontor == kontor_a
    assert person.fornavn == "Kari"
    assert person.foedselsdato == dt.date(1990, 5, 17)
    hendelse = Logghendelse.objects.get(objekt_id=str(person.pk), handling="OPPRETT")
    assert hendelse.brukernavn == veileder_a.username
    assert nummer not in str(hendelse.etter)
    assert hendelse.etter is not None
    assert hendelse.etter["foedselsnummer"] == person.maskert_fnr


def test_person_opprett_avviser_kommune_kontoret_ikke_betjener(veileder_a, kongsvinger):
    with pytest.raises(KvpFeil) as feil:
        person_opprett(
            bruker=veileder_a, foedselsnummer=syntetisk_fnr(), fornavn="A", etternavn="B", kommune=kongsvinger
        )
    assert feil.value.felt == "kommune"
    assert "betjener ikke Kongsvinger" in feil.value.melding
    assert not Person.objects.exists()


def test_person_opprett_avviser_kommune_uten_kontor(veileder_a, stavanger):
    with pytest.raises(KvpFeil, match="betjener ikke Stavanger"):
        person_opprett(bruker=veileder_a, foedselsnummer=syntetisk_fnr(), fornavn="A", etternavn="B", kommune=stavanger)


def test_person_opprett_avviser_samme_fnr_to_ganger(lag_person):
    person = lag_person()
    with pytest.raises(KvpFeil, match="finnes allerede") as feil:
        lag_person(foedselsnummer=person.foedselsnummer)
    assert feil.value.felt == "foedselsnummer"
    assert Person.objects.count() == 1


def test_person_opprett_avviser_feil_fnr_og_manglende_navn(lag_person):
    with pytest.raises(KvpFeil, match="kontrollsiffer"):
        lag_person(foedselsnummer="15108695089")
    with pytest.raises(KvpFeil, match="Fyll ut fornavn"):
        lag_person(fornavn="  ")
    with pytest.raises(KvpFeil, match="Postnummer"):
        lag_person(postnummer="40a")
    assert not Person.objects.exists()


def test_person_opprett_krever_veilederrolle(lag_bruker, kontor_a, randaberg):
    oekonomi = lag_bruker(Rolle.OEKONOMI, kontor=kontor_a)
    with pytest.raises(IkkeTilgang):
        person_opprett(bruker=oekonomi, foedselsnummer=syntetisk_fnr(), fornavn="A", etternavn="B", kommune=randaberg)


def test_barn_legg_til_med_forsoergerperiode(lag_person, veileder_a, i_dag):
    person = lag_person()
    barn = barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn="Lille",
        foedselsdato=i_dag - dt.timedelta(days=400),
        forsoerget_fra_og_med=i_dag - dt.timedelta(days=400),
    )
    periode = barn.forsoergerperioder.get()
    assert periode.til_og_med is None
    assert Logghendelse.objects.filter(objekt_id=str(barn.pk)).exists()


@pytest.mark.parametrize(
    ("foedt", "fra", "til", "felt", "kode"),
    [
        (5, 5, None, "foedselsdato", "KVP_DATO_FREMTID"),  # født frem i tid
        (-10, -20, None, "forsoerget_fra_og_med", "KVP_FORSOERGET_FOER_FOEDSEL"),  # forsørget før fødsel
        (-10, -5, -8, "forsoerget_til_og_med", "KVP_DATO"),  # til og med før fra og med
    ],
)
def test_barn_legg_til_avviser_umulige_datoer(lag_person, veileder_a, i_dag, foedt, fra, til, felt, kode):
    person = lag_person()
    with pytest.raises(KvpFeil) as feil:
        barn_legg_til(
            bruker=veileder_a,
            person=person,
            fornavn="Lille",
            foedselsdato=i_dag + dt.timedelta(days=foedt),
            forsoerget_fra_og_med=i_dag + dt.timedelta(days=fra),
            forsoerget_til_og_med=i_dag + dt.timedelta(days=til) if til is not None else None,
        )
    assert (feil.value.felt, feil.value.kode) == (felt, kode)
    assert not Barn.objects.exists()


def test_person_hent_gir_ikke_funnet_for_annet_kontor_og_logger_visning(lag_person, kvp_veileder_b, veileder_a):
    person = lag_person()
    with pytest.raises(IkkeFunnet):
        person_hent(bruker=kvp_veileder_b, person_id=person.pk)
    assert person_hent(bruker=veileder_a, person_id=person.pk) == person
    assert Logghendelse.objects.filter(handling="LES", person=person, bruker=veileder_a).count() == 1


def test_person_hent_paa_fnr_finner_bare_eget_kontor(lag_person, kvp_veileder_b, veileder_a):
    person = lag_person()
    assert person_hent_paa_fnr(bruker=veileder_a, foedselsnummer=person.foedselsnummer) == person
    with pytest.raises(KvpFeil, match="Fant ingen person"):
        person_hent_paa_fnr(bruker=kvp_veileder_b, foedselsnummer=person.foedselsnummer)


def test_navnesoek_blar_med_post_beholder_soeket_og_logges(client, veileder_a, lag_person):
    from django.urls import reverse

    from kvp.felles.models import Logghendelse

    for i in range(55):
        lag_person(fornavn=f"Per{i}", etternavn="Blaasen")
    lag_person(fornavn="Kari", etternavn="Annensen")
    client.force_login(veileder_a)

    side1 = client.post(reverse("person:liste"), {"navn": "blaasen"})
    side2 = client.post(reverse("person:liste"), {"navn": "blaasen", "side": "2"})

    assert side1.status_code == side2.status_code == 200
    assert side1.context["side"].paginator.count == 55
    assert [p.etternavn for p in side2.context["side"]] == ["Blaasen"] * 5
    html = side1.content.decode()
    assert 'name="side" value="2"' in html and 'value="blaasen"' in html
    assert "?side=" not in html  # navnet følger ikke med i en lenke
    soek = Logghendelse.objects.filter(handling="SOEK", objekttype="personsøk")
    assert soek.count() == 2
    foerste = soek.first()
    assert foerste is not None
    assert foerste.etter == {"navn": "blaasen", "treff": 55}
    assert foerste.kontor_id == veileder_a.rolletildelinger.get().kontor_id
    # Uten navn blas det med lenker som før, og ingenting logges som søk.
    uten = client.get(reverse("person:liste"), {"side": "2"})
    assert uten.context["side"].number == 2 and "?side=1" in uten.content.decode()
    assert Logghendelse.objects.filter(handling="SOEK").count() == 2


def test_fnr_ved_annet_kontor_gir_noeytral_melding_og_logget_overfoeringsforespoersel(
    veileder_a, kvp_veileder_b, randaberg, kongsvinger, kontor_a, kontor_b
):
    nummer = syntetisk_fnr()
    hos_b = person_opprett(
        bruker=kvp_veileder_b, foedselsnummer=nummer, fornavn="Kari", etternavn="B", kommune=kongsvinger
    )

    with pytest.raises(KvpFeil) as feil:
        person_opprett(bruker=veileder_a, foedselsnummer=nummer, fornavn="Kari", etternavn="B", kommune=randaberg)

    assert feil.value.kode == "KVP_PERSON_OVERFOERING"
    assert "finnes allerede" not in feil.value.melding
    assert Person.objects.filter(foedselsnummer=nummer).count() == 1
    # Det andre kontoret ser forespørselen i sin revisjonslogg, knyttet til personen.
    hos_dem = Logghendelse.objects.get(kontor=kontor_b, objekttype="overføringsforespørsel")
    assert hos_dem.person_id == hos_b.pk
    assert hos_dem.bruker_id == veileder_a.pk
    assert kontor_a.navn in hos_dem.beskrivelse
    assert Logghendelse.objects.filter(kontor=kontor_a, objekttype="overføringsforespørsel", person=None).count() == 1
    assert nummer not in str(list(Logghendelse.objects.values()))

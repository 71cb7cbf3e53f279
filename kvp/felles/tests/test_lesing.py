"""Revisjonsloggen (issue 12, punkt 5): hver side som viser personopplysninger, skriver én lesing per person som vises,
med bruker, kontor, IP, sesjon og formål, og lederen finner «hvem har sett denne personen» i ett søk."""

from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.felles.services import lesing_registrer
from kvp.sak.tests.test_tavle import lag_saker
from kvp.tilgang.models import Rolle


def _lesinger(objekttype: str) -> list[Logghendelse]:
    return list(Logghendelse.objects.filter(handling="LES", objekttype=objekttype).order_by("id"))


def test_lesing_registrer_logger_hver_person_en_gang_i_en_innsetting(
    lag_person, veileder_a, kontor_a, django_assert_num_queries
):
    a, b = lag_person(), lag_person()
    with django_assert_num_queries(1):
        antall = lesing_registrer(
            bruker=veileder_a,
            personer=[(a.pk, kontor_a.pk), (b.pk, kontor_a.pk), (a.pk, kontor_a.pk)],
            formaal="Test",
            objekttype="liste",
        )
    assert antall == 2
    rader = _lesinger("liste")
    assert {r.person_id for r in rader} == {a.pk, b.pk}
    assert {(r.brukernavn, r.kontor_id, r.formaal, r.ip) for r in rader} == {
        (veileder_a.username, kontor_a.pk, "Test", None)
    }


def test_tavla_logger_en_lesing_per_person_som_vises(client, lag_person, kvp_veileder_a, i_dag, settings):
    settings.KVP_TAVLE_MAKS_PER_KOLONNE = 2
    saker = lag_saker(3, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    client.force_login(kvp_veileder_a)
    assert client.get(reverse("sak:tavle"), REMOTE_ADDR="192.0.2.7").status_code == 200
    rader = _lesinger("KVP-tavla")
    # Bare to av tre vises (maks per kolonne); den skjulte saken logges ikke.
    assert len(rader) == 2
    assert {r.person_id for r in rader} < {s.person_id for s in saker}
    assert {(r.bruker, r.formaal, r.ip) for r in rader} == {(kvp_veileder_a, "Saksoversikt på KVP-tavla", "192.0.2.7")}
    assert all(len(r.sesjon) == 16 for r in rader)


def test_klientadressen_bak_proxy_er_den_proxyen_saa(client, lag_person, kvp_veileder_a, i_dag, settings):
    settings.KVP_PROXY_ANTALL = 1
    lag_saker(1, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    client.force_login(kvp_veileder_a)
    client.get(reverse("sak:tavle"), REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4")
    assert [r.ip for r in _lesinger("KVP-tavla")] == ["198.51.100.4"]


def test_personlisten_og_navnesoeket_logger_hver_person_i_treffet(client, lag_person, veileder_a):
    kari = lag_person(fornavn="Kari", etternavn="Lesevik")
    ola = lag_person(fornavn="Ola", etternavn="Annen")
    client.force_login(veileder_a)
    assert client.get(reverse("person:liste")).status_code == 200
    assert [r.person_id for r in _lesinger("personliste")] == [ola.pk, kari.pk]  # etternavn: Annen, Lesevik
    assert client.post(reverse("person:liste"), {"navn": "Lesevik"}).status_code == 200
    (treff,) = _lesinger("personsøk")
    assert (treff.person_id, treff.formaal) == (kari.pk, "Treff i personsøk")


def test_min_side_logger_at_deltakeren_saa_egne_opplysninger(client, lag_person, lag_bruker):
    person = lag_person()
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    client.force_login(deltaker)
    assert client.get(reverse("soeknad:min_side")).status_code == 200
    (rad,) = _lesinger("Min side")
    assert (rad.person_id, rad.kontor_id, rad.bruker) == (person.pk, person.kontor_id, deltaker)
    assert rad.formaal == "Deltakeren så egne opplysninger på Min side"


def test_lederen_finner_hvem_som_har_sett_personen_i_ett_soek(
    client, lag_person, kvp_veileder_a, veileder_a, leder_a, i_dag
):
    (sak,) = lag_saker(1, lag_person=lag_person, bruker=kvp_veileder_a, i_dag=i_dag)
    annen = lag_person(fornavn="Annen")
    client.force_login(kvp_veileder_a)
    client.get(reverse("sak:tavle"), REMOTE_ADDR="192.0.2.9")
    client.force_login(veileder_a)
    client.get(reverse("person:liste"))
    client.force_login(leder_a)
    svar = client.post(
        reverse("felles:logg"),
        {"foedselsnummer": sak.person.foedselsnummer, "handling": "LES", "til_og_med": ""},
    )
    assert svar.status_code == 200
    side = svar.content.decode()
    hendelser = svar.context["hendelser"]
    assert {h.person_id for h in hendelser} == {sak.person_id}
    assert {h.brukernavn for h in hendelser} >= {kvp_veileder_a.username, veileder_a.username}
    assert "Saksoversikt på KVP-tavla" in side and "Personliste for kontoret" in side
    assert "Så på" in side and "fra 192.0.2.9" in side
    assert "{" not in side.split("<tbody>")[1]  # lesbar tekst, ingen rå ordbøker
    assert annen.pk not in {h.person_id for h in hendelser}


def test_kvitteringen_logger_at_deltakeren_saa_egen_soeknad(client, lag_person, lag_bruker):
    from kvp.soeknad.services import soeknad_send_inn

    person = lag_person()
    deltaker = lag_bruker(Rolle.DELTAKER, person=person)
    soeknad, _ = soeknad_send_inn(bruker=deltaker, hva_oensker_du="Jobb", hjelp_til="", bekreftet=True)
    client.force_login(deltaker)
    assert client.get(reverse("soeknad:kvittering", args=[soeknad.pk])).status_code == 200
    (rad,) = _lesinger("søknadskvittering")
    assert (rad.person_id, rad.bruker, rad.objekt_id) == (person.pk, deltaker, str(soeknad.pk))
    assert rad.formaal == "Deltakeren så kvitteringen for egen søknad"

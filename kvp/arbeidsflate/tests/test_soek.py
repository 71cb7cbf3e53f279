"""Søket: ett felt for navn, fødselsnummer og saksnummer, innenfor kontoret, logget, og aldri fnr i URL-en."""

from django.urls import reverse
from django.utils import timezone

from kvp.conftest import syntetisk_fnr
from kvp.felles.models import Logghendelse
from kvp.soeknad.services import soeknad_registrer

URL = "arbeidsflate:soek"


def test_soek_paa_fnr_gir_personen_logger_soeket_og_skriver_ikke_fnr_tilbake(client, lag_person, kvp_veileder_a):
    fnr = syntetisk_fnr()
    person = lag_person(foedselsnummer=fnr, fornavn="Fnrsøkt")
    client.force_login(kvp_veileder_a)
    svar = client.post(reverse(URL), {"q": fnr})
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert "Fnrsøkt" in tekst
    assert fnr not in tekst  # bare maskert i tabellen, og feltet er tømt
    soek = Logghendelse.objects.filter(handling="SOEK", objekttype="søk").get()
    assert soek.etter["type"] == "fnr" and soek.etter["treff"] == 1
    assert fnr not in str(soek.etter) + soek.beskrivelse
    assert Logghendelse.objects.filter(handling="LES", person_id=person.pk, objekttype="søk").count() == 1


def test_soek_med_get_viser_bare_skjemaet_og_bruker_ikke_parametere_fra_url(client, lag_person, kvp_veileder_a):
    fnr = syntetisk_fnr()
    lag_person(foedselsnummer=fnr, fornavn="Urlsøkt")
    client.force_login(kvp_veileder_a)
    svar = client.get(reverse(URL) + f"?q={fnr}")
    assert svar.status_code == 200
    assert "Urlsøkt" not in svar.content.decode()
    assert not Logghendelse.objects.filter(handling="SOEK").exists()


def test_navnesoek_finner_hvert_ord_i_fornavn_eller_etternavn(client, lag_person, kvp_veileder_a):
    lag_person(fornavn="Kari Anne", etternavn="Sørlie")
    lag_person(fornavn="Kari", etternavn="Berg")
    client.force_login(kvp_veileder_a)
    tekst = client.post(reverse(URL), {"q": "kari sør"}).content.decode()
    assert "Sørlie" in tekst and "Berg" not in tekst
    assert Logghendelse.objects.get(handling="SOEK").etter == {"type": "navn", "navn": "kari sør", "treff": 1}


def test_saksnummer_finner_saken(client, lag_person, kvp_veileder_a):
    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(fornavn="Saksøkt"), mottatt_dato=timezone.localdate(), kanal="PAPIR"
    )
    nummer = str(sak.pk)[:8]
    client.force_login(kvp_veileder_a)
    tekst = client.post(reverse(URL), {"q": nummer.upper()}).content.decode()
    assert "Saksøkt" in tekst
    assert reverse("sak:detalj", kwargs={"sak_id": sak.pk}) in tekst


def test_andre_kontorer_gir_ingen_treff(client, lag_person, kvp_veileder_b):
    fnr = syntetisk_fnr()
    lag_person(foedselsnummer=fnr, fornavn="Hemmelig")
    client.force_login(kvp_veileder_b)
    for q in (fnr, "Hemmelig"):
        tekst = client.post(reverse(URL), {"q": q}).content.decode()
        assert "Hemmelig" not in tekst.split("<main", 1)[1].split("</form>", 1)[1]
        assert "Ingen treff" in tekst


def test_tomt_og_for_kort_soek_gir_norsk_feil_i_oppsummeringen(client, kvp_veileder_a):
    client.force_login(kvp_veileder_a)
    for q in ("", " x "):
        svar = client.post(reverse(URL), {"q": q})
        tekst = svar.content.decode()
        assert svar.status_code == 400
        assert 'class="aksel-error-summary' in tekst
        assert 'href="#id_q"' in tekst


def test_oekonomi_og_deltaker_faar_ikke_soeke(client, lag_bruker, kontor_a):
    client.force_login(lag_bruker("OEKONOMI", kontor=kontor_a))
    assert client.post(reverse(URL), {"q": "Ola"}).status_code == 403

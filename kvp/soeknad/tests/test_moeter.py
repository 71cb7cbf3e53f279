"""Overføringsmøtene: booke, avlyse (med grunn, i revisjonsloggen) og flytte; ingen dobbeltbooking og ingenting i
fortiden; kalenderen, møtene på person- og sakssiden og oppgavene i Mine oppgaver."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.arbeidsflate.selectors import oppgaver_for_bruker
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.felles.oppgaver import Oppgave
from kvp.soeknad.models import Kanal, Moeteavlysning, Moetetid
from kvp.soeknad.selectors import moeter_for_person
from kvp.soeknad.services import moete_avlys, moete_ombook, moetetid_book, moetetid_opprett, soeknad_registrer
from kvp.soeknad.tests.test_services import kartlegg, neste_kvarter
from kvp.tilgang.models import Bruker, Rolle


@pytest.fixture
def booket(lag_person, veileder_a, kvp_veileder_a):
    """En kartlegging med et booket møte i morgen kl. 9, og to ledige tider til."""
    kartlegging = kartlegg(veileder_a, lag_person(fornavn="Mona", etternavn="Moete"))
    tider = [
        moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=neste_kvarter(time=t))
        for t in (9, 10, 11)
    ]
    moetetid_book(bruker=veileder_a, moetetid_id=tider[0].pk, kartlegging=kartlegging)
    return kartlegging, tider


def _booket_tid(kartlegging: Any) -> Any:
    return Moetetid.objects.filter(kartlegging=kartlegging).values_list("pk", flat=True).first()


def test_avlysning_krever_grunn_frigir_tiden_og_logges(booket, veileder_a):
    kartlegging, tider = booket
    with pytest.raises(KvpFeil, match="Skriv hvorfor"):
        moete_avlys(bruker=veileder_a, kartlegging_id=kartlegging.pk, grunn="   ")
    assert _booket_tid(kartlegging) == tider[0].pk and not Moeteavlysning.objects.exists()

    avlysning = moete_avlys(bruker=veileder_a, kartlegging_id=kartlegging.pk, grunn="Personen er syk.")
    assert _booket_tid(kartlegging) is None
    tider[0].refresh_from_db()
    assert tider[0].kartlegging_id is None and tider[0].booket_av_id is None  # ledig for andre igjen
    assert (avlysning.grunn, avlysning.start, avlysning.ny_moetetid) == ("Personen er syk.", tider[0].start, None)
    logg = Logghendelse.objects.get(beskrivelse="Overføringsmøte avlyst")
    assert logg.person_id == kartlegging.person_id and (logg.etter or {}).get("grunn") == "Personen er syk."
    with pytest.raises(ValueError, match="kan ikke endres"):
        avlysning.save()
    # Avlyst: en ny tid kan bookes, også den samme.
    moetetid_book(bruker=veileder_a, moetetid_id=tider[0].pk, kartlegging=kartlegging)
    assert _booket_tid(kartlegging) == tider[0].pk


def test_moete_som_har_vaert_kan_ikke_avlyses_eller_flyttes(booket, veileder_a):
    kartlegging, tider = booket
    Moetetid.objects.filter(pk=tider[0].pk).update(start=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(KvpFeil, match="allerede vært"):
        moete_avlys(bruker=veileder_a, kartlegging_id=kartlegging.pk, grunn="For sent.")
    with pytest.raises(KvpFeil, match="allerede vært"):
        moete_ombook(bruker=veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[1].pk)
    assert _booket_tid(kartlegging) == tider[0].pk and not Moeteavlysning.objects.exists()


def test_avlysning_uten_booket_moete_gir_klar_melding(lag_person, veileder_a):
    kartlegging = kartlegg(veileder_a, lag_person())
    with pytest.raises(KvpFeil, match="ikke booket noe møte"):
        moete_avlys(bruker=veileder_a, kartlegging_id=kartlegging.pk, grunn="x")


def test_avlysning_gaar_gjennom_tilgangslaget(booket, kvp_veileder_b, leder_a):
    kartlegging, tider = booket
    with pytest.raises(IkkeFunnet):
        moete_avlys(bruker=kvp_veileder_b, kartlegging_id=kartlegging.pk, grunn="x")
    with pytest.raises(IkkeTilgang):
        moete_avlys(bruker=leder_a, kartlegging_id=kartlegging.pk, grunn="x")
    assert _booket_tid(kartlegging) == tider[0].pk


def test_flytting_booker_ny_tid_og_frigir_den_gamle(booket, kvp_veileder_a):
    kartlegging, tider = booket
    ny = moete_ombook(bruker=kvp_veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[1].pk)
    assert ny.pk == tider[1].pk and _booket_tid(kartlegging) == tider[1].pk
    assert Moetetid.objects.get(pk=tider[0].pk).kartlegging_id is None
    avlysning = Moeteavlysning.objects.get()
    assert (avlysning.start, avlysning.ny_moetetid_id) == (tider[0].start, tider[1].pk)
    assert avlysning.grunn == "Flyttet til en annen tid."
    logg = Logghendelse.objects.get(beskrivelse="Overføringsmøte flyttet")
    assert logg.foer is not None and logg.etter is not None
    assert dt.datetime.fromisoformat(logg.foer["start"]) == tider[0].start
    assert dt.datetime.fromisoformat(logg.etter["start"]) == tider[1].start


def test_flytting_til_opptatt_tid_fortid_eller_samme_tid_endrer_ingenting(booket, lag_person, veileder_a):
    kartlegging, tider = booket
    annen = kartlegg(veileder_a, lag_person(fornavn="Anne"))
    moetetid_book(bruker=veileder_a, moetetid_id=tider[1].pk, kartlegging=annen)
    with pytest.raises(KvpFeil, match="ikke ledig"):  # ingen dobbeltbooking
        moete_ombook(bruker=veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[1].pk)
    with pytest.raises(KvpFeil, match="annen tid enn"):
        moete_ombook(bruker=veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[0].pk)
    Moetetid.objects.filter(pk=tider[2].pk).update(start=timezone.now() - dt.timedelta(minutes=15))
    with pytest.raises(KvpFeil, match="Tiden har vært"):  # ingen booking i fortiden
        moete_ombook(bruker=veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[2].pk)
    # Alt eller ingenting: det gamle møtet står, den andre bookingen står, og ingen avlysning er lagret.
    assert _booket_tid(kartlegging) == tider[0].pk and _booket_tid(annen) == tider[1].pk
    assert not Moeteavlysning.objects.exists()
    assert not Logghendelse.objects.filter(beskrivelse__startswith="Overføringsmøte flyttet").exists()


def test_booking_i_fortiden_og_dobbeltbooking_avvises(booket, lag_person, veileder_a):
    kartlegging, tider = booket
    with pytest.raises(KvpFeil, match="allerede booket"):  # samme kartlegging to ganger
        moetetid_book(bruker=veileder_a, moetetid_id=tider[1].pk, kartlegging=kartlegging)
    annen = kartlegg(veileder_a, lag_person(fornavn="Anne"))
    with pytest.raises(KvpFeil, match="ikke ledig"):  # samme tid to ganger
        moetetid_book(bruker=veileder_a, moetetid_id=tider[0].pk, kartlegging=annen)
    Moetetid.objects.filter(pk=tider[2].pk).update(start=timezone.now() - dt.timedelta(days=1))
    with pytest.raises(KvpFeil, match="Tiden har vært"):
        moetetid_book(bruker=veileder_a, moetetid_id=tider[2].pk, kartlegging=annen)
    assert _booket_tid(annen) is None


def _avlyst(bruker: Any) -> list[Oppgave]:
    ny = Bruker.objects.get(pk=bruker.pk)  # oppgavene mellomlagres på brukerobjektet (per forespørsel)
    return [o for o in oppgaver_for_bruker(bruker=ny) if o.type == "MOETE_AVLYST"]


def test_avlysning_naar_de_det_gjelder_i_mine_oppgaver_til_ny_tid_er_booket(booket, veileder_a, kvp_veileder_a):
    kartlegging, tider = booket
    moete_avlys(bruker=kvp_veileder_a, kartlegging_id=kartlegging.pk, grunn="Syk.")
    oppgaver = _avlyst(veileder_a)  # veilederen som kartla får «book en ny tid»
    assert len(oppgaver) == 1 and "Book en ny tid" in oppgaver[0].tittel
    assert oppgaver[0].lenke == reverse("soeknad:kartlegging", kwargs={"kartlegging_id": kartlegging.pk})
    assert _avlyst(kvp_veileder_a) == []  # den som avlyste, vet det
    moetetid_book(bruker=veileder_a, moetetid_id=tider[1].pk, kartlegging=kartlegging)
    assert _avlyst(veileder_a) == []  # gjort: oppgaven er borte


def test_flytting_av_en_annen_naar_kvp_veilederen(booket, veileder_a, kvp_veileder_a):
    kartlegging, tider = booket
    moete_ombook(bruker=veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[2].pk)
    oppgaver = _avlyst(kvp_veileder_a)
    assert len(oppgaver) == 1 and oppgaver[0].typenavn == "Møte flyttet"
    assert "flyttet til" in oppgaver[0].tittel and oppgaver[0].lenke.startswith(reverse("soeknad:moetekalender"))
    assert _avlyst(veileder_a) == []  # flyttet, ikke avlyst: ingenting å booke


def test_moetene_paa_person_og_sakssiden_med_kartlegging_og_notat(client, booket, veileder_a, kvp_veileder_a, i_dag):
    kartlegging, tider = booket
    moete_ombook(bruker=veileder_a, kartlegging_id=kartlegging.pk, ny_moetetid_id=tider[1].pk, grunn="Kolliderte.")
    moeter = moeter_for_person(bruker=kvp_veileder_a, person=kartlegging.person)
    assert [m.pk for m in moeter.booket] == [tider[1].pk] and [a.grunn for a in moeter.avlyste] == ["Kolliderte."]
    _, sak = soeknad_registrer(bruker=kvp_veileder_a, person=kartlegging.person, mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    lenke = reverse("soeknad:kartlegging", kwargs={"kartlegging_id": kartlegging.pk})
    client.force_login(kvp_veileder_a)
    for url in (
        reverse("person:detalj", kwargs={"person_id": kartlegging.person_id}),
        reverse("sak:detalj", kwargs={"sak_id": sak.pk}),
    ):
        side = client.get(url).content.decode()
        assert "Overføringsmøter" in side, url
        assert f'href="{lenke}"' in side and f'href="{lenke}#notat"' in side, url
        assert "Grunn: Kolliderte." in side, url


def test_moetekalenderen_viser_egne_tider_og_logger_personene(client, booket, kvp_veileder_a, veileder_a):
    kartlegging, tider = booket
    url = reverse("soeknad:moetekalender")
    client.force_login(veileder_a)
    assert client.get(url).status_code == 403  # bare KVP-veiledere har møtekalender
    client.force_login(kvp_veileder_a)
    mandag = timezone.localdate(tider[0].start) - dt.timedelta(days=timezone.localdate(tider[0].start).weekday())
    aar, uke, _ = mandag.isocalendar()
    foer = Logghendelse.objects.filter(handling="LES", person=kartlegging.person).count()
    svar = client.get(url, {"uke": f"{aar}-W{uke:02d}"})
    assert svar.status_code == 200
    side = svar.content.decode()
    assert "09:00 Booket:" in side and "Mona Moete" in side and "10:00 Ledig" in side
    assert Logghendelse.objects.filter(handling="LES", person=kartlegging.person).count() > foer
    svar = client.get(url, {"uke": "neste-uke"})
    assert svar.status_code == 400 and "Uka må skrives som åååå-Unn" in svar.content.decode()


def test_avlys_og_flytt_i_visningene(client, booket, veileder_a, lag_bruker, kontor_a):
    kartlegging, tider = booket
    avlys = reverse("soeknad:moete_avlys", kwargs={"kartlegging_id": kartlegging.pk})
    flytt = reverse("soeknad:moete_ombook", kwargs={"kartlegging_id": kartlegging.pk})
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor_a))
    assert client.get(avlys).status_code == 403
    client.force_login(veileder_a)
    assert "Dette skjer når du avlyser" in client.get(avlys).content.decode()
    svar = client.post(avlys, {"grunn": ""})
    assert svar.status_code == 400 and "Dette feltet må fylles ut." in svar.content.decode()
    svar = client.post(flytt, {"moetetid": str(tider[0].pk)})  # ikke blant de ledige
    assert svar.status_code == 400 and _booket_tid(kartlegging) == tider[0].pk
    assert client.post(flytt, {"moetetid": str(tider[2].pk)}).status_code == 302
    assert _booket_tid(kartlegging) == tider[2].pk
    assert client.post(avlys, {"grunn": "Trakk søknaden."}).status_code == 302
    assert _booket_tid(kartlegging) is None
    assert client.get(avlys).status_code == 302  # ingenting å avlyse: tilbake til kartleggingen

"""Deltakeren godtar planen: underskriften lagres med tidspunkt og innhold, en endret plan må godtas på nytt."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from kvp.deltaker.models import Planaksept
from kvp.deltaker.services import plan_godta
from kvp.deltaker.tests.test_e2e import TELEFON, sjekk_telefon
from kvp.felles.feil import IkkeFunnet
from kvp.felles.models import Logghendelse
from kvp.felles.tests.nettleser import PASSORD, logg_inn
from kvp.plan.models import Aktivitet
from kvp.plan.tests.hjelpere import fattet_vedtak
from kvp.tilgang.models import Rolle


def lag_plan(sak: Any) -> None:
    Aktivitet.objects.create(
        sak=sak,
        type="ARBEIDSTRENING",
        beskrivelse="Praksis i butikk",
        timer_per_uke=Decimal("30"),
        fra_og_med=dt.date(2025, 1, 6),
        til_og_med=dt.date(2026, 1, 5),
        tilbyder="Nærbutikken",
        avtalt_med_deltaker=True,
        endret_av=sak.saksbehandler,
    )


@pytest.fixture
def sak(lag_sak_i_program):
    sak = lag_sak_i_program()
    lag_plan(sak)
    return sak


def test_godta_planen_og_endret_plan_maa_godtas_paa_nytt(client, sak, lag_bruker):
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person)
    client.force_login(deltaker)
    url = reverse("deltaker:min_plan")
    side = client.get(url)
    sjekksum = side.context["form"].initial["sjekksum"]
    assert client.post(url, {"sjekksum": sjekksum}).status_code == 400  # uten avkrysning
    assert client.post(url, {"sjekksum": sjekksum, "godtar": "on"}).status_code == 302
    aksept = Planaksept.objects.get()
    assert aksept.bruker == deltaker and aksept.innhold[0]["tilbyder"] == "Nærbutikken"
    assert "Du godtok planen" in client.get(url).content.decode()
    assert Logghendelse.objects.filter(beskrivelse="Deltakeren godtok programplanen", person=sak.person).exists()

    Aktivitet.objects.filter(sak=sak).update(timer_per_uke=Decimal("37.5"))
    side = client.get(url).content.decode()
    assert "Planen er endret siden du godtok den" in side
    svar = client.post(url, {"sjekksum": sjekksum, "godtar": "on"})  # den gamle planen
    assert svar.status_code == 400 and "Planen er endret" in svar.content.decode()
    assert Planaksept.objects.count() == 1


def test_veilederen_kan_ikke_godta_for_deltakeren(sak, kvp_veileder_a):
    with pytest.raises(IkkeFunnet):
        plan_godta(bruker=kvp_veileder_a, sak_id=sak.pk, innhold=[{"a": 1}], sjekksum="x")


def test_planen_godtas_paa_telefon(
    live_server: Any, side: Page, transactional_db: Any, lag_sak_i_program: Any, lag_bruker: Any
):
    sak = lag_sak_i_program()
    lag_plan(sak)
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person, passord=PASSORD)
    side.set_viewport_size(TELEFON)
    logg_inn(side, live_server.url, deltaker.username)
    side.get_by_role("link", name="Les og godta planen din").click()
    expect(side.get_by_text("Praksis i butikk")).to_be_visible()
    sjekk_telefon(side)
    side.get_by_label("Jeg har lest planen og godtar den.").check()
    side.get_by_role("button", name="Godta planen").click()
    expect(side.locator("#plan-godtatt")).to_be_visible()
    sjekk_telefon(side)


def test_forsiden_viser_plan_moeter_og_neste_utbetaling(client, sak, lag_bruker):
    moete = timezone.localdate() + dt.timedelta(days=7)
    Aktivitet.objects.filter(sak=sak).update(til_og_med=moete + dt.timedelta(days=30))
    fattet_vedtak(sak=sak, beslutter=lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor), evalueringer=[moete])
    client.force_login(lag_bruker(Rolle.DELTAKER, person=sak.person))
    side = client.get(reverse("soeknad:min_side")).content.decode()
    assert "Programmet ditt nå" in side and "Neste utbetaling:" in side
    assert "Ingen møter er satt opp ennå." not in side and "Praksis i butikk" in side

"""Klart språk på deltakerens sider: ingen tall med mer enn to desimaler (ikke engang i hele utregningen), hver
måned som én setning og en liten tabell, og nynorsk når målformen er nynorsk."""

from decimal import Decimal

import pytest

from kvp.deltaker.klarspraak import linje_tekst, tekster
from kvp.deltaker.tests.sider import deltakersider, lag_deltaker_med_alt, synlig_tekst, tall_med_mange_desimaler
from kvp.person.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def deltaker(lag_sak_i_program, lag_bruker, kvp_veileder_a):
    return lag_deltaker_med_alt(lag_sak_i_program=lag_sak_i_program, lag_bruker=lag_bruker, kvp=kvp_veileder_a)


def test_testen_finner_tall_med_fire_desimaler():
    assert tall_med_mange_desimaler("1 dag × 649,0799 kr = 649,08 kr") == ["649,0799"]
    assert tall_med_mange_desimaler("dagsats 649.0798666667") == ["649.0798666667"]
    assert tall_med_mange_desimaler("168\u00a0760,7653 kr i året") == ["168\u00a0760,7653"]
    assert tall_med_mange_desimaler("2/3 av 2,041 × G") == ["2,041"]
    assert tall_med_mange_desimaler("Utbetalt 15.04.2025: 1 947,24 kr, versjon 2026.11.1, 73,33 %") == []


@pytest.mark.parametrize("maalform", ["NB", "NN"])
def test_ingen_side_viser_tall_med_mer_enn_to_desimaler(client, deltaker, maalform):
    sak, bruker = deltaker
    Person.objects.filter(pk=sak.person_id).update(maalform=maalform)
    # Beregningen bak utbetalingen har regelforklaringer med fire desimaler; de skal aldri nå deltakeren.
    assert tall_med_mange_desimaler(str(sak.utbetalinger.get().poster.get().beregning.resultat))
    client.force_login(bruker)
    for navn, url in deltakersider():
        svar = client.get(url)
        assert svar.status_code == 200, navn
        tekst = synlig_tekst(svar.content.decode())
        assert tall_med_mange_desimaler(tekst) == [], f"{navn} ({url})"


def test_utbetalingen_er_en_setning_en_tabell_og_hele_utregningen_bak_et_klikk(client, deltaker):
    from django.urls import reverse

    _sak, bruker = deltaker
    client.force_login(bruker)
    html = client.get(reverse("deltaker:mine_utbetalinger")).content.decode()
    for ord_ in ("Dager med stønad", "Stønad per dag", "Dager med mindre stønad", "Skatt", "Utbetalt til deg"):
        assert ord_ in html
    assert "For mars 2025 fikk du" in html and "utbetalt 15.04.2025" in html
    assert "<details" in html and "Se hele utregningen" in html
    assert "fravær: redusert til 60 %" in html
    # Min side har samme forklaring for de siste utbetalingene, og oppmøtesiden forklarer måneden.
    min_side = client.get(reverse("soeknad:min_side")).content.decode()
    assert "For mars 2025 fikk du" in min_side and "<details" in min_side
    oppmoete = client.get(reverse("oppmoete:min_side") + "?maaned=2025-03").content.decode()
    assert "For mars 2025 er stønaden din" in oppmoete and "<details" in oppmoete


def test_linjen_har_kroner_og_oere_og_grunnen_paa_begge_maalformer():
    linje = {
        "type": "STOENAD",
        "fra_og_med": "2025-03-10",
        "til_og_med": "2025-03-31",
        "antall_dager": 16,
        "dagsats_eksakt": "53549089/112500",
        "beloep": "7615.87",
        "forklaring": "16 dager: lønnet arbeid 10 av 37,50 timer per uke: redusert til 73,33 %. 16 dager × 475,9919 kr",
    }
    assert linje_tekst(linje, tekster("NB")) == (
        "Stønad 10.03.2025–31.03.2025: 16 dager × 475,99 kr = 7\u00a0615,87 kr (lønnet arbeid: redusert til 73,33 %)"
    )
    assert linje_tekst(linje, tekster("NN")) == (
        "Stønad 10.03.2025–31.03.2025: 16 dagar × 475,99 kr = 7\u00a0615,87 kr (lønt arbeid: redusert til 73,33 %)"
    )
    assert Decimal("475.99") * 16 != Decimal("7615.87")  # derfor merknaden om avrundet sats

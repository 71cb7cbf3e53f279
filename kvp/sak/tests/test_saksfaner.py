"""Saksbildet med faner: hver fane er en lenke med aria-current, bare den valgte fanen henter sine data, lesingen
logges som før, og advarselen om ufullstendig adresse står der et brev sendes."""

import re

import pytest
from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.felles.saksfaner import faner_for
from kvp.tilgang.models import Rolle
from kvp.vedtak.services import vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

FANER = ["sak", "vedtak", "plan", "oppmoete", "dokumenter", "klage", "meldinger"]


def _side(client, sak, fane: str = "") -> str:
    url = reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + (f"?fane={fane}" if fane else "")
    svar = client.get(url)
    assert svar.status_code == 200, url
    return str(svar.content.decode())


def _aktiv(tekst: str) -> list[str]:
    return re.findall(r'href="\?fane=(\w+)" aria-current="page"', tekst)


def test_fanene_er_lenker_og_bare_den_valgte_er_aktiv(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    tekst = _side(client, sak)
    assert re.findall(r'href="\?fane=(\w+)"', tekst) == FANER  # saksbehandleren ser ikke utbetalingsfanen
    assert _aktiv(tekst) == ["sak"]
    for fane in FANER:
        assert _aktiv(_side(client, sak, fane)) == [fane]


def test_sidehodet_har_navn_maskert_fnr_saksnummer_og_status(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(fornavn="Petra", etternavn="Program")
    client.force_login(kvp_veileder_a)
    tekst = _side(client, sak, "vedtak")
    assert "<h1" in tekst and "Petra Program</h1>" in tekst
    assert sak.person.maskert_fnr in tekst and sak.person.foedselsnummer not in tekst
    assert str(sak.pk)[:8] in tekst
    assert re.search(r'class="aksel-tag[^"]*"[^>]*data-color="success">I program<', tekst)


def test_hver_fane_viser_bare_sitt(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    sakfane = _side(client, sak)
    assert "Om saken" in sakfane and "Oppmøte og stønad" not in sakfane and "Programplan" not in sakfane
    oppmoete = _side(client, sak, "oppmoete")
    assert "Oppmøte og stønad" in oppmoete and "Om saken" not in oppmoete and "Tildeling" not in oppmoete
    assert "Programplan" in _side(client, sak, "plan")
    assert "Ingen vedtak ennå." in _side(client, sak, "vedtak")
    assert "Brev til deltakeren" in _side(client, sak, "dokumenter")
    assert "Ingen klager i saken." in _side(client, sak, "klage")
    assert "Meldte endringer" in _side(client, sak, "meldinger")


def test_fanene_holder_spoerringene_faa(client, lag_sak_i_program, kvp_veileder_a, django_assert_max_num_queries):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    _side(client, sak, "vedtak")  # sesjonen og brukeren er lastet
    for fane, maks in (("sak", 14), ("vedtak", 12), ("klage", 12), ("dokumenter", 14)):
        with django_assert_max_num_queries(maks):
            _side(client, sak, fane)


def test_hver_fane_logger_lesingen_av_saken(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    for fane in FANER:
        foer = Logghendelse.objects.filter(objekt_id=str(sak.pk), handling="LES", person=sak.person).count()
        _side(client, sak, fane)
        etter = Logghendelse.objects.filter(objekt_id=str(sak.pk), handling="LES", person=sak.person).count()
        assert etter == foer + 1, fane


def test_ukjent_fane_gir_404_med_norsk_melding(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    svar = client.get(reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "?fane=finnesikke")
    assert svar.status_code == 404
    assert "Fant ikke fanen" in svar.content.decode()
    # utbetalingsfanen finnes, men ikke for saksbehandleren (utbetalingene leses av økonomi og leder)
    assert client.get(reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "?fane=utbetaling").status_code == 404


def test_leder_ser_utbetalingsfanen(client, lag_sak_i_program, leder_a):
    sak = lag_sak_i_program()
    assert [f.kode for f in faner_for(leder_a, sak)][-4:] == ["utbetaling", "dokumenter", "klage", "meldinger"]
    client.force_login(leder_a)
    assert "Ingen utbetalinger i saken ennå." in _side(client, sak, "utbetaling")


@pytest.mark.parametrize("adresse", [{}, {"adresse": "Storgata 1", "postnummer": "4070", "poststed": "Randaberg"}])
def test_advarsel_om_ufullstendig_adresse_der_brev_sendes(
    client, lag_person, kvp_veileder_a, lag_bruker, kontor_a, adresse
):
    """Foreløpig svar (saken), vedtaket som sendes til beslutter, og beslutterens godkjenning: en advarsel, ikke en
    sperre (knappene står der fortsatt)."""
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(**adresse))
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    client.force_login(kvp_veileder_a)
    sider = [_side(client, sak), client.get(reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})).content.decode()]
    assert "Registrer foreløpig svar" in sider[0] and "Send til beslutter" in sider[1]
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    client.force_login(lag_bruker(Rolle.BESLUTTER, kontor=kontor_a))
    sider.append(client.get(reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})).content.decode())
    assert "Godkjenn og fatt vedtaket" in sider[2]
    for tekst in sider:
        if adresse:
            assert "Adressen er ufullstendig" not in tekst
        else:
            assert "Adressen er ufullstendig." in tekst
            assert "Mangler gateadresse, postnummer, poststed." in tekst

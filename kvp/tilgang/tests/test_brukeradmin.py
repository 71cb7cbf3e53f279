"""Lederen administrerer brukerne ved egne kontorer: opprett, gi og ta roller, deaktiver; alt revisjonslogget."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.tilgang import brukeradmin
from kvp.tilgang.models import Bruker, NavKontor, Rolle, Rolletildeling
from kvp.tilgang.services import rolle_tildel

PASSORD = "et-langt-testpassord-123"


def _ny(client: Client, kontor: NavKontor, **felter: str) -> Any:
    data = {
        "brukernavn": "Z990777",
        "fornavn": "Nina",
        "etternavn": "Ny",
        "epost": "",
        "rolle": Rolle.VEILEDER,
        "kontor": str(kontor.pk),
        **felter,
    }
    return client.post(reverse("tilgang:bruker_ny"), data)


def test_leder_oppretter_bruker_ved_eget_kontor_og_det_logges(client, leder_a, kontor_a, settings):
    settings.KVP_PASSORD_INNLOGGING = False
    client.force_login(leder_a)

    svar = _ny(client, kontor_a)

    assert svar.status_code == 302
    ny = Bruker.objects.get(username="Z990777")
    assert not ny.has_usable_password()  # logger inn med OpenID Connect
    assert list(ny.rolletildelinger.values_list("rolle", "kontor_id")) == [(Rolle.VEILEDER, kontor_a.pk)]
    logg = Logghendelse.objects.filter(objekt_id=str(ny.pk), bruker=leder_a, kontor=kontor_a)
    assert {h.beskrivelse for h in logg} == {"Bruker opprettet", "Rolle gitt: Veileder ved NAV Randaberg-Kvitsøy"}
    assert "Z990777" in client.get(reverse("tilgang:brukere")).content.decode()


def test_svakt_passord_avvises_med_passordreglene_og_ingenting_lagres(client, leder_a, kontor_a, settings):
    settings.KVP_PASSORD_INNLOGGING = True
    client.force_login(leder_a)

    svar = _ny(client, kontor_a, passord="12345678")

    assert svar.status_code == 400
    tekst = svar.content.decode()
    assert "Passord" in tekst
    assert not Bruker.objects.filter(username="Z990777").exists()
    assert _ny(client, kontor_a, passord=PASSORD).status_code == 302
    assert Bruker.objects.get(username="Z990777").check_password(PASSORD)


def test_leder_kan_ikke_gi_roller_ved_kontor_der_hun_bare_har_en_annen_rolle(client, leder_a, kontor_a, kontor_b):
    rolle_tildel(bruker=leder_a, rolle=Rolle.OEKONOMI, kontor=kontor_b)
    client.force_login(leder_a)

    svar = _ny(client, kontor_b)

    assert svar.status_code == 400
    assert not Bruker.objects.filter(username="Z990777").exists()
    with pytest.raises(IkkeTilgang):
        brukeradmin.rolle_gi(leder=leder_a, brukernavn=leder_a.username, rolle=Rolle.VEILEDER, kontor_id=kontor_b.pk)


def test_gi_og_ta_rolle(client, leder_a, veileder_a, kontor_a):
    client.force_login(leder_a)

    svar = client.post(
        reverse("tilgang:rolle_gi"),
        {"brukernavn": veileder_a.username, "rolle": Rolle.BESLUTTER, "kontor": str(kontor_a.pk)},
    )
    assert svar.status_code == 302
    assert veileder_a.rolletildelinger.filter(rolle=Rolle.BESLUTTER, kontor=kontor_a).exists()

    svar = client.post(
        reverse("tilgang:rolle_ta", kwargs={"bruker_id": veileder_a.pk}),
        {"rolle": Rolle.BESLUTTER, "kontor": str(kontor_a.pk)},
    )
    assert svar.status_code == 302
    assert not veileder_a.rolletildelinger.filter(rolle=Rolle.BESLUTTER).exists()
    beskrivelser = set(Logghendelse.objects.filter(objekt_id=str(veileder_a.pk)).values_list("beskrivelse", flat=True))
    assert "Rolle tatt bort: Beslutter ved NAV Randaberg-Kvitsøy" in beskrivelser


def test_gi_rolle_til_ukjent_bruker_gir_norsk_melding(client, leder_a, kontor_a):
    client.force_login(leder_a)
    svar = client.post(
        reverse("tilgang:rolle_gi"), {"brukernavn": "finnesikke", "rolle": Rolle.LEDER, "kontor": str(kontor_a.pk)}
    )
    assert svar.status_code == 400
    assert "Fant ingen bruker med det brukernavnet." in svar.content.decode()


def test_leder_ved_annet_kontor_ser_og_endrer_ikke_brukeren(client, veileder_a, kvp_veileder_b, kontor_a, kontor_b):
    client.force_login(kvp_veileder_b)  # leder ved kontor B

    assert veileder_a.username not in client.get(reverse("tilgang:brukere")).content.decode()
    ta = client.post(
        reverse("tilgang:rolle_ta", kwargs={"bruker_id": veileder_a.pk}),
        {"rolle": Rolle.VEILEDER, "kontor": str(kontor_a.pk)},
    )
    deaktiver = client.post(reverse("tilgang:bruker_deaktiver", kwargs={"bruker_id": veileder_a.pk}))

    assert ta.status_code == 404
    assert deaktiver.status_code == 404
    veileder_a.refresh_from_db()
    assert veileder_a.is_active
    assert veileder_a.rolletildelinger.filter(rolle=Rolle.VEILEDER, kontor=kontor_a).exists()


def test_deaktivert_bruker_logges_ut_og_kan_ikke_logge_inn(client, leder_a, lag_bruker, kontor_a):
    veileder = lag_bruker(Rolle.VEILEDER, kontor=kontor_a, passord=PASSORD)
    hans = Client()
    assert (
        hans.post(reverse("tilgang:logg_inn"), {"username": veileder.username, "password": PASSORD}).status_code == 302
    )
    client.force_login(leder_a)

    assert client.post(reverse("tilgang:bruker_deaktiver", kwargs={"bruker_id": veileder.pk})).status_code == 302

    assert hans.get(reverse("person:liste")).status_code == 302  # den gamle økten slippes ikke inn
    ny = Client().post(reverse("tilgang:logg_inn"), {"username": veileder.username, "password": PASSORD})
    assert ny.status_code == 400
    assert Logghendelse.objects.filter(objekt_id=str(veileder.pk), beskrivelse="Bruker deaktivert").count() == 1
    with pytest.raises(KvpFeil):
        brukeradmin.rolle_gi(leder=leder_a, brukernavn=veileder.username, rolle=Rolle.LEDER, kontor_id=kontor_a.pk)


def test_bruker_med_roller_ved_andre_kontorer_deaktiveres_ikke(leder_a, veileder_a, kontor_b):
    rolle_tildel(bruker=veileder_a, rolle=Rolle.VEILEDER, kontor=kontor_b)
    with pytest.raises(IkkeTilgang):
        brukeradmin.bruker_deaktiver(leder=leder_a, bruker_id=veileder_a.pk)
    veileder_a.refresh_from_db()
    assert veileder_a.is_active


def test_leder_tar_ikke_egen_lederrolle_og_deaktiverer_ikke_seg_selv(leder_a, kontor_a):
    with pytest.raises(KvpFeil):
        brukeradmin.rolle_ta(leder=leder_a, bruker_id=leder_a.pk, rolle=Rolle.LEDER, kontor_id=kontor_a.pk)
    with pytest.raises(KvpFeil):
        brukeradmin.bruker_deaktiver(leder=leder_a, bruker_id=leder_a.pk)
    assert Rolletildeling.objects.filter(bruker=leder_a, rolle=Rolle.LEDER).exists()


def test_bare_ledere_kommer_til_brukersidene(client, veileder_a):
    client.force_login(veileder_a)
    assert client.get(reverse("tilgang:brukere")).status_code == 403
    assert client.get(reverse("tilgang:bruker_ny")).status_code == 403

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse
from django.test import Client
from django.urls import reverse

from kvp.plan import services
from kvp.plan.models import Aktivitet, Planhistorikk
from kvp.sak.models import Sak


def _post(client: Client, sak: Sak, **data: object) -> "_MonkeyPatchedWSGIResponse":
    return client.post(
        reverse("plan:aktivitet", kwargs={"sak_id": sak.pk}), {f"aktivitet-{k}": v for k, v in data.items()}
    )


GYLDIG = {
    "type": "ARBEIDSTRENING",
    "timer_per_uke": "30",
    "fra_og_med": "06.01.2025",
    "til_og_med": "27.06.2025",
    "status": "PAAGAAR",
    "tilbyder": "Kafé Trappa",
    "avtalt_med_deltaker": "on",
}


def test_planen_bygges_og_endres_i_skjemaet(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(til_og_med=dt.date(2025, 6, 27))
    client.force_login(kvp_veileder_a)
    assert _post(client, sak, **GYLDIG).status_code == 302
    side = client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk})).content.decode()
    assert "Mangler 7,5 timer" in side
    assert "25 av 25 uker har mindre enn 37,5 timer" in side
    aktivitet = Aktivitet.objects.get(sak=sak)
    assert aktivitet.avtalt_med_deltaker
    endre = client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk}) + f"?endre={aktivitet.pk}").content.decode()
    assert "Endre aktivitet" in endre and 'value="30"' in endre
    svar = _post(client, sak, **(GYLDIG | {"aktivitet_id": str(aktivitet.pk), "timer_per_uke": "37,5"}))
    assert svar.status_code == 302
    side = client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk})).content.decode()
    assert "Mangler 7,5 timer" not in side
    assert Planhistorikk.objects.filter(objekt_id=aktivitet.pk).count() == 2
    assert client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk}) + "?endre=tull").status_code == 200


def test_ugyldig_aktivitet_gir_400_og_melding(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    svar = _post(client, sak, **(GYLDIG | {"type": "LOENNET_ARBEID", "timer_per_uke": "20"}))
    assert svar.status_code == 400
    assert "høyst 18,75 timer per uke" in svar.content.decode()
    assert _post(client, sak, **(GYLDIG | {"timer_per_uke": "x"})).status_code == 400
    assert _post(client, sak, **(GYLDIG | {"aktivitet_id": "00000000-0000-0000-0000-000000000000"})).status_code == 404
    assert not Aktivitet.objects.exists()


def test_saksbildet_lenker_til_planen_og_viser_advarsler(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    services.aktivitet_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type="ARBEIDSSOEKING",
        timer_per_uke=Decimal("37.5"),
        fra_og_med=dt.date(2025, 1, 6),
        til_og_med=dt.date(2026, 1, 5),
    )
    client.force_login(kvp_veileder_a)
    side = client.get(reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "?fane=plan").content.decode()
    assert "1 aktiviteter, 0 evalueringer. 2 advarsler." in side
    assert reverse("plan:plan", kwargs={"sak_id": sak.pk}) in side


def test_annet_kontor_faar_404_og_leder_ser_uten_skjema(client, lag_sak_i_program, kvp_veileder_b, leder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_b)
    assert client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk})).status_code == 404
    assert _post(client, sak, **GYLDIG).status_code == 404
    client.force_login(leder_a)
    svar = client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk}))
    assert svar.status_code == 200
    assert "Legg til aktivitet" not in svar.content.decode()
    assert _post(client, sak, **GYLDIG).status_code == 403


def test_leder_ved_a_og_kvp_veileder_ved_b_ser_planen_til_a_uten_skjema(client, lag_sak_i_program, leder_a, kontor_b):
    """Rollen ved sakens kontor avgjør: KVP-veileder ved et annet kontor gir ikke skjemaet her (issue 12)."""
    from kvp.tilgang.models import Rolle
    from kvp.tilgang.services import rolle_tildel

    sak = lag_sak_i_program()
    rolle_tildel(bruker=leder_a, rolle=Rolle.KVP_VEILEDER, kontor=kontor_b)
    client.force_login(leder_a)
    svar = client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk}))
    assert svar.status_code == 200
    assert "Legg til aktivitet" not in svar.content.decode()
    assert _post(client, sak, **GYLDIG).status_code == 403
    assert not Aktivitet.objects.exists()

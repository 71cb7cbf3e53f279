"""Dobbel innsending (dobbeltklikk) av aktiviteter og evalueringer i planen gir 400 og teller ikke to ganger."""

from django.urls import reverse

from kvp.plan.models import Aktivitet

AKTIVITET = {
    "aktivitet-type": "NORSKOPPLAERING",
    "aktivitet-timer_per_uke": "10",
    "aktivitet-fra_og_med": "06.01.2025",
    "aktivitet-til_og_med": "27.06.2025",
    "aktivitet-status": "PLANLAGT",
}


def test_dobbel_innsending_av_samme_aktivitet_gir_400_og_ingen_dobbel_time(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    url = reverse("plan:aktivitet", kwargs={"sak_id": sak.pk})
    assert client.post(url, AKTIVITET).status_code == 302
    svar = client.post(url, AKTIVITET)  # dobbeltklikk: 20 timer i uka i planen i stedet for 10
    assert svar.status_code == 400
    assert "finnes allerede i planen" in svar.content.decode()
    assert Aktivitet.objects.filter(sak=sak).count() == 1
    # Samme type i en annen periode er en ny aktivitet.
    annen = {**AKTIVITET, "aktivitet-fra_og_med": "30.06.2025", "aktivitet-til_og_med": "31.12.2025"}
    assert client.post(url, annen).status_code == 302
    assert Aktivitet.objects.filter(sak=sak).count() == 2

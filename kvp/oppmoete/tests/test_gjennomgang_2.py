"""Feil funnet i gjennomgang 2 av oppmøte (dobbel innsending, tilgang). Hver test feilet før rettelsen."""

from django.urls import reverse

from kvp.oppmoete.models import AnnenYtelse


def test_dobbel_innsending_av_samme_ytelse_gir_400_og_trekkes_ikke_to_ganger(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    url = reverse("oppmoete:ytelse", kwargs={"sak_id": sak.pk})
    data = {
        "ytelse-type": "DAGPENGER",
        "ytelse-fra_og_med": "03.03.2025",
        "ytelse-til_og_med": "14.03.2025",
        "ytelse-dagsats": "500",
    }
    assert client.post(url, data).status_code == 302
    svar = client.post(url, data)  # dobbeltklikk
    assert svar.status_code == 400
    assert "allerede registrert" in svar.content.decode()
    # En overlappende periode med samme ytelse er også en dobbeltregistrering.
    svar = client.post(url, {**data, "ytelse-fra_og_med": "10.03.2025", "ytelse-til_og_med": "21.03.2025"})
    assert svar.status_code == 400
    assert AnnenYtelse.objects.filter(sak=sak).count() == 1
    # En annen ytelse i samme periode, eller samme ytelse i en annen periode, er greit.
    assert client.post(url, {**data, "ytelse-type": "SYKEPENGER"}).status_code == 302
    assert (
        client.post(url, {**data, "ytelse-fra_og_med": "17.03.2025", "ytelse-til_og_med": "21.03.2025"}).status_code
        == 302
    )
    assert AnnenYtelse.objects.filter(sak=sak).count() == 3

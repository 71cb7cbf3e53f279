"""Dobbel innsending (dobbeltklikk) av ytelser, arbeid og egenmelding gir 400 og trekkes ikke to ganger."""

from django.urls import reverse

from kvp.oppmoete.models import AnnenYtelse, Arbeidsperiode, Dokumentasjon, Oppmoete


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


def test_egenmelding_kan_ikke_deles_i_to_for_aa_komme_over_grensen(client, lag_sak_i_program, deltaker_for):
    sak = lag_sak_i_program()
    client.force_login(deltaker_for(sak))
    url = reverse("oppmoete:egenmelding")
    # Mandag–onsdag 3.–5. mars 2025: tre virkedager, som er grensen.
    assert client.post(url, {"fra_og_med": "03.03.2025", "til_og_med": "05.03.2025"}).status_code == 302
    # Torsdag og fredag i samme sykdomstilfelle ga før fem dager sammenhengende egenmelding.
    svar = client.post(url, {"fra_og_med": "06.03.2025", "til_og_med": "07.03.2025"})
    assert svar.status_code == 400
    assert "høyst 3 virkedager" in svar.content.decode()
    # Også bakover, og over en helg: fredag 28. februar henger sammen med mandag 3. mars.
    assert client.post(url, {"fra_og_med": "28.02.2025"}).status_code == 400
    assert Oppmoete.objects.filter(sak=sak, dokumentasjon=Dokumentasjon.EGENMELDING).count() == 3
    # Et nytt sykdomstilfelle etter en dag med oppmøte er greit.
    assert client.post(url, {"fra_og_med": "11.03.2025", "til_og_med": "13.03.2025"}).status_code == 302


def test_dobbel_innsending_av_samme_arbeid_gir_400_og_trekkes_ikke_to_ganger(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    url = reverse("oppmoete:arbeid", kwargs={"sak_id": sak.pk})
    data = {
        "arbeid-fra_og_med": "03.03.2025",
        "arbeid-til_og_med": "28.03.2025",
        "arbeid-timer_per_uke": "5",
        "arbeid-arbeidsgiver": "Kafé Trappa",
    }
    assert client.post(url, data).status_code == 302
    svar = client.post(url, data)  # dobbeltklikk: 10 timer i uka trekkes i stedet for 5
    assert svar.status_code == 400
    assert "allerede registrert" in svar.content.decode()
    assert Arbeidsperiode.objects.filter(sak=sak).count() == 1
    # To jobber samtidig er lov.
    assert client.post(url, {**data, "arbeid-arbeidsgiver": "Bakeriet"}).status_code == 302
    assert Arbeidsperiode.objects.filter(sak=sak).count() == 2

import datetime as dt
from decimal import Decimal

from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.felles.templatetags.kvp import kroner
from kvp.oppmoete import services
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_maaned
from kvp.oppmoete.models import Arbeidsperiode, Dagstatus, Maanedsattestering, Oppmoete
from kvp.oppmoete.templatetags.oppmoete import isodato
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle


def _kalender(sak: Sak, maaned: str = "2025-03") -> str:
    return f"{reverse('oppmoete:kalender', kwargs={'sak_id': sak.pk})}?maaned={maaned}"


def test_datoer_fra_beregningen_vises_paa_norsk():
    assert isodato("2025-03-04") == "04.03.2025"
    assert isodato("tull") == "tull"


def test_kronebeloep_vises_paa_norsk_uten_flyttall():
    assert kroner("1947.24") == "1\u00a0947,24"
    assert kroner("-1750") == "−1\u00a0750,00"
    assert kroner("9") == "9,00"


def test_kalenderen_viser_maaneden_med_helligdager_og_registreringer(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 4, 7),
        status=Dagstatus.UGYLDIG_FRAVAER,
        timer=Decimal("2.5"),
    )
    client.force_login(kvp_veileder_a)
    svar = client.get(_kalender(sak, "2025-04"))
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert 'data-dato="2025-04-07" data-status="UGYLDIG_FRAVAER"' in tekst
    assert "2,5 t" in tekst
    assert 'data-dato="2025-04-18" data-status="HELLIGDAG"' in tekst
    assert "Langfredag" in tekst
    assert "Ferie med stønad i 2025: 0 av 25 virkedager" in tekst
    assert "Registrer uke 15" in tekst
    assert Logghendelse.objects.filter(handling="LES", objekt_id=str(sak.pk)).exists()


def test_registrering_i_helg_gir_400_med_melding_og_ingenting_lagres(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    svar = client.post(
        reverse("oppmoete:registrer", kwargs={"sak_id": sak.pk}),
        {"oppmoete-fra_og_med": "08.03.2025", "oppmoete-status": "FERIE"},
    )
    assert svar.status_code == 400
    assert "08.03.2025 er en lørdag" in svar.content.decode()
    assert not Oppmoete.objects.filter(sak=sak).exists()


def test_tull_i_skjemaet_gir_400_aldri_500(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    for data in (
        {"oppmoete-fra_og_med": "32.13.2025", "oppmoete-status": "FERIE"},
        {"oppmoete-fra_og_med": "04.03.2025", "oppmoete-status": "UGYLDIG_FRAVAER", "oppmoete-timer": "mye"},
        {"oppmoete-fra_og_med": "04.03.2025", "oppmoete-status": "HACK"},
    ):
        svar = client.post(reverse("oppmoete:registrer", kwargs={"sak_id": sak.pk}), data)
        assert svar.status_code == 400
    for url, data in (
        (reverse("oppmoete:attester", kwargs={"sak_id": sak.pk}), {"maaned": "2025-13"}),
        (reverse("oppmoete:attester", kwargs={"sak_id": sak.pk}), {"maaned": "x"}),
        (reverse("oppmoete:arbeid", kwargs={"sak_id": sak.pk}), {"arbeid-timer_per_uke": "30"}),
        (reverse("oppmoete:ytelse", kwargs={"sak_id": sak.pk}), {"ytelse-dagsats": "-1"}),
    ):
        assert client.post(url, data).status_code == 400
    assert client.get(_kalender(sak, "tull")).status_code == 200
    assert not Oppmoete.objects.filter(sak=sak).exists()
    assert not Maanedsattestering.objects.exists()


def test_registrering_med_komma_i_timer_lagres(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    svar = client.post(
        reverse("oppmoete:registrer", kwargs={"sak_id": sak.pk}),
        {"oppmoete-fra_og_med": "04.03.2025", "oppmoete-status": "UGYLDIG_FRAVAER", "oppmoete-timer": "3,5"},
    )
    assert svar.status_code == 302
    assert svar["Location"].endswith("?maaned=2025-03")
    assert Oppmoete.objects.get(sak=sak).timer == Decimal("3.5")


def test_attestert_maaned_uten_korreksjonsgrunn_gir_melding(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    attester = reverse("oppmoete:attester", kwargs={"sak_id": sak.pk})
    svar = client.post(attester, {"maaned": "2025-03"})
    assert svar.status_code == 400  # uten bekreftelsessiden lagres ingenting
    assert "Bekreft attesteringen på bekreftelsessiden." in svar.content.decode()
    assert not Maanedsattestering.objects.filter(sak=sak).exists()
    svar = client.post(attester, {"maaned": "2025-03", "bekreftet": "ja"})
    assert svar.status_code == 302
    url = reverse("oppmoete:registrer", kwargs={"sak_id": sak.pk})
    data = {"oppmoete-fra_og_med": "04.03.2025", "oppmoete-status": "FRAVAER_UTEN_STOENAD"}
    svar = client.post(url, data)
    assert svar.status_code == 400
    assert "En endring må registreres som en korreksjon" in svar.content.decode()
    svar = client.post(url, data | {"oppmoete-korreksjonsgrunn": "Soning, avtalt på forhånd."})
    assert svar.status_code == 302
    attestering = Maanedsattestering.objects.get(sak=sak)
    assert attestering.versjon == 2
    side = client.get(_kalender(sak)).content.decode()
    assert "Soning, avtalt på forhånd." in side
    assert "versjon 2" in side


def test_arbeid_over_halv_stilling_gir_melding_i_skjemaet(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    url = reverse("oppmoete:arbeid", kwargs={"sak_id": sak.pk})
    data = {"arbeid-fra_og_med": "01.03.2025", "arbeid-til_og_med": "31.03.2025", "arbeid-timer_per_uke": "19"}
    svar = client.post(url, data)
    assert svar.status_code == 400
    assert "høyst 18,75 timer per uke" in svar.content.decode()
    assert client.post(url, data | {"arbeid-timer_per_uke": "18,75"}).status_code == 302
    assert Arbeidsperiode.objects.get(sak=sak).timer_per_uke == Decimal("18.75")


def test_saksbildet_viser_stoenaden_med_linjene_foer_og_etter_attestering(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(foedselsdato=dt.date(1990, 2, 1))
    services.oppmoete_registrer(
        bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), status=Dagstatus.UGYLDIG_FRAVAER
    )
    resultat = beregn_som_json(grunnlag_for_maaned(sak, 2025, 3))
    client.force_login(kvp_veileder_a)
    url = f"{reverse('sak:detalj', kwargs={'sak_id': sak.pk})}?fane=oppmoete&maaned=2025-03"
    tekst = client.get(url).content.decode()
    assert f'<strong id="stoenad-total">{kroner(resultat["total"])} kr</strong>' in tekst
    assert "Foreløpig beregning: måneden er ikke attestert ennå." in tekst
    for linje in resultat["linjer"]:
        assert linje["forklaring"] in tekst
        assert kroner(linje["beloep"]) in tekst
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=3)
    tekst = client.get(url).content.decode()
    assert "Måneden er låst for utbetaling." in tekst
    assert f'<strong id="stoenad-total">{kroner(resultat["total"])} kr</strong>' in tekst


def test_leder_ser_kalenderen_men_faar_ikke_registrere(client, lag_sak_i_program, leder_a):
    sak = lag_sak_i_program()
    client.force_login(leder_a)
    svar = client.get(_kalender(sak))
    assert svar.status_code == 200
    assert "Registrer oppmøte" not in svar.content.decode()
    svar = client.post(
        reverse("oppmoete:registrer", kwargs={"sak_id": sak.pk}),
        {"oppmoete-fra_og_med": "04.03.2025", "oppmoete-status": "FERIE"},
    )
    assert svar.status_code == 403
    assert not Oppmoete.objects.exists()


def test_leder_ved_a_og_kvp_veileder_ved_b_faar_ikke_registrere_ved_a(client, lag_sak_i_program, leder_a, kontor_b):
    """Rollen ved sakens kontor avgjør, også for skjemaet på siden (issue 12)."""
    from kvp.tilgang.services import rolle_tildel

    sak = lag_sak_i_program()
    rolle_tildel(bruker=leder_a, rolle=Rolle.KVP_VEILEDER, kontor=kontor_b)
    client.force_login(leder_a)
    svar = client.get(_kalender(sak))
    assert svar.status_code == 200
    assert "Registrer oppmøte" not in svar.content.decode()
    svar = client.post(
        reverse("oppmoete:registrer", kwargs={"sak_id": sak.pk}),
        {"oppmoete-fra_og_med": "04.03.2025", "oppmoete-status": "FERIE"},
    )
    assert svar.status_code == 403
    assert (
        client.post(reverse("oppmoete:attester", kwargs={"sak_id": sak.pk}), {"maaned": "2025-03"}).status_code == 403
    )
    assert not Oppmoete.objects.exists()


def test_annet_kontor_faar_404(client, lag_sak_i_program, kvp_veileder_b):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_b)
    assert client.get(_kalender(sak)).status_code == 404
    assert (
        client.post(reverse("oppmoete:attester", kwargs={"sak_id": sak.pk}), {"maaned": "2025-03"}).status_code == 404
    )


def test_deltakeren_ser_plan_oppmoete_og_beloep_og_sender_egenmelding(
    client, lag_sak_i_program, deltaker_for, kvp_veileder_a
):
    from kvp.plan.services import aktivitet_opprett

    sak = lag_sak_i_program()
    aktivitet_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type="NORSKOPPLAERING",
        timer_per_uke=Decimal("15"),
        fra_og_med=dt.date(2025, 1, 6),
        til_og_med=dt.date(2025, 6, 27),
        tilbyder="Voksenopplæringen",
    )
    client.force_login(deltaker_for(sak))
    side = client.get(reverse("oppmoete:min_side") + "?maaned=2025-03").content.decode()
    assert "Norskopplæring" in side and "Voksenopplæringen" in side
    total = beregn_som_json(grunnlag_for_maaned(sak, 2025, 3))["total"]
    assert kroner(total) in side
    svar = client.post(
        reverse("oppmoete:egenmelding"),
        {"fra_og_med": "2025-03-11", "til_og_med": "2025-03-12", "merknad": "Feber"},
    )
    assert svar.status_code == 302
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.GYLDIG_FRAVAER).count() == 2
    svar = client.post(reverse("oppmoete:egenmelding"), {"fra_og_med": "2025-03-15"})
    assert svar.status_code == 400
    assert "lørdag" in svar.content.decode()


def test_deltaker_uten_program_og_andre_roller(client, lag_bruker, lag_person, kvp_veileder_a):
    deltaker = lag_bruker(Rolle.DELTAKER, person=lag_person())
    client.force_login(deltaker)
    svar = client.get(reverse("oppmoete:min_side"))
    assert svar.status_code == 200
    assert "Du er ikke i kvalifiseringsprogram ennå" in svar.content.decode()
    assert client.post(reverse("oppmoete:egenmelding"), {"fra_og_med": "04.03.2025"}).status_code == 400
    client.force_login(kvp_veileder_a)
    assert client.get(reverse("oppmoete:min_side")).status_code == 403
    assert client.post(reverse("oppmoete:egenmelding"), {"fra_og_med": "04.03.2025"}).status_code == 403


def test_oversikten_viser_deltakerne_i_program_paa_kontoret_med_stoenad(
    client, lag_sak_i_program, kvp_veileder_a, kvp_veileder_b
):
    sak = lag_sak_i_program(fornavn="Ada")
    lag_sak_i_program(fornavn="Bo", fra_og_med=dt.date(2025, 5, 5))  # ikke i program i april
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 4, 1),
        til_og_med=dt.date(2025, 4, 2),
        status=Dagstatus.GYLDIG_FRAVAER,
    )
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=4)
    client.force_login(kvp_veileder_a)
    tekst = client.get(reverse("oppmoete:oversikt") + "?maaned=2025-04").content.decode()
    assert "1 deltakere i program, 0 ikke attestert." in tekst
    assert "Ada Nordmann" in tekst and "Bo Nordmann" not in tekst
    assert "Ja (versjon 1)" in tekst
    assert kroner(beregn_som_json(grunnlag_for_maaned(sak, 2025, 4))["total"]) in tekst
    tekst = client.get(reverse("oppmoete:oversikt") + "?maaned=2025-05").content.decode()
    assert "2 deltakere i program, 2 ikke attestert." in tekst
    assert client.get(reverse("oppmoete:oversikt") + "?maaned=2025-13").status_code == 200
    client.force_login(kvp_veileder_b)
    tekst = client.get(reverse("oppmoete:oversikt") + "?maaned=2025-05").content.decode()
    assert "0 deltakere i program" in tekst and "Nordmann" not in tekst


def test_oversikten_krever_en_rolle_som_ser_saker(client, lag_bruker, kontor_a):
    client.force_login(lag_bruker(Rolle.VEILEDER, kontor=kontor_a))
    assert client.get(reverse("oppmoete:oversikt")).status_code == 403


def test_feilregistrert_arbeid_slettes_og_i_attestert_maaned_bare_med_grunn(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    arbeid = services.arbeidsperiode_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 3, 3),
        til_og_med=dt.date(2025, 3, 14),
        timer_per_uke=Decimal("10"),
    )
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=3)
    client.force_login(kvp_veileder_a)
    url = reverse("oppmoete:slett", kwargs={"sak_id": sak.pk}) + "?maaned=2025-03"
    data = {"objekt": "arbeid", "objekt_id": str(arbeid.pk)}
    assert "Grunn til korreksjon (når måneden er attestert)" in client.get(_kalender(sak)).content.decode()
    svar = client.post(url, data)
    assert svar.status_code == 400
    assert "En endring må registreres som en korreksjon" in svar.content.decode()
    assert Arbeidsperiode.objects.filter(pk=arbeid.pk).exists()
    assert client.post(url, data | {"objekt": "tull"}).status_code == 400
    assert client.post(url, data | {"objekt_id": "00000000-0000-0000-0000-000000000000"}).status_code == 404
    svar = client.post(url, data | {"korreksjonsgrunn": "Registrert på feil deltaker."})
    assert svar.status_code == 302
    assert not Arbeidsperiode.objects.filter(pk=arbeid.pk).exists()
    assert Maanedsattestering.objects.get(sak=sak).versjon == 2
    logg = Logghendelse.objects.get(objekt_id=str(arbeid.pk), beskrivelse="Slettet")
    assert logg.foer is not None
    assert logg.foer["timer_per_uke"] == "10.00"

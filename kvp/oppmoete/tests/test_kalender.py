"""Kalenderen du klikker i (issue 15 punkt 3): dager frem i tid avvises, periode, sletting med grunn, attestert måned
er låst, «Ikke registrert» før attesteringen, valg av dager, htmx-delen, bekreftelsen før attestering og samlet
registrering for en aktivitet."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from kvp.felles.feil import KvpFeil
from kvp.felles.models import Logghendelse
from kvp.oppmoete import selectors, services
from kvp.oppmoete.models import Dagstatus, Kilde, Maanedsattestering, Oppmoete
from kvp.plan.services import aktivitet_opprett
from kvp.sak.models import Sak


def _kalender(sak: Sak, maaned: str = "2025-03", **params: str) -> str:
    ekstra = "".join(f"&{k}={v}" for k, v in params.items())
    return f"{reverse('oppmoete:kalender', kwargs={'sak_id': sak.pk})}?maaned={maaned}{ekstra}"


def _dager(kalender: selectors.Kalender) -> dict[dt.date, selectors.Kalenderdag]:
    return {d.dato: d for uke in kalender.uker for d in uke}


# --- tjenestene ------------------------------------------------------------------------------------------------------


def test_dager_frem_i_tid_avvises_med_norsk_melding_og_ingenting_lagres(lag_sak_i_program, kvp_veileder_a, i_dag):
    sak = lag_sak_i_program(fra_og_med=i_dag - dt.timedelta(days=60), til_og_med=i_dag + dt.timedelta(days=300))
    i_morgen = i_dag + dt.timedelta(days=1)
    neste_virkedag = i_morgen + dt.timedelta(days=(7 - i_morgen.weekday()) % 7 if i_morgen.weekday() >= 5 else 0)
    with pytest.raises(KvpFeil, match="har ikke vært ennå") as feil:
        services.oppmoete_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            fra_og_med=i_dag - dt.timedelta(days=7),
            til_og_med=neste_virkedag,
            status=Dagstatus.FERIE,
        )
    assert (feil.value.kode, feil.value.felt) == ("KVP_DATO_FREMTID", "til_og_med")
    assert not Oppmoete.objects.filter(sak=sak).exclude(kilde=Kilde.AUTOMATISK).exists()
    with pytest.raises(KvpFeil, match="har ikke vært ennå"):
        services.oppmoete_registrer_mange(
            bruker=kvp_veileder_a,
            aar=neste_virkedag.year,
            maaned=neste_virkedag.month,
            registreringer={sak.pk: {neste_virkedag: Dagstatus.DELTATT}},
        )
    assert not Oppmoete.objects.filter(sak=sak, dato=neste_virkedag).exists()
    # I dag går an (dagen har begynt), så lenge det er en virkedag.
    if i_dag.weekday() < 5:
        assert services.oppmoete_registrer(
            bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=i_dag, status=Dagstatus.UGYLDIG_FRAVAER
        )


def test_en_periode_gjelder_virkedagene_i_den(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    antall = services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 3, 6),
        til_og_med=dt.date(2025, 3, 11),
        status=Dagstatus.GYLDIG_FRAVAER,
    )
    assert antall == 4  # torsdag, fredag, mandag, tirsdag
    assert set(Oppmoete.objects.filter(sak=sak).values_list("dato", flat=True)) == {
        dt.date(2025, 3, 6),
        dt.date(2025, 3, 7),
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 11),
    }


def test_sletting_krever_grunn_logges_og_dagene_blir_ikke_registrert(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 4, 14),
        til_og_med=dt.date(2025, 4, 16),
        status=Dagstatus.FERIE,
    )
    with pytest.raises(KvpFeil, match="Skriv hvorfor") as feil:
        services.oppmoete_slett(
            bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 4, 14), til_og_med=None, grunn="  "
        )
    assert feil.value.felt == "grunn"
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE).count() == 3
    antall = services.oppmoete_slett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 4, 14),
        til_og_med=dt.date(2025, 4, 21),
        grunn="Feil deltaker.",
    )
    assert antall == 3  # ferien; skjærtorsdag, langfredag og andre påskedag (fylt inn automatisk) blir stående
    assert not Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE).exists()
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.HELLIGDAG, dato__month=4).count() == 3
    logg = Logghendelse.objects.get(objekt_id=str(sak.pk), beskrivelse__startswith="Oppmøte slettet")
    assert "Feil deltaker." in logg.beskrivelse
    assert logg.foer is not None and logg.foer["2025-04-14"]["status"] == Dagstatus.FERIE
    kalender = selectors.kalender_for_maaned(sak=sak, aar=2025, maaned=4)
    assert _dager(kalender)[dt.date(2025, 4, 14)].status == selectors.IKKE_REGISTRERT
    with pytest.raises(KvpFeil, match="ingen registreringer å slette"):
        services.oppmoete_slett(bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 4, 14), grunn="Igjen.")


def test_attestert_maaned_avvises_i_kalenderen(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), status=Dagstatus.UGYLDIG_FRAVAER
    )
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=3)
    with pytest.raises(KvpFeil, match="attestert") as feil:
        services.oppmoete_slett(bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), grunn="Feil.")
    assert feil.value.kode == "KVP_ATTESTERT"
    with pytest.raises(KvpFeil, match="attestert"):
        services.oppmoete_registrer(
            bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 5), status=Dagstatus.FERIE
        )
    with pytest.raises(KvpFeil, match="attestert"):
        services.oppmoete_registrer_mange(
            bruker=kvp_veileder_a, aar=2025, maaned=3, registreringer={sak.pk: {dt.date(2025, 3, 5): "FERIE"}}
        )
    assert Oppmoete.objects.get(sak=sak, dato=dt.date(2025, 3, 4)).status == Dagstatus.UGYLDIG_FRAVAER
    assert not Oppmoete.objects.filter(sak=sak, dato=dt.date(2025, 3, 5)).exists()
    assert Maanedsattestering.objects.get(sak=sak).versjon == 1


# --- kalenderen og valget ---------------------------------------------------------------------------------------------


def test_kalenderen_har_hele_uker_og_viser_ikke_registrert_til_maaneden_er_attestert(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    kalender = selectors.kalender_for_maaned(sak=sak, aar=2025, maaned=3, kan_velge=True)
    assert all(len(uke) == 7 for uke in kalender.uker)
    assert kalender.uker[0][0].dato == dt.date(2025, 2, 24) and kalender.uker[-1][-1].dato == dt.date(2025, 4, 6)
    dager = _dager(kalender)
    assert dager[dt.date(2025, 3, 3)].status == selectors.IKKE_REGISTRERT
    assert dager[dt.date(2025, 3, 3)].status_tekst == "Ikke registrert"
    assert dager[dt.date(2025, 3, 3)].forkortelse == "IR"
    assert dager[dt.date(2025, 3, 3)].velgbar
    assert dager[dt.date(2025, 3, 8)].helg and not dager[dt.date(2025, 3, 8)].velgbar
    assert not dager[dt.date(2025, 2, 28)].velgbar  # annen måned
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=3)
    kalender = selectors.kalender_for_maaned(sak=sak, aar=2025, maaned=3, kan_velge=True)
    dag = _dager(kalender)[dt.date(2025, 3, 3)]
    assert dag.status == Dagstatus.DELTATT and "regnet som deltatt" in dag.status_tekst
    assert kalender.attestert and not kalender.velgbar  # attestert måned: ingenting kan velges


def test_dager_frem_i_tid_kan_ikke_velges(lag_sak_i_program, i_dag):
    sak = lag_sak_i_program(fra_og_med=i_dag - dt.timedelta(days=60), til_og_med=i_dag + dt.timedelta(days=300))
    kalender = selectors.kalender_for_maaned(sak=sak, aar=i_dag.year, maaned=i_dag.month, kan_velge=True)
    fremtid = [d for d in _dager(kalender).values() if d.dato > i_dag and d.i_maaned and not d.helg]
    assert all(not d.velgbar and d.status in ("FREMTID", Dagstatus.HELLIGDAG) for d in fremtid)
    assert (
        selectors.tolk_utvalg(sak, i_dag.year, i_dag.month, fra=None, til=None, dag=str(i_dag + dt.timedelta(1)))
        is None
    )


def test_foerste_klikk_velger_en_dag_andre_en_periode_tredje_begynner_paa_nytt(lag_sak_i_program):
    sak = lag_sak_i_program()
    tolk = selectors.tolk_utvalg
    assert tolk(sak, 2025, 3, fra=None, til=None, dag="2025-03-12") == (dt.date(2025, 3, 12), None)
    assert tolk(sak, 2025, 3, fra="2025-03-12", til=None, dag="2025-03-10") == (
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 12),
    )
    assert tolk(sak, 2025, 3, fra="2025-03-10", til="2025-03-12", dag="2025-03-20") == (dt.date(2025, 3, 20), None)
    assert tolk(sak, 2025, 3, fra=None, til=None, dag="2025-03-08") is None  # lørdag
    assert tolk(sak, 2025, 3, fra="tull", til=None, dag="2025-04-01") is None  # annen måned


# --- visningene -------------------------------------------------------------------------------------------------------


def test_klikk_paa_dager_uten_skript_velger_perioden_og_fyller_skjemaet(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    tekst = client.get(_kalender(sak, dag="2025-03-10")).content.decode()
    assert '<input type="hidden" name="fra" value="2025-03-10">' in tekst
    assert 'value="2025-03-10" class="kvp-dagknapp" aria-pressed="true"' in tekst
    tekst = client.get(_kalender(sak, fra="2025-03-10", dag="2025-03-12")).content.decode()
    assert "Valgt: 10.03.2025–12.03.2025 (3 virkedager)." in tekst
    assert 'name="oppmoete-til_og_med" value="2025-03-12"' in tekst
    assert "Slett registreringen" in tekst
    assert "«Ikke registrert» er virkedager som har vært" in tekst
    assert "<script>" not in tekst and 'src="/static/oppmoete/kalender.js"' in tekst


def test_htmx_faar_bare_kalenderdelen_og_lagring_gir_melding_og_ny_stoenad(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    client.force_login(kvp_veileder_a)
    svar = client.get(_kalender(sak, dag="2025-03-10"), headers={"HX-Request": "true"})
    tekst = svar.content.decode()
    assert tekst.startswith('<div id="kalenderdel">') and "<html" not in tekst
    assert "HX-Request" in svar.headers["Vary"]
    url = f"{reverse('oppmoete:registrer', kwargs={'sak_id': sak.pk})}?maaned=2025-03"
    data = {"oppmoete-fra_og_med": "2025-03-10", "oppmoete-til_og_med": "2025-03-11", "oppmoete-status": "FERIE"}
    svar = client.post(url, data, headers={"HX-Request": "true"})
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert "Oppmøtet er registrert (2 dager)." in tekst
    assert 'id="stoenaddel" hx-swap-oob="true"' in tekst
    assert 'data-dato="2025-03-11" data-status="FERIE"' in tekst
    svar = client.post(url, data | {"oppmoete-status": "TULL"}, headers={"HX-Request": "true"})
    assert svar.status_code == 400 and "Velg et av alternativene" in svar.content.decode()


def test_sletting_i_visningen_krever_grunn(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), status=Dagstatus.UGYLDIG_FRAVAER
    )
    client.force_login(kvp_veileder_a)
    url = f"{reverse('oppmoete:slett_oppmoete', kwargs={'sak_id': sak.pk})}?maaned=2025-03"
    svar = client.post(url, {"slett-fra_og_med": "2025-03-04", "slett-til_og_med": "2025-03-04"})
    assert svar.status_code == 400
    assert "Skriv hvorfor registreringen slettes." in svar.content.decode()
    assert Oppmoete.objects.filter(sak=sak).exists()
    svar = client.post(url, {"slett-fra_og_med": "2025-03-04", "slett-grunn": "Registrert på feil dag."})
    assert svar.status_code == 302
    assert not Oppmoete.objects.filter(sak=sak).exists()


def test_attestering_har_en_bekreftelsesside_som_sier_hva_som_skjer(client, lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 3, 3),
        til_og_med=dt.date(2025, 3, 28),
        status=Dagstatus.DELTATT,
    )
    client.force_login(kvp_veileder_a)
    url = reverse("oppmoete:attester", kwargs={"sak_id": sak.pk})
    tekst = client.get(f"{url}?maaned=2025-03").content.decode()
    assert "Mars 2025 låses." in tekst
    assert "1 virkedag er ikke registrert (31.3.). De regnes som «Deltatt» og gir stønad." in tekst
    assert "går med i neste utbetalingsrunde" in tekst
    assert not Maanedsattestering.objects.exists()
    assert client.get(f"{url}?maaned=2030-01").status_code == 400
    svar = client.post(url, {"maaned": "2025-03", "bekreftet": "ja"})
    assert svar.status_code == 302
    assert Maanedsattestering.objects.filter(sak=sak, aar=2025, maaned=3).exists()
    tekst = client.get(_kalender(sak)).content.decode()
    assert "Måneden er attestert og kan ikke endres i kalenderen." in tekst
    assert "kvp-dagknapp" not in tekst


def test_samlet_registrering_for_alle_i_en_aktivitet(client, lag_sak_i_program, kvp_veileder_a, leder_a):
    saker = [lag_sak_i_program(fornavn=n, etternavn="Gruppe") for n in ("Anne", "Bjørn", "Cato")]
    for sak in saker:
        aktivitet_opprett(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            type="ARBEIDSTRENING",
            timer_per_uke=Decimal("30"),
            fra_og_med=dt.date(2025, 1, 6),
            til_og_med=dt.date(2025, 12, 31),
            tilbyder="Kafé Trappa",
        )
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=saker[2].pk, aar=2025, maaned=5)
    client.force_login(kvp_veileder_a)
    url = reverse("oppmoete:samlet")
    tekst = client.get(f"{url}?maaned=2025-05").content.decode()
    assert "Arbeidstrening – Kafé Trappa (3 deltakere)" in tekst
    noekkel = "ARBEIDSTRENING|Kafé Trappa"
    side = f"{url}?maaned=2025-05&aktivitet={noekkel}"
    tekst = client.get(side).content.decode()
    assert "Anne Gruppe" in tekst and "Bjørn Gruppe" in tekst
    assert "Attestert for mai 2025 (korrigeres én og én i kalenderen): Cato Gruppe." in tekst
    data = {"samlet-fra_og_med": "2025-05-12", "samlet-til_og_med": "2025-05-18", "samlet-status": "GYLDIG_FRAVAER"}
    svar = client.post(side, data)
    assert svar.status_code == 400 and "Velg minst én deltaker." in svar.content.decode()
    svar = client.post(side, data | {"samlet-saker": [str(saker[0].pk), str(saker[1].pk)]})
    assert svar.status_code == 302
    assert Oppmoete.objects.filter(sak__in=saker[:2], status=Dagstatus.GYLDIG_FRAVAER).count() == 10
    assert not Oppmoete.objects.filter(sak=saker[2], status=Dagstatus.GYLDIG_FRAVAER).exists()
    svar = client.post(side, data | {"samlet-saker": [str(saker[2].pk)]})  # attestert: ikke et valg
    assert svar.status_code == 400
    svar = client.post(side, data | {"samlet-til_og_med": "2025-06-02", "samlet-saker": [str(saker[0].pk)]})
    assert svar.status_code == 400 and "Registrer én måned om gangen" in svar.content.decode()
    client.force_login(leder_a)
    assert client.get(side).status_code == 403

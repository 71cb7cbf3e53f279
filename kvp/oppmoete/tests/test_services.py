import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil, http_status
from kvp.felles.models import Logghendelse
from kvp.oppmoete import services
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_maaned
from kvp.oppmoete.kalender import helligdager
from kvp.oppmoete.models import (
    AnnenYtelse,
    Arbeidsperiode,
    Dagstatus,
    Dokumentasjon,
    Kilde,
    Maanedsattestering,
    Oppmoete,
    Oppmoetekorreksjon,
    Ytelsestype,
)
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle

MARS = dt.date(2025, 3, 1)


def _statuser(sak: Sak, fra: dt.date, til: dt.date) -> dict[dt.date, str]:
    return dict(Oppmoete.objects.filter(sak=sak, dato__range=(fra, til)).values_list("dato", "status"))


def test_helligdagene_kommer_fra_holidays_og_bare_paa_virkedager():
    dager = helligdager(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert dt.date(2025, 4, 17) in dager  # skjærtorsdag
    assert dt.date(2025, 5, 29) in dager  # Kristi himmelfartsdag
    assert dt.date(2025, 5, 17) not in dager  # grunnlovsdagen er en lørdag i 2025
    assert all(d.weekday() < 5 for d in dager)


def test_en_uke_registreres_uten_helg_og_helligdager_fylles_inn(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    antall = services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 4, 14),
        til_og_med=dt.date(2025, 4, 20),
        status=Dagstatus.FERIE,
    )
    assert antall == 3  # mandag–onsdag; skjærtorsdag og langfredag forblir helligdager
    statuser = _statuser(sak, dt.date(2025, 4, 1), dt.date(2025, 4, 30))
    assert statuser[dt.date(2025, 4, 14)] == Dagstatus.FERIE
    assert statuser[dt.date(2025, 4, 16)] == Dagstatus.FERIE
    assert statuser[dt.date(2025, 4, 17)] == Dagstatus.HELLIGDAG
    assert statuser[dt.date(2025, 4, 21)] == Dagstatus.HELLIGDAG  # andre påskedag fylt inn automatisk
    assert Oppmoete.objects.get(sak=sak, dato=dt.date(2025, 4, 21)).kilde == Kilde.AUTOMATISK
    assert dt.date(2025, 4, 19) not in statuser
    assert Logghendelse.objects.filter(objekt_id=str(sak.pk), beskrivelse__startswith="Oppmøte").count() == 1


def test_en_ny_registrering_erstatter_den_gamle_for_samme_dag(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    dag = dt.date(2025, 3, 4)
    services.oppmoete_registrer(
        bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dag, status=Dagstatus.UGYLDIG_FRAVAER, timer=Decimal("3")
    )
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dag,
        status=Dagstatus.GYLDIG_FRAVAER,
        dokumentasjon=Dokumentasjon.LEGEERKLAERING,
    )
    rad = Oppmoete.objects.get(sak=sak, dato=dag)
    assert (rad.status, rad.timer, rad.dokumentasjon) == (Dagstatus.GYLDIG_FRAVAER, None, Dokumentasjon.LEGEERKLAERING)


@pytest.mark.parametrize(
    ("felter", "kode"),
    [
        ({"fra_og_med": dt.date(2025, 3, 8)}, "KVP_OPPMOETE_HELG"),  # lørdag
        ({"fra_og_med": dt.date(2025, 3, 8), "til_og_med": dt.date(2025, 3, 9)}, "KVP_OPPMOETE_HELG"),
        ({"fra_og_med": dt.date(2024, 12, 30)}, "KVP_OPPMOETE_UTENFOR"),  # før programmet
        ({"fra_og_med": dt.date(2026, 1, 2), "til_og_med": dt.date(2026, 1, 9)}, "KVP_OPPMOETE_UTENFOR"),
        ({"fra_og_med": dt.date(2025, 3, 5), "til_og_med": dt.date(2025, 3, 4)}, "KVP_DATO"),
        ({"fra_og_med": dt.date(2025, 1, 6), "til_og_med": dt.date(2026, 1, 8)}, "KVP_PERIODE_LENGDE"),
        ({"timer": Decimal("3")}, "KVP_OPPMOETE_TIMER_STATUS"),  # timer uten ugyldig fravær
        ({"status": Dagstatus.UGYLDIG_FRAVAER, "timer": Decimal("8")}, "KVP_OPPMOETE_TIMER"),
        ({"status": Dagstatus.UGYLDIG_FRAVAER, "timer": Decimal("0")}, "KVP_OPPMOETE_TIMER"),
        ({"dokumentasjon": Dokumentasjon.EGENMELDING}, "KVP_OPPMOETE_DOKUMENTASJON_STATUS"),
        ({"status": Dagstatus.HELLIGDAG}, "KVP_OPPMOETE_IKKE_HELLIGDAG"),
        ({"status": "TULL"}, "KVP_OPPMOETE_STATUS"),
    ],
)
def test_ugyldig_registrering_gir_norsk_melding_og_lagrer_ingenting(lag_sak_i_program, kvp_veileder_a, felter, kode):
    sak = lag_sak_i_program()
    verdier = {"fra_og_med": dt.date(2025, 3, 4), "status": Dagstatus.DELTATT} | felter
    with pytest.raises(KvpFeil) as feil:
        services.oppmoete_registrer(bruker=kvp_veileder_a, sak_id=sak.pk, **verdier)
    assert feil.value.kode == kode
    assert feil.value.melding
    assert not Oppmoete.objects.filter(sak=sak).exists()


def test_helgemeldingen_sier_hvilken_dag_det_er(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    with pytest.raises(KvpFeil, match=r"08\.03\.2025 er en lørdag"):
        services.oppmoete_registrer(
            bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 8), status=Dagstatus.FERIE
        )


def test_ferie_over_kommunens_rett_stoppes(lag_sak_i_program, kvp_veileder_a, randaberg):
    randaberg.ferie_virkedager_per_aar = 5
    randaberg.save()
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 7, 7),
        til_og_med=dt.date(2025, 7, 10),
        status=Dagstatus.FERIE,
    )
    with pytest.raises(KvpFeil, match="kommunen gir 5 virkedager") as feil:
        services.oppmoete_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            fra_og_med=dt.date(2025, 7, 11),
            til_og_med=dt.date(2025, 7, 14),
            status=Dagstatus.FERIE,
        )
    assert feil.value.kode == "KVP_OPPMOETE_FERIE"
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE).count() == 4
    # Å registrere de samme dagene på nytt teller dem ikke to ganger.
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 7, 7),
        til_og_med=dt.date(2025, 7, 11),
        status=Dagstatus.FERIE,
    )
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE).count() == 5


def test_attestering_laaser_maaneden_og_endring_krever_korreksjonsgrunn(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    attestering = services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=4)
    assert attestering.versjon == 1
    assert _statuser(sak, dt.date(2025, 4, 1), dt.date(2025, 4, 30))[dt.date(2025, 4, 18)] == Dagstatus.HELLIGDAG

    with pytest.raises(KvpFeil, match="attestert") as feil:
        services.oppmoete_registrer(
            bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 4, 7), status=Dagstatus.UGYLDIG_FRAVAER
        )
    assert feil.value.felt == "korreksjonsgrunn"
    assert not Oppmoete.objects.filter(sak=sak, dato=dt.date(2025, 4, 7)).exists()
    attestering.refresh_from_db()
    assert attestering.versjon == 1

    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 4, 7),
        status=Dagstatus.UGYLDIG_FRAVAER,
        korreksjonsgrunn="Deltakeren møtte ikke; oppdaget etter attestering.",
    )
    attestering.refresh_from_db()
    assert attestering.versjon == 2
    assert attestering.sist_korrigert is not None
    korreksjon = Oppmoetekorreksjon.objects.get(attestering=attestering)
    assert korreksjon.versjon == 2
    assert korreksjon.endring["status"] == Dagstatus.UGYLDIG_FRAVAER
    assert Logghendelse.objects.filter(beskrivelse__startswith="Korreksjon: Deltakeren").count() == 1


def test_arbeid_og_ytelse_i_attestert_maaned_er_korreksjoner(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    mars = services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=3)
    april = services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=4)
    with pytest.raises(KvpFeil, match="mars 2025, april 2025"):
        services.arbeidsperiode_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            fra_og_med=dt.date(2025, 3, 20),
            til_og_med=dt.date(2025, 4, 10),
            timer_per_uke=Decimal("10"),
        )
    assert not Arbeidsperiode.objects.exists()
    services.arbeidsperiode_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 3, 20),
        til_og_med=dt.date(2025, 4, 10),
        timer_per_uke=Decimal("10"),
        korreksjonsgrunn="Arbeidskontrakten kom inn sent.",
    )
    services.annen_ytelse_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Ytelsestype.SYKEPENGER,
        fra_og_med=dt.date(2025, 4, 1),
        til_og_med=dt.date(2025, 4, 4),
        dagsats=Decimal("300.00"),
        korreksjonsgrunn="Vedtak om sykepenger.",
    )
    mars.refresh_from_db()
    april.refresh_from_db()
    assert (mars.versjon, april.versjon) == (2, 3)
    assert AnnenYtelse.objects.filter(sak=sak).count() == 1


def test_arbeid_over_18_75_timer_i_alt_stoppes(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    with pytest.raises(KvpFeil, match="18,75") as for_mange:
        services.arbeidsperiode_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            fra_og_med=dt.date(2025, 3, 1),
            til_og_med=dt.date(2025, 3, 31),
            timer_per_uke=Decimal("20"),
        )
    assert for_mange.value.kode == "KVP_ARBEID_TIMER"
    services.arbeidsperiode_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 3, 1),
        til_og_med=dt.date(2025, 3, 31),
        timer_per_uke=Decimal("10"),
    )
    with pytest.raises(KvpFeil, match=r"blir det 20 timer per uke fra 20\.03\.2025") as feil:
        services.arbeidsperiode_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            fra_og_med=dt.date(2025, 3, 20),
            til_og_med=dt.date(2025, 4, 30),
            timer_per_uke=Decimal("10"),
        )
    assert (feil.value.felt, feil.value.kode) == ("timer_per_uke", "KVP_ARBEID_OVERLAPP")
    assert Arbeidsperiode.objects.filter(sak=sak).count() == 1


def test_attestering_av_en_maaned_som_ikke_er_over_eller_utenfor_programmet_stoppes(
    lag_sak_i_program, kvp_veileder_a, i_dag
):
    sak = lag_sak_i_program(fra_og_med=dt.date(2025, 1, 6), til_og_med=i_dag + dt.timedelta(days=400))
    with pytest.raises(KvpFeil, match="ikke over ennå"):
        services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=i_dag.year, maaned=i_dag.month)
    with pytest.raises(KvpFeil, match="utenfor programperioden"):
        services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2024, maaned=12)
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=2)
    with pytest.raises(KvpFeil, match="allerede attestert"):
        services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=2)
    assert Maanedsattestering.objects.filter(sak=sak).count() == 1


def test_bare_kvp_veileder_paa_sakens_kontor_kan_registrere(lag_sak_i_program, kvp_veileder_b, veileder_a, leder_a):
    sak = lag_sak_i_program()
    with pytest.raises(IkkeFunnet):
        services.oppmoete_registrer(
            bruker=kvp_veileder_b, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), status=Dagstatus.FERIE
        )
    for bruker in (veileder_a, leder_a):
        with pytest.raises(IkkeTilgang):
            services.maaned_attester(bruker=bruker, sak_id=sak.pk, aar=2025, maaned=3)


def test_deltakeren_melder_egenmelding_som_gyldig_fravaer(lag_sak_i_program, deltaker_for, kvp_veileder_a):
    sak = lag_sak_i_program()
    deltaker = deltaker_for(sak)
    antall = services.egenmelding_registrer(
        bruker=deltaker, fra_og_med=dt.date(2025, 3, 6), til_og_med=dt.date(2025, 3, 10), merknad="Influensa"
    )
    assert antall == 3  # torsdag, fredag, mandag
    rad = Oppmoete.objects.get(sak=sak, dato=dt.date(2025, 3, 10))
    assert (rad.status, rad.dokumentasjon, rad.kilde) == (
        Dagstatus.GYLDIG_FRAVAER,
        Dokumentasjon.EGENMELDING,
        Kilde.DELTAKER,
    )
    with pytest.raises(KvpFeil, match="helligdag \\(Langfredag\\)") as feil:
        services.egenmelding_registrer(
            bruker=deltaker, fra_og_med=dt.date(2025, 4, 18), til_og_med=dt.date(2025, 4, 18)
        )
    assert feil.value.kode == "KVP_OPPMOETE_HELLIGDAG"
    i_morgen = timezone.localdate() + dt.timedelta(days=1)
    with pytest.raises(KvpFeil, match="ikke dager frem i tid") as feil:
        services.egenmelding_registrer(bruker=deltaker, fra_og_med=i_morgen, til_og_med=i_morgen)
    assert feil.value.kode == "KVP_DATO_FREMTID"
    with pytest.raises(KvpFeil, match="høyst 3 virkedager"):
        services.egenmelding_registrer(
            bruker=deltaker, fra_og_med=dt.date(2025, 3, 17), til_og_med=dt.date(2025, 3, 20)
        )
    services.oppmoete_registrer(
        bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 24), status=Dagstatus.UGYLDIG_FRAVAER
    )
    with pytest.raises(KvpFeil, match="allerede registrert"):
        services.egenmelding_registrer(
            bruker=deltaker, fra_og_med=dt.date(2025, 3, 24), til_og_med=dt.date(2025, 3, 24)
        )
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=sak.pk, aar=2025, maaned=4)
    with pytest.raises(KvpFeil, match="godkjent av NAV"):
        services.egenmelding_registrer(bruker=deltaker, fra_og_med=dt.date(2025, 4, 2), til_og_med=dt.date(2025, 4, 2))


def test_egenmelding_krever_deltakerrollen(kvp_veileder_a):
    with pytest.raises(IkkeTilgang):
        services.egenmelding_registrer(bruker=kvp_veileder_a, fra_og_med=MARS, til_og_med=MARS)


def test_registrert_maaned_gir_samme_beloep_som_regelkjernen_med_riktige_linjer(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(foedselsdato=dt.date(1990, 1, 1))
    foer = Decimal(beregn_som_json(grunnlag_for_maaned(sak, 2025, 3))["total"])
    services.oppmoete_registrer(
        bruker=kvp_veileder_a, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), status=Dagstatus.UGYLDIG_FRAVAER
    )
    etter = beregn_som_json(grunnlag_for_maaned(sak, 2025, 3))
    dagsats = Decimal(etter["linjer"][0]["dagsats"])
    assert foer - Decimal(etter["total"]) == dagsats.quantize(Decimal("0.01"))


def test_samlet_registrering_for_mange_saker_har_fast_antall_spoerringer(lag_sak_i_program, kvp_veileder_a):
    saker = [lag_sak_i_program() for _ in range(3)]

    def registrer(saker: list[Sak]) -> int:
        return services.oppmoete_registrer_mange(
            bruker=kvp_veileder_a,
            aar=2025,
            maaned=5,
            registreringer={s.pk: {dt.date(2025, 5, 5): Dagstatus.GYLDIG_FRAVAER} for s in saker},
        )

    with CaptureQueriesContext(connection) as tre:
        assert registrer(saker) == 3
    flere = [lag_sak_i_program() for _ in range(6)]
    with CaptureQueriesContext(connection) as seks:
        registrer(flere)
    # Én loggrad per sak (savepoint, insert, release); resten er konstant.
    assert len(seks.captured_queries) - len(tre.captured_queries) == 3 * 3
    statuser = _statuser(flere[0], dt.date(2025, 5, 1), dt.date(2025, 5, 31))
    assert statuser[dt.date(2025, 5, 5)] == Dagstatus.GYLDIG_FRAVAER
    assert statuser[dt.date(2025, 5, 1)] == Dagstatus.HELLIGDAG
    services.maaned_attester(bruker=kvp_veileder_a, sak_id=saker[0].pk, aar=2025, maaned=5)
    with pytest.raises(KvpFeil, match="korriger dem"):
        registrer(saker)


def test_ikke_kvp_veileder_kan_ikke_registrere_samlet(lag_sak_i_program, lag_bruker, kontor_a):
    sak = lag_sak_i_program()
    leder = lag_bruker(Rolle.LEDER, kontor=kontor_a)
    with pytest.raises(IkkeTilgang):
        services.oppmoete_registrer_mange(
            bruker=leder, aar=2025, maaned=5, registreringer={sak.pk: {dt.date(2025, 5, 5): Dagstatus.FERIE}}
        )


def test_samlet_registrering_holder_ferieretten_og_helligdagene(lag_sak_i_program, kvp_veileder_a, randaberg):
    randaberg.ferie_virkedager_per_aar = 3
    randaberg.save()
    sak = lag_sak_i_program()
    services.oppmoete_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        fra_og_med=dt.date(2025, 2, 3),
        til_og_med=dt.date(2025, 2, 4),
        status=Dagstatus.FERIE,
    )
    ferie = {dt.date(2025, 5, 5): Dagstatus.FERIE, dt.date(2025, 5, 6): Dagstatus.FERIE}
    with pytest.raises(KvpFeil, match="4 virkedager ferie i 2025, men kommunen gir 3"):
        services.oppmoete_registrer_mange(bruker=kvp_veileder_a, aar=2025, maaned=5, registreringer={sak.pk: ferie})
    with pytest.raises(KvpFeil, match="ikke en helligdag") as feil:
        services.oppmoete_registrer_mange(
            bruker=kvp_veileder_a, aar=2025, maaned=5, registreringer={sak.pk: {dt.date(2025, 5, 7): "HELLIGDAG"}}
        )
    assert feil.value.kode == "KVP_OPPMOETE_IKKE_HELLIGDAG"
    with pytest.raises(KvpFeil, match="er ikke i mai 2025") as feil:
        services.oppmoete_registrer_mange(
            bruker=kvp_veileder_a, aar=2025, maaned=5, registreringer={sak.pk: {dt.date(2025, 6, 2): "DELTATT"}}
        )
    assert feil.value.kode == "KVP_DATO_MAANED"
    assert not Oppmoete.objects.filter(sak=sak, dato__month=5).exists()
    services.oppmoete_registrer_mange(
        bruker=kvp_veileder_a, aar=2025, maaned=5, registreringer={sak.pk: {dt.date(2025, 5, 5): Dagstatus.FERIE}}
    )
    # Samme dag på nytt, nå som sykdom: ferien frigjøres og dokumentasjonen nullstilles.
    services.oppmoete_registrer_mange(
        bruker=kvp_veileder_a,
        aar=2025,
        maaned=5,
        registreringer={sak.pk: {dt.date(2025, 5, 5): Dagstatus.GYLDIG_FRAVAER, dt.date(2025, 5, 6): Dagstatus.FERIE}},
    )
    assert Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE).count() == 3


def test_ukjent_type_registrering_er_ugyldig_inndata_ikke_ikke_funnet(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    with pytest.raises(KvpFeil, match="Ukjent registrering") as feil:
        services.registrering_slett(bruker=kvp_veileder_a, sak_id=sak.pk, objekt="tull", objekt_id=sak.pk)
    assert feil.value.kode == "KVP_REGISTRERINGSTYPE"
    assert http_status(feil.value) == 400

"""Endringer i husstanden etter attesteringen når utbetalingen: et barn som legges til, eller en forsørgerperiode som
avsluttes, for en attestert og betalt måned gir en korreksjon i neste runde (via `GrunnlagEndret`)."""

import datetime as dt
from decimal import Decimal

from kvp.felles.models import Logghendelse
from kvp.oppmoete.models import Maanedsattestering, Oppmoetekorreksjon
from kvp.person.models import Forsoergerperiode
from kvp.person.services import barn_legg_til, forsoergerperiode_avslutt
from kvp.tilgang.models import Bruker
from kvp.utbetaling.models import Beregning, Posttype, Tilbakekreving, Utbetalingskorreksjon, Utbetalingsrunde
from kvp.utbetaling.services import utbetalingsrunde_kjoer


def _kjoer(bruker: Bruker, aar: int, maaned: int) -> Utbetalingsrunde:
    return utbetalingsrunde_kjoer(bruker=bruker, kommune_nummer="1127", aar=aar, maaned=maaned)


def _barnetillegg(beregning: Beregning) -> Decimal:
    return sum(
        (Decimal(linje["beloep"]) for linje in beregning.resultat["linjer"] if linje["type"] == "BARNETILLEGG"),
        Decimal(0),
    )


def test_barn_fra_14_oktober_lagt_til_etter_betalt_oktober_gir_etterbetaling_i_neste_runde(
    lag_sak_i_program, attester, oekonomi_a, veileder_a, betal
):
    sak = lag_sak_i_program(fra_og_med=dt.date(2026, 1, 5), til_og_med=dt.date(2026, 12, 31))
    attester(sak, 2026, 10)
    betal(_kjoer(oekonomi_a, 2026, 10))
    betalt = Beregning.objects.get(sak=sak, aar=2026, maaned=10)
    assert _barnetillegg(betalt) == 0

    barn_legg_til(
        bruker=veileder_a,
        person=sak.person,
        fornavn="Lise",
        foedselsdato=dt.date(2026, 10, 14),
        forsoerget_fra_og_med=dt.date(2026, 10, 14),
    )
    attestering = Maanedsattestering.objects.get(sak=sak, aar=2026, maaned=10)
    assert attestering.versjon == 2
    assert "Barn lagt til" in Oppmoetekorreksjon.objects.get(attestering=attestering).grunn

    september = _kjoer(oekonomi_a, 2026, 9)  # neste runde: ingen attestert september, bare etterbetalingen

    ny = Beregning.objects.get(sak=sak, aar=2026, maaned=10, versjon=2)
    korreksjon = Utbetalingskorreksjon.objects.get(sak=sak)
    assert korreksjon.differanse == ny.total - betalt.total == _barnetillegg(ny) > 0
    # Linjene forklarer beløpet: barnetillegget gjelder fra 14.10. (onsdag) ut måneden, 13 virkedager.
    linjer = [linje for linje in ny.resultat["linjer"] if linje["type"] == "BARNETILLEGG"]
    assert {linje["fra_og_med"] for linje in linjer} == {"2026-10-14"}
    assert sum((Decimal(linje["beloep"]) for linje in linjer), Decimal(0)) == korreksjon.differanse
    post = september.utbetalinger.get(sak=sak).poster.get()
    assert (post.type, post.aar, post.maaned, post.beloep) == (Posttype.ETTERBETALING, 2026, 10, korreksjon.differanse)
    assert not Tilbakekreving.objects.exists()


def test_avsluttet_forsoergerperiode_stopper_barnetillegget_og_gir_tilbakekreving_for_betalt_maaned(
    lag_sak_i_program, attester, oekonomi_a, veileder_a, betal, client
):
    sak = lag_sak_i_program(fra_og_med=dt.date(2026, 1, 5), til_og_med=dt.date(2026, 12, 31))
    barn = barn_legg_til(
        bruker=veileder_a,
        person=sak.person,
        fornavn="Per",
        foedselsdato=dt.date(2015, 3, 1),
        forsoerget_fra_og_med=dt.date(2015, 3, 1),
    )
    attester(sak, 2026, 10)
    betal(_kjoer(oekonomi_a, 2026, 10))
    betalt = Beregning.objects.get(sak=sak, aar=2026, maaned=10)
    periode = Forsoergerperiode.objects.get(barn=barn)

    # Barnet flyttet til den andre forelderen: forsørget til og med 15.10.
    client.force_login(veileder_a)
    svar = client.post(
        f"/personer/{sak.person_id}/forsoergerperiode/{periode.pk}/avslutt/", {"til_og_med": "2026-10-15"}
    )
    assert svar.status_code == 302
    periode.refresh_from_db()
    assert periode.til_og_med == dt.date(2026, 10, 15)
    logg = Logghendelse.objects.get(objekttype="forsørgerperiode", objekt_id=str(periode.pk), handling="ENDRE")
    assert logg.foer == {"til_og_med": None} and logg.etter == {"til_og_med": "2026-10-15"}

    _kjoer(oekonomi_a, 2026, 9)
    ny = Beregning.objects.get(sak=sak, aar=2026, maaned=10, versjon=2)
    linjer = [linje for linje in ny.resultat["linjer"] if linje["type"] == "BARNETILLEGG"]
    assert max(linjer, key=lambda linje: linje["til_og_med"])["til_og_med"] == "2026-10-15"
    korreksjon = Utbetalingskorreksjon.objects.get(sak=sak)
    assert korreksjon.differanse == ny.total - betalt.total == _barnetillegg(ny) - _barnetillegg(betalt) < 0
    assert Tilbakekreving.objects.get(sak=sak).beloep == -korreksjon.differanse


def test_forsoergerperiode_kan_ikke_avsluttes_foer_den_begynte(lag_person, veileder_a):
    import pytest

    from kvp.felles.feil import KvpFeil

    person = lag_person()
    barn = barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn="Ada",
        foedselsdato=dt.date(2020, 1, 1),
        forsoerget_fra_og_med=dt.date(2024, 1, 1),
    )
    periode = barn.forsoergerperioder.get()
    with pytest.raises(KvpFeil) as feil:
        forsoergerperiode_avslutt(bruker=veileder_a, forsoergerperiode_id=periode.pk, til_og_med=dt.date(2023, 12, 31))
    assert (feil.value.felt, feil.value.kode) == ("til_og_med", "KVP_DATO")
    periode.refresh_from_db()
    assert periode.til_og_med is None
    forsoergerperiode_avslutt(bruker=veileder_a, forsoergerperiode_id=periode.pk, til_og_med=dt.date(2025, 6, 30))
    with pytest.raises(KvpFeil, match=r"slutter allerede 30\.06\.2025") as feil:
        forsoergerperiode_avslutt(bruker=veileder_a, forsoergerperiode_id=periode.pk, til_og_med=dt.date(2025, 7, 31))
    assert feil.value.kode == "KVP_FORSOERGET_SLUTTER_ALLEREDE"


def test_barn_lagt_til_i_en_simulert_maaned_regnes_med_naar_runden_simuleres_paa_nytt(
    lag_sak_i_program, attester, oekonomi_a, veileder_a
):
    sak = lag_sak_i_program(fra_og_med=dt.date(2026, 1, 5), til_og_med=dt.date(2026, 12, 31))
    attester(sak, 2026, 10)
    oktober = _kjoer(oekonomi_a, 2026, 10)
    foer = oktober.utbetalinger.get(sak=sak).brutto
    barn_legg_til(
        bruker=veileder_a,
        person=sak.person,
        fornavn="Lise",
        foedselsdato=dt.date(2026, 10, 14),
        forsoerget_fra_og_med=dt.date(2026, 10, 14),
    )
    _kjoer(oekonomi_a, 2026, 10)
    ny = Beregning.objects.get(sak=sak, aar=2026, maaned=10, versjon=2)
    assert oktober.utbetalinger.get(sak=sak).brutto == ny.total == foer + _barnetillegg(ny)
    assert _barnetillegg(ny) > 0
    assert not Utbetalingskorreksjon.objects.exists()


def test_personsiden_lenker_til_skjemaet_som_avslutter_forsoergerperioden(lag_person, veileder_a, client):
    person = lag_person()
    barn = barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn="Ada",
        foedselsdato=dt.date(2020, 1, 1),
        forsoerget_fra_og_med=dt.date(2024, 1, 1),
    )
    periode = barn.forsoergerperioder.get()
    client.force_login(veileder_a)
    url = f"/personer/{person.pk}/forsoergerperiode/{periode.pk}/avslutt/"
    assert url in client.get(f"/personer/{person.pk}/").content.decode()
    side = client.get(url).content.decode()
    assert "Avslutt forsørgerperioden for Ada" in side and "Barnetillegget stopper" in side
    svar = client.post(url, {"til_og_med": "2023-06-30"})
    assert svar.status_code == 400 and "Siste dag kan ikke være før" in svar.content.decode()

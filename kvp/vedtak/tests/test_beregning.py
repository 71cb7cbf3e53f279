"""Forhåndsvisningen i innvilgelsen bruker samme grense mot kvp_regler som oppmøtet og utbetalingen."""

import datetime as dt
from decimal import Decimal

import pytest

from kvp.conftest import syntetisk_fnr
from kvp.felles.feil import KvpFeil
from kvp.oppmoete.grunnlag import beregn_som_json
from kvp.person.grunnlag import grunnlag_uten_registreringer
from kvp.person.services import barn_legg_til
from kvp.vedtak.beregning import beregning_forhaandsvis


def test_forhaandsvisningen_er_foerste_hele_maaned_med_barnetillegg_og_lik_grensens_beregning(lag_person, veileder_a):
    person = lag_person()
    barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn="Ada",
        foedselsdato=dt.date(2018, 2, 1),
        forsoerget_fra_og_med=dt.date(2018, 2, 1),
    )
    fra, til = dt.date(2025, 3, 10), dt.date(2026, 3, 9)

    visning = beregning_forhaandsvis(person=person, fra_og_med=fra, til_og_med=til)
    fasit = beregn_som_json(
        grunnlag_uten_registreringer(
            person=person, fra_og_med=dt.date(2025, 4, 1), til_og_med=dt.date(2025, 4, 30), programperiode=(fra, til)
        )
    )

    assert (visning["fra_og_med"], visning["til_og_med"]) == ("2025-04-01", "2025-04-30")
    assert Decimal(visning["total"]) == Decimal(fasit["total"]) > 0
    assert {linje["type"] for linje in visning["linjer"]} == {"STOENAD", "BARNETILLEGG"}
    assert [linje["beloep"] for linje in visning["linjer"]] == [linje["beloep"] for linje in fasit["linjer"]]


def test_periode_foer_foerste_grunnbeloep_gir_norsk_feil_ikke_500(lag_person):
    person = lag_person(foedselsnummer=syntetisk_fnr(dt.date(1925, 1, 1)))
    with pytest.raises(KvpFeil, match="ingen verdi for"):
        beregning_forhaandsvis(person=person, fra_og_med=dt.date(1950, 1, 2), til_og_med=dt.date(1950, 12, 31))


def test_fattet_avbrudd_korrigerer_attesterte_maaneder_og_fjerner_stoenaden_for_dagene(
    lag_sak_i_program, kvp_veileder_a, beslutter_a
):
    from django.utils import timezone

    from kvp.oppmoete.grunnlag import grunnlag_for_maaned
    from kvp.oppmoete.models import Maanedsattestering
    from kvp.sak.models import Sak, Status
    from kvp.vedtak.models import Vedtakstype
    from kvp.vedtak.services import vedtak_fatt, vedtak_opprett, vedtak_send_til_beslutter

    sak = lag_sak_i_program()
    for maaned in (2, 3):
        Maanedsattestering.objects.create(
            sak=sak, aar=2025, maaned=maaned, attestert_av=kvp_veileder_a, attestert=timezone.now()
        )
    vedtak = vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Vedtakstype.AVBRUDD,
        fra_og_med=dt.date(2025, 3, 10),
        begrunnelse="Deltakeren er innlagt på sykehus og kan ikke delta.",
    )
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)

    assert Sak.objects.get(pk=sak.pk).status == Status.MIDLERTIDIG_AVBRUTT
    assert dict(Maanedsattestering.objects.filter(sak=sak).values_list("maaned", "versjon")) == {2: 1, 3: 2}
    statuser = {d["status"] for d in grunnlag_for_maaned(sak, 2025, 3)["dager"]}
    assert statuser == {"AVBRUDD"}


def test_vedtaket_lagrer_beregningen_det_siterer_og_kvp_beregn_gir_samme_resultat(
    sak_oppfylt, kvp_veileder_a, beslutter_a
):
    import io
    import json

    from kvp.vedtak.models import Vedtak
    from kvp.vedtak.services import vedtak_fatt, vedtak_send_til_beslutter
    from kvp_regler.cli import beregn

    from .hjelpere import innvilgelse_utkast

    barn_legg_til(
        bruker=kvp_veileder_a,
        person=sak_oppfylt.person,
        fornavn="Ada",
        foedselsdato=dt.date(2018, 2, 1),
        forsoerget_fra_og_med=dt.date(2018, 2, 1),
    )
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)

    lagret = Vedtak.objects.get(pk=vedtak.pk).beregning
    assert lagret is not None
    resultat = lagret["resultat"]
    assert resultat["regelversjon"] and resultat["parametere_brukt"]
    assert resultat["total"] == lagret["total"]
    assert {linje["type"] for linje in resultat["linjer"]} == {"STOENAD", "BARNETILLEGG"}
    # `kvp beregn` på inndataene som står i vedtaket, gir nøyaktig resultatet som står i vedtaket.
    ut = io.StringIO()
    beregn(io.StringIO(json.dumps(lagret["grunnlag"])), ut)
    assert json.loads(ut.getvalue()) == resultat

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_maaned, grunnlag_for_saker
from kvp.oppmoete.models import AnnenYtelse, Arbeidsperiode, Dagstatus, Maanedsattestering, Oppmoete, Ytelsestype
from kvp.person.services import barn_legg_til
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker
from kvp.vedtak.models import Vedtak


def _registrer_mars(sak: Sak, bruker: Bruker) -> None:
    Oppmoete.objects.create(
        sak=sak, dato=dt.date(2025, 3, 4), status=Dagstatus.UGYLDIG_FRAVAER, timer=Decimal("3"), registrert_av=bruker
    )
    Oppmoete.objects.create(sak=sak, dato=dt.date(2025, 3, 5), status=Dagstatus.GYLDIG_FRAVAER, registrert_av=bruker)
    # Utenfor måneden: skal ikke med.
    Oppmoete.objects.create(sak=sak, dato=dt.date(2025, 4, 1), status=Dagstatus.AVBRUDD, registrert_av=bruker)
    Arbeidsperiode.objects.create(
        sak=sak,
        fra_og_med=dt.date(2025, 3, 10),
        til_og_med=dt.date(2025, 5, 31),
        timer_per_uke=Decimal("10"),
        registrert_av=bruker,
    )
    AnnenYtelse.objects.create(
        sak=sak,
        type=Ytelsestype.SYKEPENGER,
        fra_og_med=dt.date(2025, 3, 17),
        til_og_med=dt.date(2025, 3, 21),
        dagsats=Decimal("350.00"),
        registrert_av=bruker,
    )
    AnnenYtelse.objects.create(
        sak=sak,
        type=Ytelsestype.DAGPENGER,
        fra_og_med=dt.date(2025, 1, 1),
        til_og_med=dt.date(2025, 2, 28),
        dagsats=Decimal("100.00"),
        registrert_av=bruker,
    )


def test_grunnlaget_for_en_maaned_har_alt_som_gjelder_maaneden_og_ikke_mer(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(foedselsdato=dt.date(2001, 3, 15))
    barn_legg_til(
        bruker=kvp_veileder_a,
        person=sak.person,
        fornavn="Kari",
        foedselsdato=dt.date(2015, 6, 1),
        forsoerget_fra_og_med=dt.date(2015, 6, 1),
        forsoerget_til_og_med=None,
    )
    _registrer_mars(sak, kvp_veileder_a)

    dokument = grunnlag_for_maaned(sak, 2025, 3)

    assert dokument == {
        "fra_og_med": "2025-03-01",
        "til_og_med": "2025-03-31",
        "beregningsmodell": "VIRKEDAGER",
        "deltaker": {"foedselsdato": "2001-03-15"},
        "programperioder": [{"fra_og_med": "2025-01-06", "til_og_med": "2026-01-05"}],
        "barn": [{"foedselsdato": "2015-06-01", "fra_og_med": "2015-06-01", "til_og_med": None}],
        "dager": [
            {"dato": "2025-03-04", "status": "UGYLDIG_FRAVAER", "timer": "3.00"},
            {"dato": "2025-03-05", "status": "GYLDIG_FRAVAER"},
        ],
        "arbeid": [{"fra_og_med": "2025-03-10", "til_og_med": "2025-05-31", "timer_per_uke": "10.00"}],
        "ytelser": [
            {"type": "SYKEPENGER", "fra_og_med": "2025-03-17", "til_og_med": "2025-03-21", "dagsats": "350.00"}
        ],
    }


def test_beregningen_i_appen_er_den_samme_som_kvp_beregn_paa_samme_dokument(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(foedselsdato=dt.date(2001, 3, 15))
    _registrer_mars(sak, kvp_veileder_a)
    dokument = grunnlag_for_maaned(sak, 2025, 3)

    kjoering = subprocess.run(
        [sys.executable, "-m", "kvp_regler.cli", "beregn"],
        input=json.dumps(dokument),
        capture_output=True,
        text=True,
        check=True,
    )
    fra_cli = json.loads(kjoering.stdout)
    i_appen = beregn_som_json(dokument)

    assert i_appen == fra_cli
    assert Decimal(i_appen["total"]) > 0
    fradrag = [linje for linje in i_appen["linjer"] if linje["type"] == "FRADRAG"]
    assert sum(Decimal(linje["beloep"]) for linje in fradrag) == Decimal("-1750.00")  # 5 dager à 350 kr
    assert sum(Decimal(linje["beloep"]) for linje in i_appen["linjer"]) == Decimal(i_appen["total"])


def test_kommunens_beregningsmodell_og_avsluttet_program_gaar_inn_i_grunnlaget(lag_sak_i_program, randaberg):
    randaberg.beregningsmodell = "FAST_MAANEDSBELOEP"
    randaberg.save()
    sak = lag_sak_i_program()
    Sak.objects.filter(pk=sak.pk).update(avsluttet_dato=dt.date(2025, 3, 14))
    sak = Sak.objects.select_related("person__kommune").get(pk=sak.pk)

    dokument = grunnlag_for_maaned(sak, 2025, 3)

    assert dokument["beregningsmodell"] == "FAST_MAANEDSBELOEP"
    assert dokument["programperioder"] == [{"fra_og_med": "2025-01-06", "til_og_med": "2025-03-14"}]


def test_sak_uten_programperiode_og_ugyldig_maaned_gir_norsk_feil(lag_sak_i_program):
    sak = lag_sak_i_program()
    sak.begynt_dato = sak.program_fra_og_med = None
    assert sak.programperiode() is None
    with pytest.raises(KvpFeil, match="ingen programperiode"):
        grunnlag_for_maaned(sak, 2025, 3)
    with pytest.raises(KvpFeil, match="Ugyldig måned"):
        grunnlag_for_maaned(lag_sak_i_program(), 2025, 13)


def test_grunnlag_for_mange_saker_bruker_like_mange_spoerringer_som_for_en(lag_sak_i_program, kvp_veileder_a):
    saker = [lag_sak_i_program() for _ in range(6)]
    for sak in saker:
        _registrer_mars(sak, kvp_veileder_a)

    def antall_spoerringer(utvalg: list[Sak]) -> int:
        with CaptureQueriesContext(connection) as spoerringer:
            dokumenter = grunnlag_for_saker(utvalg, 2025, 3)
        assert set(dokumenter) == {sak.pk for sak in utvalg}
        return len(spoerringer)

    assert antall_spoerringer(saker[:1]) == antall_spoerringer(saker) == 5


def _fattet(sak: Sak, type_: str, fra: dt.date, til: dt.date | None, bruker: Bruker) -> Vedtak:
    from django.utils import timezone

    from kvp.vedtak.models import Vedtak

    return Vedtak.objects.create(
        sak=sak,
        type=type_,
        status="FATTET",
        fra_og_med=fra,
        til_og_med=til,
        opprettet_av=bruker,
        beslutter=bruker,
        fattet_tidspunkt=timezone.now(),
        vedtak_dato=fra,
    )


def test_fattet_avbrudd_og_permisjon_gjoer_dagene_stoenadsloese_til_gjenopptak(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    Oppmoete.objects.create(
        sak=sak, dato=dt.date(2025, 3, 11), status=Dagstatus.GYLDIG_FRAVAER, registrert_av=kvp_veileder_a
    )
    Oppmoete.objects.create(sak=sak, dato=dt.date(2025, 3, 5), status=Dagstatus.FERIE, registrert_av=kvp_veileder_a)
    _fattet(sak, "AVBRUDD", dt.date(2025, 3, 10), None, kvp_veileder_a)
    _fattet(sak, "GJENOPPTAK", dt.date(2025, 3, 17), None, kvp_veileder_a)
    _fattet(sak, "PERMISJON", dt.date(2025, 3, 27), dt.date(2025, 3, 28), kvp_veileder_a)

    dager = grunnlag_for_maaned(sak, 2025, 3)["dager"]

    assert dager == [
        {"dato": "2025-03-05", "status": "FERIE"},
        *({"dato": f"2025-03-{d}", "status": "AVBRUDD"} for d in (10, 11, 12, 13, 14)),
        {"dato": "2025-03-27", "status": "PERMISJON_UTEN_STOENAD"},
        {"dato": "2025-03-28", "status": "PERMISJON_UTEN_STOENAD"},
    ]
    # Fem virkedager avbrudd og to dager permisjon gir sju dager færre med stønad enn uten vedtakene.
    stoenad = [
        linje for linje in beregn_som_json(grunnlag_for_maaned(sak, 2025, 3))["linjer"] if linje["type"] == "STOENAD"
    ]
    assert sum(linje["antall_dager"] for linje in stoenad) == 21 - 7


def test_fattet_vedtak_om_avbrudd_gjoer_attesterte_maaneder_til_korreksjoner(lag_sak_i_program, kvp_veileder_a):
    from kvp.oppmoete.models import Oppmoetekorreksjon
    from kvp.oppmoete.services import attesterte_maaneder_korriger_etter_vedtak

    sak = lag_sak_i_program()
    for maaned in (2, 3, 4):
        Maanedsattestering.objects.create(
            sak=sak, aar=2025, maaned=maaned, attestert_av=kvp_veileder_a, attestert=timezone.now()
        )

    antall = attesterte_maaneder_korriger_etter_vedtak(
        bruker=kvp_veileder_a, sak=sak, fra_og_med=dt.date(2025, 3, 10), grunn="Vedtak om midlertidig avbrudd."
    )

    assert antall == 2
    assert dict(Maanedsattestering.objects.filter(sak=sak).values_list("maaned", "versjon")) == {2: 1, 3: 2, 4: 2}
    assert set(Oppmoetekorreksjon.objects.values_list("grunn", flat=True)) == {"Vedtak om midlertidig avbrudd."}

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.plan import services
from kvp.plan.models import Aktivitet, Aktivitetsstatus, Aktivitetstype, Planhistorikk
from kvp.plan.selectors import plan_for_sak
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker

FRA = dt.date(2025, 1, 6)


def _ny(bruker: Bruker, sak: Sak, **felter: Any) -> Aktivitet:
    verdier: dict[str, Any] = {
        "type": Aktivitetstype.ARBEIDSTRENING,
        "timer_per_uke": Decimal("30"),
        "fra_og_med": FRA,
        "til_og_med": dt.date(2025, 6, 27),
    } | felter
    return services.aktivitet_opprett(bruker=bruker, sak_id=sak.pk, **verdier)


def test_aktiviteter_bygger_planen_til_37_5_timer_og_historikken_vokser(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(til_og_med=dt.date(2025, 6, 27))
    arbeid = _ny(kvp_veileder_a, sak, tilbyder="Kafé Trappa", avtalt_med_deltaker=True)
    plan = plan_for_sak(sak=sak)
    assert plan.vurdering is not None
    assert plan.vurdering.uker[0].timer == Decimal("30")
    _ny(kvp_veileder_a, sak, type=Aktivitetstype.TETT_OPPFOELGING, timer_per_uke=Decimal("7.5"))
    plan = plan_for_sak(sak=sak)
    assert plan.vurdering is not None
    assert {u.timer for u in plan.vurdering.uker} == {Decimal("37.5")}

    services.aktivitet_endre(bruker=kvp_veileder_a, aktivitet_id=arbeid.pk, status=Aktivitetsstatus.PAAGAAR)
    historikk = list(Planhistorikk.objects.filter(objekt_id=arbeid.pk).order_by("tidspunkt", "id"))
    assert [h.handling for h in historikk] == ["OPPRETT", "ENDRE"]
    assert historikk[0].data["status"] == "PLANLAGT"
    assert historikk[1].data["status"] == "PAAGAAR"
    assert historikk[0].endret_av == kvp_veileder_a
    assert Logghendelse.objects.filter(objekt_id=str(arbeid.pk)).count() == 2
    with pytest.raises(ValueError):
        historikk[0].save()
    with pytest.raises(ValueError):
        historikk[0].delete()


@pytest.mark.parametrize(
    ("felter", "kode", "melding"),
    [
        ({"timer_per_uke": Decimal("0")}, "KVP_PLAN_TIMER", "mer enn 0"),
        ({"timer_per_uke": Decimal("40")}, "KVP_PLAN_TIMER", "høyst 37,5"),
        (
            {"type": Aktivitetstype.LOENNET_ARBEID, "timer_per_uke": Decimal("20")},
            "KVP_PLAN_ARBEID",
            "18,75",
        ),
        ({"fra_og_med": dt.date(2024, 12, 30)}, "KVP_PLAN_UTENFOR", "innenfor programperioden"),
        ({"til_og_med": dt.date(2025, 1, 1)}, "KVP_DATO", "før fra og med"),
        ({"type": "TULL"}, "KVP_PLAN_TYPE", "aktivitetstype"),
    ],
)
def test_ugyldig_aktivitet_gir_melding_og_lagres_ikke(lag_sak_i_program, kvp_veileder_a, felter, kode, melding):
    sak = lag_sak_i_program()
    with pytest.raises(KvpFeil, match=melding) as feil:
        _ny(kvp_veileder_a, sak, **felter)
    assert feil.value.kode == kode
    assert not Aktivitet.objects.exists()
    assert not Planhistorikk.objects.exists()


def test_overlappende_aktiviteter_over_fornuftige_timer_stoppes(lag_sak_i_program, kvp_veileder_a, settings):
    settings.KVP_PLAN_MAKS_TIMER_PER_UKE = 45
    sak = lag_sak_i_program()
    _ny(kvp_veileder_a, sak, timer_per_uke=Decimal("30"))
    with pytest.raises(KvpFeil, match="overlapper og blir 50 timer i uke 2 2025") as feil:
        _ny(kvp_veileder_a, sak, type=Aktivitetstype.OPPLAERING, timer_per_uke=Decimal("20"))
    assert feil.value.kode == "KVP_PLAN_OVERLAPP"
    # Uten overlapp går det bra.
    _ny(
        kvp_veileder_a,
        sak,
        type=Aktivitetstype.OPPLAERING,
        timer_per_uke=Decimal("20"),
        fra_og_med=dt.date(2025, 7, 7),
        til_og_med=dt.date(2025, 8, 29),
    )
    assert Aktivitet.objects.filter(sak=sak).count() == 2


def test_to_lonnede_arbeid_over_halv_stilling_stoppes(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    _ny(kvp_veileder_a, sak, type=Aktivitetstype.LOENNET_ARBEID, timer_per_uke=Decimal("10"))
    with pytest.raises(KvpFeil, match="Lønnet arbeid blir 20 timer"):
        _ny(kvp_veileder_a, sak, type=Aktivitetstype.LOENNET_ARBEID, timer_per_uke=Decimal("10"))


def test_endring_som_gir_ugyldig_plan_stoppes_og_aktiviteten_er_uendret(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program()
    a = _ny(kvp_veileder_a, sak, type=Aktivitetstype.LOENNET_ARBEID, timer_per_uke=Decimal("10"))
    with pytest.raises(KvpFeil):
        services.aktivitet_endre(bruker=kvp_veileder_a, aktivitet_id=a.pk, timer_per_uke=Decimal("19"))
    a.refresh_from_db()
    assert a.timer_per_uke == Decimal("10")
    assert Planhistorikk.objects.filter(objekt_id=a.pk).count() == 1


def test_tilgang_til_aa_endre_planen(lag_sak_i_program, kvp_veileder_a, kvp_veileder_b, leder_a, veileder_a):
    sak = lag_sak_i_program()
    with pytest.raises(IkkeFunnet):
        _ny(kvp_veileder_b, sak)
    for bruker in (leder_a, veileder_a):
        with pytest.raises(IkkeTilgang):
            _ny(bruker, sak)
    a = _ny(kvp_veileder_a, sak)
    with pytest.raises(IkkeFunnet):
        services.aktivitet_endre(bruker=kvp_veileder_b, aktivitet_id=a.pk, timer_per_uke=Decimal("5"))


def test_sak_uten_programperiode_har_ingen_plan(lag_person, kvp_veileder_a, i_dag):
    from kvp.soeknad.models import Kanal
    from kvp.soeknad.services import soeknad_registrer

    _, sak = soeknad_registrer(bruker=kvp_veileder_a, person=lag_person(), mottatt_dato=i_dag, kanal=Kanal.PAPIR)
    with pytest.raises(KvpFeil, match="kan bare endres") as feil:
        _ny(kvp_veileder_a, sak)
    assert feil.value.kode == "KVP_SAK_STATUS"  # saken er åpen, men ikke innvilget: ikke «lukket»
    assert plan_for_sak(sak=sak).vurdering is None

"""Stans og avslutning: datoen i vedtaket er første dag uten stønad (forutsetning A-STANS i
docs/regler/vilkaar-og-vedtak.md). Beregningen, saken og brevet er enige, og en tilbakedatert stans krever en grunn."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from kvp.felles.feil import KvpFeil
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_maaned
from kvp.sak.models import Sak, Status
from kvp.tilgang.models import Bruker
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtakstype
from kvp.vedtak.tests.hjelpere import varsle_om_noedvendig


def _fatt(kvp: Bruker, beslutter: Bruker, sak: Sak, type_: str, **felter: Any) -> Vedtak:
    varsle_om_noedvendig(bruker=kvp, sak=sak, type_=type_, felter=felter)
    vedtak = services.vedtak_opprett(bruker=kvp, sak_id=sak.pk, type=type_, begrunnelse="Begrunnet.", **felter)
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def _siste_betalte_dag(sak: Sak, aar: int, maaned: int) -> tuple[dt.date, Decimal]:
    resultat = beregn_som_json(grunnlag_for_maaned(sak, aar, maaned))
    linjer = [linje for linje in resultat["linjer"] if Decimal(linje["beloep"]) > 0]
    return max(dt.date.fromisoformat(linje["til_og_med"]) for linje in linjer), Decimal(resultat["total"])


def test_stans_fra_16_november_betaler_til_og_med_15_november_og_brevet_sier_det_samme(
    lag_sak_i_program, kvp_veileder_a, beslutter_a
):
    sak = lag_sak_i_program(fra_og_med=dt.date(2026, 1, 5), til_og_med=dt.date(2026, 12, 31))
    _, hele_november = _siste_betalte_dag(sak, 2026, 11)
    vedtak = _fatt(
        kvp_veileder_a,
        beslutter_a,
        sak,
        Vedtakstype.STANS,
        fra_og_med=dt.date(2026, 11, 16),
        kostra_status="4",
        tilbakedatering_grunn="Deltakeren har ikke møtt siden 16.11.; varslet 18.11.",
    )
    sak = Sak.objects.select_related("person__kommune").get(pk=sak.pk)
    assert (sak.status, sak.avsluttet_dato) == (Status.AVSLUTTET, dt.date(2026, 11, 15))
    assert sak.programperiode() == (dt.date(2026, 1, 5), dt.date(2026, 11, 15))
    siste, total = _siste_betalte_dag(sak, 2026, 11)
    assert siste == dt.date(2026, 11, 13)  # fredag; lørdag 14. og søndag 15. er ikke virkedager
    assert total < hele_november
    # Brevet sier at programmet stanses fra 16.11. og at 15.11. er siste dag med stønad.
    assert "stanset fra 16.11.2026" in vedtak.brev.html
    assert "Siste dag du får kvalifiseringsstønad for, er 15.11.2026." in vedtak.brev.html


def test_avslutning_fra_1_desember_betaler_hele_november(lag_sak_i_program, kvp_veileder_a, beslutter_a):
    sak = lag_sak_i_program(fra_og_med=dt.date(2026, 1, 5), til_og_med=dt.date(2027, 3, 31))
    _fatt(
        kvp_veileder_a,
        beslutter_a,
        sak,
        Vedtakstype.AVSLUTNING,
        fra_og_med=dt.date(2026, 12, 1),
        kostra_status="4",
    )
    sak = Sak.objects.select_related("person__kommune").get(pk=sak.pk)
    assert sak.avsluttet_dato == dt.date(2026, 11, 30)
    assert sak.programperiode() == (dt.date(2026, 1, 5), dt.date(2026, 11, 30))
    assert _siste_betalte_dag(sak, 2026, 11)[0] == dt.date(2026, 11, 30)
    assert sak.avsluttet_dato < dt.date(2026, 12, 1)  # datoen i vedtaket er første dag uten stønad


def test_tilbakedatert_stans_krever_grunn_som_vises_paa_vedtaket(
    lag_sak_i_program, kvp_veileder_a, beslutter_a, client
):
    sak = lag_sak_i_program(fra_og_med=dt.date(2026, 1, 5), til_og_med=dt.date(2026, 12, 31))
    with pytest.raises(KvpFeil, match="tilbakedateres") as feil:
        services.vedtak_opprett(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            type=Vedtakstype.STANS,
            fra_og_med=dt.date(2026, 11, 16),
            kostra_status="4",
            begrunnelse="Uteblitt.",
        )
    assert (feil.value.felt, feil.value.kode) == ("tilbakedatering_grunn", "KVP_BEGRUNNELSE")
    vedtak = services.vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Vedtakstype.STANS,
        fra_og_med=dt.date(2026, 11, 16),
        kostra_status="4",
        begrunnelse="Uteblitt.",
        tilbakedatering_grunn="Uteblitt siden 16.11.",
    )
    assert vedtak.tilbakedatering_grunn == "Uteblitt siden 16.11."
    client.force_login(kvp_veileder_a)
    side = client.get(f"/vedtak/{vedtak.pk}/").content.decode()
    assert "Tilbakedatert fordi" in side and "Uteblitt siden 16.11." in side

import datetime as dt

import pytest

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.sak.models import ForeloepigSvar, Status
from kvp.sak.selectors import sak_hent, saker_for_deltaker
from kvp.sak.services import foreloepig_svar_registrer, sak_endre_status, sak_tildel
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Rolle


@pytest.fixture
def sak(lag_person, kvp_veileder_a, i_dag):
    return soeknad_registrer(
        bruker=kvp_veileder_a,
        person=lag_person(),
        mottatt_dato=i_dag - dt.timedelta(days=40),
        kanal=Kanal.PAPIR,
    )[1]


def test_sak_tildel_og_fjern_tildeling_logges_med_foer_og_etter(sak, kvp_veileder_a, leder_a):
    sak_tildel(bruker=leder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_a)
    sak.refresh_from_db()
    assert sak.saksbehandler == kvp_veileder_a
    hendelse = Logghendelse.objects.filter(objekt_id=str(sak.pk), beskrivelse="Tildelt").latest("id")
    assert hendelse.foer == {"saksbehandler": None}
    assert hendelse.etter == {"saksbehandler": kvp_veileder_a.username}
    sak_tildel(bruker=leder_a, sak_id=sak.pk, saksbehandler=None)
    sak.refresh_from_db()
    assert sak.saksbehandler is None


def test_sak_tildel_avviser_veileder_fra_annet_kontor_og_bruker_uten_tilgang(
    sak, kvp_veileder_a, kvp_veileder_b, veileder_a
):
    with pytest.raises(KvpFeil, match="ved sakens kontor"):
        sak_tildel(bruker=kvp_veileder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_b)
    with pytest.raises(KvpFeil, match="Fant ikke saken"):
        sak_tildel(bruker=kvp_veileder_b, sak_id=sak.pk, saksbehandler=kvp_veileder_b)
    with pytest.raises(KvpFeil):
        sak_tildel(bruker=veileder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_a)
    sak.refresh_from_db()
    assert sak.saksbehandler is None


def test_sak_endre_status_folger_overgangene(sak, kvp_veileder_a):
    with pytest.raises(KvpFeil, match="kan ikke gå fra «Søknad registrert» til «Vurdering av inngangsvilkår»"):
        sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.VILKAARSVURDERING)
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.ARBEIDSEVNEVURDERING)
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.VILKAARSVURDERING)
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.TRUKKET)
    with pytest.raises(KvpFeil):
        sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.SOEKNAD_REGISTRERT)
    with pytest.raises(KvpFeil, match="lukket"):
        sak_tildel(bruker=kvp_veileder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_a)


def test_foreloepig_svar(sak, kvp_veileder_a, i_dag):
    svar = foreloepig_svar_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        sendt_dato=i_dag,
        forventet_svar_dato=i_dag + dt.timedelta(days=30),
        begrunnelse="Venter på arbeidsevnevurdering.",
    )
    assert svar.registrert_av == kvp_veileder_a


@pytest.mark.parametrize(
    ("sendt", "forventet", "begrunnelse", "felt", "kode"),
    [
        (1, 30, "x", "sendt_dato", "KVP_DATO_FREMTID"),
        (-50, 30, "x", "sendt_dato", "KVP_SENDT_FOER_MOTTATT"),
        (0, 0, "x", "forventet_svar_dato", "KVP_SVARDATO_FOER_SENDT"),
        (0, 10, " ", "begrunnelse", "KVP_BEGRUNNELSE"),
    ],
)
def test_foreloepig_svar_avviser_feil(sak, kvp_veileder_a, i_dag, sendt, forventet, begrunnelse, felt, kode):
    with pytest.raises(KvpFeil) as feil:
        foreloepig_svar_registrer(
            bruker=kvp_veileder_a,
            sak_id=sak.pk,
            sendt_dato=i_dag + dt.timedelta(days=sendt),
            forventet_svar_dato=i_dag + dt.timedelta(days=forventet),
            begrunnelse=begrunnelse,
        )
    assert (feil.value.felt, feil.value.kode) == (felt, kode)
    assert not ForeloepigSvar.objects.exists()


def test_sak_hent_scope_for_kontor_statsforvalter_og_deltaker(sak, lag_bruker, kvp_veileder_b, kvp_veileder_a):
    assert sak_hent(bruker=kvp_veileder_a, sak_id=sak.pk) == sak
    with pytest.raises(IkkeFunnet):
        sak_hent(bruker=kvp_veileder_b, sak_id=sak.pk)
    statsforvalter = lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland")
    with pytest.raises(IkkeFunnet):  # ikke sendt til statsforvalteren
        sak_hent(bruker=statsforvalter, sak_id=sak.pk)
    # Deltakeren ser sin egen sak på egne sider, ikke gjennom saksbehandlernes utvalg.
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person)
    with pytest.raises(IkkeFunnet):
        sak_hent(bruker=deltaker, sak_id=sak.pk)
    assert list(saker_for_deltaker(bruker=deltaker)) == [sak]


def test_deltakeren_faar_404_paa_saksbehandlernes_sider_for_sin_egen_sak(client, sak, lag_bruker):
    from django.urls import reverse

    client.force_login(lag_bruker(Rolle.DELTAKER, person=sak.person))
    for navn, args in [
        ("sak:detalj", [sak.pk]),
        ("person:detalj", [sak.person_id]),
        ("plan:plan", [sak.pk]),
        ("oppmoete:kalender", [sak.pk]),
    ]:
        assert client.get(reverse(navn, args=args)).status_code == 404, navn
    assert client.get(reverse("soeknad:min_side")).status_code == 200

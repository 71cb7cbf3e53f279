"""Forhåndsvarsel (forvaltningsloven § 16, issue 11 pkt. 10): stans og avslutning mot deltakerens ønske kan ikke
fattes før deltakerens svar er registrert eller svarfristen er ute; når fristen går ut uten svar, får
saksbehandleren en oppgave i saksbildet og på KVP-tavla."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.sak.models import Sak, Status
from kvp.tilgang.models import Rolle
from kvp.vedtak import services
from kvp.vedtak.models import Forhaandsvarsel, Vedtakstype
from kvp.vedtak.selectors import forhaandsvarsler_med_utloept_frist


@pytest.fixture
def beslutter(lag_bruker, kontor_a):
    return lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)


@pytest.fixture
def sak(lag_sak_i_program: Any) -> Any:
    i_dag = timezone.localdate()
    return lag_sak_i_program(
        fra_og_med=i_dag - dt.timedelta(days=60), til_og_med=i_dag + dt.timedelta(days=300), fornavn="Varselsen"
    )


def _stans(kvp: Any, sak: Sak, **felter: Any) -> Any:
    verdier = {"fra_og_med": timezone.localdate() + dt.timedelta(days=20), "kostra_status": "4"}
    verdier.update(felter)
    return services.vedtak_opprett(
        bruker=kvp, sak_id=sak.pk, type=Vedtakstype.STANS, begrunnelse="Uteblitt i fire uker.", **verdier
    )


def _varsel(kvp: Any, sak: Sak, gjelder: str = "STANS") -> Forhaandsvarsel:
    return services.forhaandsvarsel_send(
        bruker=kvp,
        sak_id=sak.pk,
        gjelder=gjelder,
        grunn="Du har ikke møtt i programmet.",
        fra_og_med=timezone.localdate() + dt.timedelta(days=20),
    )


def _fristen_gaar_ut(varsel: Forhaandsvarsel) -> None:
    """Varselet ble sendt for lenge siden: svarfristen var i går."""
    i_dag = timezone.localdate()
    Forhaandsvarsel.objects.filter(pk=varsel.pk).update(
        sendt_dato=i_dag - dt.timedelta(days=20), svarfrist=i_dag - dt.timedelta(days=1)
    )


def test_stans_kan_ikke_sendes_eller_fattes_uten_forhaandsvarsel(sak, kvp_veileder_a):
    vedtak = _stans(kvp_veileder_a, sak)
    with pytest.raises(KvpFeil, match="Send forhåndsvarsel om stans") as feil:
        services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    assert feil.value.kode == "KVP_FORHAANDSVARSEL"


def test_stans_nektes_til_svaret_er_registrert_og_fattes_etterpaa(sak, kvp_veileder_a, beslutter):
    varsel = _varsel(kvp_veileder_a, sak)
    vedtak = _stans(kvp_veileder_a, sak)
    with pytest.raises(KvpFeil, match=f"svarfrist {varsel.svarfrist:%d.%m.%Y}") as feil:
        services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    assert "Vedtaket kan fattes når deltakerens svar er registrert eller fristen er ute" in feil.value.melding
    services.forhaandsvarsel_svar_registrer(
        bruker=kvp_veileder_a, forhaandsvarsel_id=varsel.pk, svar="Jeg har vært syk.", svar_dato=timezone.localdate()
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)
    varsel.refresh_from_db()
    assert (varsel.vedtak_id, varsel.avgjort) == (vedtak.pk, timezone.localdate())
    assert Sak.objects.get(pk=sak.pk).status == Status.AVSLUTTET


def test_stans_kan_fattes_naar_fristen_er_ute_uten_svar(sak, kvp_veileder_a, beslutter):
    varsel = _varsel(kvp_veileder_a, sak)
    vedtak = _stans(kvp_veileder_a, sak)
    _fristen_gaar_ut(varsel)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)
    assert Sak.objects.get(pk=sak.pk).status == Status.AVSLUTTET


def test_fristen_sjekkes_igjen_naar_beslutteren_fatter(sak, kvp_veileder_a, beslutter):
    varsel = _varsel(kvp_veileder_a, sak)
    vedtak = _stans(kvp_veileder_a, sak)
    _fristen_gaar_ut(varsel)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    Forhaandsvarsel.objects.filter(pk=varsel.pk).update(svarfrist=timezone.localdate() + dt.timedelta(days=3))
    with pytest.raises(KvpFeil, match="forvaltningsloven § 16"):
        services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def test_avslutning_etter_avtale_krever_ikke_varsel_men_avslutning_ved_uteblivelse_gjoer(
    sak, kvp_veileder_a, beslutter
):
    i_dag = timezone.localdate()
    uteblitt = services.vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Vedtakstype.AVSLUTNING,
        fra_og_med=i_dag,
        kostra_status="4",
        begrunnelse="Uteblitt.",
    )
    with pytest.raises(KvpFeil, match="forhåndsvarsel om avslutning"):
        services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=uteblitt.pk)
    services.vedtak_endre(
        bruker=kvp_veileder_a,
        vedtak_id=uteblitt.pk,
        kostra_status="3",
        kostra_situasjon=["01"],
        kostra_inntektskilde="01",
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=uteblitt.pk)
    services.vedtak_fatt(bruker=beslutter, vedtak_id=uteblitt.pk)


def test_oppgaven_kommer_naar_fristen_er_ute_og_forsvinner_naar_vedtaket_er_fattet(
    sak, kvp_veileder_a, beslutter, client
):
    varsel = _varsel(kvp_veileder_a, sak)
    assert forhaandsvarsler_med_utloept_frist(bruker=kvp_veileder_a) == []
    _fristen_gaar_ut(varsel)
    assert forhaandsvarsler_med_utloept_frist(bruker=kvp_veileder_a) == [varsel]
    client.force_login(kvp_veileder_a)
    tavle = client.get(reverse("sak:tavle")).content.decode()
    assert 'id="utloepte-forhaandsvarsler"' in tavle and "Varselsen" in tavle
    saksbilde = client.get(reverse("vedtak:sak", args=[sak.pk])).content.decode()
    assert "Svarfristen for forhåndsvarselet om stans av programmet gikk ut" in saksbilde
    vedtak = _stans(kvp_veileder_a, sak)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)
    assert forhaandsvarsler_med_utloept_frist(bruker=kvp_veileder_a) == []
    assert 'id="utloepte-forhaandsvarsler"' not in client.get(reverse("sak:tavle")).content.decode()


def test_varsel_og_svar_fra_saksbildet_med_norsk_melding_ved_feil(sak, kvp_veileder_a, client):
    client.force_login(kvp_veileder_a)
    url = reverse("vedtak:forhaandsvarsel_send", args=[sak.pk])
    svar = client.post(url, {"gjelder": "STANS", "fra_og_med": "", "grunn": "Uteblitt."})
    assert svar.status_code == 400
    assert Forhaandsvarsel.objects.count() == 0
    svar = client.post(
        url, {"gjelder": "STANS", "fra_og_med": timezone.localdate().isoformat(), "grunn": "Uteblitt i fire uker."}
    )
    assert svar.status_code == 302
    varsel = Forhaandsvarsel.objects.get()
    assert varsel.brev.type == "FORHAANDSVARSEL"
    svar_url = reverse("vedtak:forhaandsvarsel_svar", args=[varsel.pk])
    feil = client.post(svar_url, {"svar_dato": "2001-01-01", "svar": "Jeg var syk."})
    assert feil.status_code == 400 and "Svaret må være mottatt mellom" in feil.content.decode()
    assert client.post(svar_url, {"svar_dato": timezone.localdate().isoformat(), "svar": "Syk."}).status_code == 302
    varsel.refresh_from_db()
    assert varsel.er_besvart and varsel.svar == "Syk."

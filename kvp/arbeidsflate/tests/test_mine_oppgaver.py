"""Mine oppgaver: hver oppgave kommer fra dataene, lenker dit den gjøres, og forsvinner når den er gjort."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.arbeidsflate.selectors import oppgaver_for_bruker
from kvp.felles.models import Logghendelse
from kvp.felles.oppgaver import Oppgave, leverandoerer, registrer_oppgaver
from kvp.oppmoete.services.attestering import maaned_attester
from kvp.sak.models import ForeloepigSvar, Sak
from kvp.sak.services import sak_tildel
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import kartlegging_opprett, moetetid_book, moetetid_opprett, soeknad_registrer
from kvp.tilgang.models import Rolle
from kvp.utbetaling.models import Utbetalingsrunde
from kvp.vedtak.services import vedtak_returner, vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder


def _typer(bruker: Any, i_dag: dt.date | None = None) -> list[str]:
    if hasattr(bruker, "_kvp_mine_oppgaver"):
        del bruker._kvp_mine_oppgaver
    return [o.type for o in oppgaver_for_bruker(bruker=bruker, i_dag=i_dag or timezone.localdate())]


def _ny_bruker(bruker: Any) -> Any:
    """Samme bruker uten mellomlagret tilgang og oppgaver (som ved en ny forespørsel)."""
    return type(bruker).objects.get(pk=bruker.pk)


@pytest.fixture
def returnert(lag_person, kvp_veileder_a, lag_bruker):
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person())
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor)
    return vedtak, beslutter


def test_vedtak_til_beslutter_er_oppgave_for_beslutteren_og_returnert_vedtak_for_saksbehandleren(
    returnert, kvp_veileder_a
):
    vedtak, beslutter = returnert
    assert "VEDTAK_TIL_GODKJENNING" in _typer(beslutter)
    assert "VEDTAK_TIL_GODKJENNING" not in _typer(kvp_veileder_a)  # fireøyne: ikke eget vedtak
    vedtak_returner(bruker=beslutter, vedtak_id=vedtak.pk, begrunnelse="Mangler evalueringsdato.")
    assert "VEDTAK_TIL_GODKJENNING" not in _typer(_ny_bruker(beslutter))
    oppgaver = oppgaver_for_bruker(bruker=_ny_bruker(kvp_veileder_a))
    retur = [o for o in oppgaver if o.type == "VEDTAK_RETURNERT"]
    assert len(retur) == 1
    assert retur[0].lenke == reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})
    # Gjort: vedtaket sendes til beslutter igjen, og oppgaven er borte.
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    assert "VEDTAK_RETURNERT" not in _typer(_ny_bruker(kvp_veileder_a))


def test_andre_kontorer_ser_ikke_oppgavene(returnert, kvp_veileder_b):
    assert _typer(kvp_veileder_b) == []


def test_uattestert_maaned_er_oppgave_og_forsvinner_naar_den_er_attestert(lag_sak_i_program, kvp_veileder_a):
    i_dag = timezone.localdate()
    forrige = i_dag.replace(day=1) - dt.timedelta(days=1)
    start = forrige.replace(day=1) - dt.timedelta(days=40)
    sak = lag_sak_i_program(fra_og_med=start, til_og_med=i_dag + dt.timedelta(days=200))
    maaneder = [(start.year, start.month)]
    while maaneder[-1] != (forrige.year, forrige.month):
        aar, mnd = maaneder[-1]
        maaneder.append((aar + 1, 1) if mnd == 12 else (aar, mnd + 1))
    assert len(maaneder) == 3
    bruker = kvp_veileder_a
    for nr, (aar, mnd) in enumerate(maaneder):
        oppgaver = [o for o in oppgaver_for_bruker(bruker=bruker, i_dag=i_dag) if o.type == "ATTESTERING"]
        assert len(oppgaver) == 1  # én oppgave per sak, den eldste måneden først
        assert oppgaver[0].lenke.endswith(f"?maaned={aar:04d}-{mnd:02d}")
        assert ("til)" in oppgaver[0].tittel) == (nr < 2)
        maaned_attester(bruker=bruker, sak_id=sak.pk, aar=aar, maaned=mnd)
        bruker = _ny_bruker(kvp_veileder_a)
    assert "ATTESTERING" not in _typer(bruker, i_dag=i_dag)


def test_booket_moete_er_oppgave_for_kvp_veilederen_til_og_med_moetedagen(lag_person, veileder_a, kvp_veileder_a):
    start = (timezone.now() + dt.timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    moete = moetetid_opprett(bruker=kvp_veileder_a, kvp_veileder=kvp_veileder_a, start=start)
    assert "MOETE" not in _typer(kvp_veileder_a)  # ledig tid er ingen oppgave
    kartlegging = kartlegging_opprett(
        bruker=veileder_a,
        person=lag_person(),
        utdanning="x",
        arbeidserfaring="x",
        interesser="",
        utfordringer="x",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "x"),
    )
    moetetid_book(bruker=veileder_a, moetetid_id=moete.pk, kartlegging=kartlegging)
    bruker = _ny_bruker(kvp_veileder_a)
    moeter = [o for o in oppgaver_for_bruker(bruker=bruker) if o.type == "MOETE"]
    assert [o.lenke for o in moeter] == [reverse("soeknad:kartlegging", kwargs={"kartlegging_id": kartlegging.pk})]
    assert _typer(bruker, i_dag=timezone.localtime(start).date()).count("MOETE") == 1
    assert "MOETE" not in _typer(bruker, i_dag=timezone.localtime(start).date() + dt.timedelta(days=1))


def test_ny_soeknad_paa_tavla_forsvinner_naar_den_er_tildelt(lag_person, kvp_veileder_a, lag_bruker):
    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(), mottatt_dato=timezone.localdate(), kanal=Kanal.PAPIR
    )
    annen = lag_bruker(Rolle.KVP_VEILEDER, kontor=sak.kontor)
    assert "SOEKNAD_NY" in _typer(annen)
    sak_tildel(bruker=kvp_veileder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_a)
    assert "SOEKNAD_NY" not in _typer(_ny_bruker(annen))
    assert "SOEKNAD_TILDELT" in _typer(_ny_bruker(kvp_veileder_a))


def test_saksbehandlingstid_og_foreloepig_svar_foelger_fristene(lag_person, kvp_veileder_a):
    i_dag = timezone.localdate()
    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(), mottatt_dato=i_dag - dt.timedelta(days=40), kanal=Kanal.PAPIR
    )
    sak_tildel(bruker=kvp_veileder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_a)
    oppgaver = {o.type: o for o in oppgaver_for_bruker(bruker=_ny_bruker(kvp_veileder_a), i_dag=i_dag)}
    assert oppgaver["SAKSBEHANDLINGSTID"].nivaa == "OVERSKREDET"
    assert oppgaver["FORELOEPIG_SVAR"].frist is not None and oppgaver["FORELOEPIG_SVAR"].frist <= i_dag
    ForeloepigSvar.objects.create(
        sak=sak,
        sendt_dato=i_dag,
        forventet_svar_dato=i_dag + dt.timedelta(days=14),
        begrunnelse="Venter på arbeidsevnevurdering.",
        registrert_av=kvp_veileder_a,
    )
    assert "FORELOEPIG_SVAR" not in _typer(_ny_bruker(kvp_veileder_a), i_dag=i_dag)
    # En søknad mottatt i går har ingen av fristene ennå.
    assert "FORELOEPIG_SVAR" not in _typer(_ny_bruker(kvp_veileder_a), i_dag=sak.mottatt_dato + dt.timedelta(days=1))


def test_runde_til_godkjenning_er_oppgave_for_annen_oekonomi_enn_den_som_simulerte(lag_sak_i_program, lag_bruker):
    sak = lag_sak_i_program()
    simulerte = lag_bruker(Rolle.OEKONOMI, kontor=sak.kontor)
    annen = lag_bruker(Rolle.OEKONOMI, kontor=sak.kontor)
    runde = Utbetalingsrunde.objects.create(
        kommune=sak.person.kommune, aar=2025, maaned=3, utbetalingsdato=dt.date(2025, 4, 15), ferdig=True
    )
    runde.simulert_av.add(simulerte)
    assert "RUNDE_GODKJENN" in _typer(annen)
    assert "RUNDE_GODKJENN" not in _typer(simulerte)
    Utbetalingsrunde.objects.filter(pk=runde.pk).update(status="GODKJENT")
    assert "RUNDE_GODKJENN" not in _typer(_ny_bruker(annen))


def test_en_ny_app_melder_seg_inn_med_en_registrering(kvp_veileder_a):
    foer = leverandoerer()

    def klager(bruker, i_dag):
        return [Oppgave(type="KLAGE", typenavn="Klage", tittel="Klage venter", lenke="/klage/1/", frist=i_dag)]

    try:
        registrer_oppgaver("test_klage", klager)
        assert "KLAGE" in _typer(kvp_veileder_a)
    finally:
        import kvp.felles.oppgaver as register

        register._LEVERANDOERER.clear()
        register._LEVERANDOERER.update(foer)


def test_forsiden_er_mine_oppgaver_for_alle_ansatte_og_oekonomi_ser_oppgavene(client, lag_bruker, kontor_a):
    for rolle in (Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.BESLUTTER, Rolle.LEDER, Rolle.OEKONOMI):
        client.force_login(lag_bruker(rolle, kontor=kontor_a))
        svar = client.get("/", follow=True)
        assert svar.redirect_chain[-1][0] == reverse("arbeidsflate:mine_oppgaver"), rolle
        tekst = svar.content.decode()
        assert "Du har ingen oppgaver i KVP ennå" not in tekst
        assert 'id="meny-mine-oppgaver"' in tekst
        # Hver lenke i arbeidsflatens meny virker for rollen (ingen lenke til en side som sier nei).
        for lenke in ("arbeidsflate:mine_saker", "arbeidsflate:soek"):
            if f'href="{reverse(lenke)}"' in tekst:
                assert client.get(reverse(lenke)).status_code == 200, (rolle, lenke)


def test_siden_viser_oppgaven_teller_i_menyen_og_logger_hver_person(client, returnert, kvp_veileder_a):
    vedtak, beslutter = returnert
    client.force_login(beslutter)
    foer = Logghendelse.objects.filter(handling="LES", person_id=vedtak.sak.person_id).count()
    svar = client.get(reverse("arbeidsflate:mine_oppgaver"))
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk}) in tekst
    assert '<span class="kvp-teller">1</span>' in tekst
    # På andre sider hentes tallet etterpå, så de får ingen ekstra spørringer av menyen.
    annen = client.get(reverse("vedtak:beslutter")).content.decode()
    assert f'hx-get="{reverse("arbeidsflate:antall")}"' in annen and "kvp-teller" not in annen
    assert '<span class="kvp-teller">1</span>' in client.get(reverse("arbeidsflate:antall")).content.decode()
    etter = Logghendelse.objects.filter(handling="LES", person_id=vedtak.sak.person_id, objekttype="mine oppgaver")
    assert etter.count() == 1 and foer == 0


def test_mine_saker_viser_alle_tilstander_og_kan_filtreres(client, lag_person, kvp_veileder_a, kvp_veileder_b):
    _, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=lag_person(fornavn="Tildelt"), mottatt_dato=timezone.localdate(), kanal="PAPIR"
    )
    sak_tildel(bruker=kvp_veileder_a, sak_id=sak.pk, saksbehandler=kvp_veileder_a)
    Sak.objects.filter(pk=sak.pk).update(status="AVSLAATT")
    client.force_login(kvp_veileder_a)
    assert "Tildelt" in client.get(reverse("arbeidsflate:mine_saker")).content.decode()
    assert "Tildelt" in client.get(reverse("arbeidsflate:mine_saker") + "?status=AVSLAATT").content.decode()
    assert "Tildelt" not in client.get(reverse("arbeidsflate:mine_saker") + "?status=I_PROGRAM").content.decode()
    assert client.get(reverse("arbeidsflate:mine_saker") + "?status=TULL").status_code == 400
    assert Logghendelse.objects.filter(person_id=sak.person_id, objekttype="mine saker").exists()
    client.force_login(kvp_veileder_b)
    assert "Tildelt" not in client.get(reverse("arbeidsflate:mine_saker")).content.decode()

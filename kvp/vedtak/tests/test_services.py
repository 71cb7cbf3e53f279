"""Vilkårsvurdering, vedtakstypene og totrinnskontrollen gjennom tjenestene: suksess- og feilstier."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.person.services import barn_legg_til
from kvp.sak.models import Sak, Status
from kvp.sak.services import sak_endre_status
from kvp.tilgang.models import Bruker
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype
from kvp.vedtak.tests.hjelpere import varsle_om_noedvendig

from .hjelpere import SKJOENN_OPPFYLT, innvilgelse_utkast, vilkaar_vurder


def _fatt_innvilgelse(kvp: Bruker, beslutter: Bruker, sak: Sak, **endringer: Any) -> Vedtak:
    vedtak = innvilgelse_utkast(bruker=kvp, sak=sak, **endringer)
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


# --- vilkårsvurdering ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("endring", "felt"),
    [({"arbeidsevne": "FINNES_IKKE"}, None), ({"sosialhjelp_foer": "9"}, "sosialhjelp_foer")],
)
def test_ugyldig_valg_i_vilkaarsvurderingen_har_samme_kode_som_andre_ugyldige_valg(sak, kvp_veileder_a, endring, felt):
    """Et valg som ikke er i listen, har én kode i hele systemet (`KVP_VALG`)."""
    with pytest.raises(KvpFeil) as feil:
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, **endring)
    assert (feil.value.kode, feil.value.felt) == ("KVP_VALG", felt)


def test_vilkaarsvurdering_lagrer_resultat_hjemmel_og_kostra_fakta(sak, kvp_veileder_a):
    vv = vilkaar_vurder(
        bruker=kvp_veileder_a,
        sak=sak,
        tiltakspenger_foer=True,
        kvp_annen_kommune=True,
        kvp_kommunenummer="4601",
    )
    assert vv.alle_oppfylt
    assert [r["vilkaar"] for r in vv.resultater] == [
        "ALDER",
        "ARBEIDSEVNE",
        "YTELSER",
        "OPPHOLD_BOPEL",
        "INTRODUKSJONSPROGRAM",
        "BEHOV_FOR_BISTAND",
        "EGNET_PROGRAM",
    ]
    assert all(r["hjemmel"].startswith("sosialtjenesteloven § 29") for r in vv.resultater)
    assert vv.soeknadsdato == sak.mottatt_dato
    assert (vv.sosialhjelp_foer, vv.tiltakspenger_foer, vv.kvp_kommunenummer) == ("2", True, "4601")
    assert Logghendelse.objects.filter(objekt_id=str(vv.pk), handling="OPPRETT").exists()


def test_vilkaarsvurdering_uten_begrunnelse_for_skjoenn_avvises_og_lagrer_ingenting(sak, kvp_veileder_a):
    skjoenn = dict(SKJOENN_OPPFYLT, BEHOV_FOR_BISTAND={"vurdering": "OPPFYLT", "begrunnelse": "  "})
    with pytest.raises(KvpFeil) as feil:
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, skjoenn=skjoenn)
    assert feil.value.felt == "begrunnelse_behov_for_bistand"
    assert not hasattr(Sak.objects.get(pk=sak.pk), "vilkaarsvurdering")


def test_ytelser_over_normen_maa_vurderes_og_kommunenummer_kreves(sak, kvp_veileder_a):
    vv = vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, ytelser_per_maaned=Decimal("25000"))
    ytelser = next(r for r in vv.resultater if r["vilkaar"] == "YTELSER")
    assert ytelser["vurdering"] == "MAA_VURDERES"
    assert not vv.alle_oppfylt
    with pytest.raises(KvpFeil) as feil:
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, kvp_annen_kommune=True, kvp_kommunenummer="12")
    assert (feil.value.felt, feil.value.kode) == ("kvp_kommunenummer", "KVP_TIDLIGERE_KOMMUNE")


def test_vilkaar_kan_bare_vurderes_i_vilkaarsvurdering_og_bare_paa_eget_kontor(sak, kvp_veileder_a, kvp_veileder_b):
    with pytest.raises(IkkeFunnet):
        vilkaar_vurder(bruker=kvp_veileder_b, sak=sak)
    sak_endre_status(bruker=kvp_veileder_a, sak_id=sak.pk, status=Status.TRUKKET)
    with pytest.raises(KvpFeil, match="til vilkårsvurdering"):
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)


# --- innvilgelse og totrinnskontroll ---------------------------------------------------------------------------


def test_innvilgelse_returneres_rettes_og_fattes_med_versjoner_logg_og_brev(sak_oppfylt, kvp_veileder_a, beslutter_a):
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    assert vedtak.status == Vedtaksstatus.UTKAST
    assert vedtak.beregning is not None and vedtak.fra_og_med is not None
    assert vedtak.beregning["linjer"], "innvilgelsen skal ha en forhåndsberegning"
    assert all(linje["forklaring"] for linje in vedtak.beregning["linjer"])
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    returnert = services.vedtak_returner(bruker=beslutter_a, vedtak_id=vedtak.pk, begrunnelse="Legg til evaluering.")
    assert (returnert.status, returnert.versjon) == (Vedtaksstatus.RETURNERT, 1)
    ny_eval = [vedtak.fra_og_med + dt.timedelta(days=90), vedtak.fra_og_med + dt.timedelta(days=180)]
    services.vedtak_endre(bruker=kvp_veileder_a, vedtak_id=vedtak.pk, evalueringsdatoer=ny_eval)
    sendt = services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    assert sendt.versjon == 2
    fattet = services.vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)
    assert fattet.status == Vedtaksstatus.FATTET
    assert fattet.vedtak_dato == timezone.localdate()
    assert fattet.beslutter == beslutter_a
    sak = Sak.objects.get(pk=sak_oppfylt.pk)
    assert sak.status == Status.INNVILGET
    assert (sak.vedtak_dato, sak.program_fra_og_med, sak.program_til_og_med) == (
        fattet.vedtak_dato,
        fattet.fra_og_med,
        fattet.til_og_med,
    )
    assert [h.hendelse for h in fattet.hendelser.all()] == [
        "OPPRETTET",
        "SENDT",
        "RETURNERT",
        "ENDRET",
        "SENDT",
        "FATTET",
    ]
    assert fattet.hendelser.get(hendelse="RETURNERT").begrunnelse == "Legg til evaluering."
    assert len(fattet.evalueringsdatoer) == 2
    assert fattet.brev.pdf[:4] == b"%PDF"
    beskrivelser = set(Logghendelse.objects.filter(objekt_id=str(vedtak.pk)).values_list("beskrivelse", flat=True))
    assert {"Sendt til beslutter", "Returnert av beslutter", "Fattet av beslutter"} <= beskrivelser


def test_forfatteren_kan_ikke_fatte_eget_vedtak_selv_med_beslutterrolle(sak_oppfylt, kvp_og_beslutter_a):
    vedtak = innvilgelse_utkast(bruker=kvp_og_beslutter_a, sak=sak_oppfylt)
    services.vedtak_send_til_beslutter(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk)
    with pytest.raises(IkkeTilgang, match="totrinnskontroll"):
        services.vedtak_fatt(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk)
    with pytest.raises(IkkeTilgang):
        services.vedtak_returner(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk, begrunnelse="x")
    assert Vedtak.objects.get(pk=vedtak.pk).status == Vedtaksstatus.TIL_BESLUTTER
    assert Sak.objects.get(pk=sak_oppfylt.pk).status == Status.VILKAARSVURDERING


def test_den_som_har_endret_utkastet_kan_heller_ikke_beslutte(sak_oppfylt, kvp_veileder_a, kvp_og_beslutter_a):
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    services.vedtak_endre(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk, innhold="Nytt innhold.")
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    with pytest.raises(IkkeTilgang):
        services.vedtak_fatt(bruker=kvp_og_beslutter_a, vedtak_id=vedtak.pk)


def test_bare_beslutter_kan_fatte_og_bare_vedtak_som_er_sendt(utkast, kvp_veileder_a, leder_a, beslutter_a):
    with pytest.raises(KvpFeil, match="ikke sendt til beslutter"):
        services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    with pytest.raises(IkkeTilgang):
        services.vedtak_fatt(bruker=leder_a, vedtak_id=utkast.pk)
    with pytest.raises(KvpFeil, match="hos beslutter"):
        services.vedtak_endre(bruker=kvp_veileder_a, vedtak_id=utkast.pk, innhold="x")


def test_fattet_vedtak_kan_ikke_endres_sendes_returneres_eller_fattes_igjen(utkast, kvp_veileder_a, beslutter_a):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    fattet = services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)
    foer = fattet.innhold
    with pytest.raises(KvpFeil, match="fattet og kan ikke endres"):
        services.vedtak_endre(bruker=kvp_veileder_a, vedtak_id=utkast.pk, innhold="Endret etterpå.")
    with pytest.raises(KvpFeil):
        services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    with pytest.raises(KvpFeil, match="allerede fattet"):
        services.vedtak_returner(bruker=beslutter_a, vedtak_id=utkast.pk, begrunnelse="x")
    with pytest.raises(KvpFeil, match="allerede fattet"):
        services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)
    assert Vedtak.objects.get(pk=utkast.pk).innhold == foer


def test_innvilgelse_med_vilkaar_som_ikke_er_oppfylt_avvises(sak, kvp_veileder_a):
    skjoenn = dict(SKJOENN_OPPFYLT, EGNET_PROGRAM={"vurdering": "MAA_VURDERES", "begrunnelse": ""})
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, skjoenn=skjoenn)
    with pytest.raises(KvpFeil, match="alle inngangsvilkårene er oppfylt") as feil:
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    assert "kontoret kan tilby" in feil.value.melding
    assert not Vedtak.objects.filter(sak=sak).exists()


def test_innvilgelse_uten_vilkaarsvurdering_avvises(sak, kvp_veileder_a):
    with pytest.raises(KvpFeil, match="Vurder inngangsvilkårene"):
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)


def test_vilkaarene_er_laast_mens_vedtaket_er_hos_beslutter(sak_oppfylt, kvp_veileder_a):
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    with pytest.raises(KvpFeil, match="ligger hos beslutter"):
        vilkaar_vurder(bruker=kvp_veileder_a, sak=sak_oppfylt, arbeidsevne="VARIG_TILPASSET")
    assert Sak.objects.get(pk=sak_oppfylt.pk).vilkaarsvurdering.arbeidsevne == "SPESIELT_TILPASSET"


def test_innvilgelse_ut_over_to_aar_avvises(sak_oppfylt, kvp_veileder_a):
    fra = timezone.localdate() + dt.timedelta(days=7)
    with pytest.raises(KvpFeil, match="høyst to år") as feil:
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt, fra=fra, til_og_med=fra.replace(year=fra.year + 2))
    assert feil.value.felt == "til_og_med"


def test_evaluering_utenfor_perioden_og_manglende_innhold_avvises(sak_oppfylt, kvp_veileder_a):
    fra = timezone.localdate() + dt.timedelta(days=7)
    with pytest.raises(KvpFeil) as feil:
        innvilgelse_utkast(
            bruker=kvp_veileder_a, sak=sak_oppfylt, fra=fra, evalueringsdatoer=[fra.replace(year=fra.year + 3)]
        )
    assert feil.value.felt == "evalueringsdatoer"
    with pytest.raises(KvpFeil) as feil:
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt, innhold=" ")
    assert feil.value.felt == "innhold"


def test_bare_ett_aapent_vedtak_per_sak(utkast, kvp_veileder_a, sak_oppfylt):
    with pytest.raises(KvpFeil, match="under arbeid"):
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)


def test_beregningen_tar_med_barnetillegg_for_barn_personen_forsoerger(lag_person, kvp_veileder_a, veileder_a, i_dag):
    from .hjelpere import sak_til_vilkaarsvurdering

    person = lag_person()
    barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn="Lille",
        foedselsdato=i_dag - dt.timedelta(days=800),
        forsoerget_fra_og_med=i_dag - dt.timedelta(days=800),
    )
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=person)
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    assert vedtak.beregning is not None
    typer = {linje["type"] for linje in vedtak.beregning["linjer"]}
    assert typer == {"STOENAD", "BARNETILLEGG"}
    assert Decimal(vedtak.beregning["total"]) == sum(Decimal(linje["beloep"]) for linje in vedtak.beregning["linjer"])


# --- avslag ----------------------------------------------------------------------------------------------------


def test_avslag_paa_vilkaar_som_ikke_er_oppfylt(sak, kvp_veileder_a, beslutter_a):
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, arbeidsevne="VARIG_TILPASSET")
    with pytest.raises(KvpFeil) as feil:
        services.vedtak_opprett(
            bruker=kvp_veileder_a, sak_id=sak.pk, type=Vedtakstype.AVSLAG, avslag_vilkaar="ALDER", begrunnelse="x"
        )
    assert feil.value.felt == "avslag_vilkaar"
    vedtak = services.vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Vedtakstype.AVSLAG,
        avslag_vilkaar="ARBEIDSEVNE",
        begrunnelse="Arbeidsevnevurderingen konkluderer med varig tilpasset innsats.",
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)
    sak = Sak.objects.get(pk=sak.pk)
    assert sak.status == Status.AVSLAATT
    assert sak.vedtak_dato is None


def test_avslag_krever_et_vilkaar_som_ikke_er_oppfylt(sak_oppfylt, kvp_veileder_a):
    with pytest.raises(KvpFeil, match="minst ett inngangsvilkår"):
        services.vedtak_opprett(
            bruker=kvp_veileder_a, sak_id=sak_oppfylt.pk, type=Vedtakstype.AVSLAG, avslag_vilkaar="", begrunnelse="x"
        )


# --- i program: oppstart, forlengelse, permisjon, avslutning -------------------------------------------------


@pytest.fixture
def i_program(sak_oppfylt, kvp_veileder_a, beslutter_a):
    fra = timezone.localdate() - dt.timedelta(days=1)
    _fatt_innvilgelse(kvp_veileder_a, beslutter_a, sak_oppfylt, fra=fra)
    with pytest.raises(KvpFeil, match="frem i tid"):
        services.program_iverksett(
            bruker=kvp_veileder_a, sak_id=sak_oppfylt.pk, begynt_dato=timezone.localdate() + dt.timedelta(days=1)
        )
    return services.program_iverksett(bruker=kvp_veileder_a, sak_id=sak_oppfylt.pk, begynt_dato=timezone.localdate())


def _vedtak(kvp: Bruker, beslutter: Bruker, sak: Sak, type_: str, **felter: Any) -> Vedtak:
    varsle_om_noedvendig(bruker=kvp, sak=sak, type_=type_, felter=felter)
    vedtak = services.vedtak_opprett(bruker=kvp, sak_id=sak.pk, type=type_, begrunnelse="Begrunnet.", **felter)
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def test_oppstart_gir_i_program_og_begynt_dato(i_program):
    assert i_program.status == Status.I_PROGRAM
    assert i_program.begynt_dato == timezone.localdate()


def test_forlengelse_ut_over_to_aar_krever_saerlige_grunner_og_aldri_over_tre(i_program, kvp_veileder_a, beslutter_a):
    fra = i_program.begynt_dato  # varigheten regnes fra oppstarten
    to_aar = fra.replace(year=fra.year + 2) - dt.timedelta(days=1)
    with pytest.raises(KvpFeil, match="særlige grunner") as feil:
        services.vedtak_opprett(
            bruker=kvp_veileder_a,
            sak_id=i_program.pk,
            type=Vedtakstype.FORLENGELSE,
            til_og_med=to_aar + dt.timedelta(days=30),
            begrunnelse="Trenger mer tid.",
        )
    assert feil.value.felt == "saerlige_grunner"
    with pytest.raises(KvpFeil, match="tre år"):
        services.vedtak_opprett(
            bruker=kvp_veileder_a,
            sak_id=i_program.pk,
            type=Vedtakstype.FORLENGELSE,
            til_og_med=fra.replace(year=fra.year + 3),
            saerlige_grunner="Læretid.",
            begrunnelse="Trenger mer tid.",
        )
    _vedtak(kvp_veileder_a, beslutter_a, i_program, Vedtakstype.FORLENGELSE, til_og_med=to_aar)
    _vedtak(
        kvp_veileder_a,
        beslutter_a,
        i_program,
        Vedtakstype.FORLENGELSE,
        til_og_med=to_aar + dt.timedelta(days=60),
        saerlige_grunner="Fullfører fagbrev som lærling.",
    )
    assert Sak.objects.get(pk=i_program.pk).program_til_og_med == to_aar + dt.timedelta(days=60)


def test_permisjon_og_gjenopptak_flytter_saken_frem_og_tilbake(i_program, kvp_veileder_a, beslutter_a, i_dag):
    _vedtak(kvp_veileder_a, beslutter_a, i_program, Vedtakstype.PERMISJON, fra_og_med=i_dag)
    assert Sak.objects.get(pk=i_program.pk).status == Status.PERMISJON
    _vedtak(kvp_veileder_a, beslutter_a, i_program, Vedtakstype.GJENOPPTAK, fra_og_med=i_dag)
    assert Sak.objects.get(pk=i_program.pk).status == Status.I_PROGRAM
    _vedtak(kvp_veileder_a, beslutter_a, i_program, Vedtakstype.AVBRUDD, fra_og_med=i_dag)
    assert Sak.objects.get(pk=i_program.pk).status == Status.MIDLERTIDIG_AVBRUTT


def test_avslutning_krever_kostra_koder_og_setter_avsluttet(i_program, kvp_veileder_a, beslutter_a, i_dag):
    with pytest.raises(KvpFeil) as feil:
        services.vedtak_opprett(
            bruker=kvp_veileder_a,
            sak_id=i_program.pk,
            type=Vedtakstype.AVSLUTNING,
            fra_og_med=i_dag,
            kostra_status="3",
            begrunnelse="Fullført.",
        )
    assert feil.value.felt == "kostra_situasjon"
    _vedtak(
        kvp_veileder_a,
        beslutter_a,
        i_program,
        Vedtakstype.AVSLUTNING,
        fra_og_med=i_dag,
        kostra_status="3",
        kostra_situasjon=["01"],
        kostra_inntektskilde="01",
    )
    sak = Sak.objects.get(pk=i_program.pk)
    # Datoen i vedtaket er første dag uten program; saken får siste dag i program (forutsetning A-STANS).
    assert (sak.status, sak.avsluttet_dato) == (Status.AVSLUTTET, i_dag - dt.timedelta(days=1))


def test_stans_tillater_ikke_status_fullfoert(i_program, kvp_veileder_a, i_dag):
    with pytest.raises(KvpFeil) as feil:
        services.vedtak_opprett(
            bruker=kvp_veileder_a,
            sak_id=i_program.pk,
            type=Vedtakstype.STANS,
            fra_og_med=i_dag,
            kostra_status="3",
            begrunnelse="x",
        )
    assert feil.value.felt == "kostra_status"


def test_vedtakstype_maa_passe_til_sakens_status(sak_oppfylt, kvp_veileder_a, i_dag):
    with pytest.raises(KvpFeil, match="passer ikke") as feil:
        services.vedtak_opprett(
            bruker=kvp_veileder_a, sak_id=sak_oppfylt.pk, type=Vedtakstype.PERMISJON, fra_og_med=i_dag, begrunnelse="x"
        )
    assert feil.value.kode == "KVP_VEDTAKSTYPE"
    with pytest.raises(KvpFeil, match="Ukjent vedtakstype") as feil:
        services.vedtak_opprett(bruker=kvp_veileder_a, sak_id=sak_oppfylt.pk, type="TULL", begrunnelse="x")
    assert feil.value.kode == "KVP_VEDTAKSTYPE_UKJENT"


def test_manuell_statusendring_kan_ikke_innvilge(sak_oppfylt, kvp_veileder_a):
    with pytest.raises(KvpFeil, match="kan ikke gå fra"):
        sak_endre_status(bruker=kvp_veileder_a, sak_id=sak_oppfylt.pk, status=Status.INNVILGET)


def test_oppstart_maa_vaere_i_programperioden_og_bare_for_innvilget_sak(utkast, kvp_veileder_a, beslutter_a):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=utkast.pk)  # programmet starter om 14 dager
    with pytest.raises(KvpFeil, match="i programperioden") as feil:
        services.program_iverksett(bruker=kvp_veileder_a, sak_id=utkast.sak_id, begynt_dato=timezone.localdate())
    assert feil.value.felt == "begynt_dato"
    assert Sak.objects.get(pk=utkast.sak_id).begynt_dato is None


def test_oppstart_for_sak_uten_innvilgelse_avvises(sak, kvp_veileder_a, i_dag):
    with pytest.raises(KvpFeil, match="innvilget program"):
        services.program_iverksett(bruker=kvp_veileder_a, sak_id=sak.pk, begynt_dato=i_dag)


# --- issue 11 pkt. 4: varighet fra oppstarten og alder over hele programmet --------------------------------------


def test_varigheten_regnes_fra_oppstarten_ikke_fra_planlagt_start(i_program, kvp_veileder_a, beslutter_a):
    """Vedtaket sa fra i går, men programmet begynte i dag: to år regnes fra i dag (begynt_dato)."""
    oppstart = i_program.begynt_dato
    assert i_program.program_fra_og_med < oppstart
    to_aar_fra_oppstart = oppstart.replace(year=oppstart.year + 2) - dt.timedelta(days=1)
    _vedtak(kvp_veileder_a, beslutter_a, i_program, Vedtakstype.FORLENGELSE, til_og_med=to_aar_fra_oppstart)
    assert Sak.objects.get(pk=i_program.pk).program_til_og_med == to_aar_fra_oppstart


def _sak_for(lag_person, kvp_veileder_a, foedselsdato: dt.date) -> Sak:
    from kvp.conftest import syntetisk_fnr

    from .hjelpere import sak_til_vilkaarsvurdering

    person = lag_person(foedselsnummer=syntetisk_fnr(foedselsdato))
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=person)
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    return Sak.objects.get(pk=sak.pk)


def test_soeker_som_fyller_18_foer_starten_avslaas_ikke_men_kan_ikke_starte_foer(lag_person, kvp_veileder_a, i_dag):
    attenaarsdag = i_dag + dt.timedelta(days=30)
    foedt = attenaarsdag.replace(year=attenaarsdag.year - 18)
    sak = _sak_for(lag_person, kvp_veileder_a, foedt)
    assert sak.vilkaarsvurdering.alle_oppfylt
    with pytest.raises(KvpFeil, match="tidligst begynne") as feil:
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak, fra=attenaarsdag - dt.timedelta(days=1))
    assert feil.value.felt == "fra_og_med"
    assert innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak, fra=attenaarsdag).fra_og_med == attenaarsdag


def test_programmet_kan_ikke_vare_ut_over_maaneden_deltakeren_fyller_67(lag_person, kvp_veileder_a, i_dag):
    fyller_67 = (i_dag + dt.timedelta(days=120)).replace(day=15)
    sak = _sak_for(lag_person, kvp_veileder_a, fyller_67.replace(year=fyller_67.year - 67))
    fra = i_dag + dt.timedelta(days=14)
    with pytest.raises(KvpFeil, match="ut måneden deltakeren fyller 67") as feil:
        innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak, fra=fra)
    assert feil.value.felt == "til_og_med"
    siste = (fyller_67.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    assert innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak, fra=fra, til_og_med=siste).til_og_med == siste

"""Brevene en deltaker forstår (issue 11 pkt. 9), på bokmål og nynorsk: brevhodet med saksnummer, kontorets adresse
og telefon; stønaden per måned og per dag med én setning og utregningen i vedlegget (på brevets målform); 2/3-satsen
til 25-årsdagen med datoen; utbetaling, skatt og meldeplikt; avslag med hvert vilkår som ikke er oppfylt; riktig
hjemmel for permisjon, avbrudd og gjenopptak; digital klage; og brev om oppstart og foreløpig svar."""

import datetime as dt
import re
from typing import Any

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from kvp.brev.models import Brev, Brevtype
from kvp.conftest import syntetisk_fnr
from kvp.person.models import Maalform
from kvp.sak.services import foreloepig_svar_registrer
from kvp.tilgang.models import Rolle
from kvp.vedtak import services
from kvp.vedtak.models import Vedtakstype
from kvp.vedtak.tests.hjelpere import SKJOENN_OPPFYLT, innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder
from kvp_regler.belop import kroner_tekst, rund_av_til_oere
from kvp_regler.beregning import aarsbeloep
from kvp_regler.tid import bursdag
from kvp_regler.vilkaar import forhaandsvarsel_svarfrist


def _tekst(brev: Brev) -> str:
    return re.sub(r"\s+", " ", strip_tags(brev.html)).replace("\u00a0", " ")


@pytest.fixture
def beslutter(lag_bruker, kontor_a):
    return lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)


def _fatt(kvp: Any, beslutter: Any, vedtak: Any) -> Any:
    services.vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return services.vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def _innvilget_under_25(lag_person: Any, kvp: Any, beslutter: Any, maalform: str) -> tuple[Any, dt.date]:
    i_dag = timezone.localdate()
    foedt = dt.date(i_dag.year - 22, 3, 10)
    person = lag_person(maalform=maalform, foedselsnummer=syntetisk_fnr(foedt))
    sak = sak_til_vilkaarsvurdering(bruker=kvp, person=person)
    vilkaar_vurder(bruker=kvp, sak=sak)
    vedtak = _fatt(kvp, beslutter, innvilgelse_utkast(bruker=kvp, sak=sak))
    return vedtak, foedt


# (bokmål, nynorsk) for hver setning testen leter etter
SETNINGER = {
    "per_maaned": ("før skatt for en hel måned i programmet", "før skatt for ein heil månad i programmet"),
    "per_dag": ("for hver dag du er med i programmet", "for kvar dag du er med i programmet"),
    "under_25": (
        "og får derfor 2/3 av full stønad til du fyller 25 år",
        "og får difor 2/3 av full stønad til du fyller 25 år",
    ),
    "utbetaling": ("den 15. i måneden etter", "den 15. i månaden etter"),
    "skatt": (
        "Har vi ikke skattekortet ditt, må vi trekke 50 prosent.",
        "Har vi ikkje skattekortet ditt, må vi trekkje 50 prosent.",
    ),
    "meldeplikt": (
        "Si fra til oss med en gang hvis situasjonen din endrer seg",
        "Sei frå til oss med ein gong dersom situasjonen din endrar seg",
    ),
    "klage_digitalt": (
        "Du kan sende den digitalt ved å logge inn på nav.no",
        "Du kan sende ho digitalt ved å logge inn på nav.no",
    ),
    "vedlegg": ("Vedlegg: Slik har vi regnet ut stønaden", "Vedlegg: Slik har vi rekna ut stønaden"),
    "verkedagar": ("/ 260 virkedager =", "/ 260 verkedagar ="),
    "hjemmel_linje": ("(sosialtjenesteloven § 35)", "(sosialtenestelova § 35)"),
}


@pytest.mark.parametrize(("maalform", "i"), [(Maalform.BOKMAAL, 0), (Maalform.NYNORSK, 1)])
def test_innvilgelse_under_25_har_beloep_per_maaned_og_dag_datoen_for_25_aar_og_det_deltakeren_maa_vite(
    lag_person, kvp_veileder_a, beslutter, maalform, i
):
    vedtak, foedt = _innvilget_under_25(lag_person, kvp_veileder_a, beslutter, maalform)
    tekst = _tekst(vedtak.brev)
    sak = vedtak.sak
    # Brevhodet: kontorets adresse og telefon, saksnummer og dato som dd.mm.åååå
    assert "Postboks 40" in tekst and "4096 Randaberg" in tekst and "51 41 41 00" in tekst
    assert f"Saksnummer: {sak.saksnummer}" in tekst
    assert f"Dato: {vedtak.vedtak_dato:%d.%m.%Y}" in tekst
    # Månedsbeløpet og dagbeløpet i kroner og øre: dagsatsen er 2/3 av årsbeløpet delt på 260 virkedager.
    fra = dt.date.fromisoformat(vedtak.beregning["fra_og_med"])
    per_dag = rund_av_til_oere(aarsbeloep(dato=fra, under_25=True) / 260)
    assert re.search(rf"{re.escape(vedtak.beregning['total_tekst'])} {SETNINGER['per_maaned'][i]}", tekst)
    assert f"Det er {kroner_tekst(per_dag)} {SETNINGER['per_dag'][i]}" in tekst
    assert f"{SETNINGER['under_25'][i]} {bursdag(foedt, 25):%d.%m.%Y}." in tekst
    for noekkel in ("utbetaling", "skatt", "meldeplikt", "klage_digitalt", "vedlegg", "verkedagar", "hjemmel_linje"):
        assert SETNINGER[noekkel][i] in tekst, noekkel
        assert SETNINGER[noekkel][1 - i] not in tekst, noekkel


@pytest.mark.parametrize(
    ("maalform", "forventet"),
    [
        (
            Maalform.BOKMAAL,
            [
                "Du får ikke kvalifiseringsprogram. Du oppfyller ikke disse vilkårene:",
                "Arbeidsevnen din er ikke vesentlig nedsatt slik loven krever.",
                "Du har ikke behov for den tette og samordnede hjelpen programmet gir.",
            ],
        ),
        (
            Maalform.NYNORSK,
            [
                "Du får ikkje kvalifiseringsprogram. Du oppfyller ikkje desse vilkåra:",
                "Arbeidsevna di er ikkje vesentleg nedsett slik lova krev.",
                "Du har ikkje behov for den tette og samordna hjelpa programmet gir.",
            ],
        ),
    ],
)
def test_avslag_nevner_hvert_vilkaar_som_ikke_er_oppfylt_og_snakker_til_deg(
    lag_person, kvp_veileder_a, beslutter, maalform, forventet
):
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(maalform=maalform))
    skjoenn = {**SKJOENN_OPPFYLT, "BEHOV_FOR_BISTAND": {"vurdering": "IKKE_OPPFYLT", "begrunnelse": "Klarer seg."}}
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak, arbeidsevne="VARIG_TILPASSET", skjoenn=skjoenn)
    vedtak = services.vedtak_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type=Vedtakstype.AVSLAG,
        avslag_vilkaar="ARBEIDSEVNE",
        begrunnelse="Vurdert etter samtale.",
    )
    tekst = _tekst(_fatt(kvp_veileder_a, beslutter, vedtak).brev)
    for setning in forventet:
        assert setning in tekst


@pytest.mark.parametrize(
    ("maalform", "permisjon", "gjenopptak"),
    [
        (
            Maalform.BOKMAAL,
            "Vedtaket er gjort etter sosialtjenesteloven § 36 (fravær og permisjon).",
            "sosialtjenesteloven § 30 (innholdet i programmet), sosialtjenesteloven § 36 (fravær og permisjon).",
        ),
        (
            Maalform.NYNORSK,
            "Vedtaket er gjort etter sosialtenestelova § 36 (fråvær og permisjon).",
            "sosialtenestelova § 30 (innhaldet i programmet), sosialtenestelova § 36 (fråvær og permisjon).",
        ),
    ],
)
def test_permisjon_og_gjenopptak_har_hjemmelen_for_fravaer_og_permisjon_og_oppstart_gir_brev(
    lag_person, kvp_veileder_a, beslutter, maalform, permisjon, gjenopptak
):
    person = lag_person(maalform=maalform)
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=person)
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    i_dag = timezone.localdate()
    innvilgelse = _fatt(
        kvp_veileder_a, beslutter, innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak, fra=i_dag - dt.timedelta(days=1))
    )
    services.program_iverksett(bruker=kvp_veileder_a, sak_id=sak.pk, begynt_dato=i_dag)
    oppstart = _tekst(Brev.objects.get(sak=sak, type=Brevtype.OPPSTART))
    begynte = "begynte" if maalform == Maalform.BOKMAAL else "byrja"
    assert f"Kvalifiseringsprogrammet ditt {begynte} {i_dag:%d.%m.%Y}." in oppstart
    assert innvilgelse.beregning["total_tekst"] in oppstart
    for type_, forventet in ((Vedtakstype.PERMISJON, permisjon), (Vedtakstype.GJENOPPTAK, gjenopptak)):
        vedtak = services.vedtak_opprett(
            bruker=kvp_veileder_a, sak_id=sak.pk, type=type_, fra_og_med=i_dag, begrunnelse="Avtalt."
        )
        tekst = _tekst(_fatt(kvp_veileder_a, beslutter, vedtak).brev)
        assert forventet in tekst
        assert "34 og 36" not in tekst


@pytest.mark.parametrize(
    ("maalform", "mottatt", "svar"),
    [
        (Maalform.BOKMAAL, "Vi fikk søknaden din om kvalifiseringsprogram", "Vi regner med å svare deg innen"),
        (Maalform.NYNORSK, "Vi fekk søknaden din om kvalifiseringsprogram", "Vi reknar med å svare deg innan"),
    ],
)
def test_foreloepig_svar_blir_et_brev(lag_person, kvp_veileder_a, maalform, mottatt, svar):
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(maalform=maalform))
    i_dag = timezone.localdate()
    foreloepig_svar_registrer(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        sendt_dato=i_dag,
        forventet_svar_dato=i_dag + dt.timedelta(days=21),
        begrunnelse="Vi venter på arbeidsevnevurderingen.",
    )
    brev = Brev.objects.get(sak=sak, type=Brevtype.FORELOEPIG_SVAR)
    tekst = _tekst(brev)
    assert f"{mottatt} {sak.mottatt_dato:%d.%m.%Y}." in tekst
    assert f"{svar} {i_dag + dt.timedelta(days=21):%d.%m.%Y}." in tekst
    assert "Vi venter på arbeidsevnevurderingen." in tekst
    assert "forvaltningsloven § 11 a" in tekst or "forvaltningslova § 11 a" in tekst


@pytest.mark.parametrize(
    ("maalform", "vurderer", "frist"),
    [
        (Maalform.BOKMAAL, "Vi vurderer å stanse kvalifiseringsprogrammet ditt fra", "Svar oss senest"),
        (Maalform.NYNORSK, "Vi vurderer å stanse kvalifiseringsprogrammet ditt frå", "Svar oss seinast"),
    ],
)
def test_forhaandsvarsel_om_stans_har_svarfristen_og_siste_dag_med_stoenad(
    lag_sak_i_program, kvp_veileder_a, maalform, vurderer, frist
):
    i_dag = timezone.localdate()
    sak = lag_sak_i_program(
        fra_og_med=i_dag - dt.timedelta(days=60), til_og_med=i_dag + dt.timedelta(days=300), maalform=maalform
    )
    stans_fra = i_dag + dt.timedelta(days=20)
    varsel = services.forhaandsvarsel_send(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        gjelder="STANS",
        grunn="Du har ikke møtt de siste ukene.",
        fra_og_med=stans_fra,
    )
    tekst = _tekst(varsel.brev)
    assert varsel.svarfrist == forhaandsvarsel_svarfrist(i_dag)
    assert f"{vurderer} {stans_fra:%d.%m.%Y}." in tekst
    assert f"{(stans_fra - dt.timedelta(days=1)):%d.%m.%Y}" in tekst
    assert f"{frist} {varsel.svarfrist:%d.%m.%Y}." in tekst
    assert "digitalt" in tekst and "51 41 41 00" in tekst

"""Rettleiing fra statsforvalteren: publiseres til fylket eller ett kontor, vises på tavla og ved steget, og hver
bruker merker den som lest."""

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.tilgang.models import Rolle
from kvp.tilgang.services import nav_kontor_opprett
from kvp.tilsyn import selectors, services
from kvp.tilsyn.models import Rettleiing, RettleiingLest
from kvp.vedtak.tests.hjelpere import sak_til_vilkaarsvurdering

pytestmark = pytest.mark.django_db


def _publiser(
    bruker: Any,
    mottaker: str,
    tittel: str = "Vurder behovet for bistand grundig",
    steg: str = "VILKAARSVURDERING",
    **k: Any,
) -> Rettleiing:
    verdier: dict[str, Any] = {
        "tekst": "Skriv konkret hvorfor tett og koordinert bistand trengs.",
        "lenker": "Sosialtjenesteloven § 29 | https://lovdata.no/lov/2009-12-18-131/§29\nhttps://lovdata.no/forskrift",
        "gyldig_fra": timezone.localdate() - dt.timedelta(days=1),
        "gyldig_til": None,
    }
    verdier.update(k)
    return services.rettleiing_publiser(bruker=bruker, mottaker=mottaker, tittel=tittel, steg=steg, **verdier)


@pytest.fixture
def kontor_a2(db):
    return nav_kontor_opprett(
        enhetsnummer="1103", navn="NAV Stavanger", fylke="Rogaland", kommuner=[("1103", "Stavanger")]
    )


def test_rettleiing_til_fylket_vises_for_kontorene_der(statsforvalter, kvp_veileder_a, kvp_veileder_b, kontor_a):
    r = _publiser(statsforvalter, "fylke:Rogaland")
    assert r.lenker == [
        {"tekst": "Sosialtjenesteloven § 29", "url": "https://lovdata.no/lov/2009-12-18-131/§29"},
        {"tekst": "https://lovdata.no/forskrift", "url": "https://lovdata.no/forskrift"},
    ]
    i_dag = timezone.localdate()
    assert list(selectors.rettleiinger_for_kontoret(bruker=kvp_veileder_a, i_dag=i_dag)) == [r]
    assert not selectors.rettleiinger_for_kontoret(bruker=kvp_veileder_b, i_dag=i_dag).exists()
    with pytest.raises(IkkeFunnet):
        selectors.rettleiing_hent(bruker=kvp_veileder_b, id=r.pk)


def test_rettleiing_til_ett_kontor_vises_ikke_for_andre_i_fylket(statsforvalter, kvp_veileder_a, kontor_a2, lag_bruker):
    r = _publiser(statsforvalter, f"kontor:{kontor_a2.pk}")
    assert r.fylke == "Rogaland" and r.kontor == kontor_a2
    with pytest.raises(IkkeFunnet):
        selectors.rettleiing_hent(bruker=kvp_veileder_a, id=r.pk)
    stavanger = lag_bruker(Rolle.VEILEDER, kontor=kontor_a2)
    assert selectors.rettleiing_hent(bruker=stavanger, id=r.pk) == r


def test_gyldigheten_styrer_hva_kontoret_ser(statsforvalter, kvp_veileder_a, kontor_a):
    i_dag = timezone.localdate()
    _publiser(
        statsforvalter,
        "fylke:Rogaland",
        tittel="Utløpt",
        gyldig_fra=i_dag - dt.timedelta(days=9),
        gyldig_til=i_dag - dt.timedelta(days=1),
    )
    _publiser(statsforvalter, "fylke:Rogaland", tittel="Fremtidig", gyldig_fra=i_dag + dt.timedelta(days=1))
    naa = _publiser(statsforvalter, "fylke:Rogaland", tittel="Gjelder", gyldig_til=i_dag)
    assert list(selectors.rettleiinger_for_kontoret(bruker=kvp_veileder_a, i_dag=i_dag)) == [naa]


def test_statsforvalteren_publiserer_bare_i_eget_fylke(statsforvalter_innlandet, kontor_a, statsforvalter):
    with pytest.raises(KvpFeil) as feil:
        _publiser(statsforvalter_innlandet, "fylke:Rogaland")
    assert feil.value.felt == "mottaker"
    with pytest.raises(KvpFeil):
        _publiser(statsforvalter_innlandet, f"kontor:{kontor_a.pk}")
    r = _publiser(statsforvalter, "fylke:Rogaland")
    with pytest.raises(IkkeFunnet):
        selectors.rettleiing_hent(bruker=statsforvalter_innlandet, id=r.pk)


def test_ugyldig_lenke_og_datoer_avvises_uten_aa_lagre_noe(client, statsforvalter, kontor_a):
    client.force_login(statsforvalter)
    data = {
        "mottaker": "fylke:Rogaland",
        "tittel": "T",
        "tekst": "x",
        "lenker": "lovdata uten adresse",
        "steg": "GENERELT",
        "gyldig_fra": "2026-01-10",
    }
    svar = client.post(reverse("tilsyn:rettleiing_ny"), data)
    assert svar.status_code == 400 and "er ikke en lenke" in svar.content.decode()
    svar = client.post(reverse("tilsyn:rettleiing_ny"), data | {"lenker": "", "gyldig_til": "2026-01-01"})
    assert svar.status_code == 400 and "før «gyldig fra»" in svar.content.decode()
    svar = client.post(reverse("tilsyn:rettleiing_ny"), data | {"lenker": "", "mottaker": "kontor:ikke-en-id"})
    assert svar.status_code == 400
    assert not selectors.rettleiinger_for_statsforvalter(bruker=statsforvalter).exists()


def test_kontoret_ser_rettleiingen_paa_tavla_og_ved_steget_og_merker_den_lest(
    client, statsforvalter, kvp_veileder_a, lag_person
):
    ved_steget = _publiser(statsforvalter, "fylke:Rogaland")
    generell = _publiser(
        statsforvalter, "fylke:Rogaland", tittel="Samling for KVP-ansvarlige 4. april", steg="GENERELT"
    )
    client.force_login(kvp_veileder_a)
    tavla = client.get(reverse("sak:tavle")).content.decode()
    assert ved_steget.tittel in tavla and generell.tittel in tavla and "Ikke lest" in tavla
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person())
    vilkaar = client.get(reverse("vedtak:vilkaar", args=[sak.pk])).content.decode()
    assert ved_steget.tittel in vilkaar and generell.tittel not in vilkaar
    svar = client.post(reverse("tilsyn:rettleiing_lest", args=[ved_steget.pk]))
    assert svar.status_code == 302
    client.post(reverse("tilsyn:rettleiing_lest", args=[ved_steget.pk]))
    assert RettleiingLest.objects.filter(rettleiing=ved_steget, bruker=kvp_veileder_a).count() == 1
    assert "Du har lest denne" in client.get(reverse("tilsyn:rettleiing", args=[ved_steget.pk])).content.decode()
    client.force_login(statsforvalter)
    side = client.get(reverse("tilsyn:rettleiing", args=[ved_steget.pk])).content.decode()
    assert kvp_veileder_a.visningsnavn in side and "NAV Randaberg-Kvitsøy" in side


def test_kontor_i_et_annet_fylke_faar_404(client, statsforvalter, kvp_veileder_b, kontor_a):
    r = _publiser(statsforvalter, "fylke:Rogaland")
    client.force_login(kvp_veileder_b)
    for url in (reverse("tilsyn:rettleiing", args=[r.pk]), reverse("tilsyn:rettleiing_lest", args=[r.pk])):
        assert client.post(url).status_code in (404, 405)
        assert client.get(url).status_code in (404, 405)
    assert r.tittel not in client.get(reverse("tilsyn:rettleiing_liste")).content.decode()
    assert client.get(reverse("tilsyn:rettleiing_ny")).status_code == 403


def test_rettleiing_vises_ved_vedtaket_og_planen(client, statsforvalter, kvp_veileder_a, lag_person, lag_sak_i_program):
    vedtak = _publiser(statsforvalter, "fylke:Rogaland", tittel="Skriv begrunnelsen for deltakeren", steg="VEDTAK")
    plan = _publiser(statsforvalter, "fylke:Rogaland", tittel="Planen skal være på full tid", steg="PLAN")
    client.force_login(kvp_veileder_a)
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person())
    side = client.get(reverse("vedtak:ny", args=[sak.pk]) + "?type=AVSLAG").content.decode()
    assert vedtak.tittel in side and plan.tittel not in side
    i_program = lag_sak_i_program(fornavn="Planlagt")
    side = client.get(reverse("plan:plan", args=[i_program.pk])).content.decode()
    assert plan.tittel in side and vedtak.tittel not in side


def test_rettleiing_hentes_gjennom_tilgangslaget_og_rollen_ved_et_annet_kontor_teller_ikke(
    client, statsforvalter, lag_bruker, kontor_a, kontor_b, kontor_a2
):
    """Rettleiingen er en objekttype i registeret (ADR 0006). En bruker med roller ved B (Innlandet) og A2
    (Rogaland) ser fylkets rettleiing gjennom A2, men ikke en som bare gjelder kontor A."""
    from kvp.tilgang import objekter
    from kvp.tilgang.services import rolle_tildel

    assert objekter.objekttype("rettleiing").modell is Rettleiing
    til_fylket = _publiser(statsforvalter, "fylke:Rogaland", tittel="Til hele fylket")
    til_a = _publiser(statsforvalter, f"kontor:{kontor_a.pk}", tittel="Bare til kontor A")
    bruker = lag_bruker(Rolle.LEDER, kontor=kontor_b)
    rolle_tildel(bruker=bruker, rolle=Rolle.VEILEDER, kontor=kontor_a2)
    assert objekter.rettleiing(bruker, til_fylket.pk) == til_fylket
    with pytest.raises(IkkeFunnet):
        objekter.rettleiing(bruker, til_a.pk)
    client.force_login(bruker)
    assert client.get(reverse("tilsyn:rettleiing", args=[til_a.pk])).status_code == 404
    assert client.post(reverse("tilsyn:rettleiing_lest", args=[til_a.pk])).status_code == 404
    assert client.post(reverse("tilsyn:rettleiing_lest", args=[til_fylket.pk])).status_code == 302
    assert RettleiingLest.objects.get(rettleiing=til_fylket, bruker=bruker).kontor_id == kontor_a2.pk
    # Statsforvalteren i et annet fylke finner den ikke.
    annen = lag_bruker(Rolle.STATSFORVALTER, fylke="Innlandet")
    client.force_login(annen)
    assert client.get(reverse("tilsyn:rettleiing", args=[til_fylket.pk])).status_code == 404

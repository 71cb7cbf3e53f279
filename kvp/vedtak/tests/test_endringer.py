"""Beslutteren ser hva som er endret siden versjonen hen returnerte: felt for felt, vilkår for vilkår, og ord for ord
i fritekstene, lesbart uten farge (issue 15 punkt 7)."""

import datetime as dt

from django.urls import reverse

from kvp.vedtak import services
from kvp.vedtak.endringer import Bit, endringer_siden_forrige_versjon, ord_for_ord, sammenlign
from kvp.vedtak.models import Vedtak

from .hjelpere import SKJOENN_OPPFYLT, vilkaar_vurder


def test_ord_for_ord_merker_ord_som_er_lagt_til_og_fjernet():
    biter = ord_for_ord("Søkeren trenger tett oppfølging.", "Søkeren trenger svært tett oppfølging hver uke.")
    assert Bit("lagt_til", "svært ") in biter and Bit("lagt_til", " hver uke") in biter
    assert "".join(b.tekst for b in biter if b.type != "fjernet") == "Søkeren trenger svært tett oppfølging hver uke."
    assert "".join(b.tekst for b in biter if b.type != "lagt_til") == "Søkeren trenger tett oppfølging."
    fjernet = ord_for_ord("Arbeidstrening og norskkurs.", "Arbeidstrening.")
    assert [b for b in fjernet if b.type == "fjernet"] and not [b for b in fjernet if b.type == "lagt_til"]
    assert ord_for_ord("lik tekst", "lik tekst") == [Bit("lik", "lik tekst")]


def test_innhold_uten_vilkaar_fra_foer_historikken_gir_ingen_vilkaarsendring():
    foer = {"begrunnelse": "a", "til_og_med": "2026-01-31"}
    etter = {"begrunnelse": "a", "til_og_med": "2026-02-28", "vilkaar": [{"vilkaar": "ALDER", "tittel": "Alder"}]}
    endringer = sammenlign(foer, etter)
    assert [(e.felt, e.foer, e.etter) for e in endringer] == [("Til og med", "31.01.2026", "28.02.2026")]


def test_returnert_og_rettet_vedtak_viser_endringene_for_beslutteren(client, utkast, kvp_veileder_a, beslutter_a):
    assert endringer_siden_forrige_versjon(utkast) is None  # første utkast: ingenting å sammenligne med
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    detalj = reverse("vedtak:detalj", kwargs={"vedtak_id": utkast.pk})
    client.force_login(beslutter_a)
    assert 'id="endringer"' not in client.get(detalj).content.decode()  # versjon 1 hos beslutter

    services.vedtak_returner(bruker=beslutter_a, vedtak_id=utkast.pk, begrunnelse="Programmet er for langt.")
    ny_slutt = utkast.til_og_med - dt.timedelta(days=31)
    services.vedtak_endre(
        bruker=kvp_veileder_a,
        vedtak_id=utkast.pk,
        til_og_med=ny_slutt,
        begrunnelse="Søkeren oppfyller alle vilkårene og trenger oppfølging i ti måneder.",
    )
    skjoenn = {**SKJOENN_OPPFYLT}
    skjoenn["EGNET_PROGRAM"] = {"vurdering": "OPPFYLT", "begrunnelse": "Kontoret har arbeidstrening i kantina."}
    vilkaar_vurder(bruker=kvp_veileder_a, sak=utkast.sak, skjoenn=skjoenn)

    # Saksbehandleren ser endringene før hen sender på nytt.
    client.force_login(kvp_veileder_a)
    side = client.get(detalj).content.decode()
    assert "Endret siden versjon 1" in side and "er under arbeid og ikke sendt til beslutter ennå" in side

    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    vedtak = Vedtak.objects.get(pk=utkast.pk)
    assert vedtak.versjon == 2
    client.force_login(beslutter_a)
    side = client.get(detalj).content.decode()
    assert "Endret siden versjon 1" in side
    assert "Versjon 1 ble returnert fordi: «Programmet er for langt.»" in side
    assert "Til og med" in side and f"{utkast.til_og_med:%d.%m.%Y}" in side and f"{ny_slutt:%d.%m.%Y}" in side
    # Ord for ord, merket med <del>/<ins> og en skjult tekst for skjermlesere (ikke bare farge).
    assert '<del><span class="kvp-skjult">[fjernet: </span>tett <span class="kvp-skjult">]</span></del>' in side
    lagt_til = '<ins><span class="kvp-skjult">[lagt til: </span> i ti måneder<span class="kvp-skjult">]</span></ins>'
    assert lagt_til in side
    assert "Vilkår: " in side and "kantina" in side
    assert "understreket" in side and "gjennomstreket" in side

    endringer = endringer_siden_forrige_versjon(vedtak)
    assert endringer is not None and (endringer.fra_versjon, endringer.til_versjon) == (1, 2)
    felt = [e.felt for e in endringer.felter]
    assert "Til og med" in felt and "Begrunnelse" in felt and any(f.startswith("Vilkår: ") for f in felt)
    assert "Innholdet i programmet" not in felt  # uendret

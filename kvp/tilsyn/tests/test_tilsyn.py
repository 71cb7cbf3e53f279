"""Tilsynet fra utvalg til lukket rapport, med tilgangen og revisjonsloggen underveis."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import soeknad_registrer
from kvp.tilgang.models import Rolle
from kvp.tilsyn import selectors, services
from kvp.tilsyn.models import Funntype, Kontrollpunkt, Tilsynsstatus, Utfall
from kvp_regler.tilsyn import SJEKKPUNKTER, trekk_utvalg

pytestmark = pytest.mark.django_db


def test_utvalget_er_reproduserbart_og_stratifisert(tilsyn_med_utvalg, saker):
    t = tilsyn_med_utvalg
    assert t.status == Tilsynsstatus.UNDER_ARBEID and t.froe == 2026
    utvalg = {(str(u.sak_id), u.stratum) for u in t.utvalg.all()}
    assert utvalg == set(trekk_utvalg(services.kandidater(t), antall_per_stratum=3, froe=2026))
    assert utvalg == {
        (str(saker["avslag"].pk), "AVSLAG"),
        (str(saker["innvilget"].pk), "I_PROGRAM"),
        (str(saker["avsluttet"].pk), "AVSLUTTET"),
    }


def test_utvalget_trekkes_bare_en_gang_og_aldri_tomt(statsforvalter, tilsyn_med_utvalg, kontor_a):
    with pytest.raises(KvpFeil) as feil:
        services.tilsyn_trekk_utvalg(bruker=statsforvalter, tilsyn_id=tilsyn_med_utvalg.pk, antall_per_stratum=1)
    assert feil.value.kode == "KVP_TILSYN_STATUS"
    tomt = services.tilsyn_opprett(
        bruker=statsforvalter,
        kontor_id=kontor_a.pk,
        tema="Gammelt",
        periode_fra=dt.date(2020, 1, 1),
        periode_til=dt.date(2020, 12, 31),
    )
    with pytest.raises(KvpFeil) as feil:
        services.tilsyn_trekk_utvalg(bruker=statsforvalter, tilsyn_id=tomt.pk, antall_per_stratum=1)
    assert feil.value.kode == "KVP_TILSYN_TOMT_UTVALG"
    assert not tomt.utvalg.exists()


def test_forslagene_fra_dataene_har_bevis(tilsyn_med_utvalg, saker):
    def punkter(sak: Any) -> dict[str, Kontrollpunkt]:
        return {p.sjekkpunkt: p for p in Kontrollpunkt.objects.filter(utvalgssak__sak=sak)}

    avslag = punkter(saker["avslag"])
    assert set(avslag) == {"SAKSBEHANDLINGSTID", "VILKAAR", "BEGRUNNELSE", "KLAGEADGANG", "FIREOEYNE"}
    assert avslag["SAKSBEHANDLINGSTID"].forslag == Utfall.OPPFYLT
    assert avslag["BEGRUNNELSE"].forslag == Utfall.OPPFYLT
    assert avslag["KLAGEADGANG"].forslag == Utfall.OPPFYLT
    assert avslag["FIREOEYNE"].forslag == Utfall.OPPFYLT
    assert avslag["VILKAAR"].forslag == Utfall.MAA_VURDERES
    assert any(b["anker"].startswith("vedtak-") for b in avslag["KLAGEADGANG"].bevis)
    innvilget = punkter(saker["innvilget"])
    assert innvilget["PLAN_VED_OPPSTART"].forslag == Utfall.IKKE_AKTUELT  # ikke begynt ennå
    avsluttet = punkter(saker["avsluttet"])
    assert avsluttet["PLAN_VED_OPPSTART"].forslag == Utfall.IKKE_OPPFYLT  # ingen plan
    assert avsluttet["EVALUERINGER"].forslag == Utfall.IKKE_OPPFYLT
    assert avsluttet["BEGRUNNELSE"].forslag == Utfall.MAA_VURDERES  # ingen vedtak


def test_avvik_fra_forslaget_krever_kommentar(statsforvalter, tilsyn_med_utvalg, saker):
    punkt = Kontrollpunkt.objects.get(utvalgssak__sak=saker["avslag"], sjekkpunkt="FIREOEYNE")
    with pytest.raises(KvpFeil) as feil:
        services.kontrollpunkt_vurder(
            bruker=statsforvalter, tilsyn_id=tilsyn_med_utvalg.pk, kontrollpunkt_id=punkt.pk, vurdering="IKKE_OPPFYLT"
        )
    assert feil.value.felt == "kommentar"
    services.kontrollpunkt_vurder(
        bruker=statsforvalter,
        tilsyn_id=tilsyn_med_utvalg.pk,
        kontrollpunkt_id=punkt.pk,
        vurdering="IKKE_OPPFYLT",
        kommentar="Beslutteren var saksbehandlerens vikar.",
    )
    punkt.refresh_from_db()
    assert punkt.vurdering == Utfall.IKKE_OPPFYLT and punkt.vurdert_av == statsforvalter


def _vurder_alt(statsforvalter: Any, tilsyn: Any) -> None:
    services.kontrollpunkter_bekreft_forslag(bruker=statsforvalter, tilsyn_id=tilsyn.pk)
    for punkt in Kontrollpunkt.objects.filter(utvalgssak__tilsyn=tilsyn, vurdering=""):
        services.kontrollpunkt_vurder(
            bruker=statsforvalter, tilsyn_id=tilsyn.pk, kontrollpunkt_id=punkt.pk, vurdering="OPPFYLT"
        )


def test_fra_utvalg_til_lukket_tilsyn(statsforvalter, tilsyn_med_utvalg, leder_a):
    t = tilsyn_med_utvalg
    frist = timezone.localdate() + dt.timedelta(days=30)
    with pytest.raises(KvpFeil) as feil:
        services.tilsyn_send_rapport(bruker=statsforvalter, tilsyn_id=t.pk, maalform="nb", svarfrist=frist)
    assert feil.value.kode == "KVP_TILSYN_UVURDERT"
    _vurder_alt(statsforvalter, t)
    avvik = services.funn_registrer(
        bruker=statsforvalter,
        tilsyn_id=t.pk,
        type=Funntype.AVVIK,
        sjekkpunkt="PLAN_VED_OPPSTART",
        tekst="Planen var ikke på full tid ved oppstart.",
    )
    services.funn_registrer(
        bruker=statsforvalter, tilsyn_id=t.pk, type=Funntype.MERKNAD, sjekkpunkt="VILKAAR", tekst="Tynn kartlegging."
    )
    # Lederen ser ikke tilsynet før rapporten er sendt.
    with pytest.raises(IkkeFunnet):
        selectors.tilsyn_hent(bruker=leder_a, id=t.pk)
    t = services.tilsyn_send_rapport(bruker=statsforvalter, tilsyn_id=t.pk, maalform="nn", svarfrist=frist)
    assert t.status == Tilsynsstatus.RAPPORT_SENDT
    assert bytes(t.rapport_pdf or b"").startswith(b"%PDF")
    assert "Statsforvaltaren" in t.rapport_html and "Ikkje oppfylt" in t.rapport_html
    assert "Planen var ikke på full tid ved oppstart." in t.rapport_html
    assert "Avslag" in t.rapport_html and "Innvilget" not in t.rapport_html  # ingen navn i rapporten
    assert selectors.tilsyn_hent(bruker=leder_a, id=t.pk, handling=selectors.Handling.SVAR) == t
    with pytest.raises(IkkeTilgang):
        selectors.tilsyn_hent(bruker=leder_a, id=t.pk, handling=selectors.Handling.ARBEID)
    with pytest.raises(KvpFeil) as feil:
        services.tiltak_send(bruker=leder_a, tilsyn_id=t.pk, tiltak={})
    assert feil.value.kode == "KVP_TILSYN_TILTAK"
    services.tiltak_send(bruker=leder_a, tilsyn_id=t.pk, tiltak={avvik.pk: "Ny rutine for oppstartsplan."})
    with pytest.raises(KvpFeil):
        services.tilsyn_avgjoer_tiltak(bruker=statsforvalter, tilsyn_id=t.pk, godta=False)
    t = services.tilsyn_avgjoer_tiltak(bruker=statsforvalter, tilsyn_id=t.pk, godta=False, merknad="Tidfest rutinen.")
    assert t.status == Tilsynsstatus.RAPPORT_SENDT
    services.tiltak_send(bruker=leder_a, tilsyn_id=t.pk, tiltak={avvik.pk: "Ny rutine fra 1. mars."})
    t = services.tilsyn_avgjoer_tiltak(bruker=statsforvalter, tilsyn_id=t.pk, godta=True)
    assert t.status == Tilsynsstatus.LUKKET and t.lukket is not None
    with pytest.raises(KvpFeil):
        services.funn_registrer(
            bruker=statsforvalter, tilsyn_id=t.pk, type=Funntype.MERKNAD, sjekkpunkt="VILKAAR", tekst="For sent."
        )


def test_statsforvalter_i_et_annet_fylke_faar_ikke_tilsynet(statsforvalter_innlandet, tilsyn, kontor_a):
    with pytest.raises(IkkeFunnet):
        selectors.tilsyn_hent(bruker=statsforvalter_innlandet, id=tilsyn.pk)
    assert not selectors.tilsyn_liste(bruker=statsforvalter_innlandet).exists()
    with pytest.raises(IkkeFunnet):
        services.tilsyn_opprett(
            bruker=statsforvalter_innlandet,
            kontor_id=kontor_a.pk,
            tema="x",
            periode_fra=dt.date(2025, 1, 1),
            periode_til=dt.date(2025, 2, 1),
        )


def test_andre_paa_kontoret_ser_ikke_tilsynet(client, lag_bruker, kontor_a, statsforvalter, tilsyn_med_utvalg, leder_a):
    _vurder_alt(statsforvalter, tilsyn_med_utvalg)
    services.tilsyn_send_rapport(
        bruker=statsforvalter,
        tilsyn_id=tilsyn_med_utvalg.pk,
        maalform="nb",
        svarfrist=timezone.localdate() + dt.timedelta(days=10),
    )
    kvp = lag_bruker(Rolle.KVP_VEILEDER, Rolle.BESLUTTER, kontor=kontor_a)
    with pytest.raises(IkkeFunnet):
        selectors.tilsyn_hent(bruker=kvp, id=tilsyn_med_utvalg.pk)
    # Lederen ser rapporten som venter på svar på KVP-tavla; de andre ser den ikke.
    client.force_login(leder_a)
    assert "Tilsynsrapporter som venter på svar" in client.get(reverse("sak:tavle")).content.decode()
    client.force_login(kvp)
    assert "Tilsynsrapporter som venter på svar" not in client.get(reverse("sak:tavle")).content.decode()


def _urler(t: Any, sak_id: Any, punkt_id: int, funn_id: int) -> list[str]:
    return [
        reverse("tilsyn:detalj", args=[t.pk]),
        reverse("tilsyn:utvalg", args=[t.pk]),
        reverse("tilsyn:sak", args=[t.pk, sak_id]),
        reverse("tilsyn:vurder", args=[t.pk, punkt_id]),
        reverse("tilsyn:bekreft_forslag", args=[t.pk]),
        reverse("tilsyn:funn", args=[t.pk]),
        reverse("tilsyn:funn_slett", args=[t.pk, funn_id]),
        reverse("tilsyn:rapport", args=[t.pk]),
        reverse("tilsyn:rapport_pdf", args=[t.pk]),
        reverse("tilsyn:tiltak", args=[t.pk]),
        reverse("tilsyn:avgjoer", args=[t.pk]),
    ]


def test_statsforvalter_i_et_annet_fylke_faar_404_paa_hver_url(
    client, statsforvalter, statsforvalter_innlandet, tilsyn_med_utvalg, saker
):
    punkt = Kontrollpunkt.objects.filter(utvalgssak__tilsyn=tilsyn_med_utvalg).first()
    assert punkt is not None
    funn = services.funn_registrer(
        bruker=statsforvalter, tilsyn_id=tilsyn_med_utvalg.pk, type="MERKNAD", sjekkpunkt="VILKAAR", tekst="x"
    )
    client.force_login(statsforvalter_innlandet)
    for url in _urler(tilsyn_med_utvalg, saker["avslag"].pk, punkt.pk, funn.pk):
        for metode in (client.get, client.post):
            svar = metode(url)
            assert svar.status_code in (404, 405), f"{metode.__name__} {url}: {svar.status_code}"
            assert "Avslag" not in svar.content.decode()
    assert client.get(reverse("tilsyn:liste")).status_code == 200
    assert "Randaberg" not in client.get(reverse("tilsyn:liste")).content.decode()


def test_statsforvalteren_aapner_bare_saker_i_utvalget(
    client, statsforvalter, tilsyn_med_utvalg, lag_person, kvp_veileder_a
):
    _, utenfor = soeknad_registrer(
        bruker=kvp_veileder_a,
        person=lag_person(fornavn="Utenfor"),
        mottatt_dato=timezone.localdate() - dt.timedelta(days=2),
        kanal=Kanal.PAPIR,
    )
    client.force_login(statsforvalter)
    svar = client.get(reverse("tilsyn:sak", args=[tilsyn_med_utvalg.pk, utenfor.pk]))
    assert svar.status_code == 404 and "Utenfor" not in svar.content.decode()
    # Heller ikke en sak i utvalget åpnes i saksbehandlingen (/saker/…): bare gjennom tilsynet.
    i_utvalget = tilsyn_med_utvalg.utvalg.first().sak
    assert client.get(reverse("sak:detalj", args=[i_utvalget.pk])).status_code == 404
    assert client.get(reverse("tilsyn:sak", args=[tilsyn_med_utvalg.pk, i_utvalget.pk])).status_code == 200


def test_hver_lesing_logges_med_tilsynet(client, statsforvalter, tilsyn_med_utvalg, saker):
    client.force_login(statsforvalter)
    foer = Logghendelse.objects.filter(handling="LES").count()
    svar = client.get(reverse("tilsyn:sak", args=[tilsyn_med_utvalg.pk, saker["avslag"].pk]))
    assert svar.status_code == 200
    rad = Logghendelse.objects.filter(handling="LES").order_by("-id").first()
    assert rad is not None
    assert rad.person_id == saker["avslag"].person_id
    assert rad.bruker == statsforvalter
    assert str(tilsyn_med_utvalg.pk)[:8] in rad.formaal and tilsyn_med_utvalg.tema in rad.formaal
    client.get(reverse("tilsyn:detalj", args=[tilsyn_med_utvalg.pk]))
    nye = Logghendelse.objects.filter(handling="LES").order_by("id")[foer + 1 :]
    assert {r.person_id for r in nye} == {s.person_id for s in saker.values()}
    assert all(str(tilsyn_med_utvalg.pk)[:8] in r.formaal for r in nye)


def test_skjemafeil_gir_400_og_norsk_melding(client, statsforvalter, tilsyn_med_utvalg, saker):
    client.force_login(statsforvalter)
    punkt = Kontrollpunkt.objects.get(utvalgssak__sak=saker["avslag"], sjekkpunkt="FIREOEYNE")
    svar = client.post(
        reverse("tilsyn:vurder", args=[tilsyn_med_utvalg.pk, punkt.pk]), {f"k{punkt.pk}-vurdering": "IKKE_OPPFYLT"}
    )
    assert svar.status_code == 400
    assert "Skriv hvorfor du vurderer punktet annerledes" in svar.content.decode()
    svar = client.post(reverse("tilsyn:rapport", args=[tilsyn_med_utvalg.pk]), {"maalform": "nb", "svarfrist": "x"})
    assert svar.status_code == 400 and "dd.mm.åååå" in svar.content.decode()
    svar = client.post(reverse("tilsyn:utvalg", args=[tilsyn_med_utvalg.pk]), {"antall_per_stratum": "0"})
    assert svar.status_code == 400


def test_sjekkpunktene_og_hjemlene_er_dokumentert():
    dok = (Path(__file__).resolve().parents[3] / "docs" / "regler" / "tilsyn.md").read_text(encoding="utf-8")
    for punkt in SJEKKPUNKTER:
        rad = next((linje for linje in dok.splitlines() if linje.startswith(f"| `{punkt.kode}` |")), None)
        assert rad is not None, f"{punkt.kode} mangler i docs/regler/tilsyn.md"
        assert punkt.tittel in rad
        for del_ in punkt.hjemmel.split("; "):
            assert del_ in rad, f"{punkt.kode}: {del_}"

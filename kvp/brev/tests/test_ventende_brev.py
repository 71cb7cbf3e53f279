"""Vedtaksbrev som mangler lages som bakgrunnsjobb (kvp.jobber): lederen starter den, hvert fattet vedtak uten brev
får ett brev, og en ny kjøring lager ingen flere."""

from typing import Any

import pytest
from django.urls import reverse

from kvp.brev.models import Brev
from kvp.felles import hendelser
from kvp.felles.hendelser import VedtakFattet
from kvp.jobber.models import Jobb, Jobbstatus
from kvp.jobber.tests.hjelpere import kjoer_arbeider
from kvp.tilgang.models import Rolle
from kvp.vedtak import services
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder


@pytest.fixture
def vedtak_uten_brev(monkeypatch, lag_person, kvp_veileder_a, lag_bruker, kontor_a) -> Any:
    """Et fattet vedtak som ikke fikk brev (brevmottakeren av `VedtakFattet` er koblet fra mens det fattes)."""
    uten_brev = [m for m in hendelser._mottakere[VedtakFattet] if "brev" not in m.__module__]
    monkeypatch.setitem(hendelser._mottakere, VedtakFattet, uten_brev)
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person())
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    fattet = services.vedtak_fatt(bruker=lag_bruker(Rolle.BESLUTTER, kontor=kontor_a), vedtak_id=vedtak.pk)
    monkeypatch.undo()
    assert not Brev.objects.filter(vedtak=fattet).exists()
    return fattet


def test_lederen_lager_brevene_som_mangler_som_jobb_og_en_ny_kjoering_lager_ingen_flere(
    client, vedtak_uten_brev, leder_a, kvp_veileder_a
):
    client.force_login(kvp_veileder_a)  # uten lederrollen
    assert client.post(reverse("brev:lag_ventende")).status_code == 403
    client.force_login(leder_a)
    assert "Lag vedtaksbrev som mangler" in client.get(reverse("jobber:oversikt")).content.decode()
    svar = client.post(reverse("brev:lag_ventende"))
    jobb = Jobb.objects.get()
    assert svar["Location"] == reverse("jobber:jobb", kwargs={"jobb_id": jobb.pk})
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert (jobb.status, jobb.gjort, jobb.totalt, jobb.melding) == (
        Jobbstatus.FERDIG,
        1,
        1,
        "1 vedtaksbrev er laget som PDF.",
    )
    brev = Brev.objects.get(vedtak=vedtak_uten_brev)
    assert brev.pdf[:5] == b"%PDF-"

    client.post(reverse("brev:lag_ventende"))
    kjoer_arbeider()
    siste = Jobb.objects.order_by("-opprettet").first()
    assert siste is not None and siste.pk != jobb.pk
    assert (siste.status, siste.melding) == (Jobbstatus.FERDIG, "Ingen fattede vedtak manglet brev.")
    assert Brev.objects.count() == 1

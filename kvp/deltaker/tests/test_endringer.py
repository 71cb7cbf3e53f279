"""Deltakeren melder en endring; den står på saksbildet og i «mine oppgaver» til KVP-veilederen har behandlet den."""

import pytest
from django.urls import reverse

from kvp.deltaker.models import Endringsmelding
from kvp.deltaker.selectors import deltakermeldinger_aapne
from kvp.deltaker.services import endring_behandle, endring_meld
from kvp.felles.feil import IkkeFunnet
from kvp.felles.models import Logghendelse
from kvp.tilgang.models import Rolle


@pytest.fixture
def sak(lag_sak_i_program):
    return lag_sak_i_program()


def test_endring_blir_oppgave_og_behandles(client, sak, lag_bruker, kvp_veileder_a):
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person)
    client.force_login(deltaker)
    svar = client.post(
        reverse("deltaker:endring_ny"),
        {"type": "ARBEID", "fra_og_med": "2025-05-01", "beskrivelse": "Deltid på lager"},
    )
    assert svar.status_code == 302
    endring = Endringsmelding.objects.get()
    assert [o.hva for o in deltakermeldinger_aapne(kvp_veileder_a)] == ["Endring meldt: Jeg har fått arbeid"]

    client.force_login(kvp_veileder_a)
    side = client.get(reverse("sak:detalj", kwargs={"sak_id": sak.pk}) + "?fane=meldinger").content.decode()
    assert "Deltid på lager" in side and "Marker som behandlet" in side
    client.post(reverse("deltaker:endring_behandle", kwargs={"endring_id": endring.pk}))
    endring.refresh_from_db()
    assert endring.behandlet is not None and endring.behandlet_av == kvp_veileder_a
    assert deltakermeldinger_aapne(kvp_veileder_a) == []
    assert Logghendelse.objects.filter(person=sak.person, beskrivelse="Endringsmelding behandlet").exists()


def test_ugyldig_endring_gir_400_og_ingenting_lagres(client, sak, lag_bruker):
    client.force_login(lag_bruker(Rolle.DELTAKER, person=sak.person))
    svar = client.post(reverse("deltaker:endring_ny"), {"type": "TULL", "fra_og_med": "ikke en dato"})
    assert svar.status_code == 400
    assert not Endringsmelding.objects.exists()


def test_annet_kontor_kan_ikke_behandle(sak, lag_bruker, kvp_veileder_b):
    endring = endring_meld(
        bruker=lag_bruker(Rolle.DELTAKER, person=sak.person), sak_id=sak.pk, type="ARBEID", fra_og_med=sak.mottatt_dato
    )
    with pytest.raises(IkkeFunnet):
        endring_behandle(bruker=kvp_veileder_b, endring_id=endring.pk)
    assert deltakermeldinger_aapne(kvp_veileder_b) == []

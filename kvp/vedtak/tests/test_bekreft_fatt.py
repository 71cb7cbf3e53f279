"""Å fatte et vedtak kan ikke angres: beslutteren ser først hva som skjer, og tjenesten fatter bare med bekreftelsen
(issue 15 punkt 7)."""

from typing import Any

from django.urls import reverse
from django.utils import timezone

from kvp.brev.models import Brev
from kvp.felles.models import Logghendelse
from kvp.tilgang.models import Rolle
from kvp.vedtak import services
from kvp.vedtak.models import Vedtak, Vedtaksstatus

from .hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder


def _til_beslutter(lag_person: Any, kvp_veileder_a: Any, **person: Any) -> Any:
    sak = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(**person))
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak)
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    return Vedtak.objects.get(pk=vedtak.pk)


def test_bekreftelsessiden_sier_hva_som_skjer_og_uten_bekreftelse_fattes_ingenting(
    client, lag_person, kvp_veileder_a, beslutter_a
):
    vedtak = _til_beslutter(lag_person, kvp_veileder_a, fornavn="Åse", etternavn="Bekreftesen", adresse="Kirkeveien 3")
    fatt = reverse("vedtak:fatt", kwargs={"vedtak_id": vedtak.pk})
    client.force_login(beslutter_a)

    detalj = client.get(reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})).content.decode()
    assert f'<form method="get" action="{fatt}">' in detalj  # knappen på vedtaket viser bare bekreftelsen

    side = client.get(fatt)
    tekst = side.content.decode()
    assert side.status_code == 200
    assert f"fattes med vedtaksdato {timezone.localdate():%d.%m.%Y}" in tekst
    assert "Vedtaksbrevet lages som PDF på bokmål og sendes til Åse Bekreftesen, Kirkeveien 3." in tekst
    assert f"programperiode {vedtak.fra_og_med:%d.%m.%Y} til og med {vedtak.til_og_med:%d.%m.%Y}" in tekst
    assert vedtak.beregning["total_tekst"] in tekst
    assert "Dette kan ikke angres." in tekst
    assert "mangler fullstendig adresse" in tekst  # postnummer og poststed mangler
    assert 'name="bekreftet" value="ja"' in tekst
    assert "Ja, fatt vedtaket og send brevet" in tekst
    assert Logghendelse.objects.filter(bruker=beslutter_a, handling="LES", objekt_id=str(vedtak.pk)).exists()

    for data in ({}, {"bekreftet": "nei"}, {"bekreftet": ""}):
        svar = client.post(fatt, data)
        assert svar.status_code == 400
        assert "Ingenting er gjort ennå" in svar.content.decode()
    vedtak.refresh_from_db()
    assert vedtak.status == Vedtaksstatus.TIL_BESLUTTER
    assert not Brev.objects.filter(vedtak=vedtak).exists()

    svar = client.post(fatt, {"bekreftet": "ja"})
    assert svar.status_code == 302 and svar["Location"] == reverse("vedtak:detalj", kwargs={"vedtak_id": vedtak.pk})
    vedtak.refresh_from_db()
    assert vedtak.status == Vedtaksstatus.FATTET
    assert Brev.objects.filter(vedtak=vedtak).exists()

    # Et fattet vedtak: ingen bekreftelse å vise, og en ny bekreftet innsending endrer ingenting.
    svar = client.get(fatt)
    assert svar.status_code == 400 and "allerede fattet" in svar.content.decode()
    assert client.post(fatt, {"bekreftet": "ja"}).status_code == 400


def test_nynorsk_og_full_adresse_uten_advarsel(client, lag_person, kvp_veileder_a, beslutter_a):
    vedtak = _til_beslutter(lag_person, kvp_veileder_a, fornavn="Nils", etternavn="Nynorsk")
    person = vedtak.sak.person
    type(person).objects.filter(pk=person.pk).update(
        maalform="NN", adresse="Fjordvegen 1", postnummer="4070", poststed="Randaberg"
    )
    client.force_login(beslutter_a)
    tekst = client.get(reverse("vedtak:fatt", kwargs={"vedtak_id": vedtak.pk})).content.decode()
    assert "på nynorsk og sendes til Nils Nynorsk, Fjordvegen 1, 4070 Randaberg." in tekst
    assert "mangler fullstendig adresse" not in tekst


def test_vedtak_som_ikke_er_sendt_gir_ingen_bekreftelse(client, utkast, beslutter_a):
    client.force_login(beslutter_a)
    svar = client.get(reverse("vedtak:fatt", kwargs={"vedtak_id": utkast.pk}))
    assert svar.status_code == 400 and "ikke sendt til beslutter" in svar.content.decode()
    assert Vedtak.objects.get(pk=utkast.pk).status == Vedtaksstatus.UTKAST


def test_beslutter_ved_et_annet_kontor_ser_ikke_bekreftelsen(client, utkast, kvp_veileder_a, lag_bruker, kontor_b):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    client.force_login(lag_bruker(Rolle.BESLUTTER, kontor=kontor_b))
    fatt = reverse("vedtak:fatt", kwargs={"vedtak_id": utkast.pk})
    assert client.get(fatt).status_code == 404
    assert client.post(fatt, {"bekreftet": "ja"}).status_code == 404
    assert Vedtak.objects.get(pk=utkast.pk).status == Vedtaksstatus.TIL_BESLUTTER

"""Revisjonsloggen (issue 12, punkt 5): beslutterkøen og fristoversikten logger én lesing per person som vises."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from kvp.felles.models import Logghendelse
from kvp.sak.models import Sak
from kvp.vedtak import services

from .hjelpere import innvilgelse_utkast


def _lesinger(objekttype: str) -> list[Logghendelse]:
    return list(Logghendelse.objects.filter(handling="LES", objekttype=objekttype))


def test_beslutterkoeen_logger_en_lesing_per_person(client, utkast, kvp_veileder_a, beslutter_a):
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=utkast.pk)
    client.force_login(beslutter_a)
    svar = client.get(reverse("vedtak:beslutter"), REMOTE_ADDR="10.1.2.3")
    assert svar.status_code == 200 and utkast.sak.person.navn in svar.content.decode()
    (rad,) = _lesinger("beslutterkø")
    assert (rad.person_id, rad.kontor_id, rad.bruker) == (utkast.sak.person_id, utkast.sak.kontor_id, beslutter_a)
    assert rad.formaal == "Vedtak som venter på beslutter"
    assert rad.ip == "10.1.2.3" and len(rad.sesjon) == 16
    assert rad.sesjon not in (client.session.session_key or "")


def test_fristoversikten_logger_en_lesing_per_person(client, sak_oppfylt, kvp_veileder_a, beslutter_a, leder_a):
    fra = timezone.localdate() - dt.timedelta(days=300)
    Sak.objects.filter(pk=sak_oppfylt.pk).update(mottatt_dato=fra - dt.timedelta(days=10))
    vedtak = innvilgelse_utkast(
        bruker=kvp_veileder_a, sak=sak_oppfylt, fra=fra, til_og_med=timezone.localdate() + dt.timedelta(days=20)
    )
    services.vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    services.vedtak_fatt(bruker=beslutter_a, vedtak_id=vedtak.pk)
    client.force_login(leder_a)
    assert client.get(reverse("vedtak:oversikt")).status_code == 200
    (rad,) = _lesinger("fristoversikt")
    assert (rad.person_id, rad.bruker, rad.formaal) == (sak_oppfylt.person_id, leder_a, "Frister som krever handling")

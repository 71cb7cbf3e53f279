"""Endringer som påvirker statistikken øker versjonen for kontorets månedstall (`maanedstall.merk_endret`), så de
beregnes på nytt i en bakgrunnsjobb (én i køen per kontor). Signalene kobles i `apps.py`; appene under vet ikke om
statistikken.

Endringer rett i databasen med `QuerySet.update()` eller `bulk_create` sender ingen signaler: etter slike (import,
demodata) beregnes tallene med `manage.py statistikk_tall`."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_init, post_save

from kvp.klage.models import Klage
from kvp.person.models import Barn, Forsoergerperiode, Person
from kvp.sak.models import Sak
from kvp.tilgang.models import Kommune
from kvp.utbetaling.models import Utbetalingsrunde
from kvp.vedtak.models import Vedtak

from .maanedstall import merk_endret

_FORRIGE = "_statistikk_kontor"


def _husk_kontor(sender: Any, instance: Sak, **kwargs: Any) -> None:
    instance.__dict__[_FORRIGE] = instance.__dict__.get("kontor_id")


def _sak(sender: Any, instance: Sak, **kwargs: Any) -> None:
    merk_endret([instance.kontor_id, instance.__dict__.get(_FORRIGE)])  # også kontoret saken ble flyttet fra
    instance.__dict__[_FORRIGE] = instance.kontor_id


def _via_sak(sender: Any, instance: Any, **kwargs: Any) -> None:
    merk_endret(Sak.objects.filter(pk=instance.sak_id).values_list("kontor_id", flat=True))


def _person(person_id: Any) -> None:
    merk_endret(Sak.objects.filter(person_id=person_id).values_list("kontor_id", flat=True).distinct())


def _person_endret(sender: Any, instance: Person, **kwargs: Any) -> None:
    _person(instance.pk)


def _barn(sender: Any, instance: Barn, **kwargs: Any) -> None:
    _person(instance.forelder_id)


def _forsoergerperiode(sender: Any, instance: Forsoergerperiode, **kwargs: Any) -> None:
    _person(Barn.objects.filter(pk=instance.barn_id).values_list("forelder_id", flat=True).first())


def _runde(sender: Any, instance: Utbetalingsrunde, **kwargs: Any) -> None:
    merk_endret(Kommune.objects.filter(pk=instance.kommune_id).values_list("nav_kontor_id", flat=True))


def koble() -> None:
    post_init.connect(_husk_kontor, sender=Sak, dispatch_uid="statistikk_sak_init")
    for signal in (post_save, post_delete):
        navn = "lagret" if signal is post_save else "slettet"
        signal.connect(_sak, sender=Sak, dispatch_uid=f"statistikk_sak_{navn}")
        signal.connect(_via_sak, sender=Vedtak, dispatch_uid=f"statistikk_vedtak_{navn}")
        signal.connect(_via_sak, sender=Klage, dispatch_uid=f"statistikk_klage_{navn}")
        signal.connect(_person_endret, sender=Person, dispatch_uid=f"statistikk_person_{navn}")
        signal.connect(_barn, sender=Barn, dispatch_uid=f"statistikk_barn_{navn}")
        signal.connect(_forsoergerperiode, sender=Forsoergerperiode, dispatch_uid=f"statistikk_forsoerger_{navn}")
        signal.connect(_runde, sender=Utbetalingsrunde, dispatch_uid=f"statistikk_runde_{navn}")

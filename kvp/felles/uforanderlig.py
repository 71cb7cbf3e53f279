"""Uforanderlige poster: det som er endelig, kan ikke endres eller slettes gjennom ORM-en.

Brukes av revisjonsloggen, lagrede beregninger, attesterte måneder, fattede vedtak og sendte brev. En modell arver
`Uforanderlig` (før `models.Model`) og sier når en rad er endelig og hvilke felt som likevel kan endres:

* `uforanderlig_naar` – et `Q`-uttrykk for de endelige radene; `None` (standard) betyr at hver rad er endelig
  så snart den er lagret.
* `uforanderlig_unntatt` – felt som kan endres også i en endelig rad (for eksempel versjonen en korreksjon øker).

Både `QuerySet.update()`/`delete()` (og dermed `bulk_update`) og instansens `save()`/`delete()` nekter; `save()` av
en endelig rad er bare lov når ingen andre felt enn de unntatte får en ny verdi. Nye rader (`create`, `bulk_create`)
er alltid lov. Sjekken ser på raden slik den står i databasen, ikke slik instansen ble
lest, så en gammel kopi kan ikke skrive over et vedtak som er fattet i mellomtiden.
"""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models, router


class UforanderligFeil(Exception):
    """Forsøk på å endre eller slette en endelig post. En programmeringsfeil, aldri en feil brukeren kan rette."""


class UforanderligQuerySet(models.QuerySet[Any]):
    def _endelige(self) -> models.QuerySet[Any]:
        naar = getattr(self.model, "uforanderlig_naar", None)
        return self if naar is None else self.filter(naar)

    def update(self, **kwargs: Any) -> int:
        unntatt = set(getattr(self.model, "uforanderlig_unntatt", ()))
        if not set(kwargs) <= unntatt and self._endelige().exists():
            raise UforanderligFeil(f"En endelig {self.model._meta.verbose_name} kan ikke endres.")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self._endelige().exists():
            raise UforanderligFeil(f"En endelig {self.model._meta.verbose_name} kan ikke slettes.")
        return super().delete()


UforanderligManager = models.Manager.from_queryset(UforanderligQuerySet)


class Uforanderlig(models.Model):
    """Mixin for modeller med poster som blir endelige. Se modulens beskrivelse."""

    uforanderlig_naar: ClassVar[models.Q | None] = None
    uforanderlig_unntatt: ClassVar[tuple[str, ...]] = ()

    objects = UforanderligManager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        lagret = None if kwargs.get("force_insert") else self._lagret_som_endelig(kwargs.get("using"))
        if lagret is not None:
            navn = kwargs.get("update_fields")
            felt = [f for f in self._meta.concrete_fields if not f.primary_key and (navn is None or f.name in navn)]
            # Et felt endres hvis verdien er en annen enn i databasen, eller hvis Django setter den ved lagring.
            endret = {
                f.name for f in felt if getattr(f, "auto_now", False) or getattr(self, f.attname) != lagret[f.attname]
            }
            if endret - set(self.uforanderlig_unntatt):
                raise UforanderligFeil(f"{self} er endelig og kan ikke endres ({', '.join(sorted(endret))}).")
        super().save(*args, **kwargs)

    def delete(self, using: Any = None, keep_parents: bool = False) -> tuple[int, dict[str, int]]:
        if self._lagret_som_endelig(using) is not None:
            raise UforanderligFeil(f"{self} er endelig og kan ikke slettes.")
        return super().delete(using=using, keep_parents=keep_parents)

    def _lagret_som_endelig(self, using: str | None) -> dict[str, Any] | None:
        """Raden slik den står i databasen (attname → verdi) hvis den er endelig, ellers `None`."""
        if self.pk is None or (self._state.adding and self._meta.pk is not None and self._meta.pk.has_default()):
            return None  # en ny rad (Django setter den inn uten å prøve UPDATE først)
        rader = type(self)._base_manager.using(using or router.db_for_write(type(self), instance=self))
        rader = rader.filter(pk=self.pk)
        if self.uforanderlig_naar is not None:
            rader = rader.filter(self.uforanderlig_naar)
        lagret: dict[str, Any] | None = rader.values(*(f.attname for f in self._meta.concrete_fields)).first()
        return lagret

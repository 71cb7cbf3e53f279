"""Masseinnsetting av rader gitt som verdier (ikke modellobjekter): én `COPY … FROM STDIN` på PostgreSQL,
`bulk_create` ellers (ADR 0026).

For de store skrivingene (utbetalingsrunden for hele landet, lesingene i revisjonsloggen for en betalingsfil) kostet
det mer å lage et modellobjekt per rad og la feltene gjøre hver verdi klar (`pre_save`, `get_db_prep_save`) enn å
skrive radene. Her gir kalleren verdiene som databasen skal ha, i feltenes `attname` (`sak_id`, ikke `sak`):

* UUID, Decimal, tall, tekst, dato og tidspunkt går rett til psycopg (som formaterer raden i C);
* JSON-felt får dokumentet som Python-verdi og gjøres om med feltets `encoder`, som i Django;
* felt som ikke er gitt, får det Django ville gitt dem: `auto_now`/`auto_now_add` nå (samme tidspunkt for hele
  innsettingen), ellers feltets standardverdi (en funksjon kalles for hver rad), og en automatisk heltallsnøkkel
  lages av databasen (og leses ikke tilbake).

På andre databaser lages modellobjektene av de samme verdiene og lagres med `bulk_create`, så begge veier gir de samme
radene. Brudd på en regel i databasen (unikhet, fremmednøkkel) blir Djangos `IntegrityError`.
"""

import json
from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone

BITSTOERRELSE_ANDRE = 500


def _mangler(modell: type[models.Model], felt: Sequence[str]) -> list[tuple[str, Callable[[], Any] | None, Any]]:
    """Feltene som ikke er gitt: (kolonne, funksjon for hver rad eller None, fast verdi)."""
    naa = timezone.now()
    mangler: list[tuple[str, Callable[[], Any] | None, Any]] = []
    for f in modell._meta.concrete_fields:
        if f.attname in felt:
            continue
        if f.primary_key and isinstance(f, models.AutoField | models.BigAutoField | models.SmallAutoField):
            continue
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            mangler.append((str(f.column), None, naa))
        elif f.has_default() and callable(f.default):
            mangler.append((str(f.column), f.default, None))
        else:
            mangler.append((str(f.column), None, f.get_default()))
    return mangler


def masseinnsett_rader(modell: type[models.Model], felt: Sequence[str], rader: Iterable[Sequence[Any]]) -> int:
    """Lagrer radene (verdier i rekkefølgen `felt`, feltenes `attname`) i tabellen til `modell`. Gir antall rader.
    `rader` kan være en generator: den leses én gang, og radene holdes ikke i minnet på PostgreSQL."""
    forbindelse = connections[DEFAULT_DB_ALIAS]
    if forbindelse.vendor != "postgresql":
        antall = 0
        iterator = iter(rader)
        while bit := list(islice(iterator, BITSTOERRELSE_ANDRE)):
            modell._default_manager.bulk_create([modell(**dict(zip(felt, rad, strict=True))) for rad in bit])
            antall += len(bit)
        return antall
    felter = {f.attname: f for f in modell._meta.concrete_fields}
    json_plass = [
        (i, felter[navn].encoder)  # type: ignore[attr-defined]
        for i, navn in enumerate(felt)
        if isinstance(felter[navn], models.JSONField)
    ]
    mangler = _mangler(modell, felt)
    per_rad = [funksjon for _, funksjon, _ in mangler if funksjon is not None]
    faste = tuple(verdi for _, funksjon, verdi in mangler if funksjon is None)
    kolonner = [str(felter[navn].column) for navn in felt]
    kolonner += [k for k, funksjon, _ in mangler if funksjon is not None]
    kolonner += [k for k, funksjon, _ in mangler if funksjon is None]
    sql = "COPY {} ({}) FROM STDIN".format(
        forbindelse.ops.quote_name(modell._meta.db_table), ", ".join(forbindelse.ops.quote_name(k) for k in kolonner)
    )
    antall = 0
    with forbindelse.cursor() as markoer, forbindelse.wrap_database_errors, markoer.cursor.copy(sql) as kopi:
        skriv = kopi.write_row
        for gitt in rader:
            rad = list(gitt)
            for i, encoder in json_plass:
                if rad[i] is not None:
                    rad[i] = json.dumps(rad[i], cls=encoder)
            skriv((*rad, *(f() for f in per_rad), *faste) if per_rad else (*rad, *faste))
            antall += 1
    return antall

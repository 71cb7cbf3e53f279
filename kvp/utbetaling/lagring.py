"""Masseinnsetting for utbetalingsrunden: én `COPY … FROM STDIN` per tabell og bit på PostgreSQL, `bulk_create` ellers.

`bulk_create` på PostgreSQL sender radene som matriser (`UNNEST`), og psycopg escaper da hvert JSON-dokument i en
matriseliteral med et regulært uttrykk i Python: for beregningene (grunnlag og resultat som JSON) var det den største
enkeltkostnaden i runden (se docs/benchmarks.md). `COPY` formaterer radene i psycopgs C-kode og er én rundtur.
Verdiene gjøres klare av feltene selv (`pre_save` og `get_db_prep_save`, som i `bulk_create`), så `auto_now_add`,
standardverdier og JSON blir som før. Brudd på en regel i databasen (unikhet, fremmednøkkel) blir Djangos
`IntegrityError`, som med `bulk_create`.
"""

from collections.abc import Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connection, connections, models

BITSTOERRELSE_SQLITE = 500


def _felt(modell: type[models.Model], objekter: Sequence[models.Model]) -> list[models.Field[Any, Any]]:
    pk = modell._meta.pk
    uten_pk = all(o.pk is None for o in objekter)
    return [f for f in modell._meta.concrete_fields if not (f is pk and uten_pk)]


def masseinnsett(modell: type[models.Model], objekter: Sequence[models.Model]) -> None:
    """Lagrer nye objekter av `modell`. Primærnøkler som er satt av modellen (UUID), beholdes; en automatisk
    primærnøkkel (heltall) blir ikke lest tilbake på PostgreSQL, så objektene kan ikke brukes som fremmednøkkel
    etterpå (det trengs ikke i runden)."""
    if not objekter:
        return
    if connection.vendor != "postgresql":
        modell.objects.bulk_create(objekter, batch_size=BITSTOERRELSE_SQLITE)  # type: ignore[attr-defined]
        return
    for objekt in objekter:
        if objekt.pk is None and modell._meta.pk is not None and modell._meta.pk.has_default():
            objekt.pk = modell._meta.pk.get_default()
    felt = _felt(modell, objekter)
    # Selve forbindelsen, ikke `django.db.connection` (en mellomvert som slår opp tråden ved hvert oppslag): feltene
    # spør den om operasjonene for hver verdi.
    forbindelse = connections[DEFAULT_DB_ALIAS]
    gjoer_klar = [(f.pre_save, f.get_db_prep_save) for f in felt]
    kolonner = ", ".join(forbindelse.ops.quote_name(str(f.column)) for f in felt)
    tabell = forbindelse.ops.quote_name(modell._meta.db_table)
    with (
        forbindelse.cursor() as markoer,
        forbindelse.wrap_database_errors,
        markoer.cursor.copy(f"COPY {tabell} ({kolonner}) FROM STDIN") as kopi,
    ):
        for objekt in objekter:
            kopi.write_row([klar(foer(objekt, True), forbindelse) for foer, klar in gjoer_klar])
    for objekt in objekter:
        objekt._state.adding = False
        objekt._state.db = forbindelse.alias

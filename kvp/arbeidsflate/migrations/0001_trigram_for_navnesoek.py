"""Trigramindekser for navnesøket (ADR 0014). Bare på PostgreSQL; SQLite søker med LIKE uten indeks.

Django lager `fornavn__icontains` som `UPPER("fornavn"::text) LIKE UPPER('%…%')`; en GIN-indeks med
`gin_trgm_ops` på `UPPER(fornavn)` lar PostgreSQL bruke indeksen for nettopp det uttrykket.
"""

from typing import Any

from django.db import migrations

INDEKSER = (
    ("arbeidsflate_person_fornavn_trgm", "fornavn"),
    ("arbeidsflate_person_etternavn_trgm", "etternavn"),
)


def opprett(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for navn, kolonne in INDEKSER:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {navn} ON person_person USING gin (UPPER({kolonne}) gin_trgm_ops)"
        )


def fjern(apps: Any, schema_editor: Any) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for navn, _ in INDEKSER:
        schema_editor.execute(f"DROP INDEX IF EXISTS {navn}")


class Migration(migrations.Migration):
    dependencies = [("person", "0002_initial")]
    operations = [migrations.RunPython(opprett, fjern, elidable=False)]

"""Revisjonsloggen kan ikke endres eller slettes i PostgreSQL, heller ikke med rå SQL (en utløser nekter UPDATE og
DELETE). På SQLite gjør migreringen ingenting; der vokter bare ORM-en (`kvp.felles.uforanderlig`).

TRUNCATE nektes ikke: testene tømmer databasen slik mellom testene.
"""

from typing import Any

from django.db import migrations

OPPRETT = """
CREATE OR REPLACE FUNCTION felles_logghendelse_uforanderlig() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Revisjonsloggen kan ikke endres eller slettes (%).', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER felles_logghendelse_uforanderlig
    BEFORE UPDATE OR DELETE ON felles_logghendelse
    FOR EACH ROW EXECUTE FUNCTION felles_logghendelse_uforanderlig();
"""

FJERN = """
DROP TRIGGER IF EXISTS felles_logghendelse_uforanderlig ON felles_logghendelse;
DROP FUNCTION IF EXISTS felles_logghendelse_uforanderlig();
"""


def _bare_postgresql(sql: str) -> Any:
    def kjoer(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # ingen parametere: %-tegnet i RAISE står urørt

    return kjoer


class Migration(migrations.Migration):
    dependencies = [
        ("felles", "0003_innloggingshendelser"),
    ]

    operations = [
        migrations.RunPython(_bare_postgresql(OPPRETT), _bare_postgresql(FJERN), elidable=False),
    ]

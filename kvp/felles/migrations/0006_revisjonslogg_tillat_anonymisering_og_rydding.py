"""Revisjonsloggen i PostgreSQL: utløseren slipper gjennom to ting, og bare dem (ADR 0007, docs/regler/personvern.md):

* sletting av rader som er eldre enn fem år (`manage.py rydd` sletter etter `KVP_LAGRING_REVISJONSLOGG_AAR`, som
  ikke kan settes lavere enn dette gulvet),
* anonymisering når en person slettes: innholdet (før, etter, beskrivelse) byttes med den faste markeringen, og
  brukernavnet til en slettet deltakerkonto med «slettet-…». Alt annet (hvem, når, hva, hvilken person) står urørt.

Alle andre UPDATE og DELETE nektes som før. På SQLite gjør migreringen ingenting.
"""

from typing import Any

from django.db import migrations

OPPRETT = """
CREATE OR REPLACE FUNCTION felles_logghendelse_uforanderlig() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND OLD.tidspunkt < now() - interval '5 years' THEN
        RETURN OLD;
    END IF;
    IF TG_OP = 'UPDATE'
       AND NEW.id = OLD.id
       AND NEW.tidspunkt = OLD.tidspunkt
       AND NEW.bruker_id IS NOT DISTINCT FROM OLD.bruker_id
       AND NEW.kontor_id IS NOT DISTINCT FROM OLD.kontor_id
       AND NEW.person_id IS NOT DISTINCT FROM OLD.person_id
       AND NEW.handling = OLD.handling
       AND NEW.objekttype = OLD.objekttype
       AND NEW.objekt_id = OLD.objekt_id
       AND NEW.formaal = OLD.formaal
       AND NEW.ip IS NOT DISTINCT FROM OLD.ip
       AND NEW.sesjon = OLD.sesjon
       AND (NEW.foer IS NOT DISTINCT FROM OLD.foer OR NEW.foer = '{"slettet": true}'::jsonb)
       AND (NEW.etter IS NOT DISTINCT FROM OLD.etter OR NEW.etter = '{"slettet": true}'::jsonb)
       AND (NEW.beskrivelse = OLD.beskrivelse OR NEW.beskrivelse = 'Opplysningene er slettet (art. 17)')
       AND (NEW.brukernavn = OLD.brukernavn OR NEW.brukernavn LIKE 'slettet-%')
    THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Revisjonsloggen kan ikke endres eller slettes (%).', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""

TILBAKE = """
CREATE OR REPLACE FUNCTION felles_logghendelse_uforanderlig() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'Revisjonsloggen kan ikke endres eller slettes (%).', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
"""


def _bare_postgresql(sql: str) -> Any:
    def kjoer(apps: Any, schema_editor: Any) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # ingen parametere: %-tegnene står urørt

    return kjoer


class Migration(migrations.Migration):
    dependencies = [
        ("felles", "0005_lesing_ip_sesjon_formaal"),
    ]

    operations = [
        migrations.RunPython(_bare_postgresql(OPPRETT), _bare_postgresql(TILBAKE), elidable=False),
    ]

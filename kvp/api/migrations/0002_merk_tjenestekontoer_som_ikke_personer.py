"""Merker brukerne bak eksisterende tjenestekontoer som tjenestekontoer (ingen personer i saksbehandlerlistene)."""

from django.db import migrations


def merk(apps, schema_editor):  # type: ignore[no-untyped-def]
    Tjenestekonto = apps.get_model("api", "Tjenestekonto")
    Bruker = apps.get_model("tilgang", "Bruker")
    Bruker.objects.filter(pk__in=Tjenestekonto.objects.values("bruker_id")).update(er_tjenestekonto=True)


class Migration(migrations.Migration):
    dependencies = [
        ("api", "0001_initial"),
        ("tilgang", "0005_bruker_er_tjenestekonto"),
    ]

    operations = [migrations.RunPython(merk, migrations.RunPython.noop)]

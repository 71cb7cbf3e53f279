"""Klagevedleggene lagres i dokumentlageret (`KVP_DOKUMENT_LAGER`), som alle andre opplastinger.

Er dokumentlageret et annet enn standardlageret, flyttes filene som finnes (samme navn, samme innhold); radene
beholdes som de er. Med standardinnstillingene er lageret det samme, og ingenting flyttes.
"""

from typing import Any

from django.conf import settings
from django.core.files.storage import storages
from django.db import migrations, models

import kvp.dokument.models
import kvp.klage.models


def _flytt(fra: str, til: str, apps: Any) -> None:
    if fra == til:
        return
    kilde, maal = storages[fra], storages[til]
    Klagedokument = apps.get_model("klage", "Klagedokument")
    for navn in Klagedokument._base_manager.exclude(fil="").values_list("fil", flat=True).iterator():
        if kilde.exists(navn) and not maal.exists(navn):
            with kilde.open(navn, "rb") as f:
                lagret = maal.save(navn, f)
            if lagret != navn:  # lageret ga filen et annet navn: bruk det
                Klagedokument._base_manager.filter(fil=navn).update(fil=lagret)


def til_dokumentlageret(apps: Any, schema_editor: Any) -> None:
    _flytt("default", settings.KVP_DOKUMENT_LAGER, apps)


def tilbake(apps: Any, schema_editor: Any) -> None:
    _flytt(settings.KVP_DOKUMENT_LAGER, "default", apps)


class Migration(migrations.Migration):
    dependencies = [
        ("klage", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="klagedokument",
            name="fil",
            field=models.FileField(
                blank=True,
                storage=kvp.dokument.models.dokumentlager,
                upload_to=kvp.klage.models._filsti,
                verbose_name="fil",
            ),
        ),
        migrations.RunPython(til_dokumentlageret, tilbake),
    ]

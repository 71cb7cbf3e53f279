# Evalueringsdatoene står bare i vedtaket (ADR 0019). Hver evaluering som sto i planen, skrives i planhistorikken
# før tabellen fjernes, med om datoen også står i det siste vedtaket som fastsatte evalueringer; ingenting forsvinner
# uten spor.

import datetime as dt
from typing import Any

from django.db import migrations


def _vedtaksdatoer(Vedtak: Any, sak_id: Any) -> set[dt.date]:
    for v in Vedtak.objects.filter(sak_id=sak_id, status="FATTET", type__in=("INNVILGELSE", "ENDRING")).order_by(
        "-fattet_tidspunkt"
    ):
        if v.evalueringsdatoer:
            return {dt.date.fromisoformat(d) for d in v.evalueringsdatoer}
    return set()


def flytt_til_historikken(apps: Any, schema_editor: Any) -> None:
    Evaluering = apps.get_model("plan", "Evaluering")
    Planhistorikk = apps.get_model("plan", "Planhistorikk")
    Vedtak = apps.get_model("vedtak", "Vedtak")
    datoer: dict[Any, set[dt.date]] = {}
    for e in Evaluering.objects.order_by("sak_id", "dato"):
        if e.sak_id not in datoer:
            datoer[e.sak_id] = _vedtaksdatoer(Vedtak, e.sak_id)
        Planhistorikk.objects.create(
            sak_id=e.sak_id,
            objekttype="EVALUERING",
            objekt_id=e.id,
            handling="FLYTTET",
            data={"dato": e.dato.isoformat(), "tema": e.tema, "i_vedtaket": e.dato in datoer[e.sak_id]},
            endret_av_id=e.registrert_av_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("plan", "0002_timegrenser_fra_parametere"),
        ("vedtak", "0005_forhaandsvarsel"),
    ]

    operations = [
        migrations.RunPython(flytt_til_historikken, migrations.RunPython.noop),
        migrations.DeleteModel(name="Evaluering"),
    ]

"""`manage.py statistikkdata`: volumdataene gir 11CF-filer uten feil og noe å vise på statistikksidene."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone

from kvp.demo.statistikkdata import KONTORER, statistikkdata_lag
from kvp.statistikk import kostra, tall
from kvp.tilgang.models import NavKontor


def test_volumdataene_gir_filer_uten_feil(db):
    r = statistikkdata_lag(antall_aar=3, antall_kontorer=2, per_kontor_per_aar=30)
    assert r.kontorer == 2 and r.saker == 180 and r.deltakeraar >= r.saker
    i_aar = timezone.localdate().year
    poster = 0
    for nummer, _, _ in KONTORER[:2]:
        for aar in range(max(2025, i_aar - 2), i_aar + 1):
            uttrekk = kostra.uttrekk(kommune=nummer, aar=aar)
            _, rapport = uttrekk.kontroller()
            assert rapport.feil == [], rapport.feil[:3]
            poster += len(uttrekk.poster)
    assert poster > 0
    kontorer = list(NavKontor.objects.values_list("pk", flat=True))
    i_dag = timezone.localdate()
    tabeller = tall.alle_tabeller(kontorer, (i_dag.year - 2, 1), (i_dag.year, i_dag.month), skjul=True)
    assert sum(int(t.total(r) or 0) for t in tabeller if t.id == "starter" for r in t.rader) > 100


def test_kommandoen_avviser_urimelige_tall(db):
    with pytest.raises(CommandError, match="kontorer"):
        call_command("statistikkdata", "--kontorer", "99", stdout=io.StringIO())

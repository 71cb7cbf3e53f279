"""De forhåndsberegnede månedstallene i statistikken gir nøyaktig de samme tabellene som den direkte beregningen
(`tall.py`), celle for celle, på tilfeldige data og tilfeldige perioder, med og uten skjulte små tall; og en endring
i en sak gjør kontorets tall utdatert, så de beregnes på nytt før de vises. (Testen står her fordi bare demo-appen
får importere generatoren av volumdata.)"""

import datetime as dt
import io
import random
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from kvp.demo.statistikkdata import statistikkdata_lag
from kvp.jobber.tests.hjelpere import kjoer_arbeider
from kvp.klage.models import Kanal, Klage, Klagestatus, Utfall
from kvp.sak.models import Sak
from kvp.statistikk import maanedstall, tall
from kvp.statistikk.models import Maanedstall, Tallstatus
from kvp.tilgang.models import NavKontor, Rolle
from kvp.vedtak.models import Vedtak

I_DAG = dt.date(2026, 11, 15)


def _bilde(tabeller: list[tall.Tabell]) -> list[Any]:
    return [
        (t.id, t.tittel, t.enhet, t.maal, t.kontorer, t.rader, t.celler(), [t.total(r) for r in t.rader])
        for t in tabeller
    ]


def _klager(rng: random.Random) -> None:
    vedtak = list(Vedtak.objects.select_related("sak")[:60])
    statuser = [Klagestatus.REGISTRERT, Klagestatus.OMGJORT, Klagestatus.OMGJOERES, Klagestatus.AVVIST,
                Klagestatus.OVERSENDT, Klagestatus.AVSLUTTET, Klagestatus.IVERKSATT]  # fmt: skip
    klager = []
    for v in vedtak:
        status = rng.choice(statuser)
        utfall = rng.choice(list(Utfall.values)) if status in (Klagestatus.AVSLUTTET, Klagestatus.IVERKSATT) else ""
        mottatt = I_DAG - dt.timedelta(days=rng.randint(0, 900))
        klager.append(
            Klage(vedtak=v, sak=v.sak, kanal=Kanal.PAPIR, mottatt_dato=mottatt, tekst="Klage", status=status,
                  vedtak_mottatt_dato=mottatt, klagefrist=mottatt, utfall=utfall, registrert_av=v.opprettet_av)
        )  # fmt: skip
    Klage.objects.bulk_create(klager)


@pytest.mark.parametrize("froe", [1, 7])
def test_maanedstallene_gir_samme_tabeller_som_direkte_beregning(db, froe):
    rng = random.Random(froe)
    statistikkdata_lag(antall_aar=3, antall_kontorer=3, per_kontor_per_aar=30, i_dag=I_DAG, froe=froe)
    _klager(rng)
    kontorer = list(NavKontor.objects.order_by("navn").values_list("pk", flat=True))
    assert Sak.objects.count() == 270 and Klage.objects.exists()
    perioder = [((2024, 1), (2026, 12)), ((2026, 11), (2026, 11)), ((2020, 1), (2024, 6))]
    for _ in range(4):
        a = (rng.randint(2024, 2026), rng.randint(1, 12))
        b = (rng.randint(a[0], 2026), rng.randint(1, 12))
        perioder.append((a, max(a, b)))
    utvalg = [kontorer, kontorer[:1], kontorer[1:]]
    for fra, til in perioder:
        for ids in utvalg:
            for skjul in (True, False):
                direkte = tall.alle_tabeller(ids, fra, til, skjul=skjul)
                forhaand = maanedstall.alle_tabeller(ids, fra, til, skjul=skjul)
                assert _bilde(forhaand) == _bilde(direkte), (fra, til, skjul)
    alle = tall.alle_tabeller(kontorer, (2024, 1), (2026, 12), skjul=True)
    assert {t.id for t in alle} >= {"bestand", "utbetalt", "klager", "klageutfall", "innvilgelse_oppstart"}
    assert sum(int(alle[-1].total(r) or 0) for r in alle[-1].rader) == Klage.objects.count()  # ingen klage mistet
    assert any(tekst == tall.SKJULT for t in alle for _r, celler, _tot in t.celler() for tekst in celler)


def test_endret_sak_gjoer_tallene_utdatert_og_de_beregnes_paa_nytt(db, django_capture_on_commit_callbacks):
    statistikkdata_lag(antall_aar=1, antall_kontorer=2, per_kontor_per_aar=10, i_dag=I_DAG, froe=3)
    kontorer = list(NavKontor.objects.order_by("navn").values_list("pk", flat=True))
    periode = ((2026, 1), (2026, 11))
    maanedstall.alle_tabeller(kontorer, *periode, skjul=False)
    status = Tallstatus.objects.get(kontor_id=kontorer[0])
    assert status.beregnet_versjon == status.versjon and Maanedstall.objects.filter(kontor_id=kontorer[0]).exists()

    sak = Sak.objects.filter(kontor_id=kontorer[0], begynt_dato__isnull=False, avsluttet_dato__isnull=True).first()
    assert sak is not None
    with django_capture_on_commit_callbacks(execute=True):
        sak.avsluttet_dato = dt.date(2026, 11, 3)
        sak.save()
    status.refresh_from_db()
    assert status.versjon > status.beregnet_versjon
    # Det andre kontoret er ikke rørt.
    andre = Tallstatus.objects.get(kontor_id=kontorer[1])
    assert andre.versjon == andre.beregnet_versjon
    etter = maanedstall.alle_tabeller(kontorer, *periode, skjul=False)
    assert _bilde(etter) == _bilde(tall.alle_tabeller(kontorer, *periode, skjul=False))
    assert (next(t for t in etter if t.id == "avslutninger").verdier["11.2026"][kontorer[0]] or 0) >= 1
    status.refresh_from_db()
    assert status.versjon == status.beregnet_versjon

    # Flyttes saken til det andre kontoret, blir begge kontorene utdatert.
    with django_capture_on_commit_callbacks(execute=True):
        sak.kontor_id = kontorer[1]
        sak.save()
    assert all(s.versjon > s.beregnet_versjon for s in Tallstatus.objects.all())


def test_kommandoen_beregner_alle_kontorene(db, capsys):
    statistikkdata_lag(antall_aar=1, antall_kontorer=2, per_kontor_per_aar=5, i_dag=I_DAG, froe=5)
    call_command("statistikk_tall")
    assert "Månedstallene er beregnet for 2 kontorer" in capsys.readouterr().out
    assert Tallstatus.objects.filter(beregnet__isnull=False).count() == 2
    assert Maanedstall.objects.filter(serie="start").exists()


OPPGAVE = "kvp.statistikk.tasks.maanedstall_beregn"


def _ventende() -> list[Any]:
    from django_tasks_db.models import DBTaskResult

    return list(DBTaskResult.objects.filter(task_path=OPPGAVE, status="READY").values_list("args_kwargs", flat=True))


def test_endringer_legger_en_beregning_i_koen_og_siden_viser_de_gamle_tallene_med_merknad_til_den_har_kjoert(
    client, lag_bruker, django_capture_on_commit_callbacks
):
    statistikkdata_lag(antall_aar=1, antall_kontorer=2, per_kontor_per_aar=10, i_dag=I_DAG, froe=3)
    call_command("statistikk_tall", stdout=io.StringIO())
    kontor, annet = NavKontor.objects.order_by("navn")
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor))
    url = reverse("statistikk:kontor")
    valg = {"fra": "2026-11", "til": "2026-11", "csv": "avslutninger"}
    foer = client.get(url, valg).content.decode("utf-8-sig")
    assert "tall-beregnes" not in client.get(url).content.decode()

    sak = Sak.objects.filter(kontor=kontor, begynt_dato__isnull=False, avsluttet_dato__isnull=True).first()
    assert sak is not None
    for dag in (3, 4, 5):  # tre lagringer i hver sin transaksjon: én beregning i køen
        with django_capture_on_commit_callbacks(execute=True):
            sak.avsluttet_dato = dt.date(2026, 11, dag)
            sak.save()
    status = Tallstatus.objects.get(kontor=kontor)
    assert status.versjon > status.beregnet_versjon and status.koet is not None
    assert _ventende() == [{"args": [], "kwargs": {"kontor_id": str(kontor.pk)}}]
    assert Tallstatus.objects.get(kontor=annet).koet is None

    # Siden svarer med de forrige tallene og merknaden, uten å beregne i forespørselen og uten en ny jobb.
    with mock.patch.object(maanedstall, "_rader", side_effect=AssertionError("beregnet i forespørselen")):
        side = client.get(url).content.decode()
        assert client.get(url, valg).content.decode("utf-8-sig") == foer
    assert 'id="tall-beregnes"' in side and "nye tall beregnes" in side
    beregnet = timezone.localtime(status.beregnet).strftime("%d.%m.%Y kl. %H:%M")
    assert f"Tallene ble sist oppdatert {beregnet}" in side
    assert len(_ventende()) == 1

    kjoer_arbeider()
    assert _ventende() == []
    status.refresh_from_db()
    assert status.beregnet_versjon == status.versjon and status.koet is None
    etter = client.get(url, valg).content.decode("utf-8-sig")
    assert etter != foer
    nye = int(etter.splitlines()[1].split(";")[1]) - int(foer.splitlines()[1].split(";")[1])
    assert nye == 1
    assert "tall-beregnes" not in client.get(url).content.decode()


def test_en_beregning_som_ble_borte_legges_i_koen_igjen_naar_siden_vises(client, lag_bruker):
    statistikkdata_lag(antall_aar=1, antall_kontorer=1, per_kontor_per_aar=5, i_dag=I_DAG, froe=4)
    call_command("statistikk_tall", stdout=io.StringIO())
    kontor = NavKontor.objects.get()
    # Utdatert uten en beregning i køen (arbeidsprosessen døde midt i en beregning).
    Tallstatus.objects.filter(kontor=kontor).update(versjon=F("versjon") + 1, koet=None)
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor))
    assert "nye tall beregnes" in client.get(reverse("statistikk:kontor")).content.decode()
    assert len(_ventende()) == 1
    kjoer_arbeider()
    assert "nye tall beregnes" not in client.get(reverse("statistikk:kontor")).content.decode()

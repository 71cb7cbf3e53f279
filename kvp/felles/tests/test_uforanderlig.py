"""Uforanderlige poster: revisjonsloggen, attesterte måneder og lagrede beregninger kan ikke endres eller slettes
gjennom ORM-en, og revisjonsloggen heller ikke med rå SQL på PostgreSQL."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from kvp.felles.models import Logghendelse
from kvp.felles.uforanderlig import UforanderligFeil
from kvp.oppmoete.models import Maanedsattestering
from kvp.utbetaling.models import Beregning, Beregningsaarsak


@pytest.fixture
def logghendelse(db):
    return Logghendelse.objects.create(handling="LES", objekttype="Sak", objekt_id="1", beskrivelse="Så på saken")


def test_revisjonsloggen_kan_ikke_endres_eller_slettes_gjennom_orm_en(logghendelse):
    with pytest.raises(UforanderligFeil):
        Logghendelse.objects.filter(pk=logghendelse.pk).update(beskrivelse="Skjult")
    with pytest.raises(UforanderligFeil):
        Logghendelse.objects.all().delete()
    logghendelse.beskrivelse = "Skjult"
    with pytest.raises(UforanderligFeil):
        logghendelse.save()
    with pytest.raises(UforanderligFeil):
        logghendelse.delete()
    with pytest.raises(UforanderligFeil), transaction.atomic():  # bulk_update ødelegger ellers transaksjonen
        Logghendelse.objects.bulk_update([logghendelse], ["beskrivelse"])
    assert Logghendelse.objects.get(pk=logghendelse.pk).beskrivelse == "Så på saken"
    # Nye hendelser kan fortsatt skrives.
    Logghendelse.objects.create(handling="LES", objekttype="Sak", objekt_id="2")
    assert Logghendelse.objects.count() == 2


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE felles_logghendelse SET beskrivelse = 'Skjult' WHERE id = %s",
        "DELETE FROM felles_logghendelse WHERE id = %s",
    ],
)
def test_revisjonsloggen_kan_ikke_endres_med_raa_sql_paa_postgresql(logghendelse, sql):
    if connection.vendor != "postgresql":
        pytest.skip("Utløseren som nekter UPDATE og DELETE, finnes bare på PostgreSQL (SQLite vokter bare ORM-en).")
    feil = pytest.raises(IntegrityError, match="Revisjonsloggen kan ikke endres eller slettes")
    with feil, transaction.atomic(), connection.cursor() as markoer:
        markoer.execute(sql, [logghendelse.pk])
    assert Logghendelse.objects.get(pk=logghendelse.pk).beskrivelse == "Så på saken"


def test_attestert_maaned_endres_bare_ved_korreksjon_og_slettes_aldri(lag_sak_i_program, kvp_veileder_a, lag_bruker):
    sak = lag_sak_i_program()
    attestering = Maanedsattestering.objects.create(
        sak=sak, aar=2025, maaned=3, attestert_av=kvp_veileder_a, attestert=timezone.now()
    )
    # En korreksjon øker versjonen og setter tidspunktet (slik oppmøtetjenesten og testene gjør).
    Maanedsattestering.objects.filter(pk=attestering.pk).update(versjon=2, sist_korrigert=timezone.now())
    attestering.refresh_from_db()
    attestering.versjon += 1
    attestering.save()
    assert Maanedsattestering.objects.get(pk=attestering.pk).versjon == 3
    # Hvem som attesterte og når, står fast.
    with pytest.raises(UforanderligFeil):
        Maanedsattestering.objects.filter(pk=attestering.pk).update(attestert_av=lag_bruker())
    attestering.attestert = timezone.now() - dt.timedelta(days=1)
    with pytest.raises(UforanderligFeil):
        attestering.save()
    with pytest.raises(UforanderligFeil):
        attestering.delete()
    with pytest.raises(UforanderligFeil):
        Maanedsattestering.objects.filter(sak=sak).delete()
    assert Maanedsattestering.objects.filter(pk=attestering.pk, attestert_av=kvp_veileder_a).exists()


def test_lagret_beregning_kan_ikke_endres_eller_slettes(lag_sak_i_program):
    beregning = Beregning.objects.create(
        sak=lag_sak_i_program(),
        aar=2025,
        maaned=3,
        versjon=1,
        aarsak=Beregningsaarsak.ORDINAER,
        attesteringsversjon=1,
        grunnlag={},
        resultat={},
        total=Decimal("1000.00"),
        regelversjon="test",
    )
    with pytest.raises(UforanderligFeil):
        Beregning.objects.filter(pk=beregning.pk).update(total=Decimal("2000.00"))
    beregning.total = Decimal("2000.00")
    with pytest.raises(UforanderligFeil):
        beregning.save()
    with pytest.raises(UforanderligFeil):
        beregning.delete()
    assert Beregning.objects.get(pk=beregning.pk).total == Decimal("1000.00")

"""Simulering og G-regulering som bakgrunnsjobber (kvp.jobber): startes bare én gang per kommune og måned, gir
samme runde som simulering i forespørselen, og en arbeidsprosess som drepes midt i runden etterlater aldri en halv
bit: jobben tas opp igjen av neste arbeidsprosess og fullføres, og ingen blir betalt to ganger."""

import os
import signal
import time
from collections import Counter
from typing import Any

from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from kvp.jobber.models import Jobb, Jobbstatus
from kvp.jobber.tests.hjelpere import kjoer_arbeider, start_arbeider
from kvp.utbetaling.models import Posttype, Utbetaling, Utbetalingspost, Utbetalingsrunde
from kvp.utbetaling.services.jobber import grunnbeloep_reguler_start_som_jobb, utbetalingsrunde_start_som_jobb


def _betalt_en_gang(saker: list[Any], aar: int, maaned: int) -> None:
    betalt = Counter(Utbetalingspost.objects.filter(type=Posttype.ORDINAER).values_list("sak_id", "aar", "maaned"))
    assert set(betalt) == {(sak.pk, aar, maaned) for sak in saker}, "tapt eller uventet deltakermåned"
    assert all(antall == 1 for antall in betalt.values()), "deltakermåned betalt to ganger"


def test_simulering_som_jobb_startes_en_gang_per_kommune_og_maaned_og_gir_runden(
    client, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2
):
    saker = [lag_sak_i_program() for _ in range(3)]
    for sak in saker:
        attester(sak, 2025, 9)
    client.force_login(oekonomi_a)
    svar = client.post(reverse("utbetaling:kjoer_jobb"), {"kommune": "1127", "maaned": "9", "aar": "2025"})
    jobb = Jobb.objects.get()
    assert svar.status_code == 302
    assert svar["Location"] == reverse("jobber:jobb", kwargs={"jobb_id": jobb.pk})
    # En annen i økonomi starter samme måned mens jobben venter: samme jobb, ingen ny oppgave.
    assert utbetalingsrunde_start_som_jobb(bruker=oekonomi_a2, kommune_nummer="1127", aar=2025, maaned=9) == jobb
    assert DBTaskResult.objects.count() == 1
    kjoer_arbeider()
    jobb.refresh_from_db()
    runde = Utbetalingsrunde.objects.get()
    assert (jobb.status, jobb.gjort, jobb.totalt) == (Jobbstatus.FERDIG, 3, 3), jobb.melding
    assert runde.ferdig
    assert jobb.lenke == reverse("utbetaling:runde", kwargs={"runde_id": runde.pk})
    assert jobb.melding == "Utbetalingsrunden for september 2025 er simulert: 3 deltakere."
    _betalt_en_gang(saker, 2025, 9)
    # Å kjøre jobben igjen er trygt: ingen ny utbetaling.
    igjen = utbetalingsrunde_start_som_jobb(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=9)
    assert igjen != jobb
    kjoer_arbeider()
    igjen.refresh_from_db()
    assert igjen.status == Jobbstatus.FERDIG
    _betalt_en_gang(saker, 2025, 9)


def test_ugyldig_start_gir_norsk_melding_og_ingen_jobb(client, oekonomi_a, kvp_veileder_a):
    client.force_login(oekonomi_a)
    svar = client.post(reverse("utbetaling:kjoer_jobb"), {"kommune": "1127", "maaned": "12", "aar": "2999"})
    assert svar.status_code == 400
    assert "Stønaden betales etterskuddsvis" in svar.content.decode()
    client.force_login(kvp_veileder_a)  # uten rollen økonomi
    assert client.post(reverse("utbetaling:g_regulering_jobb", kwargs={"kommune_nummer": "1127"})).status_code in (
        403,
        404,
    )
    assert not Jobb.objects.exists()


def test_g_regulering_som_jobb(client, oekonomi_a, randaberg):
    client.force_login(oekonomi_a)
    svar = client.post(reverse("utbetaling:g_regulering_jobb", kwargs={"kommune_nummer": "1127"}))
    jobb = Jobb.objects.get()
    assert svar["Location"] == reverse("jobber:jobb", kwargs={"jobb_id": jobb.pk})
    assert grunnbeloep_reguler_start_som_jobb(bruker=oekonomi_a, kommune_nummer="1127") == jobb
    kjoer_arbeider()
    jobb.refresh_from_db()
    assert (jobb.status, jobb.gjort, jobb.totalt) == (Jobbstatus.FERDIG, 1, 1)
    assert jobb.melding == "G-reguleringen er ferdig: ingen betalte måneder trengte å beregnes på nytt."


def test_drept_arbeidsprosess_midt_i_runden_etterlater_ingen_halv_bit_og_jobben_fullfoeres(
    transactional_db, lag_sak_i_program, attester, oekonomi_a
):
    saker = [lag_sak_i_program() for _ in range(6)]
    for sak in saker:
        attester(sak, 2025, 9)
    jobb = utbetalingsrunde_start_som_jobb(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=9)
    Jobb.objects.filter(pk=jobb.pk).update(parametre={**jobb.parametre, "bitstoerrelse": 2})
    arbeider = start_arbeider(pause_etter_bit=120)  # sover etter første bit: der drepes den
    try:
        frist = time.monotonic() + 120
        while not Jobb.objects.filter(pk=jobb.pk, gjort__gte=2).exists():
            assert arbeider.poll() is None, arbeider.stderr.read() if arbeider.stderr else ""
            assert time.monotonic() < frist, "arbeidsprosessen lagret aldri den første biten"
            time.sleep(0.1)
        os.kill(arbeider.pid, signal.SIGKILL)
        arbeider.wait(timeout=30)
    finally:
        if arbeider.poll() is None:
            arbeider.kill()
    assert arbeider.returncode == -signal.SIGKILL

    # Midt i: jobben står som kjørende hos en prosess som ikke finnes, runden er ikke ferdig, og det som er lagret
    # er hele biter: to deltakere, hver med utbetaling og poster.
    jobb.refresh_from_db()
    assert jobb.status == Jobbstatus.KJOERER
    assert jobb.arbeider.endswith(f":{arbeider.pid}")
    runde = Utbetalingsrunde.objects.get()
    assert not runde.ferdig
    utbetalinger = Utbetaling.objects.filter(runde=runde)
    assert utbetalinger.count() == 2
    assert set(Utbetalingspost.objects.values_list("utbetaling_id", flat=True)) == set(
        utbetalinger.values_list("pk", flat=True)
    )

    # Neste arbeidsprosess tar jobben opp igjen og fullfører runden der den stoppet.
    ny = start_arbeider()
    ut, feil = ny.communicate(timeout=180)
    assert ny.returncode == 0, feil
    assert "Tok opp igjen 1 jobb(er)" in ut
    jobb.refresh_from_db()
    assert (jobb.status, jobb.forsoek, jobb.gjort, jobb.totalt) == (Jobbstatus.FERDIG, 2, 6, 6), jobb.melding
    runde.refresh_from_db()
    assert runde.ferdig
    _betalt_en_gang(saker, 2025, 9)
    assert DBTaskResult.objects.filter(status="FAILED").count() == 1  # den drepte oppgaven er merket

"""Revisjonsloggen (issue 12, punkt 5): filene fra utbetalingen logger én lesing per person i filen, og vedtaket om
tilbakekreving logges på den som vedtok, ikke den som foreslo."""

from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from kvp.felles.models import Logghendelse
from kvp.utbetaling.models import Tilbakekreving, Utbetalingsrunde
from kvp.utbetaling.services import (
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    tilbakekreving_foreslaa,
    tilbakekreving_vedta,
    utbetalingsrunde_bekreft,
    utbetalingsrunde_eksporter,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)
from kvp.vedtak.tests.hjelpere import tilbakekrevingsvarsel_besvart


def _sak_med_konto(lag_sak_i_program: Any, oekonomi_a: Any, oekonomi_a2: Any, **person: Any) -> Any:
    sak = lag_sak_i_program(**person)
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer="12345678903", skattetrekk_prosent=Decimal(30)
    )
    mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
    return sak


def _eksportert_runde(saker: Any, attester: Any, oekonomi_a: Any, oekonomi_a2: Any) -> Utbetalingsrunde:
    for sak in saker:
        attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3)
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)
    runde.refresh_from_db()
    return runde


@pytest.mark.parametrize(
    ("url", "objekttype", "formaal"),
    [
        ("utbetaling:pain001", "betalingsfil", "Betalingsfil (pain.001) lastet ned"),
        ("utbetaling:regnskap_csv", "regnskapsfil", "Regnskapsfil lastet ned"),
        ("utbetaling:regnskap_excel_csv", "regnskapsfil", "Regnskapsfil (Excel) lastet ned"),
    ],
)
def test_filene_fra_runden_logger_en_lesing_per_person_i_filen(
    client, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, kommunekonto, url, objekttype, formaal
):
    saker = [_sak_med_konto(lag_sak_i_program, oekonomi_a, oekonomi_a2, fornavn=navn) for navn in ("Anne", "Bjørn")]
    utenfor = lag_sak_i_program(fornavn="Ikke")  # ingen attestert måned: står ikke i filen
    runde = _eksportert_runde(saker, attester, oekonomi_a, oekonomi_a2)
    client.force_login(oekonomi_a)
    assert client.get(reverse(url, args=[runde.pk])).status_code == 200
    rader = list(Logghendelse.objects.filter(handling="LES", objekttype=objekttype))
    assert sorted(str(r.person_id) for r in rader) == sorted(str(s.person_id) for s in saker)
    assert utenfor.person_id not in {r.person_id for r in rader}
    assert {(r.bruker, r.formaal, r.objekt_id) for r in rader} == {(oekonomi_a, formaal, str(runde.pk))}


def test_aarsoppgavene_logger_en_lesing_per_person_i_filen(
    client, lag_sak_i_program, attester, oekonomi_a, oekonomi_a2, kommunekonto
):
    saker = [_sak_med_konto(lag_sak_i_program, oekonomi_a, oekonomi_a2, fornavn=n) for n in ("Cecilie", "Dag")]
    runde = _eksportert_runde(saker, attester, oekonomi_a, oekonomi_a2)
    utbetalingsrunde_bekreft(bruker=oekonomi_a2, runde_id=runde.pk)
    client.force_login(oekonomi_a)
    svar = client.get(reverse("utbetaling:aarsoppgaver_csv", args=["1127"]), {"aar": runde.utbetalingsdato.year})
    assert svar.status_code == 200 and svar.content.decode().count("\r\n") == 3  # overskrift + to personer
    rader = list(Logghendelse.objects.filter(handling="LES", objekttype="årsoppgaver"))
    assert sorted(str(r.person_id) for r in rader) == sorted(str(s.person_id) for s in saker)
    assert {r.formaal for r in rader} == {f"Årsoppgaver {runde.utbetalingsdato.year} lastet ned"}


def test_vedtatt_tilbakekreving_logges_paa_den_som_vedtok(sak_med_fravaer_og_tilbakekreving, oekonomi_a, oekonomi_a2):
    tk = sak_med_fravaer_og_tilbakekreving
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær.",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekrevingsvarsel_besvart(bruker=oekonomi_a, tilbakekreving=tk)
    siste = Logghendelse.objects.order_by("-id").values_list("id", flat=True).first()
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    nye = list(Logghendelse.objects.filter(id__gt=siste))
    assert nye, "vedtaket skal logges"
    assert {r.bruker for r in nye} == {oekonomi_a2}
    tk.refresh_from_db()
    opprettet = next(r for r in nye if r.objekt_id == str(tk.vedtak_id) and r.handling == "OPPRETT")
    assert oekonomi_a.username in opprettet.beskrivelse  # forfatteren nevnes, men handlingen er den som vedtok


@pytest.fixture
def sak_med_fravaer_og_tilbakekreving(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2, kommunekonto
) -> Tilbakekreving:
    import datetime as dt

    sak = _sak_med_konto(lag_sak_i_program, oekonomi_a, oekonomi_a2)
    runde = _eksportert_runde([sak], attester, oekonomi_a, oekonomi_a2)
    utbetalingsrunde_bekreft(bruker=oekonomi_a2, runde_id=runde.pk)
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=4)
    return Tilbakekreving.objects.get(sak=sak)


def test_rundesiden_og_tilbakekrevingene_logger_en_lesing_per_person_som_vises(
    client, sak_med_fravaer_og_tilbakekreving, oekonomi_a
):
    tk = sak_med_fravaer_og_tilbakekreving
    runde = Utbetalingsrunde.objects.get(aar=2025, maaned=3)
    client.force_login(oekonomi_a)
    assert client.get(reverse("utbetaling:runde", args=[runde.pk])).status_code == 200
    (rad,) = Logghendelse.objects.filter(handling="LES", objekttype="utbetalingsrunde", person__isnull=False)
    assert (rad.person_id, rad.formaal, rad.objekt_id) == (
        tk.sak.person_id,
        "Utbetalingene i en utbetalingsrunde",
        str(runde.pk),
    )
    assert client.get(reverse("utbetaling:tilbakekrevinger")).status_code == 200
    (rad,) = Logghendelse.objects.filter(handling="LES", objekttype="tilbakekrevinger")
    assert (rad.person_id, rad.kontor_id, rad.formaal) == (
        tk.sak.person_id,
        tk.sak.kontor_id,
        "Tilbakekrevinger som venter",
    )


def test_oppmoeteoversikten_logger_en_lesing_per_deltaker_i_program(client, lag_sak_i_program, kvp_veileder_a):
    import datetime as dt

    ada = lag_sak_i_program(fornavn="Ada")
    lag_sak_i_program(fornavn="Bo", fra_og_med=dt.date(2025, 5, 5))  # ikke i program i april
    client.force_login(kvp_veileder_a)
    assert client.get(reverse("oppmoete:oversikt") + "?maaned=2025-04").status_code == 200
    (rad,) = Logghendelse.objects.filter(handling="LES", objekttype="oppmøteoversikt")
    assert (rad.person_id, rad.formaal) == (ada.person_id, "Oppmøteoversikt for april 2025")

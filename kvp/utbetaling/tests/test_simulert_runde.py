"""En simulert runde er ikke betalt: bare godkjente, eksporterte og bekreftede runder teller som betalt. En ny
simulering regner deltakerne i den simulerte runden på nytt, og det blir aldri tilbakekreving for en måned som aldri
ble betalt."""

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest

from kvp.tilgang.models import Bruker
from kvp.utbetaling.models import (
    Beregning,
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Utbetaling,
    Utbetalingskorreksjon,
    Utbetalingspost,
    Utbetalingsrunde,
)
from kvp.utbetaling.services import utbetalingsrunde_kjoer

from .test_korreksjon import G_2024, dagsats, kr


def _kjoer(bruker: Bruker, aar: int, maaned: int) -> Utbetalingsrunde:
    return utbetalingsrunde_kjoer(bruker=bruker, kommune_nummer="1127", aar=aar, maaned=maaned)


def test_endring_i_en_simulert_maaned_gir_ingen_korreksjon_og_ingen_tilbakekreving(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    _kjoer(oekonomi_a, 2025, 3)  # bare simulert, ikke godkjent
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    attester(sak, 2025, 4)
    _kjoer(oekonomi_a, 2025, 4)
    assert not Utbetalingskorreksjon.objects.exists()
    assert not Tilbakekreving.objects.exists()


def test_ny_simulering_regner_deltakerne_i_den_simulerte_runden_paa_nytt(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    mars = _kjoer(oekonomi_a, 2025, 3)
    d: Fraction = dagsats(G_2024)
    assert Utbetaling.objects.get(runde=mars).brutto == kr(21 * d)
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))

    _kjoer(oekonomi_a, 2025, 3)

    u = Utbetaling.objects.get(runde=mars)
    post = u.poster.get(type=Posttype.ORDINAER)
    assert u.brutto == post.beloep == kr(7 * d) + kr(13 * d)
    assert post.beregning is not None and post.beregning.attesteringsversjon == 2
    assert Utbetalingspost.objects.filter(sak=sak, type=Posttype.ORDINAER).count() == 1
    assert not Utbetalingskorreksjon.objects.exists() and not Tilbakekreving.objects.exists()
    # Den første beregningen står uendret (uforanderlig); den nye er en ny versjon.
    assert list(Beregning.objects.filter(sak=sak).values_list("versjon", flat=True)) == [1, 2]


@pytest.mark.parametrize("status", [Rundestatus.GODKJENT, Rundestatus.EKSPORTERT, Rundestatus.BEKREFTET])
def test_endring_i_en_godkjent_maaned_blir_korreksjon_i_neste_runde(
    lag_sak_i_program, attester, registrer_ugyldig_fravaer, oekonomi_a, betal, status
):
    sak = lag_sak_i_program()
    attester(sak, 2025, 3)
    betal(_kjoer(oekonomi_a, 2025, 3), status)
    registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))
    _kjoer(oekonomi_a, 2025, 4)
    d = dagsats(G_2024)
    korreksjon = Utbetalingskorreksjon.objects.get(sak=sak)
    assert korreksjon.differanse == (kr(7 * d) + kr(13 * d)) - kr(21 * d) == Decimal("-973.62")
    assert Tilbakekreving.objects.get(sak=sak).beloep == Decimal("973.62")

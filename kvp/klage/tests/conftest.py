"""Fixtures for klagene: en sak i program med et fattet vedtak om midlertidig avbrudd (bygget gjennom tjenestene),
en beslutter og statsforvaltere i riktig og feil fylke."""

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest

from kvp.dokument.tests import filer
from kvp.tilgang.models import Rolle
from kvp.vedtak.models import Vedtak, Vedtakstype
from kvp.vedtak.services import vedtak_fatt, vedtak_opprett, vedtak_send_til_beslutter

PDF = filer.pdf()
PNG = filer.png()


@pytest.fixture
def beslutter_a(lag_bruker: Callable[..., Any], kontor_a: Any) -> Any:
    return lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)


@pytest.fixture
def sf_rogaland(lag_bruker: Callable[..., Any]) -> Any:
    return lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland")


@pytest.fixture
def sf_innlandet(lag_bruker: Callable[..., Any]) -> Any:
    return lag_bruker(Rolle.STATSFORVALTER, fylke="Innlandet")


def fatt(*, kvp: Any, beslutter: Any, sak: Any, type: str, **felter: Any) -> Vedtak:
    vedtak = vedtak_opprett(bruker=kvp, sak_id=sak.pk, type=type, **felter)
    vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


@pytest.fixture
def avbrudd(lag_sak_i_program: Callable[..., Any], kvp_veileder_a: Any, beslutter_a: Any) -> Vedtak:
    """Et fattet vedtak om midlertidig avbrudd fra 1. mars 2025 (deltakeren klager på det)."""
    sak = lag_sak_i_program(fornavn="Kari", etternavn="Klagesen")
    return fatt(
        kvp=kvp_veileder_a,
        beslutter=beslutter_a,
        sak=sak,
        type=Vedtakstype.AVBRUDD,
        fra_og_med=dt.date(2025, 3, 1),
        begrunnelse="Deltakeren har ikke møtt på tiltaket.",
    )


@pytest.fixture
def deltaker(lag_bruker: Callable[..., Any], avbrudd: Vedtak) -> Any:
    return lag_bruker(Rolle.DELTAKER, person=avbrudd.sak.person)

"""Fixturer for vilkår og vedtak."""

from typing import Any

import pytest

from kvp.tilgang.models import NavKontor, Rolle

from .hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder


@pytest.fixture
def beslutter_a(lag_bruker: Any, kontor_a: NavKontor) -> Any:
    return lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)


@pytest.fixture
def kvp_og_beslutter_a(lag_bruker: Any, kontor_a: NavKontor) -> Any:
    """En KVP-veileder som også er beslutter ved kontoret (skal aldri kunne beslutte sine egne vedtak)."""
    return lag_bruker(Rolle.KVP_VEILEDER, Rolle.BESLUTTER, kontor=kontor_a)


@pytest.fixture
def sak(lag_person: Any, kvp_veileder_a: Any) -> Any:
    return sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person())


@pytest.fixture
def sak_oppfylt(sak: Any, kvp_veileder_a: Any) -> Any:
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak)
    return sak


@pytest.fixture
def utkast(sak_oppfylt: Any, kvp_veileder_a: Any) -> Any:
    return innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak_oppfylt)

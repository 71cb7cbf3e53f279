"""Deltakerens sider på deltakerens målform: en deltaker med nynorsk ser ingen ord som bare finnes på bokmål, og en
deltaker med bokmål ingen ord som bare finnes på nynorsk (ord fra listene under, i den synlige teksten)."""

import re

import pytest

from kvp.deltaker.tests.sider import deltakersider, lag_deltaker_med_alt, synlig_tekst
from kvp.person.models import Person

pytestmark = pytest.mark.django_db

#: Ord som bare er bokmål, og ord som bare er nynorsk (vanlige i sidene våre).
BARE_BOKMAAL = (
    "ikke",
    "jeg",
    "hjem",
    "hva",
    "hvordan",
    "hvis",
    "noe",
    "noen",
    "mye",
    "ennå",
    "fravær",
    "dager",
    "meldinger",
    "utbetalingene",
    "aktiviteter",
    "dokumenter",
    "timer",
    "hele",
    "fikk",
    "uleste",
    "velg",
)
BARE_NYNORSK = (
    "ikkje",
    "eg",
    "heim",
    "kva",
    "korleis",
    "viss",
    "noko",
    "nokon",
    "mykje",
    "enno",
    "fråvær",
    "dagar",
    "meldingar",
    "utbetalingane",
    "aktivitetar",
    "timar",
    "heile",
    "fekk",
    "ulesne",
    "vel",
)


def _treff(tekst: str, ord_: tuple[str, ...]) -> list[str]:
    return sorted({o for o in ord_ if re.search(rf"(?<![\wæøå]){o}(?![\wæøå])", tekst, re.IGNORECASE)})


@pytest.fixture
def deltaker(lag_sak_i_program, lag_bruker, kvp_veileder_a):
    return lag_deltaker_med_alt(lag_sak_i_program=lag_sak_i_program, lag_bruker=lag_bruker, kvp=kvp_veileder_a)


def test_ordlistene_finner_ordene():
    assert _treff("Du har ikke fått noe ennå.", BARE_BOKMAAL) == ["ennå", "ikke", "noe"]
    assert _treff("Du har ikkje fått noko enno.", BARE_NYNORSK) == ["enno", "ikkje", "noko"]
    assert _treff("Ikkje-bokmål: ikkjeord", BARE_BOKMAAL) == []


@pytest.mark.parametrize(("maalform", "forbudt", "lang"), [("NN", BARE_BOKMAAL, "nn"), ("NB", BARE_NYNORSK, "nb")])
def test_sidene_er_paa_deltakerens_maalform(client, deltaker, maalform, forbudt, lang):
    sak, bruker = deltaker
    Person.objects.filter(pk=sak.person_id).update(maalform=maalform)
    client.force_login(bruker)
    feil = {}
    for navn, url in deltakersider():
        html = client.get(url).content.decode()
        assert f'<html lang="{lang}">' in html, navn
        treff = _treff(synlig_tekst(html), forbudt)
        if treff:
            feil[navn] = treff
    assert feil == {}

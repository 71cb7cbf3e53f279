"""Loggfilteret maskerer fødselsnumre i alle vanlige skrivemåter, også i unntak."""

import logging

import pytest

from kvp.felles.logging import MaskerFoedselsnummer, masker_tekst


@pytest.mark.parametrize(
    ("tekst", "maskert"),
    [
        ("fnr 01019012345 finnes", "fnr 010190***** finnes"),
        ("fnr 010190-12345 finnes", "fnr 010190***** finnes"),
        ("fnr 010190 12345 finnes", "fnr 010190***** finnes"),
        ("konto 1234.56.78903 og beløp 123456789012", "konto 1234.56.78903 og beløp 123456789012"),
    ],
)
def test_masker_tekst(tekst, maskert):
    assert masker_tekst(tekst) == maskert


def test_filteret_maskerer_meldingen_med_argumenter():
    post = logging.LogRecord(
        "kvp", logging.WARNING, __file__, 1, "Fant %s og %s", ("010190-12345", "010190 12345"), None
    )
    assert MaskerFoedselsnummer().filter(post)
    assert post.getMessage() == "Fant 010190***** og 010190*****"

"""Loggfilter som maskerer fødselsnumre (11 sifre, også skrevet «010190-12345» og «010190 12345») før noe logges."""

import logging
import re

_ELLEVE_SIFRE = re.compile(r"(?<!\d)(\d{6})[ -]?\d{5}(?!\d)")


def masker_tekst(tekst: str) -> str:
    """Beholder fødselsdatoen (seks sifre) og skjuler personnummeret: 17859000509 og 178590-00509 → 178590*****."""
    return _ELLEVE_SIFRE.sub(r"\1*****", tekst)


class MaskerFoedselsnummer(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        melding = record.getMessage()
        maskert = masker_tekst(melding)
        if record.exc_info and record.exc_info[1] is not None:
            maskert = masker_tekst(maskert + "\n" + logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
            record.exc_text = None
        if maskert != melding:
            record.msg, record.args = maskert, None
        return True

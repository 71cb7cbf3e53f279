"""Deltakerens målform (bokmål eller nynorsk) for tekst som lages i Python: meldinger fra tjenestene, skjemafeil og
flash-meldinger. Malene bruker `{% mf "bokmål" "nynorsk" %}`; Python-koden bruker `mf("bokmål", "nynorsk")`.

Målformen settes for hver forespørsel av `kvp.deltaker.middleware.MaalformMiddleware` (deltakerens målform, ellers
bokmål) og gjelder bare den forespørselen. Utenfor en forespørsel (jobber, kommandoer) er den bokmål, eller det
`med_maalform` setter.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

BOKMAAL = "NB"
NYNORSK = "NN"

_maalform: ContextVar[str] = ContextVar("kvp_maalform", default=BOKMAAL)


def maalform() -> str:
    """Målformen i denne forespørselen: «NB» eller «NN»."""
    return _maalform.get()


def er_nynorsk() -> bool:
    return _maalform.get() == NYNORSK


def mf(bokmaal: str, nynorsk: str) -> str:
    """Teksten på målformen i denne forespørselen."""
    return nynorsk if _maalform.get() == NYNORSK else bokmaal


@contextmanager
def med_maalform(verdi: str | None) -> Iterator[str]:
    """Setter målformen mens blokken kjører (ukjent eller tom verdi er bokmål)."""
    merke = _maalform.set(NYNORSK if verdi == NYNORSK else BOKMAAL)
    try:
        yield _maalform.get()
    finally:
        _maalform.reset(merke)

"""Forespørselen som pågår, for revisjonsloggen: klientens IP-adresse og en hash av sesjonsnøkkelen.

Settes av `kvp.tilgang.middleware.ForespoerselMiddleware` (som vet hvilken proxy som er betrodd) og leses av
`logghendelse_registrer` og `lesing_registrer`, så hver rad får IP og sesjon uten at hver tjeneste må få requesten.
"""

import hashlib
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Forespoersel:
    ip: str | None
    sesjonsnoekkel: Callable[[], str | None]

    @property
    def sesjon(self) -> str:
        """Kort hash av sesjonsnøkkelen: skiller sesjoner i loggen uten å kunne brukes til å overta en sesjon."""
        noekkel = self.sesjonsnoekkel()
        return hashlib.sha256(noekkel.encode()).hexdigest()[:16] if noekkel else ""


_naa: ContextVar[Forespoersel | None] = ContextVar("kvp_forespoersel", default=None)


def forespoersel_sett(forespoersel: Forespoersel | None) -> object:
    return _naa.set(forespoersel)


def forespoersel_nullstill(token: object) -> None:
    _naa.reset(token)  # type: ignore[arg-type]


def forespoersel_naa() -> Forespoersel | None:
    return _naa.get()

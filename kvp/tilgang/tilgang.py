"""Hva en bruker har tilgang til: roller per kontor, statsforvalterfylker og egen person.

Beregnes én gang per bruker-objekt (og dermed per forespørsel) og mellomlagres på objektet.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from uuid import UUID

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest

from kvp.felles.feil import IkkeTilgang

from .models import KONTORROLLER, Bruker, Rolle

_CACHE_ATTR = "_kvp_tilgang"


@dataclass(frozen=True)
class Tilgang:
    roller_per_kontor: dict[UUID, frozenset[str]] = field(default_factory=dict)
    statsforvalter_fylker: frozenset[str] = frozenset()
    deltaker_personer: frozenset[UUID] = frozenset()

    @property
    def roller(self) -> frozenset[str]:
        alle: set[str] = set()
        for roller in self.roller_per_kontor.values():
            alle |= roller
        if self.statsforvalter_fylker:
            alle.add(Rolle.STATSFORVALTER)
        if self.deltaker_personer:
            alle.add(Rolle.DELTAKER)
        return frozenset(alle)

    def kontorer_med(self, *roller: str) -> list[UUID]:
        """Kontorene der brukeren har minst én av rollene."""
        return [k for k, r in self.roller_per_kontor.items() if r & set(roller)]


def bruker_fra(request: HttpRequest) -> Bruker:
    """Den innloggede brukeren bak forespørselen.

    `LoginRequiredMiddleware` slipper bare innloggede brukere til visningene (unntatt dem med
    `@login_not_required`), så en anonym bruker her er en feil i oppsettet: IkkeTilgang, aldri en halv side.
    """
    bruker = request.user
    if not isinstance(bruker, Bruker) or not bruker.is_authenticated:
        raise IkkeTilgang("Du må være logget inn.")
    return bruker


def tilgang_for(bruker: Bruker | AnonymousUser | None) -> Tilgang:
    """Tilgangen til `bruker` (anonym bruker, eller ingen, har ingen)."""
    if not isinstance(bruker, Bruker) or not bruker.is_authenticated:
        return Tilgang()
    cached: Tilgang | None = getattr(bruker, _CACHE_ATTR, None)
    if cached is not None:
        return cached
    roller_per_kontor: dict[UUID, set[str]] = {}
    fylker: set[str] = set()
    personer: set[UUID] = set()
    for t in bruker.rolletildelinger.all():
        if t.rolle in KONTORROLLER and t.kontor_id:
            roller_per_kontor.setdefault(t.kontor_id, set()).add(t.rolle)
        elif t.rolle == Rolle.STATSFORVALTER and t.fylke:
            fylker.add(t.fylke)
        elif t.rolle == Rolle.DELTAKER and t.person_id:
            personer.add(t.person_id)
    tilgang = Tilgang(
        roller_per_kontor={k: frozenset(v) for k, v in roller_per_kontor.items()},
        statsforvalter_fylker=frozenset(fylker),
        deltaker_personer=frozenset(personer),
    )
    setattr(bruker, _CACHE_ATTR, tilgang)
    return tilgang


def glem_tilgang(bruker: Bruker | AnonymousUser) -> None:
    """Tving ny beregning (etter at roller er endret)."""
    if hasattr(bruker, _CACHE_ATTR):
        delattr(bruker, _CACHE_ATTR)


def krev_rolle(bruker: Bruker, roller: Iterable[str]) -> list[UUID]:
    """Kontorene der brukeren har en av `roller`; IkkeTilgang om det ikke finnes noen."""
    kontorer = tilgang_for(bruker).kontorer_med(*roller)
    if not kontorer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    return kontorer

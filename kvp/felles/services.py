"""Felles skriving: revisjonsloggen."""

import re
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any
from uuid import UUID

from django.db import connection, transaction

from .forespoersel import forespoersel_naa
from .massekopi import masseinnsett_rader
from .models import Handling, Logghendelse

_ELLEVE_SIFRE = re.compile(r"(?<!\d)(\d{6})[\s-]?(\d{5})(?!\d)")


def masker(verdi: Any) -> Any:
    """Masker alt som ser ut som et fødselsnummer (11 sifre) i strenger, lister og ordbøker."""
    if isinstance(verdi, str):
        return _ELLEVE_SIFRE.sub(r"\1*****", verdi)
    if isinstance(verdi, dict):
        return {k: masker(v) for k, v in verdi.items()}
    if isinstance(verdi, list | tuple):
        return [masker(v) for v in verdi]
    if verdi is None or isinstance(verdi, bool | int | float):
        return verdi
    return masker(str(verdi))


@transaction.atomic
def logghendelse_registrer(
    *,
    bruker: Any,
    kontor: Any,
    handling: str,
    objekt: Any,
    person: Any = None,
    beskrivelse: str = "",
    foer: dict[str, Any] | None = None,
    etter: dict[str, Any] | None = None,
    objekttype: str = "",
    formaal: str = "",
) -> Logghendelse:
    """Skriver én hendelse. Fødselsnumre maskeres før de lagres.

    `objekt` kan være None for hendelser som gjelder en liste (f.eks. et navnesøk); da navngir `objekttype` den.
    """
    if handling not in Handling.values:
        raise ValueError(f"Ukjent handling {handling!r}")
    innlogget = bruker if getattr(bruker, "is_authenticated", False) else None
    f = forespoersel_naa()
    return Logghendelse.objects.create(
        bruker=innlogget,
        brukernavn=innlogget.get_username() if innlogget else "system",
        kontor=kontor,
        person=person,
        handling=handling,
        objekttype=objekttype or (objekt._meta.verbose_name if hasattr(objekt, "_meta") else type(objekt).__name__),
        objekt_id="" if objekt is None else str(getattr(objekt, "pk", "") or ""),
        beskrivelse=masker(beskrivelse)[:200],
        foer=masker(foer) if foer is not None else None,
        etter=masker(etter) if etter is not None else None,
        formaal=formaal[:120],
        ip=f.ip if f else None,
        sesjon=f.sesjon if f else "",
    )


#: Så mange lesinger skrives per INSERT (en betalingsfil kan ha 100 000 personer); flere enn dette skrives med én
#: COPY på PostgreSQL.
LESINGER_PER_INSERT = 5000


def lesing_registrer(
    *,
    bruker: Any,
    personer: Iterable[tuple[UUID, UUID | None]],
    formaal: str,
    objekttype: str,
    objekt_id: str = "",
) -> int:
    """Skriver én LES-rad per person som ble vist (en liste, tavlen, et søk, en fil), med én INSERT for hele siden.
    Flere enn `LESINGER_PER_INSERT` (en fil for hele landet) skrives med én `COPY` på PostgreSQL
    (`masseinnsett_rader`, uten et modellobjekt per rad), og med én INSERT per `LESINGER_PER_INSERT` ellers.

    `personer` er par (person_id, kontor_id); en person som står flere ganger, logges én gang. Gir antall rader.
    """
    innlogget = bruker if getattr(bruker, "is_authenticated", False) else None
    f = forespoersel_naa()
    felles = (
        innlogget.pk if innlogget else None,
        innlogget.get_username() if innlogget else "system",
        Handling.LES.value,
        objekttype[:60],
        objekt_id[:64],
        formaal[:120],
        f.ip if f else None,
        f.sesjon if f else "",
    )

    def rader() -> Iterator[tuple[Any, ...]]:
        sett: set[UUID] = set()
        for person_id, kontor_id in personer:
            if person_id not in sett:
                sett.add(person_id)
                yield (person_id, kontor_id, *felles)

    felt = ["person_id", "kontor_id", "bruker_id", "brukernavn", "handling", "objekttype", "objekt_id", "formaal"]
    felt += ["ip", "sesjon"]
    iterator = rader()
    foerste = list(islice(iterator, LESINGER_PER_INSERT + 1))
    if len(foerste) > LESINGER_PER_INSERT and connection.vendor == "postgresql":
        return masseinnsett_rader(Logghendelse, felt, chain(foerste, iterator))
    antall = 0
    bit = foerste[:LESINGER_PER_INSERT]
    iterator = chain(foerste[LESINGER_PER_INSERT:], iterator)
    while bit:  # en fil for hele landet: minnet holdes flatt
        antall += len(Logghendelse.objects.bulk_create([Logghendelse(**dict(zip(felt, r, strict=True))) for r in bit]))
        bit = list(islice(iterator, LESINGER_PER_INSERT))
    return antall

"""KOSTRA 11CF: reglene som gjør registrerte fakta om til feltverdier (docs/regler/kostra-11cf.md).

Kilde: SSBs filbeskrivelse for 11CF 2026 (spørsmålstekstene), spec/kostra-11cf.md § 3 og § 5. Der skjemaet ikke sier
hvordan et felt skal regnes ut, er valget vårt og står som antakelse i docs/regler/kostra-11cf.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

#: SSBs spørsmål gjelder barn «under 18 år» i husholdningen (felt BU18/ANTBU18).
BARN_UNDER = 18


def kjoenn(fnr: str) -> str:
    """KJONN: niende siffer i fødselsnummeret (første siffer i individnummeret er tredje): oddetall er mann (1),
    partall kvinne (2). Gjelder også D-nummer og syntetiske numre."""
    if len(fnr) != 11 or not fnr.isdigit():
        return ""
    return "1" if int(fnr[8]) % 2 else "2"


@dataclass(frozen=True, slots=True)
class BarnIHusstanden:
    foedselsdato: dt.date
    #: Forsørgerperiodene (fra og med, til og med; None = løpende).
    perioder: tuple[tuple[dt.date, dt.date | None], ...]


def antall_barn(barn: Iterable[BarnIHusstanden], dato: dt.date) -> int:
    """ANTBU18: barn som er under 18 år på `dato` og som deltakeren forsørger den dagen."""
    antall = 0
    for b in barn:
        fyller = _bursdag(b.foedselsdato, BARN_UNDER)
        if b.foedselsdato <= dato < fyller and any(
            fra <= dato and (til is None or dato <= til) for fra, til in b.perioder
        ):
            antall += 1
    return antall


def _bursdag(foedt: dt.date, alder: int) -> dt.date:
    try:
        return foedt.replace(year=foedt.year + alder)
    except ValueError:  # 29. februar
        return dt.date(foedt.year + alder, 3, 1)


def alder(foedt: dt.date, dato: dt.date) -> int:
    """Hele år fylt på `dato`."""
    return dato.year - foedt.year - ((dato.month, dato.day) < (foedt.month, foedt.day))


def hele_kroner(beloep: Decimal) -> int:
    """KVP_STONAD er hele kroner: avrundet til nærmeste krone, halve opp."""
    return int(beloep.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def i_program_i_aaret(begynt: dt.date | None, avsluttet: dt.date | None, aar: int) -> bool:
    """Hvem som er med i filen: deltakere som har begynt i program og var i program en dag i `aar`."""
    if begynt is None or begynt > dt.date(aar, 12, 31):
        return False
    return avsluttet is None or avsluttet >= dt.date(aar, 1, 1)


def status_per_aarsslutt(
    *, aar: int, avsluttet: dt.date | None, avslutningsstatus: str, permisjon_ved_aarsslutt: bool
) -> str:
    """STATUS per 31.12.: avsluttet i året gir koden fra avslutningsvedtaket (3, 4, 5 eller 7); permisjon eller
    midlertidig avbrudd 31.12. gir 2; ellers er deltakeren fortsatt i program (1). Mangler avslutningsvedtaket
    koden, blir feltet tomt, og K36 peker på saken."""
    if avsluttet is not None and avsluttet <= dt.date(aar, 12, 31):
        return avslutningsstatus
    return "2" if permisjon_ved_aarsslutt else "1"


def unike_journalnumre(kandidater: Iterable[str]) -> list[str]:
    """PERSON_JOURNALNR er 8 tegn og må være unikt i filen (K05B). Kandidatene er sakens id i heksadesimal; ved
    kollisjon på de første 8 tegnene brukes neste vindu av iden."""
    brukt: set[str] = set()
    ut = []
    for k in kandidater:
        hex_ = k.replace("-", "").upper().ljust(8)
        vinduer = [hex_[start : start + 8] for start in range(len(hex_) - 7)]
        forslag = next((v for v in vinduer if v not in brukt), None)
        n = 0
        while forslag is None or forslag in brukt:  # alle vinduene er brukt: et løpenummer
            n += 1
            forslag = f"{hex_[:3]}{n:05d}"
        brukt.add(forslag)
        ut.append(forslag)
    return ut

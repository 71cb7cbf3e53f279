"""Tekst som vises for brukerne: uten pålitelighetsmerker, henvisninger til spesifikasjonen og feltkoder.

Regelkjernen (`kvp_regler`) skriver forklaringer for fagfolk, med merker som [U] (uavklart) og [I] (tolkning) og
merknader som «ordlyden er ikke kontrollert». Her vaskes de før de når en side eller et brev:

* `uten_interne_merker` tar bort merkene og merknadene, men beholder setningene (saksbehandlerens sider);
* `for_deltaker` tar i tillegg bort setningene som bygger på en antakelse (brev og sider for deltakeren);
* `antakelser` gir setningene som bygger på en antakelse, i klarspråk, til merkelappen saksbehandleren ser.
"""

import datetime as dt
import re
from typing import Any

from django.apps import apps

_MERKE = re.compile(r"\s*\[[USIVCDK]\]")
_ANTAKELSE = re.compile(r"\[[UI]\]")
_UKONTROLLERT = re.compile(r"\s*\(ordlyden er ikke kontrollert\)", re.IGNORECASE)
_SPEC = re.compile(r"\s*\((?:se |jf\. )?(?:spec/|docs/)[^)]*\)|\s*\b(?:spec|docs)/[\w./-]+(?:\s*§\s*[\d.]+)?")
_SETNING = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ«])")


def uten_interne_merker(tekst: str) -> str:
    """`tekst` uten pålitelighetsmerker, «ordlyden er ikke kontrollert» og henvisninger til spesifikasjonen."""
    tekst = _SPEC.sub("", _UKONTROLLERT.sub("", _MERKE.sub("", tekst)))
    return re.sub(r"\(\s*\)", "", tekst).strip()


def for_deltaker(tekst: str) -> str:
    """`tekst` for deltakeren: også setningene som bygger på en antakelse ([U] eller [I]) er borte."""
    setninger = [s for s in _SETNING.split(tekst) if not _ANTAKELSE.search(s)]
    return uten_interne_merker(" ".join(setninger))


def antakelser(tekst: str) -> list[str]:
    """Setningene i `tekst` som bygger på en antakelse, uten merkene."""
    return [uten_interne_merker(s) for s in _SETNING.split(tekst) if _ANTAKELSE.search(s)]


def _valgnavn() -> dict[str, str]:
    """Visningsnavnet for hver kodeverdi i modellenes valg (f.eks. `SOEKNAD_REGISTRERT` → «Søknad registrert»)."""
    navn: dict[str, str] = {}
    for modell in apps.get_models():
        for felt in modell._meta.get_fields():
            for verdi, tekst in getattr(felt, "flatchoices", None) or []:
                if isinstance(verdi, str):
                    navn.setdefault(verdi, str(tekst))
    return navn


def verdi_tekst(verdi: Any) -> str:  # noqa: PLR0911 – én gren per slags verdi
    """Én verdi fra revisjonsloggen som tekst: datoer som dd.mm.åååå, koder med navnet sitt, tomt som «–»."""
    if verdi is None or verdi == "":
        return "–"
    if isinstance(verdi, bool):
        return "ja" if verdi else "nei"
    if isinstance(verdi, list):
        return ", ".join(verdi_tekst(v) for v in verdi) or "–"
    if isinstance(verdi, dict):
        return "; ".join(f"{noekkel_tekst(k)}: {verdi_tekst(v)}" for k, v in verdi.items())
    tekst = str(verdi)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", tekst):
        return dt.date.fromisoformat(tekst).strftime("%d.%m.%Y")
    if re.fullmatch(r"[A-Z][A-Z0-9_]*", tekst):
        return _valgnavn().get(tekst, tekst.replace("_", " ").capitalize())
    return tekst


def noekkel_tekst(noekkel: str) -> str:
    """Et feltnavn som ord: `forventet_svar_dato` → «forventet svar dato», `foer` → «før»."""
    ord_ = noekkel.replace("_", " ")
    for ascii_, norsk in (("aa", "å"), ("oe", "ø"), ("ae", "æ")):
        ord_ = ord_.replace(ascii_, norsk)
    return ord_


#: Pålitelighetsmerkene i klarspråk (se docs/regler/beregning.md, «Pålitelighet»). V (verifisert) og D (utledet ved
#: regning) er ikke antakelser og vises ikke.
PAALITELIGHET_TEKST = {
    "S": "regelen står på en offisiell informasjonsside, ikke i lovteksten",
    "C": "regelen er hentet fra NAVs eller SSBs egen kildekode, ikke fra lovteksten",
    "I": "regelen er utledet fra flere kilder",
    "K": "regelen er kjent, men ikke kontrollert mot lovteksten",
    "U": "regelen er ikke bekreftet",
}


def antakelser_for_regel(forklaring: str, paalitelighet: str) -> list[str]:
    """Det saksbehandleren skal se som antakelser for én regel: merket i klarspråk og hver setning i forklaringen som
    bygger på en antakelse."""
    funn = [PAALITELIGHET_TEKST[paalitelighet]] if paalitelighet in PAALITELIGHET_TEKST else []
    return funn + [s.rstrip(".") for s in antakelser(forklaring)]

"""Malhjelpere for oppmøte og stønad: kronebeløp på norsk og stønadsdelen av saksbildet."""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template

from kvp.felles.templatetags.kvp import kroner
from kvp.oppmoete import selectors
from kvp.oppmoete.kalender import maanedsnavn

register = template.Library()


register.filter("kroner", kroner)


@register.filter
def isodato(verdi: Any) -> str:
    """«2025-03-04» → «04.03.2025»."""
    try:
        return dt.date.fromisoformat(str(verdi)).strftime("%d.%m.%Y")
    except ValueError:
        return str(verdi)


@register.filter
def tall(verdi: Any) -> str:
    """«12.50» → «12,5»."""
    try:
        d = Decimal(str(verdi))
    except (InvalidOperation, ValueError):
        return str(verdi)
    return f"{d.normalize():f}".replace(".", ",")


@register.simple_tag(takes_context=True)
def stoenad_paa_saksbildet(context: Any, sak: Any) -> dict[str, Any] | None:
    """Stønaden for den valgte måneden (`?maaned=ÅÅÅÅ-MM`) på saksbildet. Saken er hentet med tilgangskontroll."""
    request = context.get("request")
    valgt = selectors.valgt_maaned(sak, request.GET.get("maaned") if request is not None else None)
    if valgt is None:
        return None
    aar, maaned = valgt
    return {
        "stoenad": selectors.stoenad_for_maaned(sak=sak, aar=aar, maaned=maaned),
        "maaneder": [
            (selectors.maaned_kode(a, m), maanedsnavn(a, m), (a, m) == valgt)
            for a, m in selectors.maaneder_i_program(sak)
        ],
    }


#: Tekstene i kalenderen på nynorsk (for en deltaker med nynorsk målform).
NYNORSK = {
    "Deltatt": "Delteke",
    "Helligdag": "Heilagdag",
    "Gyldig fravær": "Gyldig fråvær",
    "Ugyldig fravær": "Ugyldig fråvær",
    "Avtalt fravær uten stønad": "Avtalt fråvær utan stønad",
    "Permisjon uten stønad": "Permisjon utan stønad",
    "Ikke i program": "Ikkje i program",
    "Ikke registrert": "Ikkje registrert",
    "Ferie": "Ferie",
    "Egenmelding": "Eigenmelding",
    "Annen dokumentasjon": "Anna dokumentasjon",
    "Meldt av deltakeren": "Meld av deltakaren",
    "Fylt inn automatisk": "Fylt inn automatisk",
    "Planlagt": "Planlagd",
    "Fullført": "Fullført",
    "Pågår": "Går føre seg",
}


@register.simple_tag(takes_context=True)
def paa_maalform(context: Any, tekst: Any) -> str:
    """En fast tekst fra modellene (status, kilde) på deltakerens målform."""
    tekst = str(tekst or "")
    return str(NYNORSK.get(tekst, tekst)) if context.get("kvp_maalform") == "NN" else tekst

"""Diagrammene på statistikksidene, tegnet som SVG på serveren (ADR 0008): ingen skript, ingen innebygd stil.

Hvert diagram har én serie (totalen for kontorene som er valgt), tallet står skrevet ved hver søyle, og et skjult
tall («<5») vises som tekst uten søyle. Da kan diagrammet leses uten farger, og tabellen under har alle tallene.
"""

from __future__ import annotations

import html
from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.safestring import SafeString, mark_safe

from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling, kan, ser_side
from kvp_regler.statistikk import skaler

from ..tall import Tabell

register = template.Library()

BREDDE = 720
RAD = 22
VENSTRE = 230


@register.filter
def ser_statistikk(bruker: Bruker | AnonymousUser) -> dict[str, bool]:
    return {
        "kostra": ser_side(bruker, "kostra"),
        "kontor": ser_side(bruker, "statistikk_kontor"),
        "fylke": ser_side(bruker, "statistikk_fylke"),
    }


def _e(tekst: object) -> str:
    return html.escape(str(tekst), quote=True)


def _tall(x: float) -> str:
    """Et tall i SVG-en som `format_html` ville skrevet det."""
    return str(x)


def _svg(hoeyde: int, tittel_id: str, deler: list[str]) -> SafeString:
    return mark_safe(  # noqa: S308 - alt innhold er escapet
        f'<svg class="kvp-diagram" viewBox="0 0 {BREDDE} {hoeyde}" role="img" aria-labelledby="{_e(tittel_id)}" '
        f'focusable="false">{"".join(deler)}</svg>'
    )


def _liggende(tabell: Tabell, verdier: list[tuple[str, float | None, str]], tittel_id: str) -> SafeString:
    hoeyde = RAD * len(verdier) + 10
    stoerst = max((v for _, v, _ in verdier if v), default=0) or 1
    plass = BREDDE - VENSTRE - 90
    deler = []
    for i, (etikett, verdi, tekst) in enumerate(verdier):
        y = 5 + i * RAD
        lengde = skaler(verdi, stoerst, plass)
        deler.append(
            f'<text x="{VENSTRE - 8}" y="{y + 15}" text-anchor="end" class="kvp-diagram__etikett">{_e(etikett)}</text>'
            f'<rect x="{VENSTRE}" y="{y + 3}" width="{_tall(lengde)}" height="{RAD - 6}" class="kvp-diagram__soeyle">'
            f'</rect><text x="{_tall(VENSTRE + lengde + 6)}" y="{y + 15}" class="kvp-diagram__tall">{_e(tekst)}</text>'
        )
    return _svg(hoeyde, tittel_id, deler)


def _staaende(tabell: Tabell, verdier: list[tuple[str, float | None, str]], tittel_id: str) -> SafeString:
    bunn, topp = 220, 20
    hoeyde = bunn + 2 * topp
    n = len(verdier)
    bredde_per = max(4, (BREDDE - 60) // max(n, 1))
    stoerst = max((v for _, v, _ in verdier if v), default=0) or 1
    hvert = max(1, n // 12)
    deler = [
        f'<line x1="50" y1="{bunn}" x2="{50 + n * bredde_per}" y2="{bunn}" class="kvp-diagram__akse"></line>'
        f'<text x="45" y="{topp + 4}" text-anchor="end" class="kvp-diagram__etikett">'
        f"{_e(tabell._tekst(int(stoerst)))}</text>"
        f'<text x="45" y="{bunn}" text-anchor="end" class="kvp-diagram__etikett">0</text>'
    ]
    for i, (etikett, verdi, tekst) in enumerate(verdier):
        x = 50 + i * bredde_per
        midt = _tall(x + bredde_per / 2)
        h = skaler(verdi, stoerst, bunn - topp)
        if verdi is None and tekst != "–":
            deler.append(
                f'<text x="{midt}" y="{bunn - 4}" text-anchor="middle" class="kvp-diagram__tall">{_e(tekst)}</text>'
            )
        deler.append(
            f'<rect x="{x + 1}" y="{_tall(bunn - h)}" width="{max(bredde_per - 2, 1)}" height="{_tall(h)}" '
            f'class="kvp-diagram__soeyle"><title>{_e(etikett)}: {_e(tekst)}</title></rect>'
        )
        if i % hvert == 0:
            deler.append(
                f'<text x="{midt}" y="{bunn + 18}" text-anchor="middle" class="kvp-diagram__etikett">{_e(etikett)}'
                "</text>"
            )
    return _svg(hoeyde, tittel_id, deler)


def _celler(tabell: Tabell) -> list[tuple[str, list[str], str]]:
    """Cellene regnes én gang per tabell og side (diagrammet og tabellen bruker de samme)."""
    ferdig = tabell.__dict__.get("_celler")
    if ferdig is None:
        ferdig = tabell.__dict__["_celler"] = tabell.celler()
    return ferdig


@register.simple_tag
def diagram(tabell: Tabell) -> SafeString:
    """SVG for totalen i tabellen; tidsserier som stående søyler, kategorier som liggende."""
    verdier = tabell.diagramverdier(_celler(tabell))
    if tabell.radtittel == "Mål":
        verdier = [(r, v, t) for r, v, t in verdier if r.startswith("Andel")] or verdier
    tittel_id = f"diagram-{tabell.id}"
    if tabell.radtittel == "Måned":
        return _staaende(tabell, verdier, tittel_id)
    return _liggende(tabell, verdier, tittel_id)


@register.simple_tag
def tabellrader(tabell: Tabell) -> SafeString:
    """Radene i tabellen (`<tr>` med radoverskrift, en celle per kontor og totalen). Bygget her og ikke med løkker i
    malen: ti år for ti kontorer er tusenvis av celler, og malmotoren brukte mer tid på dem enn tallene tok. Cellene
    er tall, «<5» og «–», så hver tekst escapes én gang."""
    escapet: dict[str, str] = {}

    def e(tekst: str) -> str:
        ut = escapet.get(tekst)
        if ut is None:
            ut = escapet[tekst] = html.escape(tekst, quote=True)
        return ut

    deler = []
    for rad, celler, total in _celler(tabell):
        tekster = "".join([f"<td>{e(c)}</td>" for c in celler])
        deler.append(f'<tr><th scope="row">{e(rad)}</th>{tekster}<td>{e(total)}</td></tr>')
    return mark_safe("".join(deler))  # noqa: S308 - alt innhold er escapet over


@register.filter
def kan_registrere_kostra(bruker: Bruker | AnonymousUser, sak: Any) -> bool:
    return isinstance(bruker, Bruker) and kan(bruker, "kostra_opplysninger", sak, Handling.SKRIV)

"""Diagrammene på statistikksidene, tegnet som SVG på serveren (ADR 0008): ingen skript, ingen innebygd stil.

Hvert diagram har én serie (totalen for kontorene som er valgt), tallet står skrevet ved hver søyle, og et skjult
tall («<5») vises som tekst uten søyle. Da kan diagrammet leses uten farger, og tabellen under har alle tallene.
"""

from __future__ import annotations

from typing import Any

from django import template
from django.contrib.auth.models import AnonymousUser
from django.utils.html import escape, format_html
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


def _liggende(tabell: Tabell, verdier: list[tuple[str, float | None, str]], tittel_id: str) -> SafeString:
    hoeyde = RAD * len(verdier) + 10
    stoerst = max((v for _, v, _ in verdier if v), default=0) or 1
    plass = BREDDE - VENSTRE - 90
    deler = []
    for i, (etikett, verdi, tekst) in enumerate(verdier):
        y = 5 + i * RAD
        lengde = skaler(verdi, stoerst, plass)
        deler.append(
            format_html(
                '<text x="{}" y="{}" text-anchor="end" class="kvp-diagram__etikett">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" class="kvp-diagram__soeyle"></rect>'
                '<text x="{}" y="{}" class="kvp-diagram__tall">{}</text>',
                VENSTRE - 8,
                y + 15,
                etikett,
                VENSTRE,
                y + 3,
                lengde,
                RAD - 6,
                VENSTRE + lengde + 6,
                y + 15,
                tekst,
            )
        )
    return format_html(
        '<svg class="kvp-diagram" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" focusable="false">{}</svg>',
        BREDDE,
        hoeyde,
        tittel_id,
        SafeString("".join(deler)),
    )


def _staaende(tabell: Tabell, verdier: list[tuple[str, float | None, str]], tittel_id: str) -> SafeString:
    bunn, topp = 220, 20
    hoeyde = bunn + 2 * topp
    n = len(verdier)
    bredde_per = max(4, (BREDDE - 60) // max(n, 1))
    stoerst = max((v for _, v, _ in verdier if v), default=0) or 1
    hvert = max(1, n // 12)
    deler = [
        format_html(
            '<line x1="50" y1="{}" x2="{}" y2="{}" class="kvp-diagram__akse"></line>'
            '<text x="45" y="{}" text-anchor="end" class="kvp-diagram__etikett">{}</text>'
            '<text x="45" y="{}" text-anchor="end" class="kvp-diagram__etikett">0</text>',
            bunn,
            50 + n * bredde_per,
            bunn,
            topp + 4,
            tabell._tekst(int(stoerst)),
            bunn,
        )
    ]
    for i, (etikett, verdi, tekst) in enumerate(verdier):
        x = 50 + i * bredde_per
        h = skaler(verdi, stoerst, bunn - topp)
        if verdi is None and tekst != "–":
            deler.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" class="kvp-diagram__tall">{}</text>',
                    x + bredde_per / 2,
                    bunn - 4,
                    tekst,
                )
            )
        deler.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="kvp-diagram__soeyle"><title>{}: {}</title></rect>',
                x + 1,
                bunn - h,
                max(bredde_per - 2, 1),
                h,
                etikett,
                tekst,
            )
        )
        if i % hvert == 0:
            deler.append(
                format_html(
                    '<text x="{}" y="{}" text-anchor="middle" class="kvp-diagram__etikett">{}</text>',
                    x + bredde_per / 2,
                    bunn + 18,
                    etikett,
                )
            )
    return format_html(
        '<svg class="kvp-diagram" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" focusable="false">{}</svg>',
        BREDDE,
        hoeyde,
        tittel_id,
        SafeString("".join(deler)),
    )


@register.simple_tag
def diagram(tabell: Tabell) -> SafeString:
    """SVG for totalen i tabellen; tidsserier som stående søyler, kategorier som liggende."""
    verdier = tabell.diagramverdier()
    if tabell.radtittel == "Mål":
        verdier = [(r, v, t) for r, v, t in verdier if r.startswith("Andel")] or verdier
    tittel_id = f"diagram-{tabell.id}"
    if tabell.radtittel == "Måned":
        return _staaende(tabell, verdier, tittel_id)
    return _liggende(tabell, verdier, tittel_id)


@register.simple_tag
def tabellrader(tabell: Tabell) -> SafeString:
    """Radene i tabellen (`<tr>` med radoverskrift, en celle per kontor og totalen). Bygget her og ikke med løkker i
    malen: ti år for ti kontorer er tusenvis av celler, og malmotoren brukte mer tid på dem enn tallene tok."""
    deler = []
    for rad, celler, total in tabell.celler():
        tekster = "".join(f"<td>{escape(c)}</td>" for c in celler)
        deler.append(f'<tr><th scope="row">{escape(rad)}</th>{tekster}<td>{escape(total)}</td></tr>')
    return mark_safe("".join(deler))  # noqa: S308 - alt innhold er escapet over


@register.filter
def kan_registrere_kostra(bruker: Bruker | AnonymousUser, sak: Any) -> bool:
    return isinstance(bruker, Bruker) and kan(bruker, "kostra_opplysninger", sak, Handling.SKRIV)

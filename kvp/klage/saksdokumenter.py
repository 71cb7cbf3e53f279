"""Saksdokumentene til statsforvalteren: én PDF med innholdsliste (sidetall) over søknaden, kartleggingen og
overføringsnotatet, vilkårsvurderingen, vedtakene og brevene, planen, oppmøtet og utbetalingene, og klagen med
merknader og brev. Lages når klagen sendes (fvl. § 33 fjerde ledd) og lagres uendret på klagen."""

import re
from collections import Counter
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML

from kvp.brev.models import Brev
from kvp.oppmoete.models import Maanedsattestering, Oppmoete
from kvp.plan.models import Aktivitet
from kvp.soeknad.models import Kartlegging
from kvp.utbetaling.models import Utbetaling
from kvp.vedtak.models import Vedtak, Vedtaksstatus
from kvp.vedtak.selectors import evalueringsdatoer_for_sak

from .models import Klage

BREV_CSS = Path(__file__).resolve().parents[1] / "brev" / "static" / "brev" / "brev.css"
SAKSDOK_CSS = Path(__file__).parent / "static" / "klage" / "saksdokumenter.css"


_IDER = re.compile(r'\b(id|aria-labelledby|aria-describedby)="([^"]+)"')
_LENKER = re.compile(r'href="#([^"]+)"')


def _vedlagt(html: str, nummer: int) -> str:
    """Et lagret brev lagt inn i saksdokumentene. Hvert brev har de samme id-ene (tittelen, vedleggene), så de får et
    eget forstavelse per brev: id-ene blir unike i dokumentet (ellers advarer WeasyPrint og skjermlesere finner feil
    overskrift), og lenker og aria-henvisninger inne i brevet peker fortsatt på sitt eget brev."""

    def ny_id(treff: re.Match[str]) -> str:
        ider = " ".join(f"v{nummer}-{i}" for i in treff.group(2).split())
        return f'{treff.group(1)}="{ider}"'

    html = _IDER.sub(ny_id, html)
    return mark_safe(_LENKER.sub(lambda t: f'href="#v{nummer}-{t.group(1)}"', html))  # noqa: S308 - vår egen mal


def _kontekst(klage: Klage) -> dict[str, Any]:
    sak = klage.sak
    person = sak.person
    kartlegging = Kartlegging.objects.filter(person=person, kontor=sak.kontor).order_by("-opprettet").first()
    vedtak = list(
        Vedtak.objects.filter(sak=sak, status=Vedtaksstatus.FATTET)
        .select_related("beslutter")
        .order_by("fattet_tidspunkt")
    )
    brev = {b.vedtak_id: b for b in Brev.objects.filter(vedtak__in=vedtak)}
    vedtak_med_brev = [(v, _vedlagt(brev[v.pk].html, n) if v.pk in brev else "") for n, v in enumerate(vedtak)]
    oppmoete: dict[tuple[int, int], Counter[str]] = {}
    for o in Oppmoete.objects.filter(sak=sak).order_by("dato"):
        oppmoete.setdefault((o.dato.year, o.dato.month), Counter())[o.get_status_display()] += 1
    attesteringer = [
        {"a": a, "dager": sorted(oppmoete.get((a.aar, a.maaned), Counter()).items())}
        for a in Maanedsattestering.objects.filter(sak=sak).order_by("aar", "maaned")
    ]
    return {
        "klage": klage,
        "sak": sak,
        "person": person,
        "kontor": sak.kontor,
        "soeknad": sak.soeknad,
        "kartlegging": kartlegging,
        "notat": getattr(kartlegging, "overfoeringsnotat", None) if kartlegging else None,
        "vilkaar": getattr(sak, "vilkaarsvurdering", None),
        "vedtak_med_brev": vedtak_med_brev,
        "aktiviteter": Aktivitet.objects.filter(sak=sak).order_by("fra_og_med"),
        "evalueringer": evalueringsdatoer_for_sak(sak=sak),
        "attesteringer": attesteringer,
        "utbetalinger": Utbetaling.objects.filter(sak=sak)
        .select_related("runde")
        .prefetch_related("poster")
        .order_by("runde__aar", "runde__maaned"),
        "dokumenter": klage.dokumenter.all(),
        "klagebrev": [(b, _vedlagt(b.html, len(vedtak) + n)) for n, b in enumerate(klage.brev.all())],
        "hendelser": klage.hendelser.select_related("bruker"),
    }


def saksdokumenter_html(klage: Klage) -> str:
    return render_to_string("klage/saksdokumenter.html", _kontekst(klage))


def saksdokumenter_lag(klage: Klage) -> bytes:
    """Saksdokumentene som én PDF (WeasyPrint), med innholdsliste og sidetall."""
    pdf: bytes = HTML(string=saksdokumenter_html(klage)).write_pdf(
        stylesheets=[CSS(filename=str(BREV_CSS)), CSS(filename=str(SAKSDOK_CSS))]
    )
    return pdf

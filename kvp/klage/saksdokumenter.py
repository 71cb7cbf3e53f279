"""Saksdokumentene til statsforvalteren: én PDF med innholdsliste (sidetall) over søknaden, kartleggingen og
overføringsnotatet, vilkårsvurderingen, vedtakene og brevene, planen, oppmøtet og utbetalingene, og klagen med
merknader og brev. Lages når klagen sendes (fvl. § 33 fjerde ledd) og lagres uendret på klagen."""

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
    vedtak_med_brev = [(v, mark_safe(brev[v.pk].html) if v.pk in brev else "") for v in vedtak]  # noqa: S308 - vår egen mal
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
        "klagebrev": [(b, mark_safe(b.html)) for b in klage.brev.all()],  # noqa: S308 - vår egen mal
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

"""Planen som tidslinje: full tid uke for uke, evalueringene fra vedtaket (én kilde) og utskriften."""

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from kvp.felles.models import Logghendelse
from kvp.plan import services
from kvp.plan.models import Aktivitetsstatus, Aktivitetstype
from kvp.plan.selectors import plan_for_sak
from kvp.plan.tests.hjelpere import fattet_vedtak
from kvp.tilgang.models import Rolle
from kvp.vedtak.models import Vedtakstype

FRA = dt.date(2025, 1, 6)  # mandag, uke 2 2025
TIL = dt.date(2025, 6, 27)  # fredag, uke 26 2025


def _aktivitet(
    bruker: Any, sak: Any, type_: str, timer: str, fra: dt.date, til: dt.date, status: str = Aktivitetsstatus.PAAGAAR
) -> Any:
    return services.aktivitet_opprett(
        bruker=bruker,
        sak_id=sak.pk,
        type=type_,
        timer_per_uke=Decimal(timer),
        fra_og_med=fra,
        til_og_med=til,
        status=status,
    )


@pytest.fixture
def sak_med_hull(lag_sak_i_program, kvp_veileder_a):
    """30 timer arbeidstrening hele perioden; 7,5 timer oppfølging alle uker unntatt februar (uke 6–9)."""
    sak = lag_sak_i_program(fra_og_med=FRA, til_og_med=TIL)
    _aktivitet(kvp_veileder_a, sak, Aktivitetstype.ARBEIDSTRENING, "30", FRA, TIL)
    _aktivitet(kvp_veileder_a, sak, Aktivitetstype.TETT_OPPFOELGING, "7.5", FRA, dt.date(2025, 1, 31))
    _aktivitet(kvp_veileder_a, sak, Aktivitetstype.TETT_OPPFOELGING, "7.5", dt.date(2025, 3, 3), TIL)
    return sak


def test_full_tid_sjekkes_uke_for_uke_og_hullene_samles(sak_med_hull):
    plan = plan_for_sak(sak=sak_med_hull)
    assert plan.vurdering is not None
    under = [u.ukenummer for u in plan.vurdering.uker if u.under_full_tid]
    assert under == ["uke 6 2025", "uke 7 2025", "uke 8 2025", "uke 9 2025"]
    assert all(u.timer == Decimal("37.5") for u in plan.vurdering.uker if not u.under_full_tid)
    t = plan.tidslinje
    assert t is not None
    assert [h.tekst for h in t.hull] == ["uke 6–9 2025: mangler 7,5 timer per uke"]
    assert [s.mangler for s in t.soeyler].count(True) == 4
    assert len(t.soeyler) == len(plan.vurdering.uker) == 25
    feb = next(r for r in t.ukerader if r.uke.mandag == dt.date(2025, 2, 3))
    assert feb.aktiviteter == ["Arbeidstrening (30)"]


def test_avbrutt_aktivitet_teller_ikke_mot_full_tid(lag_sak_i_program, kvp_veileder_a):
    sak = lag_sak_i_program(fra_og_med=FRA, til_og_med=TIL)
    _aktivitet(kvp_veileder_a, sak, Aktivitetstype.ARBEIDSTRENING, "30", FRA, TIL)
    _aktivitet(kvp_veileder_a, sak, Aktivitetstype.TETT_OPPFOELGING, "7.5", FRA, TIL, Aktivitetsstatus.AVBRUTT)
    plan = plan_for_sak(sak=sak)
    assert plan.vurdering is not None and all(u.under_full_tid for u in plan.vurdering.uker)
    assert plan.tidslinje is not None
    assert [h.tekst for h in plan.tidslinje.hull] == ["uke 2–26 2025: mangler 7,5 timer per uke"]
    assert [r.avbrutt for r in plan.tidslinje.rader] == [False, True]


def test_evalueringene_kommer_fra_det_siste_vedtaket_som_fastsatte_dem(sak_med_hull, lag_bruker):
    sak = sak_med_hull
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor)
    assert plan_for_sak(sak=sak).evalueringer == []
    foer = timezone.now() - dt.timedelta(days=3)
    fattet_vedtak(sak=sak, beslutter=beslutter, evalueringer=[dt.date(2025, 4, 1), dt.date(2025, 2, 3)], fattet=foer)
    assert plan_for_sak(sak=sak).evalueringer == [dt.date(2025, 2, 3), dt.date(2025, 4, 1)]
    # Et endringsvedtak med nye datoer erstatter dem; et som ikke nevner evalueringer, lar dem stå.
    fattet_vedtak(
        sak=sak,
        beslutter=beslutter,
        evalueringer=[dt.date(2025, 5, 5)],
        type=Vedtakstype.ENDRING,
        fattet=foer + dt.timedelta(days=1),
    )
    fattet_vedtak(sak=sak, beslutter=beslutter, evalueringer=[], type=Vedtakstype.ENDRING)
    plan = plan_for_sak(sak=sak)
    assert plan.evalueringer == [dt.date(2025, 5, 5)]
    assert plan.tidslinje is not None
    assert [(e.nummer, e.dato) for e in plan.tidslinje.evalueringer] == [(1, dt.date(2025, 5, 5))]
    mai = next(r for r in plan.tidslinje.ukerader if r.uke.mandag == dt.date(2025, 5, 5))
    assert mai.evalueringer == [dt.date(2025, 5, 5)]
    assert plan.vurdering is not None
    assert not any("evalueringstidspunkter" in a for a in plan.vurdering.advarsler)


def test_plansiden_viser_tidslinje_hull_og_evalueringer_fra_vedtaket(client, sak_med_hull, kvp_veileder_a, lag_bruker):
    sak = sak_med_hull
    fattet_vedtak(sak=sak, beslutter=lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor), evalueringer=[dt.date(2025, 4, 1)])
    client.force_login(kvp_veileder_a)
    svar = client.get(reverse("plan:plan", kwargs={"sak_id": sak.pk}))
    assert svar.status_code == 200
    side = svar.content.decode()
    assert '<svg class="kvp-tidslinje__svg"' in side and 'role="img"' in side
    assert "uke 6–9 2025: mangler 7,5 timer per uke" in side
    assert "E1: 01.04.2025" in side
    assert 'name="evaluering-dato"' not in side  # datoene legges inn i vedtaket, ikke i planen
    assert "style=" not in side and "<script>" not in side  # streng CSP: ingen innebygde stiler eller skript
    # Koordinatene i SVG-en skrives med punktum, også med norsk tallformat.
    assert 'width="12" height="' in side and not any(f'y="{n},' in side for n in range(10))


def test_utskriften_er_uten_skjemaer_og_logger_lesingen(client, sak_med_hull, kvp_veileder_a, kvp_veileder_b):
    sak = sak_med_hull
    url = reverse("plan:utskrift", kwargs={"sak_id": sak.pk})
    client.force_login(kvp_veileder_b)
    assert client.get(url).status_code == 404
    client.force_login(kvp_veileder_a)
    foer = Logghendelse.objects.filter(handling="LES", person=sak.person).count()
    svar = client.get(url)
    assert svar.status_code == 200
    side = svar.content.decode()
    assert "Uke for uke" in side and "Tidslinje" in side and "Arbeidstrening" in side
    assert "<form" not in side.split('<main id="hovedinnhold"', 1)[1]
    assert Logghendelse.objects.filter(handling="LES", person=sak.person).count() == foer + 1

"""Planen som tidslinje: geometrien til SVG-en på serveren, og den samme planen som rader til tabellen.

Ingen regler her: hvilke uker som er under full tid, kommer fra `kvp_regler.program.plan.vurder_plan` (hver uke slått
opp i parameteren `timer_per_uke_full_tid`). Denne modulen regner bare ut hvor ting står på tegningen. SVG-en har
bare attributter (ingen `style`), så den tåler den strenge CSP-en; mønster og tekst bærer meningen, ikke fargen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from kvp_regler.program.plan import Aktivitetsstatus, Planuke, Planvurdering
from kvp_regler.program.timer import timer_tekst

from .models import Aktivitet

MAANEDER = ("jan.", "feb.", "mars", "apr.", "mai", "juni", "juli", "aug.", "sep.", "okt.", "nov.", "des.")

#: Tegningens mål i viewBox-enheter.
ETIKETT = 230
UKE = 16
TOPP = 40
RAD = 26
STOLPE = 18
TIMER_HOEYDE = 70
MAKS_ETIKETT = 34


@dataclass(frozen=True)
class Maanedsmerke:
    x: Decimal
    tekst: str


@dataclass(frozen=True)
class Aktivitetsrad:
    y: int
    tekst_y: int
    etikett: str
    tittel: str
    x: Decimal
    bredde: Decimal
    avbrutt: bool


@dataclass(frozen=True)
class Ukesoeyle:
    x: int
    y: Decimal
    hoeyde: Decimal
    mangler: bool
    tittel: str
    merke_x: int


@dataclass(frozen=True)
class Evalueringsmerke:
    x: Decimal
    nummer: int
    dato: dt.date
    punkter: str


@dataclass(frozen=True)
class Ukerad:
    """Én uke i tabellen ved siden av tegningen."""

    uke: Planuke
    aktiviteter: list[str]
    evalueringer: list[dt.date]


@dataclass(frozen=True)
class Hull:
    """Sammenhengende uker under full tid, med det som mangler (likt i alle ukene i hullet)."""

    fra: Planuke
    til: Planuke
    mangler: Decimal

    @property
    def tekst(self) -> str:
        aar_fra, uke_fra, _ = self.fra.mandag.isocalendar()
        aar_til, uke_til, _ = self.til.mandag.isocalendar()
        if self.fra is self.til:
            uker = f"uke {uke_fra} {aar_fra}"
        elif aar_fra == aar_til:
            uker = f"uke {uke_fra}–{uke_til} {aar_til}"
        else:
            uker = f"uke {uke_fra} {aar_fra} – uke {uke_til} {aar_til}"
        return f"{uker}: mangler {timer_tekst(self.mangler)} timer per uke"


@dataclass(frozen=True)
class Tidslinje:
    venstre: int
    bredde: int
    hoeyde: int
    akse_y: int
    maaneder: list[Maanedsmerke]
    rader: list[Aktivitetsrad]
    timer_y: int
    timer_bunn: int
    full_tid_y: Decimal
    soeyler: list[Ukesoeyle]
    evalueringer: list[Evalueringsmerke]
    ukerader: list[Ukerad]
    hull: list[Hull]


def _r(tall: Decimal) -> Decimal:
    """Koordinater i tegningen med én desimal (kortere SVG). Bare visning av piksler, ingen beløp eller timer som
    regnes videre; timene og fulltidskontrollen kommer uavrundet fra kvp_regler."""
    return Decimal(format(tall, ".1f"))


def _aktivitetsnavn(a: Aktivitet) -> str:
    navn = str(a.get_type_display())
    return f"{navn}: {a.beskrivelse}" if a.beskrivelse else navn


def _kort(tekst: str) -> str:
    return tekst if len(tekst) <= MAKS_ETIKETT else tekst[: MAKS_ETIKETT - 1].rstrip() + "…"


def _hull(uker: list[Planuke]) -> list[Hull]:
    svar: list[Hull] = []
    forrige: Planuke | None = None
    for u in uker:
        if not u.under_full_tid:
            forrige = None
            continue
        if forrige is not None and svar and svar[-1].mangler == u.mangler_timer:
            svar[-1] = Hull(fra=svar[-1].fra, til=u, mangler=u.mangler_timer)
        else:
            svar.append(Hull(fra=u, til=u, mangler=u.mangler_timer))
        forrige = u
    return svar


def tidslinje(
    *, aktiviteter: list[Aktivitet], vurdering: Planvurdering, evalueringer: list[dt.date]
) -> Tidslinje | None:
    """Tidslinjen for programperioden (uke for uke), eller None når perioden ikke har noen uker."""
    uker = vurdering.uker
    if not uker:
        return None
    start = uker[0].mandag
    slutt = uker[-1].mandag + dt.timedelta(days=7)

    def x(dato: dt.date) -> Decimal:
        dager = (min(max(dato, start), slutt) - start).days
        return _r(ETIKETT + Decimal(dager * UKE) / 7)

    maaneder = []
    forrige_maaned = None
    for u in uker:
        if u.mandag.month != forrige_maaned:
            forrige_maaned = u.mandag.month
            maaneder.append(Maanedsmerke(x=x(u.mandag), tekst=f"{MAANEDER[u.mandag.month - 1]} {u.mandag.year}"))

    rader = []
    for i, a in enumerate(aktiviteter):
        y = TOPP + 8 + i * RAD
        avbrutt = a.status == Aktivitetsstatus.AVBRUTT
        navn = _aktivitetsnavn(a)
        timer = f"{timer_tekst(a.timer_per_uke)} t/uke"
        rader.append(
            Aktivitetsrad(
                y=y,
                tekst_y=y + 13,
                etikett=_kort(f"{navn}, {timer}{' (avbrutt)' if avbrutt else ''}"),
                tittel=f"{navn}: {timer}, {a.fra_og_med:%d.%m.%Y}–{a.til_og_med:%d.%m.%Y}, {a.get_status_display()}",
                x=x(a.fra_og_med),
                bredde=max(x(a.til_og_med + dt.timedelta(days=1)) - x(a.fra_og_med), Decimal(2)),
                avbrutt=avbrutt,
            )
        )

    timer_y = TOPP + 8 + len(aktiviteter) * RAD + 14
    timer_bunn = timer_y + TIMER_HOEYDE
    topp = max([vurdering.full_tid, *(u.timer for u in uker)])
    skala = Decimal(TIMER_HOEYDE) / topp if topp else Decimal(0)
    soeyler = []
    for i, u in enumerate(uker):
        hoeyde = _r(u.timer * skala)
        soeyler.append(
            Ukesoeyle(
                x=ETIKETT + i * UKE + 2,
                y=timer_bunn - hoeyde,
                hoeyde=hoeyde,
                mangler=u.under_full_tid,
                tittel=(
                    f"{u.ukenummer}: {timer_tekst(u.timer)} timer"
                    + (f", mangler {timer_tekst(u.mangler_timer)} timer til full tid" if u.under_full_tid else "")
                ),
                merke_x=ETIKETT + i * UKE + UKE // 2,
            )
        )
    total_hoeyde = timer_bunn + 30
    merker = [
        Evalueringsmerke(
            x=x(d),
            nummer=n,
            dato=d,
            punkter=f"{x(d)},{TOPP - 6} {x(d) + 5},{TOPP} {x(d)},{TOPP + 6} {x(d) - 5},{TOPP}",
        )
        for n, d in enumerate(evalueringer, start=1)
        if start <= d < slutt
    ]
    ukerader = []
    for u in uker:
        fredag = u.mandag + dt.timedelta(days=4)
        i_uka = [
            f"{_aktivitetsnavn(a)} ({timer_tekst(a.timer_per_uke)})"
            for a in aktiviteter
            if a.status != Aktivitetsstatus.AVBRUTT and a.fra_og_med <= fredag and a.til_og_med >= u.mandag
        ]
        evalueringer_i_uka = [d for d in evalueringer if u.mandag <= d < u.mandag + dt.timedelta(days=7)]
        ukerader.append(Ukerad(uke=u, aktiviteter=i_uka, evalueringer=evalueringer_i_uka))
    return Tidslinje(
        venstre=ETIKETT,
        bredde=ETIKETT + len(uker) * UKE + 10,
        hoeyde=total_hoeyde,
        akse_y=TOPP,
        maaneder=maaneder,
        rader=rader,
        timer_y=timer_y,
        timer_bunn=timer_bunn,
        full_tid_y=_r(timer_bunn - vurdering.full_tid * skala),
        soeyler=soeyler,
        evalueringer=merker,
        ukerader=ukerader,
        hull=_hull(uker),
    )

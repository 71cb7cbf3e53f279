"""Sosialtjenesteloven § 9 (statsforvalterens tilsyn med kommunens oppgaver etter kapittel 4) [U]: utvalget av
saker og sjekkpunktene i tilsynet, med forslag der dataene kan svare.

* Utvalget er et tilfeldig, reproduserbart og stratifisert utvalg: samme kandidater og samme frø gir alltid samme
  saker, uansett rekkefølgen kandidatene kommer i. Hvert stratum (avslag, i program, avsluttet) trekkes for seg.
* Sjekkpunktene og hjemlene står i `SJEKKPUNKTER` og i docs/regler/tilsyn.md. Funksjonene `vurder_*` gir et
  forslag med forklaring; statsforvalteren bekrefter eller endrer det. Ingen klokke: datoene kommer inn.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from kvp_regler.parametere import STANDARD, Parametersett
from kvp_regler.program.plan import Planaktivitet, timer_per_uke
from kvp_regler.program.timer import full_tid, timer_tekst

__all__ = [
    "SJEKKPUNKTER",
    "Forslag",
    "Sjekkpunkt",
    "Stratum",
    "Utfall",
    "foreloepig_svar_frist",
    "trekk_utvalg",
    "vurder_begrunnelse",
    "vurder_evalueringer",
    "vurder_fireoeyne",
    "vurder_klageadgang",
    "vurder_oppstart",
    "vurder_plan_ved_oppstart",
    "vurder_saksbehandlingstid",
]


class Stratum(StrEnum):
    """Lagene utvalget trekkes fra: sakens utfall."""

    AVSLAG = "AVSLAG"
    I_PROGRAM = "I_PROGRAM"
    AVSLUTTET = "AVSLUTTET"


class Utfall(StrEnum):
    OPPFYLT = "OPPFYLT"
    IKKE_OPPFYLT = "IKKE_OPPFYLT"
    IKKE_AKTUELT = "IKKE_AKTUELT"
    MAA_VURDERES = "MAA_VURDERES"


@dataclass(frozen=True)
class Sjekkpunkt:
    kode: str
    tittel: str
    hjemmel: str
    automatisk: bool
    """True når dataene gir et forslag; ellers vurderes punktet bare av statsforvalteren."""
    strata: frozenset[Stratum] = frozenset(Stratum)
    """Sakene punktet gjelder for (planen og oppstarten gjelder ikke et avslag)."""


_INNVILGET = frozenset({Stratum.I_PROGRAM, Stratum.AVSLUTTET})

#: Sjekklisten, i rekkefølgen den vises. Kodene lagres; endre aldri en kode, legg heller til en ny.
SJEKKPUNKTER: tuple[Sjekkpunkt, ...] = (
    Sjekkpunkt(
        "SAKSBEHANDLINGSTID",
        "Vedtak uten ugrunnet opphold, og foreløpig svar når søknaden tok mer enn en måned",
        "forvaltningsloven § 11 a",
        automatisk=True,
    ),
    Sjekkpunkt(
        "VILKAAR",
        "Inngangsvilkårene er kartlagt og vurdert, med arbeidsevnevurdering",
        "sosialtjenesteloven § 29; NAV-loven § 14 a",
        automatisk=False,
    ),
    Sjekkpunkt(
        "BEGRUNNELSE",
        "Hvert vedtak har begrunnelse og viser til hjemmelen",
        "forvaltningsloven §§ 24 og 25",
        automatisk=True,
    ),
    Sjekkpunkt(
        "KLAGEADGANG",
        "Vedtaksbrevet opplyser om klageadgang, klagefrist og innsyn",
        "forvaltningsloven § 27",
        automatisk=True,
    ),
    Sjekkpunkt(
        "FIREOEYNE",
        "Vedtaket er kontrollert av en annen enn den som skrev det (totrinnskontroll)",
        "sosialtjenesteloven § 5 (internkontroll)",
        automatisk=True,
    ),
    Sjekkpunkt(
        "PLAN_VED_OPPSTART",
        "Individuelt program på full tid var på plass ved oppstart",
        "sosialtjenesteloven § 30; forskriften § 1",
        automatisk=True,
        strata=_INNVILGET,
    ),
    Sjekkpunkt(
        "OPPSTART",
        "Programmet ble satt i gang innen kontorets frist etter innvilgelsen",
        "sosialtjenesteloven § 31; kontorets rutine",
        automatisk=True,
        strata=_INNVILGET,
    ),
    Sjekkpunkt(
        "EVALUERINGER",
        "Programmet sier når det skal evalueres, og evalueringene er holdt",
        "forskriften § 1",
        automatisk=True,
        strata=_INNVILGET,
    ),
    Sjekkpunkt(
        "TILPASSET",
        "Innholdet er tilpasset deltakerens behov og forutsetninger",
        "sosialtjenesteloven § 30",
        automatisk=False,
        strata=_INNVILGET,
    ),
)
SJEKKPUNKT_ETTER_KODE: dict[str, Sjekkpunkt] = {s.kode: s for s in SJEKKPUNKTER}


@dataclass(frozen=True)
class Forslag:
    utfall: Utfall
    forklaring: str


def trekk_utvalg(
    kandidater: Iterable[tuple[str, Stratum]], *, antall_per_stratum: int, froe: int
) -> list[tuple[str, Stratum]]:
    """Et stratifisert tilfeldig utvalg: høyst `antall_per_stratum` saker fra hvert stratum.

    Kandidatene sorteres på id før trekningen, og hvert stratum får sin egen tallgenerator (frøet og stratumets
    navn), så utvalget er det samme for samme kandidater og frø, og et stratum påvirker ikke et annet. Resultatet
    står i stratumrekkefølgen, og på id innenfor hvert stratum.
    """
    if antall_per_stratum < 1:
        raise ValueError("antall_per_stratum må være minst 1")
    per_stratum: dict[Stratum, set[str]] = {s: set() for s in Stratum}
    for sak_id, stratum in kandidater:
        per_stratum[Stratum(stratum)].add(str(sak_id))
    utvalg: list[tuple[str, Stratum]] = []
    for stratum in Stratum:
        ider = sorted(per_stratum[stratum])
        trukket = random.Random(f"{froe}:{stratum.value}").sample(ider, min(antall_per_stratum, len(ider)))  # noqa: S311 - utvalg, ikke kryptografi
        utvalg += [(i, stratum) for i in sorted(trukket)]
    return utvalg


def _pluss_maaneder(dato: dt.date, maaneder: int) -> dt.date:
    aar, maaned = divmod(dato.month - 1 + maaneder, 12)
    aar += dato.year
    return dt.date(aar, maaned + 1, min(dato.day, calendar.monthrange(aar, maaned + 1)[1]))


def foreloepig_svar_frist(mottatt: dt.date, parametere: Parametersett = STANDARD) -> dt.date:
    """Forvaltningsloven § 11 a tredje ledd: siste dag søknaden kan besvares uten foreløpig svar (en måned)."""
    maaneder = int(parametere["foreloepig_svar_etter_maaneder"].verdi(mottatt))
    return _pluss_maaneder(mottatt, maaneder)


def vurder_saksbehandlingstid(
    *,
    mottatt: dt.date,
    vedtaksdato: dt.date | None,
    foreloepige_svar: Sequence[dt.date],
    parametere: Parametersett = STANDARD,
) -> Forslag:
    """Forvaltningsloven § 11 a: foreløpig svar når søknaden ikke er besvart innen en måned.

    Om tiden ellers var rimelig («uten ugrunnet opphold»), vurderer statsforvalteren; forslaget sier bare om et
    foreløpig svar var sendt i tide når det trengtes.
    """
    if vedtaksdato is None:
        return Forslag(Utfall.MAA_VURDERES, "Saken har ikke noe fattet vedtak om søknaden.")
    dager = (vedtaksdato - mottatt).days
    frist = foreloepig_svar_frist(mottatt, parametere)
    if vedtaksdato <= frist:
        return Forslag(Utfall.OPPFYLT, f"Vedtak etter {dager} dager; foreløpig svar trengtes ikke.")
    i_tide = [d for d in foreloepige_svar if d <= frist]
    if i_tide:
        return Forslag(
            Utfall.OPPFYLT,
            f"Vedtak etter {dager} dager; foreløpig svar sendt {min(i_tide):%d.%m.%Y}, innen {frist:%d.%m.%Y}.",
        )
    if foreloepige_svar:
        return Forslag(
            Utfall.IKKE_OPPFYLT,
            f"Vedtak etter {dager} dager; foreløpig svar sendt {min(foreloepige_svar):%d.%m.%Y}, "
            f"etter fristen {frist:%d.%m.%Y}.",
        )
    return Forslag(Utfall.IKKE_OPPFYLT, f"Vedtak etter {dager} dager, uten foreløpig svar (frist {frist:%d.%m.%Y}).")


@dataclass(frozen=True)
class Vedtaksbevis:
    """Det sjekkpunktene trenger fra ett fattet vedtak og brevet til det."""

    navn: str
    har_begrunnelse: bool
    har_brev: bool
    brevet_viser_hjemmel: bool
    brevet_viser_klageadgang: bool
    beslutter: str
    skrevet_av: frozenset[str]


def vurder_begrunnelse(vedtak: Sequence[Vedtaksbevis]) -> Forslag:
    """Forvaltningsloven §§ 24 og 25: enkeltvedtak skal begrunnes, og begrunnelsen skal vise til reglene."""
    if not vedtak:
        return Forslag(Utfall.MAA_VURDERES, "Saken har ingen fattede vedtak.")
    mangler = [v.navn for v in vedtak if not v.har_begrunnelse or not v.brevet_viser_hjemmel]
    if mangler:
        return Forslag(Utfall.IKKE_OPPFYLT, "Begrunnelse eller hjemmel mangler i: " + ", ".join(mangler) + ".")
    return Forslag(Utfall.OPPFYLT, f"Alle {len(vedtak)} vedtak har begrunnelse, og brevene viser til hjemmelen.")


def vurder_klageadgang(vedtak: Sequence[Vedtaksbevis]) -> Forslag:
    """Forvaltningsloven § 27: underretningen skal opplyse om klageadgang, klagefrist og retten til innsyn."""
    if not vedtak:
        return Forslag(Utfall.MAA_VURDERES, "Saken har ingen fattede vedtak.")
    mangler = [v.navn for v in vedtak if not v.har_brev or not v.brevet_viser_klageadgang]
    if mangler:
        return Forslag(Utfall.IKKE_OPPFYLT, "Brev om klageadgang mangler for: " + ", ".join(mangler) + ".")
    return Forslag(Utfall.OPPFYLT, f"Alle {len(vedtak)} vedtaksbrev opplyser om klageadgangen.")


def vurder_fireoeyne(vedtak: Sequence[Vedtaksbevis]) -> Forslag:
    """Sosialtjenesteloven § 5 (internkontroll): vedtaket er besluttet av en annen enn den som skrev det."""
    if not vedtak:
        return Forslag(Utfall.MAA_VURDERES, "Saken har ingen fattede vedtak.")
    brudd = [v.navn for v in vedtak if not v.beslutter or v.beslutter in v.skrevet_av]
    if brudd:
        return Forslag(Utfall.IKKE_OPPFYLT, "Samme person skrev og besluttet: " + ", ".join(brudd) + ".")
    return Forslag(Utfall.OPPFYLT, f"Alle {len(vedtak)} vedtak er besluttet av en annen enn den som skrev dem.")


def vurder_plan_ved_oppstart(
    *, oppstart: dt.date | None, aktiviteter: Sequence[Planaktivitet], parametere: Parametersett = STANDARD
) -> Forslag:
    """Sosialtjenesteloven § 30 og forskriften § 1: programmet er individuelt og på full tid fra første uke."""
    if oppstart is None:
        return Forslag(Utfall.IKKE_AKTUELT, "Deltakeren har ikke begynt i program.")
    uke = timer_per_uke(aktiviteter, oppstart, oppstart + dt.timedelta(days=6 - oppstart.weekday()))
    timer = uke[0][1] if uke else Decimal(0)
    grense = full_tid(oppstart, parametere)
    if timer >= grense:
        return Forslag(Utfall.OPPFYLT, f"{timer_tekst(timer)} timer i planen den første uka.")
    return Forslag(
        Utfall.IKKE_OPPFYLT,
        f"{timer_tekst(timer)} timer i planen den første uka, under full tid ({timer_tekst(grense)}).",
    )


def vurder_oppstart(*, vedtaksdato: dt.date | None, oppstart: dt.date | None, frist_maaneder: int) -> Forslag:
    """Sosialtjenesteloven § 31: programmet settes i gang innen fristen kontoret har satt (ingen nasjonal frist)."""
    if vedtaksdato is None:
        return Forslag(Utfall.IKKE_AKTUELT, "Saken har ingen innvilgelse.")
    frist = _pluss_maaneder(vedtaksdato, frist_maaneder)
    if oppstart is None:
        return Forslag(Utfall.MAA_VURDERES, f"Ingen oppstart registrert; kontorets frist er {frist:%d.%m.%Y}.")
    if oppstart <= frist:
        return Forslag(Utfall.OPPFYLT, f"Oppstart {oppstart:%d.%m.%Y}, innen kontorets frist {frist:%d.%m.%Y}.")
    return Forslag(Utfall.IKKE_OPPFYLT, f"Oppstart {oppstart:%d.%m.%Y}, etter kontorets frist {frist:%d.%m.%Y}.")


def vurder_evalueringer(
    *, evalueringer: Sequence[dt.date], program_fra: dt.date | None, program_til: dt.date | None
) -> Forslag:
    """Forskriften § 1: programmet skal si når det skal evalueres. Om evalueringene er holdt, vurderes for hånd."""
    if program_fra is None or program_til is None:
        return Forslag(Utfall.IKKE_AKTUELT, "Saken har ingen programperiode.")
    i_perioden = sorted(d for d in evalueringer if program_fra <= d <= program_til)
    if not i_perioden:
        return Forslag(Utfall.IKKE_OPPFYLT, "Planen har ingen evaluering i programperioden.")
    datoer = ", ".join(f"{d:%d.%m.%Y}" for d in i_perioden)
    return Forslag(Utfall.MAA_VURDERES, f"Evalueringer planlagt {datoer}; sjekk at de er holdt.")

"""Frister og varsler i et innvilget program (spec/regler.md § 6.5, forskriften § 1, sosialtjenesteloven § 32).

Oppstartsfristen og varselet før programslutt er kontorets egne innstillinger [I] (loven setter ingen frist for
oppstart; standardene følger Randaberg-rutinen); varigheten følger § 32; evalueringene står i vedtaket (§ 1).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from kvp_regler.parametere import STANDARD
from kvp_regler.vilkaar.varighet import maks_til_og_med

__all__ = ["Frist", "Fristnivaa", "foreloepig_svar_frist", "legg_til_maaneder", "programfrister"]


class Fristnivaa(StrEnum):
    VARSEL = "VARSEL"
    OVERSKREDET = "OVERSKREDET"


@dataclass(frozen=True, slots=True)
class Frist:
    kode: str
    dato: date
    nivaa: Fristnivaa
    tekst: str


def legg_til_maaneder(dato: date, maaneder: int) -> date:
    """Samme dag `maaneder` måneder senere (siste dag i måneden om dagen ikke finnes)."""
    indeks = dato.month - 1 + maaneder
    aar, maaned = dato.year + indeks // 12, indeks % 12 + 1
    return date(aar, maaned, min(dato.day, calendar.monthrange(aar, maaned)[1]))


def foreloepig_svar_frist(mottatt: date) -> date:
    """Forvaltningsloven § 11 a andre ledd: dagen et foreløpig svar senest skal være sendt for en søknad mottatt
    `mottatt` (antall måneder fra parameteren `foreloepig_svar_maaneder`, gyldig på mottaksdagen)."""
    return legg_til_maaneder(mottatt, int(STANDARD["foreloepig_svar_maaneder"].verdi(mottatt)))


def _d(dato: date) -> str:
    return dato.strftime("%d.%m.%Y")


def programfrister(
    *,
    i_dag: date,
    vedtak_dato: date | None,
    begynt_dato: date | None,
    program_fra_og_med: date | None,
    program_til_og_med: date | None,
    evalueringsdatoer: Iterable[date] = (),
    frist_oppstart_maaneder: int,
    varsel_programslutt_uker: int,
    varsel_evaluering_dager: int = 14,
) -> list[Frist]:
    """Fristene som krever handling nå, sortert på dato: oppstart, programslutt, maksimal varighet, evalueringer."""
    frister: list[Frist] = []
    if vedtak_dato and begynt_dato is None:
        frist = legg_til_maaneder(vedtak_dato, frist_oppstart_maaneder)
        if i_dag > frist:
            frister.append(
                Frist("OPPSTART", frist, Fristnivaa.OVERSKREDET, f"Programmet skulle startet senest {_d(frist)}.")
            )
        elif i_dag >= frist - timedelta(days=30):
            frister.append(Frist("OPPSTART", frist, Fristnivaa.VARSEL, f"Programmet må starte senest {_d(frist)}."))
    if program_til_og_med:
        varsel = program_til_og_med - timedelta(weeks=varsel_programslutt_uker)
        if i_dag > program_til_og_med:
            frister.append(
                Frist(
                    "PROGRAMSLUTT",
                    program_til_og_med,
                    Fristnivaa.OVERSKREDET,
                    f"Programperioden gikk ut {_d(program_til_og_med)}: fatt vedtak om avslutning eller forlengelse.",
                )
            )
        elif i_dag >= varsel:
            frister.append(
                Frist(
                    "PROGRAMSLUTT",
                    program_til_og_med,
                    Fristnivaa.VARSEL,
                    f"Programmet slutter {_d(program_til_og_med)}: vurder forlengelse eller avslutning.",
                )
            )
    if program_fra_og_med and program_til_og_med:
        to_aar = maks_til_og_med(program_fra_og_med, saerlige_grunner=False)
        if program_til_og_med >= to_aar - timedelta(weeks=varsel_programslutt_uker) and i_dag >= to_aar - timedelta(
            weeks=varsel_programslutt_uker
        ):
            tre_aar = maks_til_og_med(program_fra_og_med, saerlige_grunner=True)
            frister.append(
                Frist(
                    "MAKS_VARIGHET",
                    to_aar,
                    Fristnivaa.OVERSKREDET if i_dag > to_aar else Fristnivaa.VARSEL,
                    f"To år er nådd {_d(to_aar)}; forlengelse ut over det krever særlige grunner "
                    f"(høyst til {_d(tre_aar)}).",
                )
            )
    for dato in sorted(evalueringsdatoer):
        if dato - timedelta(days=varsel_evaluering_dager) <= i_dag <= dato:
            frister.append(Frist("EVALUERING", dato, Fristnivaa.VARSEL, f"Evaluering av programmet {_d(dato)}."))
        elif i_dag > dato and i_dag - dato <= timedelta(days=varsel_evaluering_dager):
            frister.append(Frist("EVALUERING", dato, Fristnivaa.OVERSKREDET, f"Evalueringen {_d(dato)} er passert."))
    return sorted(frister, key=lambda f: f.dato)

"""Beregning av kvalifiseringsstønad for en periode (spec/beregning.md §§ 2–5).

Perioden deles i segmenter: sammenhengende dager der ingenting som påvirker dagsatsen endrer seg (parameterverdier,
25-årsdag, barn, programperioder, arbeid, ytelser, registrerte dager og månedsskifter). Dagsatsene regnes eksakt
(brøk) én gang per segment, og segmentene slås sammen til linjer: en linje er en lengst mulig rekke programdager
som følger etter hverandre blant virkedagene, med samme type og samme eksakte dagsats, innenfor én kalendermåned.
Beløpet på hver linje rundes én gang, halvt opp til øre, og totalen er summen av de avrundede linjene.

Dagsatsene for en kombinasjon av grunnlag (G, faktor, alder, barn, status, arbeid, ytelser …) er en ren funksjon
av kombinasjonen og parameterne, og huskes derfor i parametersettets mellomlager på tvers av beregninger.
Forklaringstekstene lages først når de leses.
"""

from __future__ import annotations

import functools
import gc
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kvp_regler.belop import kroner_tekst, tall_tekst
from kvp_regler.beregning.modell import (
    Beregningsgrunnlag,
    Beregningsmodell,
    Beregningsresultat,
    Dagstatus,
    Forklarer,
    Linje,
    Linjetype,
    UgyldigGrunnlag,
    Ytelsestype,
)
from kvp_regler.parametere import STANDARD, ManglendeParameter, Parameter, Parametersett
from kvp_regler.tid import (
    UKEDAGER,
    bursdag,
    maanedens_virkedager,
    virkedager_til_og_med,
)

__all__ = ["REGELVERSJON", "aarsbeloep", "beregn_mange", "beregn_stoenad", "tom_mellomlagrene", "uten_syklisk_gc"]

REGELVERSJON = "2026.11.1"
"""Versjonen av beregningsreglene. Økes når en regel (ikke en parameterverdi) endres."""

_NULL = Fraction(0)
_NULL_KRONER = Decimal("0.00")
_EN = Fraction(1)
_TOLV = Fraction(12)
_MELLOMLAGER_MAKS = 200_000

HJEMMEL_STOENAD = "sosialtjenesteloven § 35"
HJEMMEL_BARNETILLEGG = "sosialtjenesteloven § 35; forskrift om kvalifiseringsprogram og kvalifiseringsstønad"
HJEMMEL_FRADRAG = "sosialtjenesteloven § 38"
HJEMMEL_FRAVAER = "sosialtjenesteloven § 36"
HJEMMEL_ARBEID = "sosialtjenesteloven § 37"

# Parameterne nøkkelen peker inn i, i samme rekkefølge som indeksene i nøkkelen.
_NOEKKELPARAMETRE = (
    "grunnbeloep",
    "faktor",
    "andel_under_25",
    "virkedager_per_aar",
    "barnetillegg_sats",
    "barnetillegg_dager_per_maaned",
    "timer_per_uke_full_tid",
    "timer_per_virkedag",
    "maks_arbeidstimer_per_uke",
)


def beregn_stoenad(grunnlag: Beregningsgrunnlag, parametere: Parametersett = STANDARD) -> Beregningsresultat:
    """Sosialtjenesteloven §§ 35–38: kvalifiseringsstønad med barnetillegg og fradrag for en periode.

    Kaster `UgyldigGrunnlag` (med feltnavn) for inndata som ikke kan beregnes, også når en parameter mangler
    for en dag som skal beregnes.
    """
    try:
        _valider(grunnlag, parametere)
        beregning = _Beregning(grunnlag, parametere)
        linjer = beregning.linjer()
        beregning.slipp_mellomregning()
    except ManglendeParameter as feil:
        raise UgyldigGrunnlag(_felt_for_dato(grunnlag, feil.dato), str(feil)) from feil
    total = sum([linje.beloep for linje in linjer], _NULL_KRONER)
    if total < 0:
        linjer, total = _uten_negativ_total(linjer, total)
    # (periode, beregningsmodell, total, linjer, regelversjon, grunnlag, parameterbruk)
    return _ny_tuppel(
        Beregningsresultat,
        (grunnlag.periode, grunnlag.beregningsmodell, total, tuple(linjer), REGELVERSJON, grunnlag, beregning),
    )


@contextmanager
def uten_syklisk_gc() -> Iterator[None]:
    """Setter Pythons syklusrydder på pause mens en stor batch regnes, og slår den på igjen etterpå.

    En beregning lager mange små objekter, men ingen referansesykler som må ryddes. Med tusenvis av resultater i
    minnet bruker ellers syklusrydderen omtrent like lang tid på å lete gjennom dem som selve beregningen tar
    (målt i docs/benchmarks.md). Referansetellingen frigjør fortsatt alt som slippes; bare letingen etter sykler
    venter til blokken er ferdig. Gjelder hele prosessen, så den brukes bare rundt rene beregninger.

    Når blokken er ferdig, ligger alt den laget i den yngste generasjonen. Den første syklusryddingen etterpå ville
    da gå gjennom alle resultatene (og en gang til i mellomgenerasjonen) før de havner i den eldste. Derfor flyttes
    de rett til den eldste generasjonen (`gc.freeze()` + `gc.unfreeze()`, to listeflyttinger uten å se på
    objektene), bare når ingenting annet i prosessen er fryst. De ryddes fortsatt i en full syklusrydding."""
    var_paa = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if var_paa:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def beregn_mange(
    grunnlag: Iterable[Beregningsgrunnlag], parametere: Parametersett = STANDARD
) -> list[Beregningsresultat]:
    """Sosialtjenesteloven §§ 35–38: `beregn_stoenad` for hvert grunnlag, i samme rekkefølge og med samme resultat.

    For batcher (utbetalingsløp, `kvp beregn` med en liste): syklusrydderen står på pause mens batchen regnes.
    Kaster den første `UgyldigGrunnlag` som `beregn_stoenad` ville kastet."""
    with uten_syklisk_gc():
        return [beregn_stoenad(enkelt, parametere) for enkelt in grunnlag]


def tom_mellomlagrene(parametere: Parametersett = STANDARD) -> None:
    """Tømmer alt beregningen husker mellom saker: parametersettets mellomlager (dagverdier, aldersgrenser …) og
    tabellene over beløp, datoer, bursdager og måneder. For målinger «kaldt» (bench/beregning.py) og tester."""
    parametere.mellomlager.clear()
    for tabell in (_KRONER, _DATOER, _BURSDAGER, _MAANEDSSTARTER, _KRONETEKSTER):
        tabell.clear()
    _virkedager_i_maaned.cache_clear()


def under_alder_full_stoenad(*, foedselsdato: date, dato: date, parametere: Parametersett = STANDARD) -> bool:
    """Sosialtjenesteloven § 35: deltakeren er under alderen for full stønad (parameteren `alder_full_stoenad`, i dag
    25 år) på `dato`. Grensen gjelder fra bursdagen; hvordan «under 25» måles, er [U] (spec/regler.md § 1.5)."""
    return dato < bursdag(foedselsdato, int(parametere["alder_full_stoenad"].verdi(dato)))


def aarsbeloep(*, dato: date, under_25: bool, parametere: Parametersett = STANDARD) -> Fraction:
    """Sosialtjenesteloven § 35: årlig kvalifiseringsstønad på `dato` = faktor × G, og 2/3 av dette under 25 år.

    Eksakt brøk; vises i vedtak og brev (rund med `rund_av_til_oere`).
    """
    beloep = parametere["faktor"].verdi(dato) * parametere["grunnbeloep"].verdi(dato)
    return beloep * parametere["andel_under_25"].verdi(dato) if under_25 else beloep


def _uten_negativ_total(linjer: list[Linje], total: Decimal) -> tuple[list[Linje], Decimal]:
    """Fradraget kan aldri bli større enn stønaden og barnetillegget (§ 38, spec § 3). Hver dag holder det eksakt,
    men når linjene rundes hver for seg kan summen likevel bli noen øre negativ. Da reduseres det siste fradraget
    med differansen, slik at totalen blir 0,00 og linjene fortsatt summerer til totalen (docs/regler/beregning.md)."""
    for i in range(len(linjer) - 1, -1, -1):
        linje = linjer[i]
        if linje.type is Linjetype.FRADRAG:
            justering = min(-total, -linje.beloep)
            linjer[i] = linje._replace(
                beloep=linje.beloep + justering, forklarer=_Avrundingsjustering(linje.forklarer, justering)
            )
            total += justering
            if total >= 0:
                break
    return linjer, total


class _Avrundingsjustering:
    """Forklaring for et fradrag som er justert for avrunding, slik at utbetalingen ikke blir negativ."""

    __slots__ = ("forklarer", "justering")

    def __init__(self, forklarer: Any, justering: Decimal) -> None:
        self.forklarer = forklarer
        self.justering = justering

    def forklar(self, linje: Linje) -> str:
        uten = linje._replace(beloep=linje.beloep - self.justering)
        return (
            f"{self.forklarer.forklar(uten)} Trekket er satt {kroner_tekst(self.justering)} lavere, til "
            f"{kroner_tekst(-linje.beloep)}, fordi linjene rundet hver for seg ellers ville gitt en negativ "
            "utbetaling; fradraget kan ikke være større enn stønaden og barnetillegget."
        )


# --- validering ----------------------------------------------------------------------------------------------


FOERSTE_DATO = date(1900, 1, 1)
SISTE_DATO = date(2999, 12, 31)


def _valider(grunnlag: Beregningsgrunnlag, parametere: Parametersett) -> None:
    periode = grunnlag.periode
    if not (periode.fra_og_med >= FOERSTE_DATO and periode.til_og_med <= SISTE_DATO):
        for felt, dato in (("fra_og_med", periode.fra_og_med), ("til_og_med", periode.til_og_med)):
            if not FOERSTE_DATO <= dato <= SISTE_DATO:
                raise UgyldigGrunnlag(felt, f"{dato.isoformat()} er utenfor det beregningen kan regne på (1900–2999).")
    if grunnlag.deltaker.foedselsdato > periode.til_og_med:
        raise UgyldigGrunnlag(
            "deltaker.foedselsdato",
            f"{grunnlag.deltaker.foedselsdato.isoformat()} er etter perioden som beregnes.",
        )
    sett: dict[date, int] = {}
    for i, dag in enumerate(grunnlag.dager):
        if dag.dato.weekday() >= 5:
            raise UgyldigGrunnlag(
                f"dager[{i}].dato",
                f"{dag.dato.isoformat()} er en {UKEDAGER[dag.dato.weekday()]}; "
                "bare virkedager (mandag–fredag) kan registreres.",
            )
        if dag.dato in sett:
            raise UgyldigGrunnlag(
                f"dager[{i}].dato",
                f"{dag.dato.isoformat()} er registrert to ganger (også i dager[{sett[dag.dato]}]).",
            )
        sett[dag.dato] = i
        if dag.timer is not None:
            if dag.status is not Dagstatus.UGYLDIG_FRAVAER:
                raise UgyldigGrunnlag(f"dager[{i}].timer", "timer kan bare oppgis for status UGYLDIG_FRAVAER.")
            per_dag = parametere["timer_per_virkedag"]
            timer_per_dag = (
                per_dag.verdi(dag.dato) if grunnlag.periode.inneholder(dag.dato) else per_dag.verdier[-1].verdi
            )
            if not 0 < dag.timer <= timer_per_dag:
                raise UgyldigGrunnlag(
                    f"dager[{i}].timer",
                    f"må være større enn 0 og høyst {tall_tekst(timer_per_dag)} timer, fikk {dag.timer}.",
                )
    for i, arbeid in enumerate(grunnlag.arbeid):
        _valider_periode(f"arbeid[{i}]", arbeid.fra_og_med, arbeid.til_og_med)
        if arbeid.timer_per_uke < 0:
            raise UgyldigGrunnlag(f"arbeid[{i}].timer_per_uke", "kan ikke være negativ.")
    for i, ytelse in enumerate(grunnlag.ytelser):
        _valider_periode(f"ytelser[{i}]", ytelse.fra_og_med, ytelse.til_og_med)
        if ytelse.dagsats < 0:
            raise UgyldigGrunnlag(f"ytelser[{i}].dagsats", "kan ikke være negativ.")
        if (ytelse.dagsats * 100) % 1:
            raise UgyldigGrunnlag(
                f"ytelser[{i}].dagsats", f"må være i hele øre (høyst to desimaler), fikk {ytelse.dagsats}."
            )
    for i, barn in enumerate(grunnlag.barn):
        if barn.fra_og_med is not None and barn.til_og_med is not None:
            _valider_periode(f"barn[{i}]", barn.fra_og_med, barn.til_og_med)


def _valider_periode(felt: str, fra_og_med: date, til_og_med: date) -> None:
    if til_og_med < fra_og_med:
        raise UgyldigGrunnlag(
            f"{felt}.til_og_med", f"{til_og_med.isoformat()} er før fra_og_med {fra_og_med.isoformat()}."
        )


def _felt_for_dato(grunnlag: Beregningsgrunnlag, dato: date) -> str:
    for i, periode in enumerate(grunnlag.programperioder):
        if periode.fra_og_med == dato and dato > grunnlag.periode.fra_og_med:
            return f"programperioder[{i}].fra_og_med"
    return "fra_og_med"


# --- dagsatser -----------------------------------------------------------------------------------------------


def _broeknoekkel(verdi: Fraction) -> tuple[int, int] | None:
    return (verdi.numerator, verdi.denominator) if verdi else None


class _Grunnsats:
    """§ 35: dagsatsen for stønad og barnetillegg før reduksjoner, for en kombinasjon av parameterverdier, alder,
    beregningsmodell, virkedager i måneden og antall barn."""

    __slots__ = (
        "_tekster",
        "aarsbeloep",
        "andel",
        "antall_barn",
        "barnetillegg_dager",
        "divisor",
        "faktor",
        "g",
        "grunnsats",
        "noekler",
        "sats",
        "tillegg_sats",
        "virkedager_i_maaned",
    )

    def __init__(
        self, indekser: tuple[int, ...], virkedager_i_maaned: int, antall_barn: int, sett: Parametersett
    ) -> None:
        g_i, f_i, a_i, v_i, s_i, d_i = indekser
        self._tekster: dict[str, str] = {}
        self.virkedager_i_maaned = virkedager_i_maaned
        self.antall_barn = antall_barn
        # årsbeløp = faktor × G, og 2/3 av dette for deltaker under 25 år
        self.g = sett["grunnbeloep"].verdier[g_i].verdi
        self.faktor = sett["faktor"].verdier[f_i].verdi
        self.andel = sett["andel_under_25"].verdier[a_i].verdi if a_i >= 0 else None
        self.aarsbeloep = self.faktor * self.g
        if self.andel is not None:
            self.aarsbeloep *= self.andel
        if v_i < 0:  # FAST_MAANEDSBELOEP: årsbeløp / 12 fordelt på månedens virkedager
            self.divisor = None
            self.grunnsats = self.aarsbeloep / (_TOLV * virkedager_i_maaned)
        else:
            self.divisor = sett["virkedager_per_aar"].verdier[v_i].verdi
            self.grunnsats = self.aarsbeloep / self.divisor
        # barnetillegg per barn per virkedag (i FAST_MAANEDSBELOEP for 22 dager per måned)
        self.sats = sett["barnetillegg_sats"].verdier[s_i].verdi if s_i >= 0 else _NULL
        self.barnetillegg_dager = sett["barnetillegg_dager_per_maaned"].verdier[d_i].verdi if d_i >= 0 else None
        self.tillegg_sats = self.sats * antall_barn
        if self.barnetillegg_dager is not None:
            self.tillegg_sats = self.tillegg_sats * self.barnetillegg_dager / virkedager_i_maaned
        self.noekler = (_broeknoekkel(self.grunnsats), _broeknoekkel(self.tillegg_sats))

    def tekst(self, linjetype: Linjetype) -> str:
        tekst = self._tekster.get(linjetype)
        if tekst is None:
            tekst = self._tekster[linjetype] = (
                self._tekst_stoenad() if linjetype is Linjetype.STOENAD else self._tekst_tillegg()
            )
        return tekst

    def _tekst_stoenad(self) -> str:
        aar = f"{tall_tekst(self.faktor)} × G {tall_tekst(self.g)}"
        if self.andel is not None:
            aar = f"under 25 år: {self.andel.numerator}/{self.andel.denominator} av {aar}"
        aar += f" = {tall_tekst(self.aarsbeloep)} kr i året"
        if self.divisor is None:
            return (
                f"Fast månedsbeløp ({aar}) / 12 = {kroner_tekst(self.aarsbeloep / _TOLV)}, fordelt på månedens "
                f"{self.virkedager_i_maaned} virkedager = {tall_tekst(self.grunnsats)} kr per dag"
            )
        return f"Stønad ({aar}) / {tall_tekst(self.divisor)} virkedager = {tall_tekst(self.grunnsats)} kr per dag"

    def _tekst_tillegg(self) -> str:
        tekst = f"Barnetillegg: {self.antall_barn} barn × {tall_tekst(self.sats)} kr per virkedag"
        if self.barnetillegg_dager is not None:
            tekst += f" × {tall_tekst(self.barnetillegg_dager)} dager / {self.virkedager_i_maaned} virkedager i måneden"
        return f"{tekst} = {tall_tekst(self.tillegg_sats)} kr per dag"


class _Reduksjon:
    """§§ 36–37: faktoren s(d) × w(d) for dagens status (fravær, permisjon) og lønnet arbeid."""

    __slots__ = (
        "_tekst",
        "arbeidstimer",
        "er_full",
        "er_null",
        "faktor",
        "full_tid",
        "hjemler",
        "linjehjemler",
        "merknad",
        "s",
        "status",
        "timer",
        "timer_per_dag",
        "w",
    )

    def __init__(
        self,
        indekser: tuple[int, ...],
        status: Dagstatus,
        timer: Decimal | None,
        arbeidstimer: Decimal | int,
        sett: Parametersett,
    ) -> None:
        t_i, p_i = indekser
        self._tekst: str | None = None
        self.status = status
        self.timer = None if timer is None else Fraction(timer)
        self.arbeidstimer = Fraction(arbeidstimer)
        hjemler: list[str] = []
        # § 36: fravær og permisjon gir statusfaktoren s(d)
        self.timer_per_dag = sett["timer_per_virkedag"].verdier[p_i].verdi if p_i >= 0 else None
        if status.gir_stoenad:
            self.s = _EN
        elif self.timer is not None and self.timer_per_dag is not None:  # ugyldig fravær i timer
            self.s = _EN - self.timer / self.timer_per_dag
            hjemler.append(HJEMMEL_FRAVAER)
        else:
            self.s = _NULL
            hjemler.append(HJEMMEL_FRAVAER)
        # § 37: lønnet arbeid reduserer stønad og barnetillegg i forhold til timene, faktoren w(d)
        self.full_tid = sett["timer_per_uke_full_tid"].verdier[t_i].verdi if t_i >= 0 else None
        if self.full_tid is not None:
            self.w = _EN - self.arbeidstimer / self.full_tid
            hjemler.append(HJEMMEL_ARBEID)
        else:
            self.w = _EN
        self.faktor = self.s * self.w
        self.er_full = self.faktor == _EN
        self.er_null = not self.faktor
        self.hjemler = tuple(hjemler)
        self.merknad = status is not Dagstatus.DELTATT or self.full_tid is not None
        """Om forklaringen nevner dagene med denne reduksjonen (fravær, permisjon, lønnet arbeid)."""
        # hjemmelen til en linje av dager med denne reduksjonen (fradraget har alltid sin egen)
        self.linjehjemler = (
            tuple("; ".join([hjemmel, *dict.fromkeys(hjemler)]) for hjemmel in _HJEMMEL[:2]) + _HJEMMEL[2:]
            if hjemler
            else _HJEMMEL
        )

    @property
    def har_reduksjon(self) -> bool:
        return self.merknad

    def tekst(self) -> str:
        if self._tekst is None:
            deler: list[str] = []
            if self.status is not Dagstatus.DELTATT:
                if self.s == _EN:
                    deler.append(f"{self.status.tekst} gir stønad")
                elif self.s == _NULL:
                    deler.append(f"{self.status.tekst}: ingen stønad")
                elif self.timer is not None and self.timer_per_dag is not None:
                    deler.append(
                        f"ugyldig fravær {tall_tekst(self.timer)} av {tall_tekst(self.timer_per_dag)} timer: "
                        f"redusert til {tall_tekst(self.s * 100, 2)} %"
                    )
            if self.full_tid is not None:
                deler.append(
                    f"lønnet arbeid {tall_tekst(self.arbeidstimer)} av {tall_tekst(self.full_tid)} timer per uke: "
                    f"redusert til {tall_tekst(self.w * 100, 2)} %"
                )
            self._tekst = "; ".join(deler)
        return self._tekst


class _Dagverdi:
    """De eksakte beløpene for én programdag: grunnsats × reduksjon, og fradrag for andre ytelser (§ 38).

    Delt mellom beregninger via parametersettets mellomlager, så den endres aldri etter at den er laget.
    """

    __slots__ = (
        "_forklaringer",
        "_satstekster",
        "_tekst_fradrag",
        "bruk",
        "fradrag",
        "grunnsats",
        "hjemler_reduksjon",
        "linjesatser",
        "reduksjon",
        "satser",
        "satsnoekler",
        "stoenad",
        "tillegg",
        "ytelser",
        "ytelsessum",
    )

    def __init__(
        self,
        grunnsats: _Grunnsats,
        reduksjon: _Reduksjon,
        ytelser: tuple[tuple[Ytelsestype, Decimal], ...],
        bruk: tuple[int, ...],
    ) -> None:
        self.bruk = bruk
        self.hjemler_reduksjon = reduksjon.hjemler
        """Indeksene til parameterverdiene den bygger på (som `_NOEKKELPARAMETRE`; -1 = ikke brukt)."""
        self.grunnsats = grunnsats
        self.reduksjon = reduksjon
        self._tekst_fradrag: str | None = None
        self._satstekster: list[str | None] | None = None
        self._forklaringer: dict[tuple[int, int, Decimal], str] | None = None
        """Ferdige forklaringer for linjer som bare består av denne dagverdien: (linjetype, dager, beløp) → tekst."""
        # (teller, nevner) for hver sats, None for 0: rask og eksakt likhet mellom dagverdier (brøkene er forkortet)
        if reduksjon.er_full:  # den vanlige dagen: ingen reduksjon, satsene er grunnsatsene
            self.stoenad, self.tillegg = grunnsats.grunnsats, grunnsats.tillegg_sats
            stoenad_noekkel, tillegg_noekkel = grunnsats.noekler
        elif reduksjon.er_null:
            self.stoenad = self.tillegg = _NULL
            stoenad_noekkel = tillegg_noekkel = None
        else:
            self.stoenad = grunnsats.grunnsats * reduksjon.faktor
            self.tillegg = grunnsats.tillegg_sats * reduksjon.faktor if grunnsats.tillegg_sats else _NULL
            stoenad_noekkel, tillegg_noekkel = _broeknoekkel(self.stoenad), _broeknoekkel(self.tillegg)
        # § 38: andre ytelser trekkes krone for krone, men aldri mer enn dagens stønad og barnetillegg
        if ytelser:
            self.ytelser = tuple((type_, Fraction(sats)) for type_, sats in ytelser)
            self.ytelsessum = sum((sats for _, sats in self.ytelser), _NULL)
            self.fradrag = min(self.ytelsessum, self.stoenad + self.tillegg)
            fradrag_noekkel = _broeknoekkel(self.fradrag)
        else:
            self.ytelser = ()
            self.ytelsessum = self.fradrag = _NULL
            fradrag_noekkel = None
        self.satser = (self.stoenad, self.tillegg, self.fradrag)
        self.linjesatser = (self.stoenad, self.tillegg, -self.fradrag if ytelser else _NULL)
        """Dagsatsene slik de står på linjene: fradraget med minus."""
        self.satsnoekler = (stoenad_noekkel, tillegg_noekkel, fradrag_noekkel)

    @property
    def har_reduksjon(self) -> bool:
        return self.reduksjon.merknad

    def satstekst(self, nr: int) -> str:
        """Dagsatsen på linjer av type nr. `nr` på norsk form, som i forklaringen («973,6198»)."""
        tekster = self._satstekster
        if tekster is None:
            tekster = self._satstekster = [None, None, None]
        tekst = tekster[nr]
        if tekst is None:
            tekst = tekster[nr] = tall_tekst(self.linjesatser[nr])
        return tekst

    def forklar(self, linje: Linje) -> str:
        """Forklaringen til en linje som bare består av denne dagverdien; da er dagverdien linjens forklarer.
        Samme type, antall dager og beløp gir samme tekst, så den lages én gang."""
        lager = self._forklaringer
        if lager is None:
            lager = self._forklaringer = {}
        nr = _TYPER.index(linje.type)
        noekkel = (nr, linje.antall_dager, linje.beloep)
        tekst = lager.get(noekkel)
        if tekst is None:
            tekst = lager[noekkel] = _forklaringstekst(nr, {self: linje.antall_dager}, linje)
        return tekst

    def tekst(self, linjetype: Linjetype) -> str:
        if linjetype is not Linjetype.FRADRAG:
            return self.grunnsats.tekst(linjetype)
        if self._tekst_fradrag is None:
            navn = ", ".join(f"{type_.tekst} {kroner_tekst(sats)}" for type_, sats in self.ytelser)
            tekst = f"Andre ytelser trekkes krone for krone: {navn} per dag"
            if self.fradrag < self.ytelsessum:
                tekst += f"; trekket er begrenset til dagens stønad og barnetillegg, {tall_tekst(self.fradrag)} kr"
            self._tekst_fradrag = tekst
        return self._tekst_fradrag


# --- linjer --------------------------------------------------------------------------------------------------

_HJEMMEL = (HJEMMEL_STOENAD, HJEMMEL_BARNETILLEGG, HJEMMEL_FRADRAG)
_TYPER = (Linjetype.STOENAD, Linjetype.BARNETILLEGG, Linjetype.FRADRAG)
_NULL_TIMER = Decimal(0)
_SISTE_ORDINAL = date.max.toordinal()
_STATUSER = tuple(Dagstatus)
_STATUSKODE = {status: kode for kode, status in enumerate(_STATUSER)}
_DELTATT = (_STATUSKODE[Dagstatus.DELTATT], None)


class _Forklaring:
    """Forklaringen til én linje: hvilke dagverdier linjen består av, og hvor mange dager av hver."""

    __slots__ = ("dager_per_verdi", "nr")

    def __init__(self, nr: int, dager_per_verdi: dict[_Dagverdi, int]) -> None:
        self.nr = nr
        self.dager_per_verdi = dager_per_verdi

    def forklar(self, linje: Linje) -> str:
        verdier = self.dager_per_verdi
        if len(verdier) == 1:  # den vanlige linjen: samme tekst hver gang samme dagverdi gir samme linje
            return next(iter(verdier)).forklar(linje)
        return _forklaringstekst(self.nr, verdier, linje)


def _forklaringstekst(nr: int, verdier: dict[_Dagverdi, int], linje: Linje) -> str:
    """Forklaringen til en linje av type nr. `nr` med disse dagverdiene (og antall dager av hver)."""
    type_ = _TYPER[nr]
    foerste = next(iter(verdier))
    if len(verdier) == 1:
        grunner = foerste.tekst(type_)
    else:
        grunner = "; ".join(dict.fromkeys([verdi.tekst(type_) for verdi in verdier]))
    tekst = grunner + "."
    if nr != 2:  # FRADRAG har ingen merknader
        merknader: dict[str, int] = {}
        for verdi, antall in verdier.items():
            reduksjon = verdi.reduksjon
            if reduksjon.merknad:
                merknad = reduksjon.tekst()
                merknader[merknad] = merknader.get(merknad, 0) + antall
        if merknader:
            tekst += " " + "; ".join([f"{_dager(n)}: {m}" for m, n in merknader.items()]) + "."
    # alle dagverdiene i en linje har samme dagsats som linjen
    dagsats = foerste.satstekst(nr) if foerste.linjesatser[nr] is linje.dagsats else tall_tekst(linje.dagsats)
    beloep = linje.beloep
    kroner = _KRONETEKSTER.get(beloep)
    if kroner is None:
        if len(_KRONETEKSTER) > 100_000:
            _KRONETEKSTER.clear()
        kroner = _KRONETEKSTER[beloep] = kroner_tekst(beloep)
    return f"{tekst} {_dager(linje.antall_dager)} × {dagsats} kr = {kroner}."


_KRONETEKSTER: dict[Decimal, str] = {}
"""Beløpene i forklaringene på norsk form («1 039,50 kr»); de samme går igjen i en batch."""
_DAGER = tuple(f"{antall} dag" if antall == 1 else f"{antall} dager" for antall in range(32))


def _dager(antall: int) -> str:
    return _DAGER[antall] if 0 <= antall < 32 else f"{antall} dager"


_KRONER: dict[int, Decimal] = {}
"""Beløpene på linjene (hele øre → kroner med to desimaler); de samme går igjen i en batch."""
_DATOER: dict[int, date] = {}
"""Datoene linjene begynner og slutter på (ordinal → dato); de samme går igjen i en batch."""
_ny_tuppel = tuple.__new__
"""Lager en `Linje` eller et `Beregningsresultat` uten å gå gjennom NamedTuple-konstruktøren i Python."""


def _linje(
    nr: int,
    fra: int,
    til: int,
    antall: int,
    dagsats: Fraction,
    dager_per_verdi: dict[_Dagverdi, int] | None,
    satsnoekkel: tuple[int, int],
    verdi: _Dagverdi,
) -> Linje:
    """Lukker en linje: beløpet er eksakt dagsats × antall dager, rundet halvt opp til øre én gang.

    `dager_per_verdi` er None når hele linjen er én dagverdi (`verdi`, den vanlige linjen); da er hjemmelen dagverdiens
    og dagverdien selv forklarer linjen."""
    teller, nevner = satsnoekkel
    oere = (abs(teller) * antall * 200 + nevner) // (2 * nevner)  # = belop.oere_halvt_opp(teller * antall, nevner)
    beloep = _KRONER.get(oere)
    if beloep is None:
        if len(_KRONER) > 100_000:
            _KRONER.clear()
        beloep = _KRONER[oere] = Decimal(oere).scaleb(-2)
    if nr == 2:  # FRADRAG: beløpet rundes som positivt tall og får minus etterpå
        beloep = -beloep
    forklarer: Forklarer
    if dager_per_verdi is None:
        hjemmel = verdi.reduksjon.linjehjemler[nr]
        forklarer = verdi
    else:
        hjemmel = _HJEMMEL[nr]
        if nr != 2:
            for enkelt in dager_per_verdi:
                if enkelt.hjemler_reduksjon:
                    hjemler = [h for v in dager_per_verdi for h in v.hjemler_reduksjon]
                    hjemmel = "; ".join([hjemmel, *dict.fromkeys(hjemler)])
                    break
        forklarer = _Forklaring(nr, dager_per_verdi)
    fra_dato = _DATOER.get(fra)
    if fra_dato is None:
        if len(_DATOER) > 100_000:
            _DATOER.clear()
        fra_dato = _DATOER[fra] = date.fromordinal(fra)
    til_dato = _DATOER.get(til)
    if til_dato is None:
        til_dato = _DATOER[til] = date.fromordinal(til)
    return _ny_tuppel(Linje, (_TYPER[nr], fra_dato, til_dato, antall, dagsats, beloep, hjemmel, forklarer))


_Brukte = tuple[tuple[Parameter, tuple[int, ...]], ...]
_Noekkel = tuple[int, bool, int, int, tuple[int, Decimal | None], Decimal | int, tuple[Any, ...]]
"""Dagverdiens nøkkel i mellomlageret: (tidsrom, under 25, virkedager i måneden (0 for VIRKEDAGER), antall barn,
(statuskode, timer), arbeidstimer per uke, ytelsene)."""


def _brukte_indekser(noekkel: _Noekkel, indekser: tuple[int, ...], fast: bool) -> tuple[int, ...]:
    """Indeksene (rekkefølge som `_NOEKKELPARAMETRE`) til verdiene en dagverdi faktisk bruker; -1 = ikke brukt."""
    _, under_25, _, antall_barn, (_, timer), arbeidstimer, _ = noekkel
    g_i, f_i, a_i, v_i, s_i, d_i, t_i, p_i, _ = indekser
    return (
        g_i,
        f_i,
        a_i if under_25 else -1,
        -1 if fast else v_i,
        s_i if antall_barn else -1,
        d_i if antall_barn and fast else -1,
        t_i if arbeidstimer else -1,
        p_i if timer is not None else -1,
    )


def _trengs(noekkel: _Noekkel, fast: bool) -> tuple[bool, ...]:
    """Hvilke parametere (rekkefølge som `_NOEKKELPARAMETRE`) en dagverdi trenger, for å kunne si fra når de mangler."""
    _, under_25, _, antall_barn, (_, timer), arbeidstimer, _ = noekkel
    return (
        True,
        True,
        under_25,
        not fast,
        antall_barn > 0,
        antall_barn > 0 and fast,
        bool(arbeidstimer),
        timer is not None,
    )


@functools.cache
def _virkedager_i_maaned(aar: int, maaned: int) -> int:
    return maanedens_virkedager(aar, maaned)


_MAANEDSSTARTER: dict[int, int] = {}
"""Første dag i hver måned som ordinal, slått opp på måneder fra år 0 (år × 12 + måned − 1)."""


def _maanedsstart(maaned: int) -> int:
    aar, mnd = divmod(maaned, 12)
    ordinal = date(aar, mnd + 1, 1).toordinal() if aar <= 9999 else _SISTE_ORDINAL + 1
    _MAANEDSSTARTER[maaned] = ordinal
    return ordinal


_BURSDAGER: dict[tuple[date, int], int] = {}
"""Datoen (ordinal) en fødselsdato fyller en alder; de samme går igjen i en batch."""


def _bursdag(foedselsdato: date, alder: int) -> int:
    if len(_BURSDAGER) > 100_000:
        _BURSDAGER.clear()
    ordinal = _BURSDAGER[(foedselsdato, alder)] = bursdag(foedselsdato, alder).toordinal()
    return ordinal


def _aldersgrenser(parametere: Parametersett, fom: date) -> tuple[int, int, _Brukte, _Brukte, Any, Any]:
    """Aldersgrensene for en periode som begynner `fom` (sosialtjenesteloven § 35; barnetillegget: forskriften), og
    parameterbruken de gir uten og med barn, også som nøkkel (parameterobjektenes identitet og indeksene)."""
    full_parameter, barn_parameter = parametere["alder_full_stoenad"], parametere["barnetillegg_alder"]
    full_i, barn_i = full_parameter.indeks(fom), barn_parameter.indeks(fom)
    uten_barn: _Brukte = ((full_parameter, (full_i,)),)
    med_barn: _Brukte = (*uten_barn, (barn_parameter, (barn_i,)))
    return (
        int(full_parameter.verdier[full_i].verdi),
        int(barn_parameter.verdier[barn_i].verdi),
        uten_barn,
        med_barn,
        tuple([(id(parameter), indekser) for parameter, indekser in uten_barn]),
        tuple([(id(parameter), indekser) for parameter, indekser in med_barn]),
    )


def _flere_dagverdier(aapen: list[Any], verdi: _Dagverdi, antall: int) -> None:
    """En åpen linje får dager fra en dagverdi til (samme dagsats): tell dagene per dagverdi for forklaringen."""
    dager = aapen[4]
    if dager is None:
        dager = aapen[4] = {aapen[6]: aapen[2]}
    dager[verdi] = dager.get(verdi, 0) + antall


class _Beregning:
    """Én beregning: segmenterer perioden, finner dagsatsene og bygger linjene. Dager regnes som ordinaler."""

    __slots__ = (
        "aldersgrenser",
        "aldersnoekkel",
        "arbeid",
        "barn",
        "barnestarter",
        "brukt",
        "fast",
        "fyller_25",
        "grunnlag",
        "registrert",
        "sett",
        "ytelser",
    )

    def __init__(self, grunnlag: Beregningsgrunnlag, parametere: Parametersett) -> None:
        self.grunnlag = grunnlag
        self.sett = parametere
        self.fast = grunnlag.beregningsmodell is Beregningsmodell.FAST_MAANEDSBELOEP
        # Aldersgrensene leses for periodens første dag; de samme gjelder for alle perioder som begynner den dagen.
        fom = grunnlag.periode.fra_og_med
        lager = parametere.mellomlager
        aldre = lager.get(("aldersgrenser", fom))
        if aldre is None:
            aldre = lager[("aldersgrenser", fom)] = _aldersgrenser(parametere, fom)
        alder_full, alder_barn, uten_barn, med_barn, uten_barn_noekkel, med_barn_noekkel = aldre
        # Aldersgrensene er brukt når minst én programdag er beregnet: 25-årsgrensen alltid, barnas når det er barn.
        self.aldersgrenser: _Brukte = med_barn if grunnlag.barn else uten_barn
        self.aldersnoekkel = med_barn_noekkel if grunnlag.barn else uten_barn_noekkel
        foedt_25 = (grunnlag.deltaker.foedselsdato, alder_full)
        self.fyller_25 = _BURSDAGER.get(foedt_25) or _bursdag(*foedt_25)
        # barna: når hvert barn teller (fra og med, til), og segmentgrensene (født, fyller 18, forsørgerperioden)
        self.barn: list[tuple[int, int]] = []
        self.barnestarter: list[int] = []
        for b in grunnlag.barn:
            foedt = b.foedselsdato.toordinal()
            fyller_18 = _BURSDAGER.get((b.foedselsdato, alder_barn)) or _bursdag(b.foedselsdato, alder_barn)
            b_fom = b.fra_og_med.toordinal() if b.fra_og_med else 0
            b_til = b.til_og_med.toordinal() + 1 if b.til_og_med else _SISTE_ORDINAL + 1
            self.barn.append((max(foedt, b_fom), min(fyller_18, b_til)))
            self.barnestarter += (foedt, fyller_18, b_fom, b_til)
        self.arbeid = (
            [
                (a.fra_og_med.toordinal(), a.til_og_med.toordinal(), a.timer_per_uke, i)
                for i, a in enumerate(grunnlag.arbeid)
            ]
            if grunnlag.arbeid
            else []
        )
        self.ytelser = (
            [(y.fra_og_med.toordinal(), y.til_og_med.toordinal(), (y.type, y.dagsats)) for y in grunnlag.ytelser]
            if grunnlag.ytelser
            else []
        )
        # statusen som heltallskode i nøkkelen: Enum-hashing er treg i en varm løkke
        self.registrert = (
            {d.dato.toordinal(): (_STATUSKODE[d.status], d.timer) for d in grunnlag.dager} if grunnlag.dager else {}
        )
        self.brukt: set[_Dagverdi] = set()

    def slipp_mellomregning(self) -> None:
        """Resultatet holder på beregningen (for `brukte_verdier`); det den trengte underveis, slippes med en gang,
        så et utbetalingsløp med tusenvis av resultater i minnet ikke også holder på alle mellomregningene."""
        self.barn = []
        self.barnestarter = []
        self.arbeid = []
        self.ytelser = []
        self.registrert = {}

    def brukte_verdier(self) -> _Brukte:
        """Parameterverdiene dagverdiene bygde på, pluss aldersgrensene; delt mellom beregninger med samme bruk."""
        noekkel = ("brukte", frozenset([verdi.bruk for verdi in self.brukt]), self.aldersnoekkel)
        lager = self.sett.mellomlager
        svar: _Brukte | None = lager.get(noekkel)
        if svar is None:
            svar = lager[noekkel] = self._brukte_verdier()
        return svar

    def _brukte_verdier(self) -> _Brukte:
        brukt: dict[int, set[int]] = {}
        for verdi in self.brukt:
            for nr, indeks in enumerate(verdi.bruk):
                if indeks >= 0:
                    brukt.setdefault(nr, set()).add(indeks)
        if not brukt:
            return ()
        return tuple(
            sorted(
                [(self.sett[_NOEKKELPARAMETRE[nr]], tuple(sorted(indekser))) for nr, indekser in brukt.items()]
                + list(self.aldersgrenser),
                key=lambda bruk: bruk[0].navn,
            )
        )

    def programperioder(self, fom: int, tom: int) -> list[list[int]]:
        """Programperiodene innenfor [fom, tom], sortert og slått sammen der de overlapper eller støter."""
        programperioder = self.grunnlag.programperioder
        if len(programperioder) == 1:
            a, b = (
                max(programperioder[0].fra_og_med.toordinal(), fom),
                min(programperioder[0].til_og_med.toordinal(), tom),
            )
            return [[a, b]] if a <= b else []
        klippet = sorted(
            [(max(p.fra_og_med.toordinal(), fom), min(p.til_og_med.toordinal(), tom)) for p in programperioder]
        )
        sammen: list[list[int]] = []
        for a, b in klippet:
            if a > b:
                continue
            if sammen and a <= sammen[-1][1] + 1:
                sammen[-1][1] = max(sammen[-1][1], b)
            else:
                sammen.append([a, b])
        return sammen

    def segmentstarter(self, fom: int, tom: int, perioder: list[list[int]], maanedsstarter: list[int]) -> list[int]:
        starter = {fom, self.fyller_25, *maanedsstarter, *self.sett.endringsordinaler(fom, tom), *self.barnestarter}
        legg = starter.add
        for a, b in perioder:
            legg(a)
            legg(b + 1)
        for a_fom, a_tom, _, _ in self.arbeid:
            legg(a_fom)
            legg(a_tom + 1)
        for y_fom, y_tom, _ in self.ytelser:
            legg(y_fom)
            legg(y_tom + 1)
        for dag in self.registrert:
            legg(dag)
            legg(dag + 1)
        sortert = sorted(starter)
        return sortert[bisect_left(sortert, fom) : bisect_right(sortert, tom)]

    def arbeidstimer(self, dag: int, indekser: tuple[int, ...]) -> Decimal:
        """Samlet arbeidstid per uke på `dag`; kaster når den er over grensen for arbeid ved siden av programmet."""
        timer = _NULL_TIMER
        dekker: list[int] = []
        for fom, tom, t, i in self.arbeid:
            if fom <= dag <= tom:
                timer += t
                dekker.append(i)
        if timer:
            maks_parameter = self.sett[_NOEKKELPARAMETRE[8]]
            if indekser[8] < 0:
                raise ManglendeParameter(maks_parameter, date.fromordinal(dag))
            maks = maks_parameter.verdier[indekser[8]].verdi
            if timer > maks:
                felt = f"arbeid[{dekker[0]}].timer_per_uke" if len(dekker) == 1 else "arbeid"
                raise UgyldigGrunnlag(
                    felt,
                    f"samlet arbeidstid {tall_tekst(timer)} timer per uke ({date.fromordinal(dag).isoformat()}) er mer "
                    f"enn {tall_tekst(maks)} timer, som er det høyeste som er tillatt ved siden av programmet.",
                )
        return timer

    def ny_dagverdi(self, noekkel: _Noekkel, indekser: tuple[int, ...], dag: int) -> _Dagverdi:
        """Lager dagverdien for en kombinasjon mellomlageret ikke har, og legger den der."""
        _, _, w_maaned, antall_barn, (status, timer), arbeidstimer, ytelser = noekkel
        bruk = _brukte_indekser(noekkel, indekser, self.fast)
        if min(indekser) < 0:  # en parameter har ingen verdi ennå denne dagen: feil bare om dagverdien trenger den
            for nr, (trengs, indeks) in enumerate(zip(_trengs(noekkel, self.fast), bruk, strict=True)):
                if trengs and indeks < 0:
                    raise ManglendeParameter(self.sett[_NOEKKELPARAMETRE[nr]], date.fromordinal(dag))
        lager = self.sett.mellomlager
        if len(lager) >= _MELLOMLAGER_MAKS:
            lager.clear()
        g_noekkel = ("grunnsats", bruk[:6], w_maaned, antall_barn)
        grunnsats = lager.get(g_noekkel)
        if grunnsats is None:
            grunnsats = lager[g_noekkel] = _Grunnsats(bruk[:6], w_maaned, antall_barn, self.sett)
        r_noekkel = ("reduksjon", bruk[6:], status, timer, arbeidstimer)
        reduksjon = lager.get(r_noekkel)
        if reduksjon is None:
            reduksjon = lager[r_noekkel] = _Reduksjon(bruk[6:], _STATUSER[status], timer, arbeidstimer, self.sett)
        verdi = lager[noekkel] = _Dagverdi(grunnsats, reduksjon, ytelser, bruk)
        return verdi

    def linjer(self) -> list[Linje]:
        periode = self.grunnlag.periode
        fom, tom = periode.fra_og_med.toordinal(), periode.til_og_med.toordinal()
        perioder = self.programperioder(fom, tom)
        if not perioder:
            return []
        maanedsstarter = []
        maaned = periode.fra_og_med.year * 12 + periode.fra_og_med.month - 1  # måneder fra år 0
        while True:
            maaned += 1
            maanedsstart = _MAANEDSSTARTER.get(maaned) or _maanedsstart(maaned)
            if maanedsstart > tom:
                break
            maanedsstarter.append(maanedsstart)
        maanedsstarter.append(tom + 1)
        starter = self.segmentstarter(fom, tom, perioder, maanedsstarter)
        starter.append(tom + 1)
        sett = self.sett
        endringer = sett.endringsordinaler_alle
        fast = self.fast
        arbeid = bool(self.arbeid)
        barn, ytelser, registrert, fyller_25 = self.barn, self.ytelser, self.registrert, self.fyller_25
        lager = sett.mellomlager
        bruk = self.brukt.add

        ferdige: list[tuple[int, int, list[Any]]] = []
        # De åpne linjene per type (0 STOENAD, 1 BARNETILLEGG, 2 FRADRAG): [fra, til, antall, dagsats, dager per
        # dagverdi (None så lenge linjen er én dagverdi), satsnøkkel, første dagverdi]. Skrevet ut for hver type.
        aapen0: list[Any] | None = None
        aapen1: list[Any] | None = None
        aapen2: list[Any] | None = None
        antall_perioder = len(perioder)
        p_i = 0
        m_i = 0
        neste_maaned_start = maanedsstarter[0]
        w_maaned = _virkedager_i_maaned(periode.fra_og_med.year, periode.fra_og_med.month) if fast else 0
        ny_maaned = False
        forrige = virkedager_til_og_med(fom - 1)
        epoke, neste_endring = -1, fom
        indekser: tuple[int, ...] = ()
        slutt = starter[0] - 1
        for neste in starter[1:]:
            start = slutt + 1
            slutt = neste - 1
            # virkedager fra 0001-01-01 (en mandag) til og med slutt, og ukedagen til slutt (rest 6 og 0: helg)
            rest = slutt % 7
            til_og_med = (slutt - rest) // 7 * 5 + (rest if rest < 5 else 5)
            antall = til_og_med - forrige
            forrige = til_og_med
            if start >= neste_maaned_start:  # en linje ligger alltid innenfor én kalendermåned
                m_i += 1
                neste_maaned_start = maanedsstarter[m_i]
                ny_maaned = True
                if fast:
                    d = date.fromordinal(start)
                    w_maaned = _virkedager_i_maaned(d.year, d.month)
            if not antall:
                continue
            if start >= neste_endring:  # ny parameterverdi: finn tidsrommet og indeksene på nytt
                epoke = bisect_right(endringer, start) - 1
                neste_endring = endringer[epoke + 1] if epoke + 1 < len(endringer) else tom + 1
                indekser = sett.indekser(epoke, _NOEKKELPARAMETRE)
            arbeidstimer = self.arbeidstimer(start, indekser) if arbeid else 0
            while p_i < antall_perioder and perioder[p_i][1] < start:
                p_i += 1
            i_program = p_i < antall_perioder and start >= perioder[p_i][0]
            if ny_maaned or not i_program:  # virkedager utenfor programmet bryter alle linjer
                ny_maaned = False
                if aapen0 is not None:
                    ferdige.append((aapen0[0], 0, aapen0))
                    aapen0 = None
                if aapen1 is not None:
                    ferdige.append((aapen1[0], 1, aapen1))
                    aapen1 = None
                if aapen2 is not None:
                    ferdige.append((aapen2[0], 2, aapen2))
                    aapen2 = None
                if not i_program:
                    continue
            # dagverdien: slås opp i mellomlageret på alt som påvirker dagsatsene denne dagen
            antall_barn = 0
            for barn_fom, barn_til in barn:
                if barn_fom <= start < barn_til:
                    antall_barn += 1
            noekkel = (
                epoke,
                start < fyller_25,
                w_maaned,
                antall_barn,
                registrert.get(start, _DELTATT) if registrert else _DELTATT,
                arbeidstimer,
                tuple([y for y_fom, y_tom, y in ytelser if y_fom <= start <= y_tom]) if ytelser else (),
            )
            verdi = lager.get(noekkel)
            if verdi is None:
                verdi = self.ny_dagverdi(noekkel, indekser, start)
            bruk(verdi)
            noekkel0, noekkel1, noekkel2 = verdi.satsnoekler
            til = slutt - 1 if rest == 6 else (slutt - 2 if not rest else slutt)  # siste virkedag i segmentet
            fra = 0
            if aapen0 is not None:
                if aapen0[5] == noekkel0:  # samme eksakte dagsats: linjen fortsetter
                    aapen0[1] = til
                    if aapen0[4] is not None or verdi is not aapen0[6]:
                        _flere_dagverdier(aapen0, verdi, antall)
                    aapen0[2] += antall
                else:
                    ferdige.append((aapen0[0], 0, aapen0))
                    aapen0 = None
            if aapen0 is None and noekkel0 is not None:
                ukedag = (start - 1) % 7
                fra = start + (7 - ukedag) if ukedag > 4 else start
                aapen0 = [fra, til, antall, verdi.linjesatser[0], None, noekkel0, verdi]
            if aapen1 is not None:
                if aapen1[5] == noekkel1:
                    aapen1[1] = til
                    if aapen1[4] is not None or verdi is not aapen1[6]:
                        _flere_dagverdier(aapen1, verdi, antall)
                    aapen1[2] += antall
                else:
                    ferdige.append((aapen1[0], 1, aapen1))
                    aapen1 = None
            if aapen1 is None and noekkel1 is not None:
                if not fra:
                    ukedag = (start - 1) % 7
                    fra = start + (7 - ukedag) if ukedag > 4 else start
                aapen1 = [fra, til, antall, verdi.linjesatser[1], None, noekkel1, verdi]
            if aapen2 is not None:
                if aapen2[5] == noekkel2:
                    aapen2[1] = til
                    if aapen2[4] is not None or verdi is not aapen2[6]:
                        _flere_dagverdier(aapen2, verdi, antall)
                    aapen2[2] += antall
                else:
                    ferdige.append((aapen2[0], 2, aapen2))
                    aapen2 = None
            if aapen2 is None and noekkel2 is not None:
                if not fra:
                    ukedag = (start - 1) % 7
                    fra = start + (7 - ukedag) if ukedag > 4 else start
                aapen2 = [fra, til, antall, verdi.linjesatser[2], None, noekkel2, verdi]
        if aapen0 is not None:
            ferdige.append((aapen0[0], 0, aapen0))
        if aapen1 is not None:
            ferdige.append((aapen1[0], 1, aapen1))
        if aapen2 is not None:
            ferdige.append((aapen2[0], 2, aapen2))
        if len(ferdige) > 1:
            ferdige.sort()  # etter fra_og_med, så STOENAD, BARNETILLEGG, FRADRAG (to linjer deler aldri begge)
        return [_linje(nr, *aapen) for _, nr, aapen in ferdige]

"""Grensen mellom databasen og `kvp_regler`: en saks måned som beregningsgrunnlag (spec/beregning.md § 6).

Grunnlaget lages som det samme JSON-dokumentet som `kvp beregn` leser, slik at det kan lagres uforandret sammen med
en beregning og kjøres på nytt med kommandolinjen. Alt annet i `kvp/` som trenger stønaden for en måned går hit:
saksbildet, deltakerens egen side og utbetalingsrunden.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, NamedTuple

from kvp.felles.feil import KvpFeil
from kvp.felles.idliste import id_liste
from kvp.person.grunnlag import barn_i_grunnlaget
from kvp.sak.models import Sak
from kvp.vedtak.models import Vedtak, Vedtaksstatus
from kvp_regler import tid
from kvp_regler.beregning import Beregningsresultat, UgyldigGrunnlag, beregn_mange, beregn_stoenad, uten_syklisk_gc
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json
from kvp_regler.parametere import STANDARD, ManglendeParameter, Parametersett
from kvp_regler.program.vedtaksperioder import GJENOPPTAK, VEDTAK_UTEN_STOENAD, dager_uten_stoenad

from .models import AnnenYtelse, Arbeidsperiode, Oppmoete

Grunnlagsdokument = dict[str, Any]


def maanedsperiode(aar: int, maaned: int) -> tuple[dt.date, dt.date]:
    """Første og siste dag i måneden (`kvp_regler.tid.maanedsperiode`); en ugyldig måned gir `KvpFeil`."""
    try:
        return tid.maanedsperiode(aar, maaned)
    except ValueError:
        raise KvpFeil("Ugyldig måned.", felt="maaned", kode="KVP_UGYLDIG_MAANED") from None


def dager_uten_stoenad_etter_vedtak(ider: list[Any], fra: dt.date, til: dt.date) -> dict[Any, dict[dt.date, str]]:
    """Virkedagene i perioden som fattede vedtak om permisjon eller avbrudd gjør stønadsløse, per sak
    (regelen: `kvp_regler.program.vedtaksperioder.dager_uten_stoenad`)."""
    vedtak = (
        (sak_id, type_, v_fra, v_til)
        for sak_id, type_, v_fra, v_til in Vedtak.objects.filter(
            sak_id__in=id_liste(ider),
            status=Vedtaksstatus.FATTET,
            type__in=[*VEDTAK_UTEN_STOENAD, GJENOPPTAK],
            fra_og_med__lte=til,
        )
        .order_by("sak_id", "fra_og_med", "fattet_tidspunkt")
        .values_list("sak_id", "type", "fra_og_med", "til_og_med")
        if v_fra is not None  # utelukket av filteret; for typekontrollen
    )
    return {
        sak_id: {dato: str(status) for dato, status in dager.items()}
        for sak_id, dager in dager_uten_stoenad(vedtak, fra, til).items()
    }


class Grunnlagssak(NamedTuple):
    """Det grunnlaget trenger om en sak, lest som verdier (utbetalingsrunden leser tusenvis av saker per bit)."""

    pk: Any
    person_id: Any
    foedselsdato: dt.date
    beregningsmodell: str
    programperiode: tuple[dt.date, dt.date] | None


def grunnlag_for_saker(saker: Iterable[Sak], aar: int, maaned: int) -> dict[Any, Grunnlagsdokument]:
    """Beregningsgrunnlaget for måneden for hver sak, med et fast antall spørringer uansett antall saker.

    Sakene må være hentet med `select_related("person__kommune")`. En sak uten programperiode gir `KvpFeil`.
    Dager som fattede vedtak om permisjon eller avbrudd dekker, blir stønadsløse (`dager_uten_stoenad_etter_vedtak`).
    """
    return grunnlag_for_sakrader(
        [
            Grunnlagssak(
                s.pk, s.person_id, s.person.foedselsdato, s.person.kommune.beregningsmodell, s.programperiode()
            )
            for s in saker
        ],
        aar,
        maaned,
    )


def grunnlag_for_sakrader(saker: list[Grunnlagssak], aar: int, maaned: int) -> dict[Any, Grunnlagsdokument]:
    """Som `grunnlag_for_saker`, med sakene som verdier (`Grunnlagssak`)."""
    fra, til = maanedsperiode(aar, maaned)
    ider = [sak.pk for sak in saker]
    personer = [sak.person_id for sak in saker]

    etter_vedtak = dager_uten_stoenad_etter_vedtak(ider, fra, til)
    registrert: dict[Any, dict[dt.date, dict[str, Any]]] = defaultdict(dict)
    for sak_id, dato, status, timer in (
        Oppmoete.objects.filter(sak_id__in=id_liste(ider), dato__range=(fra, til))
        .order_by("sak_id", "dato")
        .values_list("sak_id", "dato", "status", "timer")
    ):
        dag: dict[str, Any] = {"dato": dato.isoformat(), "status": status}
        if timer is not None:
            dag["timer"] = str(timer)
        registrert[sak_id][dato] = dag
    dager: dict[Any, list[dict[str, Any]]] = {}
    for sak_id in ider:
        per_dag = registrert.get(sak_id, {})
        for dato, status in etter_vedtak.get(sak_id, {}).items():
            per_dag[dato] = {"dato": dato.isoformat(), "status": status}
        dager[sak_id] = [per_dag[d] for d in sorted(per_dag)]

    arbeid: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for sak_id, a_fra, a_til, timer in (
        Arbeidsperiode.objects.filter(sak_id__in=id_liste(ider), fra_og_med__lte=til, til_og_med__gte=fra)
        .order_by("sak_id", "fra_og_med", "pk")
        .values_list("sak_id", "fra_og_med", "til_og_med", "timer_per_uke")
    ):
        arbeid[sak_id].append(
            {"fra_og_med": a_fra.isoformat(), "til_og_med": a_til.isoformat(), "timer_per_uke": str(timer)}
        )

    ytelser: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    for sak_id, type_, y_fra, y_til, dagsats in (
        AnnenYtelse.objects.filter(sak_id__in=id_liste(ider), fra_og_med__lte=til, til_og_med__gte=fra)
        .order_by("sak_id", "fra_og_med", "pk")
        .values_list("sak_id", "type", "fra_og_med", "til_og_med", "dagsats")
    ):
        ytelser[sak_id].append(
            {"type": type_, "fra_og_med": y_fra.isoformat(), "til_og_med": y_til.isoformat(), "dagsats": str(dagsats)}
        )

    barn = barn_i_grunnlaget(personer, fra, til)

    dokumenter: dict[Any, Grunnlagsdokument] = {}
    for sak in saker:
        periode = sak.programperiode
        if periode is None:
            raise KvpFeil("Saken har ingen programperiode ennå.", kode="KVP_INGEN_PROGRAMPERIODE")
        dokumenter[sak.pk] = {
            "fra_og_med": fra.isoformat(),
            "til_og_med": til.isoformat(),
            "beregningsmodell": sak.beregningsmodell,
            "deltaker": {"foedselsdato": sak.foedselsdato.isoformat()},
            "programperioder": [{"fra_og_med": periode[0].isoformat(), "til_og_med": periode[1].isoformat()}],
            "barn": barn[sak.person_id],
            "dager": dager[sak.pk],
            "arbeid": arbeid[sak.pk],
            "ytelser": ytelser[sak.pk],
        }
    return dokumenter


def grunnlag_for_maaned(sak: Sak, aar: int, maaned: int) -> Grunnlagsdokument:
    """Beregningsgrunnlaget for én sak og én måned (se `grunnlag_for_saker`)."""
    return grunnlag_for_saker([sak], aar, maaned)[sak.pk]


def beregn(dokument: Grunnlagsdokument, parametere: Parametersett = STANDARD) -> Beregningsresultat:
    """Kjører `kvp_regler` på et grunnlagsdokument. Ugyldig grunnlag gir `KvpFeil` med regelkjernens melding.

    `parametere` byttes bare ut når gamle grunnlag regnes på nytt med nye satser (G-reguleringen) og i tester.
    """
    try:
        return beregn_stoenad(grunnlag_fra_json(dokument), parametere)
    except (UgyldigGrunnlag, ManglendeParameter) as feil:
        raise KvpFeil(f"Stønaden kan ikke beregnes: {feil}", kode="KVP_BEREGNING") from feil


def beregn_som_json(dokument: Grunnlagsdokument, parametere: Parametersett = STANDARD) -> dict[str, Any]:
    """Som `beregn`, men med resultatet i `kvp beregn`-formatet (det som lagres og vises)."""
    return resultat_til_json(beregn(dokument, parametere))


def beregn_mange_som_json(
    dokumenter: list[Grunnlagsdokument], parametere: Parametersett = STANDARD
) -> list[dict[str, Any]]:
    """Som `beregn_som_json` for mange dokumenter på én gang (`kvp_regler.beregning.beregn_mange`, i samme
    rekkefølge og med samme resultat), med syklusrydderen på pause også mens grunnlag og resultater gjøres om:
    utbetalingsrunden regner en bit av gangen slik. Det første ugyldige grunnlaget gir `KvpFeil` (finn det med
    `beregn_som_json` om det trengs)."""
    try:
        with uten_syklisk_gc():
            return [resultat_til_json(r) for r in beregn_mange([grunnlag_fra_json(d) for d in dokumenter], parametere)]
    except (UgyldigGrunnlag, ManglendeParameter) as feil:
        raise KvpFeil(f"Stønaden kan ikke beregnes: {feil}", kode="KVP_BEREGNING") from feil

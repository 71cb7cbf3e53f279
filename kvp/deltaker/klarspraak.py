"""Stønaden og utbetalingene i klart språk for deltakeren, på bokmål eller nynorsk etter målformen (ADR 0015).

Hver måned blir én setning og en liten tabell (dager, stønad per dag, fradrag, skatt, utbetalt, dato), og hele
utregningen blir linjer med hele kroner og øre. Tallene er de som allerede er regnet i `kvp_regler`: beløpene står
som de er, satsen per dag rundes til hele øre med `kvp_regler.belop.rund_av_til_oere`, og alt formateres med
`kvp_regler.belop.kroner_tekst`. Her summeres bare. Regelforklaringene (`forklaring`) har satser med fire desimaler
og faktorer fra forskriften; de er for saksbehandleren og vises aldri for deltakeren.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import Any

from kvp_regler.belop import kroner_tekst, rund_av_til_oere, tall_tekst
from kvp_regler.tid import maanedsnavn

TEKSTER: dict[str, dict[str, str]] = {
    "NB": {
        "setning": (
            "For {maaned} fikk du {netto} kr utbetalt {dato}. Det er stønad for {dager} dager, minus skatt{trekk}."
        ),
        "og_trekk": " og trekk for tilbakebetaling",
        "etterbetaling": " Med i utbetalingen er også etterbetaling for {maaneder}.",
        "min_side_tittel": "Dine utbetalinger",
        "maaned_setning": "For {maaned} er stønaden din {sum} kr før skatt, for {dager} dager.",
        "ingen_stoenad": "Du får ingen stønad for {maaned}.",
        "foreloepig": "Dette er foreløpig. NAV-kontoret har ikke godkjent måneden ennå.",
        "godkjent": "NAV-kontoret godkjente måneden {dato}.",
        "dager": "Dager med stønad",
        "dagsats": "Stønad per dag",
        "redusert": "Dager med mindre stønad",
        "barnetillegg": "Barnetillegg",
        "fradrag": "Fradrag for andre ytelser",
        "brutto": "Stønad før skatt",
        "trekk": "Trekk for tilbakebetaling",
        "skatt": "Skatt",
        "netto": "Utbetalt til deg",
        "dato": "Utbetalt dato",
        "hele": "Se hele utregningen",
        "tittel": "Utbetalingene dine",
        "ingen": "Du har ingen utbetalinger ennå.",
        "maaned_tittel": "Stønaden din for {maaned}",
        "alle": "Se alle utbetalingene forklart",
        "stoenad": "Stønad",
        "fradrag_linje": "Fradrag for andre ytelser",
        "dag": "dag",
        "dager_ord": "dager",
        "fravaer": "fravær",
        "arbeid": "lønnet arbeid",
        "annet": "mindre stønad",
        "redusert_til": "redusert til {prosent} %",
        "avrundet": (
            "Stønaden per dag er vist i hele øre. Beløpene er regnet med den nøyaktige satsen, så de kan skille "
            "noen øre fra dager ganger sats."
        ),
        "poster": "Dette er med i utbetalingen",
        "skatt_linje": "Skatt ({prosent} %)",
        "post_ORDINAER": "Stønad for {maaned}",
        "post_ETTERBETALING": "Etterbetaling for {maaned}",
        "post_TREKK": "Trekk for tilbakebetaling ({maaned})",
        "aarsoppgave": "Årsoppgave",
    },
    "NN": {
        "setning": (
            "For {maaned} fekk du {netto} kr utbetalt {dato}. Det er stønad for {dager} dagar, minus skatt{trekk}."
        ),
        "og_trekk": " og trekk for tilbakebetaling",
        "etterbetaling": " Med i utbetalinga er også etterbetaling for {maaneder}.",
        "min_side_tittel": "Dine utbetalingar",
        "maaned_setning": "For {maaned} er stønaden din {sum} kr før skatt, for {dager} dagar.",
        "ingen_stoenad": "Du får inga stønad for {maaned}.",
        "foreloepig": "Dette er førebels. NAV-kontoret har ikkje godkjent månaden enno.",
        "godkjent": "NAV-kontoret godkjende månaden {dato}.",
        "dager": "Dagar med stønad",
        "dagsats": "Stønad per dag",
        "redusert": "Dagar med mindre stønad",
        "barnetillegg": "Barnetillegg",
        "fradrag": "Frådrag for andre ytingar",
        "brutto": "Stønad før skatt",
        "trekk": "Trekk for tilbakebetaling",
        "skatt": "Skatt",
        "netto": "Utbetalt til deg",
        "dato": "Utbetalt dato",
        "hele": "Sjå heile utrekninga",
        "tittel": "Utbetalingane dine",
        "ingen": "Du har ingen utbetalingar enno.",
        "maaned_tittel": "Stønaden din for {maaned}",
        "alle": "Sjå alle utbetalingane forklarte",
        "stoenad": "Stønad",
        "fradrag_linje": "Frådrag for andre ytingar",
        "dag": "dag",
        "dager_ord": "dagar",
        "fravaer": "fråvær",
        "arbeid": "lønt arbeid",
        "annet": "mindre stønad",
        "redusert_til": "redusert til {prosent} %",
        "avrundet": (
            "Stønaden per dag er vist i heile øre. Beløpa er rekna med den nøyaktige satsen, så dei kan skilje "
            "nokre øre frå dagar gonger sats."
        ),
        "poster": "Dette er med i utbetalinga",
        "skatt_linje": "Skatt ({prosent} %)",
        "post_ORDINAER": "Stønad for {maaned}",
        "post_ETTERBETALING": "Etterbetaling for {maaned}",
        "post_TREKK": "Trekk for tilbakebetaling ({maaned})",
        "aarsoppgave": "Årsoppgåve",
    },
}

_PROSENT = re.compile(r"redusert til (\d+(?:,\d{1,2})?) %")


def tekster(maalform: str) -> dict[str, str]:
    return TEKSTER.get(maalform, TEKSTER["NB"])


def kr(verdi: Decimal | Fraction | int | str) -> str:
    """Et beløp som «1 947,24» (hardt mellomrom), med `kvp_regler.belop.kroner_tekst`."""
    return kroner_tekst(
        verdi if isinstance(verdi, Decimal | Fraction | int) else Decimal(verdi), enhet=False, hardt_mellomrom=True
    )


def sats_per_dag(linje: dict[str, Any]) -> Decimal | None:
    """Satsen per dag i hele øre (rundet i kvp_regler), eller None når linjen ikke har sats."""
    eksakt = linje.get("dagsats_eksakt") or linje.get("dagsats")
    if eksakt in (None, ""):
        return None
    return rund_av_til_oere(Fraction(str(eksakt)))


def _grunn(linje: dict[str, Any], t: dict[str, str]) -> str:
    forklaring = str(linje.get("forklaring", ""))
    treff = _PROSENT.search(forklaring)
    if not treff:
        return ""
    grunn = t["fravaer"] if "fravær" in forklaring else t["arbeid"] if "arbeid" in forklaring else t["annet"]
    return f" ({grunn}: {t['redusert_til'].format(prosent=treff.group(1))})"


def _dato(iso: str) -> str:
    aar, mnd, dag = str(iso).split("-")
    return f"{dag}.{mnd}.{aar}"


def linje_tekst(linje: dict[str, Any], t: dict[str, str]) -> str:
    """Én linje av utregningen: «Stønad 05.03.2025–07.03.2025: 3 dager × 649,08 kr = 1 947,24 kr»."""
    type_ = {"STOENAD": t["stoenad"], "BARNETILLEGG": t["barnetillegg"], "FRADRAG": t["fradrag_linje"]}.get(
        str(linje.get("type")), t["stoenad"]
    )
    fra = _dato(linje["fra_og_med"]) if linje.get("fra_og_med") else ""
    til = _dato(linje["til_og_med"]) if linje.get("til_og_med") else fra
    periode = (fra if fra == til else f"{fra}–{til}") + " " if fra else ""
    dager = int(linje.get("antall_dager", 0))
    sats = sats_per_dag(linje)
    utregning = f"{dager} {t['dag'] if dager == 1 else t['dager_ord']}"
    if sats is not None:
        utregning += f" × {kr(sats)} kr"
    return f"{type_} {periode}".rstrip() + f": {utregning} = {kr(linje['beloep'])} kr{_grunn(linje, t)}"


def _stoenadslinjer(linjer: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [linje for linje in linjer if linje.get("type") == "STOENAD"]


def tabell_for_linjer(linjer: list[dict[str, Any]]) -> dict[str, Any]:
    """Dager med stønad, full sats per dag, dager med mindre stønad, barnetillegg og fradrag (bare summer)."""
    stoenad = _stoenadslinjer(linjer)
    satser = [s for s in (sats_per_dag(linje) for linje in stoenad) if s is not None]
    full = max(satser) if satser else None
    return {
        "dager": sum(int(linje.get("antall_dager", 0)) for linje in stoenad),
        "dagsats": full,
        "redusert": sum(
            int(linje.get("antall_dager", 0)) for linje in stoenad if full is not None and sats_per_dag(linje) != full
        ),
        "barnetillegg": sum(
            (Decimal(str(linje["beloep"])) for linje in linjer if linje.get("type") == "BARNETILLEGG"), Decimal(0)
        ),
        "fradrag": -sum(
            (Decimal(str(linje["beloep"])) for linje in linjer if linje.get("type") == "FRADRAG"), Decimal(0)
        ),
    }


def maaned_forklart(
    resultat: dict[str, Any], *, aar: int, maaned: int, maalform: str, attestert: Any = None
) -> dict[str, Any]:
    """Stønaden for én måned (oppmøtesiden): én setning, en liten tabell og linjene i hele utregningen."""
    t = tekster(maalform)
    linjer = list(resultat.get("linjer", []))
    tabell = tabell_for_linjer(linjer)
    navn = maanedsnavn(aar, maaned)
    total = Decimal(str(resultat.get("total", "0")))
    setning = (
        t["maaned_setning"].format(maaned=navn, sum=kr(total), dager=tabell["dager"])
        if linjer
        else t["ingen_stoenad"].format(maaned=navn)
    )
    status = t["godkjent"].format(dato=attestert.strftime("%d.%m.%Y")) if attestert else t["foreloepig"]
    return {
        "t": t,
        "tittel": t["maaned_tittel"].format(maaned=navn),
        "setning": setning,
        "status": status,
        "total": total,
        "linjer": [linje_tekst(linje, t) for linje in linjer],
        **tabell,
    }


def utbetaling_forklart(u: Any, maalform: str) -> dict[str, Any]:
    """Én utbetaling (en rad i en utbetalingsrunde) i klart språk: setningen, tabellen og hele utregningen."""
    t = tekster(maalform)
    poster = list(u.poster.all())
    ordinaer = [p for p in poster if p.type == "ORDINAER" and p.beregning]
    linjer = [linje for p in ordinaer for linje in p.beregning.resultat.get("linjer", [])]
    tabell = tabell_for_linjer(linjer)
    maaned = maanedsnavn(ordinaer[0].aar, ordinaer[0].maaned) if ordinaer else ""
    setning = t["setning"].format(
        maaned=maaned,
        netto=kr(u.netto),
        dato=u.runde.utbetalingsdato.strftime("%d.%m.%Y"),
        dager=tabell["dager"],
        trekk=t["og_trekk"] if u.trekk else "",
    )
    etter = [maanedsnavn(p.aar, p.maaned) for p in poster if p.type == "ETTERBETALING"]
    if etter:
        setning += t["etterbetaling"].format(maaneder=", ".join(dict.fromkeys(etter)))
    return {
        "u": u,
        "t": t,
        "setning": setning,
        "poster": [
            {
                "tekst": t.get(f"post_{p.type}", t["post_ORDINAER"]).format(maaned=maanedsnavn(p.aar, p.maaned)),
                "beloep": kr(p.beloep),
            }
            for p in poster
        ],
        "linjer": [linje_tekst(linje, t) for linje in linjer],
        "skatt_linje": (
            t["skatt_linje"].format(prosent=tall_tekst(u.skattetrekk_prosent))
            if u.skattetrekk_prosent is not None
            else t["skatt"]
        ),
        **tabell,
    }

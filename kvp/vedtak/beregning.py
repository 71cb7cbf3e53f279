"""Forhåndsvisningen av stønaden i en innvilgelse (grunnlaget lages av `kvp.person.grunnlag`).

Regner første hele kalendermåned i programperioden med fullt oppmøte (ingen registrerte dager), med deltakerens
fødselsdato, barna med forsørgerperiodene og kommunens beregningsmodell. Resultatet lagres i vedtaket som JSON:
visningen for brevet og skjermen, og den nøyaktige beregningen vedtaket siterer i samme kontrakt som `kvp beregn`
(`grunnlag` er inndataene, `resultat` er utdataene med `parametere_brukt` og `regelversjon`). `kvp beregn` på
`grunnlag` gir `resultat` tilbake, tegn for tegn.
"""

import calendar
import datetime as dt
from typing import Any

from kvp.felles.feil import KvpFeil
from kvp.person.grunnlag import grunnlag_uten_registreringer
from kvp_regler.belop import kroner_tekst, rund_av_til_oere
from kvp_regler.beregning import UgyldigGrunnlag, beregn_stoenad, under_alder_full_stoenad
from kvp_regler.beregning import aarsbeloep as regn_aarsbeloep
from kvp_regler.beregning.kontrakt import grunnlag_fra_json, resultat_til_json
from kvp_regler.tid import Periode


def foerste_hele_maaned(fra_og_med: dt.date, til_og_med: dt.date) -> Periode:
    """Første hele kalendermåned i perioden; er perioden kortere, den første (delvise) måneden."""
    start = fra_og_med if fra_og_med.day == 1 else (fra_og_med.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    slutt = start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if slutt <= til_og_med:
        return Periode(start, slutt)
    siste = fra_og_med.replace(day=calendar.monthrange(fra_og_med.year, fra_og_med.month)[1])
    return Periode(fra_og_med, min(siste, til_og_med))


def beregning_forhaandsvis(*, person: Any, fra_og_med: dt.date, til_og_med: dt.date) -> dict[str, Any]:
    """Stønaden for første hele måned, linje for linje med forklaring (JSON som lagres i vedtaket)."""
    periode = foerste_hele_maaned(fra_og_med, til_og_med)
    dokument = grunnlag_uten_registreringer(
        person=person,
        fra_og_med=periode.fra_og_med,
        til_og_med=periode.til_og_med,
        programperiode=(fra_og_med, til_og_med),
    )
    try:
        resultat = beregn_stoenad(grunnlag_fra_json(dokument))
        under_25 = under_alder_full_stoenad(foedselsdato=person.foedselsdato, dato=periode.fra_og_med)
        aar = rund_av_til_oere(regn_aarsbeloep(dato=periode.fra_og_med, under_25=under_25))
    except UgyldigGrunnlag as feil:
        raise KvpFeil(f"Stønaden kan ikke beregnes: {feil.melding}", felt="fra_og_med", kode="KVP_BEREGNING") from feil
    return {
        "fra_og_med": periode.fra_og_med.isoformat(),
        "til_og_med": periode.til_og_med.isoformat(),
        "total": str(resultat.total),
        "total_tekst": kroner_tekst(resultat.total),
        "aarsbeloep": str(aar),
        "aarsbeloep_tekst": kroner_tekst(aar),
        "under_25": under_25,
        "beregningsmodell": resultat.beregningsmodell.value,
        "regelversjon": resultat.regelversjon,
        "grunnlag": dokument,
        "resultat": resultat_til_json(resultat),
        "linjer": [
            {
                "type": linje.type.value,
                "fra_og_med": linje.fra_og_med.isoformat(),
                "til_og_med": linje.til_og_med.isoformat(),
                "antall_dager": linje.antall_dager,
                "beloep": str(linje.beloep),
                "beloep_tekst": kroner_tekst(linje.beloep),
                "hjemmel": linje.hjemmel,
                "forklaring": linje.forklaring,
            }
            for linje in resultat.linjer
        ],
    }

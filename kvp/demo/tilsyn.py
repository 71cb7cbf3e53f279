"""Demodata for statsforvalteren: ett tilsyn under arbeid med Randaberg-Kvitsøy og to rettleiinger, gjennom
tjenestene. Frøet er fast, så utvalget blir det samme hver gang for de samme sakene."""

import datetime as dt
from typing import Any

from kvp.tilgang.models import NavKontor
from kvp.tilsyn.models import Funntype
from kvp.tilsyn.services import (
    funn_registrer,
    kandidater,
    kontrollpunkter_bekreft_forslag,
    rettleiing_marker_lest,
    rettleiing_publiser,
    tilsyn_opprett,
    tilsyn_trekk_utvalg,
)

FROE = 20260101
LOVEN = "https://lovdata.no/dokument/NL/lov/2009-12-18-131/KAPITTEL_4"
FORVALTNINGSLOVEN = "https://lovdata.no/dokument/NL/lov/1967-02-10"


def tilsyn_demodata(*, brukere: dict[str, Any], i_dag: dt.date) -> None:
    stine = brukere["stine"]
    randaberg = NavKontor.objects.get(enhetsnummer="1127")
    tilsyn = tilsyn_opprett(
        bruker=stine,
        kontor_id=randaberg.pk,
        tema="Kvalifiseringsprogrammet: saksbehandling og programinnhold",
        periode_fra=i_dag - dt.timedelta(days=365),
        periode_til=i_dag,
    )
    if kandidater(tilsyn):
        tilsyn_trekk_utvalg(bruker=stine, tilsyn_id=tilsyn.pk, antall_per_stratum=3, froe=FROE)
        kontrollpunkter_bekreft_forslag(bruker=stine, tilsyn_id=tilsyn.pk)
        funn_registrer(
            bruker=stine,
            tilsyn_id=tilsyn.pk,
            type=Funntype.MERKNAD,
            sjekkpunkt="VILKAAR",
            tekst="Vurderingen av behovet for tett og koordinert bistand er kort i flere saker. Skriv hva behovet "
            "består i og hvilke tjenester som skal samarbeide.",
        )
    bistand = rettleiing_publiser(
        bruker=stine,
        mottaker="fylke:Rogaland",
        tittel="Behovet for tett og koordinert bistand skal begrunnes konkret",
        tekst="Vilkåret i sosialtjenesteloven § 29 krever at tett og koordinert bistand er hensiktsmessig og "
        "nødvendig. Beskriv hvilke tjenester deltakeren trenger, hvorfor de må samordnes, og hvorfor vanlig "
        "oppfølging ikke er nok.",
        lenker=f"Sosialtjenesteloven kapittel 4 | {LOVEN}",
        steg="VILKAARSVURDERING",
        gyldig_fra=i_dag - dt.timedelta(days=20),
        gyldig_til=None,
    )
    rettleiing_publiser(
        bruker=stine,
        mottaker=f"kontor:{randaberg.pk}",
        tittel="Fagdag om kvalifiseringsprogrammet for KVP-ansvarlige",
        tekst="Statsforvalteren inviterer KVP-ansvarlige og ledere til fagdag om vedtak, klage og programinnhold. "
        "Ta med spørsmål fra egne saker.",
        lenker=f"Forvaltningsloven (begrunnelse og klage) | {FORVALTNINGSLOVEN}",
        steg="GENERELT",
        gyldig_fra=i_dag - dt.timedelta(days=5),
        gyldig_til=i_dag + dt.timedelta(days=60),
    )
    rettleiing_marker_lest(bruker=brukere["hakon"], rettleiing_id=bistand.pk)

"""G-regulering: betalte måneder som er beregnet med en annen G enn parameterne nå gir, beregnes på nytt."""

from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from kvp.felles.services import logghendelse_registrer
from kvp.oppmoete.grunnlag import beregn_som_json
from kvp.tilgang.models import Bruker, Kommune
from kvp_regler.parametere import STANDARD, Parametersett

from ..beregning import g_verdier_for, kroner, maanedstekst
from ..models import Beregning, Beregningsaarsak
from .korreksjon import korreksjon_lag, siste_betalte_beregninger
from .laas import kollisjon_som_feil, kommuner_laas


@kollisjon_som_feil
@transaction.atomic
def grunnbeloep_reguler(
    *, parametere: Parametersett = STANDARD, bruker: Bruker | None = None, kommune: Kommune | None = None
) -> int:
    """G-regulering: hver betalte måned som er beregnet med andre G-verdier enn parameterne nå gir for måneden,
    beregnes på nytt på det samme grunnlaget. Differansen betales (eller kreves tilbake) i neste runde, med
    forklaring. Gir antall måneder som ble regulert; en ny kjøring gir 0.

    Kommunen (eller alle kommunene) låses først, så G-reguleringen venter på runder og korreksjoner for samme
    kommune og omvendt (se `laas`)."""
    kommuner_laas(Kommune.objects.filter(pk=kommune.pk) if kommune is not None else Kommune.objects.all())
    sak_filter = Q(sak__person__kommune=kommune) if kommune is not None else Q()
    antall = 0
    siste_nye: Beregning | None = None
    for beregning in siste_betalte_beregninger(sak_filter).values():
        brukt = beregning.resultat.get("parametere_brukt", {}).get("grunnbeloep")
        if not brukt:
            continue
        gjeldende = g_verdier_for(parametere, beregning.grunnlag)
        if [(v["gyldig_fra"], v["verdi"]) for v in brukt] == [(v["gyldig_fra"], v["verdi"]) for v in gjeldende]:
            continue
        nye_g = ", ".join(f"{kroner(Decimal(v['verdi']))[:-3]} fra {v['gyldig_fra']}" for v in gjeldende)
        gamle_g = ", ".join(f"{kroner(Decimal(v['verdi']))[:-3]} fra {v['gyldig_fra']}" for v in brukt)
        siste_nye = korreksjon_lag(
            bruker=bruker,
            forrige=beregning,
            ny_resultat=beregn_som_json(beregning.grunnlag, parametere),
            grunnlag=beregning.grunnlag,
            aarsak=Beregningsaarsak.G_REGULERING,
            attesteringsversjon=beregning.attesteringsversjon,
            innledning=f"G-regulering for {maanedstekst(beregning.aar, beregning.maaned)}: grunnbeløpet er nå "
            f"{nye_g} kr (beregnet med {gamle_g} kr).",
        )
        antall += 1
    if siste_nye is not None:
        logghendelse_registrer(
            bruker=bruker,
            kontor=kommune.nav_kontor if kommune else None,
            handling="OPPRETT",
            objekt=siste_nye,
            beskrivelse=f"G-regulering: {antall} måneder beregnet på nytt",
        )
    return antall

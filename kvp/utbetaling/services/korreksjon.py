"""Korreksjoner: betalte måneder beregnes på nytt når grunnlaget er endret etter attesteringen. Differansen blir en
korreksjon; pluss betales som etterbetaling i neste runde, minus blir en tilbakekreving (se `tilbakekreving`)."""

from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.db.models import Q

from kvp.felles.services import logghendelse_registrer
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_saker
from kvp.oppmoete.models import Maanedsattestering
from kvp.sak.models import Sak
from kvp.tilgang.models import Bruker, Kommune
from kvp_regler.parametere import STANDARD, Parametersett

from ..beregning import kroner, maanedstekst
from ..models import (
    Beregning,
    Beregningsaarsak,
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Utbetalingskorreksjon,
    Utbetalingspost,
)
from .laas import kommune_laas


def _endrede_linjer(gammel: dict[str, Any], ny: dict[str, Any]) -> str:
    """Kort tekst om linjene som er nye eller borte i den nye beregningen."""

    def noekkel(linje: dict[str, Any]) -> tuple[str, ...]:
        return (linje["type"], linje["fra_og_med"], linje["til_og_med"], linje["beloep"])

    gamle = {noekkel(linje) for linje in gammel["linjer"]}
    nye = {noekkel(linje) for linje in ny["linjer"]}
    deler = []
    for linje in ny["linjer"]:
        if noekkel(linje) not in gamle:
            deler.append(f"ny: {linje['forklaring']}")
    for linje in gammel["linjer"]:
        if noekkel(linje) not in nye:
            deler.append(
                f"tidligere: {linje['type'].lower()} {linje['fra_og_med']}–{linje['til_og_med']} "
                f"{kroner(Decimal(linje['beloep']))}"
            )
    return " ".join(deler)


def korreksjon_lag(
    *,
    bruker: Bruker | None,
    forrige: Beregning,
    ny_resultat: dict[str, Any],
    grunnlag: dict[str, Any],
    aarsak: str,
    attesteringsversjon: int,
    innledning: str,
) -> Beregning:
    """Lagrer den nye beregningen og, om totalen endret seg, korreksjonen (og tilbakekrevingen ved minus). Korreksjonen
    og tilbakekrevingen føres i revisjonsloggen på personen."""
    total = Decimal(ny_resultat["total"])
    ny = Beregning.objects.create(
        sak_id=forrige.sak_id,
        aar=forrige.aar,
        maaned=forrige.maaned,
        versjon=forrige.versjon + 1,
        aarsak=aarsak,
        attesteringsversjon=attesteringsversjon,
        grunnlag=grunnlag,
        resultat=ny_resultat,
        total=total,
        regelversjon=ny_resultat["regelversjon"],
    )
    differanse = total - forrige.total
    if differanse == 0:
        return ny
    hva = "etterbetaling" if differanse > 0 else "tilbakekreving"
    forklaring = (
        f"{innledning} Ny beregning {kroner(total)}, tidligere {kroner(forrige.total)}: {hva} av "
        f"{kroner(abs(differanse))}. {_endrede_linjer(forrige.resultat, ny_resultat)}"
    )[:500]
    korreksjon = Utbetalingskorreksjon.objects.create(
        sak_id=forrige.sak_id,
        aar=forrige.aar,
        maaned=forrige.maaned,
        fra_beregning=forrige,
        til_beregning=ny,
        differanse=differanse,
        aarsak=aarsak,
        forklaring=forklaring,
    )
    sak = Sak.objects.select_related("kontor", "person").get(pk=forrige.sak_id)
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=korreksjon,
        beskrivelse=f"Korreksjon {maanedstekst(forrige.aar, forrige.maaned)}",
        etter={
            "aarsak": aarsak,
            "differanse": str(differanse),
            "fra_versjon": forrige.versjon,
            "til_versjon": ny.versjon,
        },
    )
    if differanse < 0:
        tk = Tilbakekreving.objects.create(sak_id=forrige.sak_id, korreksjon=korreksjon, beloep=-differanse)
        logghendelse_registrer(
            bruker=bruker,
            kontor=sak.kontor,
            person=sak.person,
            handling="OPPRETT",
            objekt=tk,
            etter={"status": tk.status, "beloep": str(tk.beloep), "korreksjon": str(korreksjon.pk)},
        )
    return ny


#: Rundene som teller som betalt. En simulert runde er ikke betalt: den regnes på nytt ved neste simulering.
BETALTE_RUNDESTATUSER = (Rundestatus.GODKJENT, Rundestatus.EKSPORTERT, Rundestatus.BEKREFTET)


def siste_betalte_beregninger(sak_filter: Q) -> dict[tuple[Any, int, int], Beregning]:
    """Den siste beregningen av hver måned som har fått en ordinær utbetaling i en godkjent, eksportert eller
    bekreftet runde (`BETALTE_RUNDESTATUSER`)."""
    betalt = set(
        Utbetalingspost.objects.filter(type=Posttype.ORDINAER, utbetaling__runde__status__in=BETALTE_RUNDESTATUSER)
        .filter(sak_filter)
        .values_list("sak_id", "aar", "maaned")
    )
    siste: dict[tuple[Any, int, int], Beregning] = {}
    for beregning in Beregning.objects.filter(sak_filter).order_by("sak_id", "aar", "maaned", "versjon"):
        noekkel = (beregning.sak_id, beregning.aar, beregning.maaned)
        if noekkel in betalt:
            siste[noekkel] = beregning
    return siste


def korreksjoner_beregn(*, kommune: Kommune, parametere: Parametersett = STANDARD, bruker: Bruker | None = None) -> int:
    """Betalte måneder der attesteringen har fått høyere versjon (endret oppmøte, arbeid, ytelser eller barn etter
    attesteringen) beregnes på nytt. Differansen blir en korreksjon. Gir antall nye beregninger.

    Kalles i en transaksjon; kommuneraden låses (se `laas`), så to samtidige kjøringer ikke beregner samme
    korreksjon to ganger."""
    kommune_laas(kommune.pk)
    sak_filter = Q(sak__person__kommune=kommune)
    siste = siste_betalte_beregninger(sak_filter)
    if not siste:
        return 0
    utdaterte: dict[tuple[int, int], list[tuple[Beregning, int]]] = defaultdict(list)
    for sak_id, aar, maaned, versjon in Maanedsattestering.objects.filter(sak_filter).values_list(
        "sak_id", "aar", "maaned", "versjon"
    ):
        beregning = siste.get((sak_id, aar, maaned))
        if beregning is not None and versjon > beregning.attesteringsversjon:
            utdaterte[(aar, maaned)].append((beregning, versjon))
    antall = 0
    for (aar, maaned), liste in sorted(utdaterte.items()):
        saker = Sak.objects.select_related("person__kommune").filter(pk__in=[b.sak_id for b, _ in liste])
        dokumenter = grunnlag_for_saker(saker, aar, maaned)
        for forrige, versjon in liste:
            dokument = dokumenter[forrige.sak_id]
            korreksjon_lag(
                bruker=bruker,
                forrige=forrige,
                ny_resultat=beregn_som_json(dokument, parametere),
                grunnlag=dokument,
                aarsak=Beregningsaarsak.KORREKSJON,
                attesteringsversjon=versjon,
                innledning=f"{maanedstekst(aar, maaned).capitalize()} er beregnet på nytt etter korreksjon av "
                f"oppmøte eller grunnlag (attestering versjon {versjon}).",
            )
            antall += 1
    return antall

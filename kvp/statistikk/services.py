"""Skrivingene i statistikken: en KOSTRA-kjøring og KOSTRA-opplysningene for en sak."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.db import transaction

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.tilgang.models import Bruker, Kommune
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import krev_rolle

from . import kostra
from .models import AnnenStoette, KostraKjoering, KostraOpplysninger, Sivilstand
from .roller import KOSTRA_ROLLER
from .selectors import sak_for_opplysninger

FOERSTE_AAR = 2025  # 2025 og 2026 har samme postoppsett (spec/kostra-11cf.md § 4)


def kommune_for_kostra(*, bruker: Bruker, kommune_nummer: str) -> Kommune:
    kontorer = krev_rolle(bruker, KOSTRA_ROLLER)
    kommune = (
        Kommune.objects.filter(nav_kontor_id__in=kontorer, nummer=kommune_nummer).first()
        if kommune_nummer.isascii() and kommune_nummer.isdigit()
        else None
    )
    if kommune is None:
        raise IkkeFunnet("Fant ikke kommunen.")
    return kommune


def sjekk_aar_og_bydel(*, kommune_nummer: str, aar: int, bydel: str) -> None:
    if aar < FOERSTE_AAR:
        raise KvpFeil(f"Filen kan lages for {FOERSTE_AAR} og senere år.", felt="aar", kode="KVP_VALG")
    if bydel and kommune_nummer != "0301":
        raise KvpFeil("Bydel gjelder bare Oslo (0301).", felt="bydel", kode="KVP_VALG")
    if kommune_nummer == "0301" and not (bydel.isdigit() and 1 <= int(bydel) <= 15):
        raise KvpFeil("Oslo rapporterer per bydel: velg bydel 01–15.", felt="bydel", kode="KVP_VALG")


def _funn_som_json(rapport: Any, uttrekk: kostra.Uttrekk) -> list[dict[str, Any]]:
    ut = []
    for f in rapport.funn:
        indeks = (f.linje or 0) - 1
        sak = uttrekk.saker[indeks] if 0 <= indeks < len(uttrekk.saker) else None
        ut.append(
            {
                "kontroll": f.kontroll,
                "alvor": f.alvor.value,
                "melding": f.melding,
                "linje": f.linje,
                "journalnr": f.journalnr,
                "sak_id": str(sak) if sak else None,
            }
        )
    return ut


#: Stegene i en kjøring, for fremdriften i bakgrunnsjobben: (nummer, tekst).
STEG = ("Henter deltakerne og lager filen", "Kontrollerer filen", "Lagrer kjøringen")


def kostra_kjoering_kjoer(
    *,
    bruker: Bruker,
    kommune_nummer: str,
    aar: int,
    bydel: str = "",
    steg: Callable[[int, str], None] | None = None,
    jobb_id: UUID | None = None,
) -> KostraKjoering:
    """Lager 11CF for kommunen og året, kontrollerer filen og lagrer kjøringen med funnene.

    Uttrekket og kontrollene leser bare; kjøringen, loggen og lesingene lagres i én transaksjon til slutt, så en
    kjøring som stopper midt i, etterlater ingenting. `steg(i, tekst)` kalles før hvert steg (fremdriften i jobben).
    Med `jobb_id` lagres kjøringen høyst én gang per jobb: en jobb som tas opp igjen etter at kjøringen ble lagret,
    får den lagrede kjøringen tilbake."""
    kommune = kommune_for_kostra(bruker=bruker, kommune_nummer=kommune_nummer)
    sjekk_aar_og_bydel(kommune_nummer=kommune.nummer, aar=aar, bydel=bydel)
    if jobb_id is not None:
        lagret = KostraKjoering.objects.filter(jobb_id=jobb_id).first()
        if lagret is not None:
            return lagret
    vis = steg or (lambda _i, _tekst: None)
    vis(0, STEG[0])
    uttrekk = kostra.uttrekk(kommune=kommune.nummer, aar=aar, bydel=bydel)
    vis(1, STEG[1])
    fil, rapport = uttrekk.kontroller()
    vis(2, STEG[2])
    with transaction.atomic():
        kjoering = KostraKjoering.objects.create(
            kommune=kommune,
            bydel=bydel,
            aar=aar,
            kjoert_av=bruker,
            fil=fil,
            sjekksum=kostra.sjekksum(fil),
            antall_poster=len(uttrekk.poster),
            avslutningskode=rapport.avslutningskode,
            funn=_funn_som_json(rapport, uttrekk),
            jobb_id=jobb_id,
        )
        logghendelse_registrer(
            bruker=bruker,
            kontor=kommune.nav_kontor,
            handling="OPPRETT",
            objekt=kjoering,
            beskrivelse=f"KOSTRA 11CF {aar} for {kommune.nummer}: {len(uttrekk.poster)} deltakere, "
            f"{len(rapport.feil)} feil, {len(rapport.advarsler)} advarsler",
            etter={"sjekksum": kjoering.sjekksum, "avslutningskode": kjoering.avslutningskode},
        )
        lesing_registrer(
            bruker=bruker,
            personer=zip(uttrekk.personer, uttrekk.kontorer, strict=True),
            formaal="KOSTRA 11CF til SSB",
            objekttype="KOSTRA-kjøring",
            objekt_id=str(kjoering.pk),
        )
    return kjoering


@transaction.atomic
def kostra_opplysninger_registrer(
    *,
    bruker: Bruker,
    sak_id: UUID,
    aar: int,
    sivilstand: str,
    annen_stoette: list[str],
    kvp_annen_kommune: bool | None = None,
    kvp_kommunenummer: str = "",
) -> KostraOpplysninger:
    """Sivilstand og annen støtte i programperioden for ett år (KOSTRA 11CF EKTSTAT og KVP_MED_*), og for saker uten
    vilkårsvurdering i KVP om deltakeren kom fra KVP i en annen kommune (KVP_KOMM, KOMMNR_KVP_KOMM)."""
    sak = sak_for_opplysninger(bruker=bruker, sak_id=sak_id, handling=Handling.SKRIV)
    if sak.begynt_dato is None:
        raise IkkeTilgang("Saken er ikke i program.")
    if sivilstand not in Sivilstand.values:
        raise KvpFeil("Velg sivilstand.", felt="sivilstand", kode="KVP_VALG")
    ukjente = set(annen_stoette) - set(AnnenStoette.values)
    if ukjente:
        raise KvpFeil("Ugyldig valg av støtte.", felt="annen_stoette", kode="KVP_VALG")
    if aar < sak.begynt_dato.year or (sak.avsluttet_dato is not None and aar > sak.avsluttet_dato.year):
        raise KvpFeil("Deltakeren var ikke i program det året.", felt="aar", kode="KVP_VALG")
    if (kvp_kommunenummer and not (kvp_kommunenummer.isascii() and kvp_kommunenummer.isdigit())) or (
        kvp_kommunenummer and len(kvp_kommunenummer) != 4
    ):
        raise KvpFeil("Kommunenummeret er ikke fire sifre.", felt="kvp_kommunenummer", kode="KVP_KOMMUNENUMMER")
    if not kvp_annen_kommune:
        kvp_kommunenummer = ""
    gammel = KostraOpplysninger.objects.filter(sak=sak, aar=aar).first()
    foer = {"sivilstand": gammel.sivilstand, "annen_stoette": gammel.annen_stoette} if gammel else None
    valgt = [k for k in AnnenStoette.values if k in set(annen_stoette)]
    o, _ = KostraOpplysninger.objects.update_or_create(
        sak=sak,
        aar=aar,
        defaults={
            "sivilstand": sivilstand,
            "annen_stoette": valgt,
            "kvp_annen_kommune": kvp_annen_kommune,
            "kvp_kommunenummer": kvp_kommunenummer,
            "registrert_av": bruker,
        },
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE" if gammel else "OPPRETT",
        objekt=o,
        foer=foer,
        etter={"sivilstand": sivilstand, "annen_stoette": valgt},
    )
    return o

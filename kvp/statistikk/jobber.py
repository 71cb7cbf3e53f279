"""KOSTRA 11CF som bakgrunnsjobb (`kvp.jobber`, ADR 0012): KOSTRA-siden starter jobben, jobbsiden viser fremdriften
(htmx henter den hvert sekund), og når filen er laget og kontrollert, lenker den til funnene.

Én aktiv jobb per kommune, år og bydel: to klikk gir samme jobb. Kjøringen lagres i én transaksjon til slutt og høyst
én gang per jobb (`services.kostra_kjoering_kjoer` med `jobb_id`), så en jobb som tas opp igjen etter en drept
arbeidsprosess, lager filen på nytt eller gir den lagrede kjøringen tilbake, aldri to eller en halv.
"""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse

from kvp.felles.feil import IkkeFunnet
from kvp.jobber.fremdrift import Fremdrift
from kvp.jobber.models import Jobb
from kvp.jobber.services import jobb_start
from kvp.jobber.typer import Utfall
from kvp.tilgang.models import Bruker

from .services import STEG, kommune_for_kostra, kostra_kjoering_kjoer, sjekk_aar_og_bydel

TYPE_KOSTRA = "statistikk.kostra"


@transaction.atomic
def kostra_kjoering_start_som_jobb(*, bruker: Bruker, kommune_nummer: str, aar: int, bydel: str = "") -> Jobb:
    """Starter KOSTRA-kjøringen som bakgrunnsjobb, eller gir jobben som allerede venter eller kjører for samme
    kommune, år og bydel. Tilgang og valg sjekkes før jobben lages (feil gir norsk melding og ingen jobb)."""
    kommune = kommune_for_kostra(bruker=bruker, kommune_nummer=kommune_nummer)
    sjekk_aar_og_bydel(kommune_nummer=kommune.nummer, aar=aar, bydel=bydel)
    if kommune.nav_kontor is None:  # kommune_for_kostra finner bare kommuner ved brukerens kontorer
        raise IkkeFunnet("Fant ikke kommunen.")
    navn = f"{kommune.navn}{f', bydel {bydel}' if bydel else ''}"
    jobb, _ = jobb_start(
        bruker=bruker,
        kontor=kommune.nav_kontor,
        type=TYPE_KOSTRA,
        noekkel=f"{TYPE_KOSTRA}:{kommune.nummer}:{aar}:{bydel}",
        tittel=f"KOSTRA 11CF {aar} for {navn}",
        parametre={"kommune": kommune.nummer, "aar": aar, "bydel": bydel},
    )
    return jobb


def kjoer_kostra(jobb: Jobb, fremdrift: Fremdrift) -> Utfall:
    """Jobbtypen `statistikk.kostra`: lager, kontrollerer og lagrer filen, med ett fremdriftssteg per del."""
    p = jobb.parametre

    def steg(i: int, tekst: str) -> None:
        fremdrift.oppdater(gjort=i, totalt=len(STEG), steg=tekst)

    k = kostra_kjoering_kjoer(
        bruker=jobb.startet_av,
        kommune_nummer=p["kommune"],
        aar=int(p["aar"]),
        bydel=p.get("bydel") or "",
        steg=steg,
        jobb_id=jobb.pk,
    )
    fremdrift.oppdater(gjort=len(STEG), totalt=len(STEG), steg="Ferdig")
    feil = sum(f["alvor"] in ("FATAL", "FEIL") for f in k.funn)
    advarsler = sum(f["alvor"] == "ADVARSEL" for f in k.funn)
    if feil:
        resultat = f"{feil} feil må rettes før filen sendes"
    elif advarsler:
        resultat = f"ingen feil, {advarsler} {'advarsel' if advarsler == 1 else 'advarsler'} å se på"
    else:
        resultat = "ingen funn"
    return Utfall(
        melding=f"Filen er laget og kontrollert: {k.antall_poster} "
        f"{'deltaker' if k.antall_poster == 1 else 'deltakere'}, {resultat}.",
        lenke=reverse("statistikk:kjoering", kwargs={"kjoering_id": k.pk}),
        lenketekst="Se funnene og last ned filen",
    )

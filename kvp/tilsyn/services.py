"""Skriving i tilsynet og rettleiingen. Tilgangen sjekkes med selektorene; hver endring står i revisjonsloggen."""

import datetime as dt
import secrets
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags

from kvp.brev import services as brev_tjenester
from kvp.brev.models import Brev
from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.plan.models import Aktivitet
from kvp.sak.models import AKTIVE_STATUSER, ForeloepigSvar, Sak, Status
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import KONTORROLLER, Bruker, NavKontor
from kvp.tilgang.tilgang import tilgang_for
from kvp.vedtak.models import Vedtak, Vedtaksstatus, Vedtakstype
from kvp.vedtak.selectors import evalueringsdatoer_for_sak
from kvp_regler import tilsyn as regler
from kvp_regler.program.plan import Planaktivitet

from . import tekster
from .models import (
    Funn,
    Funntype,
    Kontrollpunkt,
    Maalform,
    Rettleiing,
    RettleiingLest,
    Steg,
    Tilsyn,
    Tilsynsstatus,
    Utfall,
    Utvalgssak,
)
from .selectors import Handling, kontorer_for_statsforvalter, tilsyn_hent

#: Utfallet som avgjør stratumet i utvalget.
STRATUM_FOR_STATUS: dict[str, regler.Stratum] = {
    Status.AVSLAATT: regler.Stratum.AVSLAG,
    **dict.fromkeys(AKTIVE_STATUSER, regler.Stratum.I_PROGRAM),
    Status.AVSLUTTET: regler.Stratum.AVSLUTTET,
}


def _krev_status(tilsyn: Tilsyn, *statuser: str) -> None:
    if tilsyn.status not in statuser:
        raise KvpFeil(
            f"Tilsynet er «{tilsyn.get_status_display().lower()}», så dette kan ikke gjøres nå.",
            kode="KVP_TILSYN_STATUS",
        )


@transaction.atomic
def tilsyn_opprett(*, bruker: Bruker, kontor_id: UUID, tema: str, periode_fra: dt.date, periode_til: dt.date) -> Tilsyn:
    """Statsforvalteren åpner et tilsyn med et kontor i sitt fylke for saker behandlet i perioden."""
    kontor = kontorer_for_statsforvalter(bruker=bruker).filter(pk=kontor_id).first()
    if kontor is None:
        raise IkkeFunnet("Fant ikke kontoret.")
    if periode_til < periode_fra:
        raise KvpFeil("Perioden slutter før den begynner.", felt="periode_til", kode="KVP_DATO")
    if periode_til > timezone.localdate():
        raise KvpFeil("Perioden kan ikke slutte frem i tid.", felt="periode_til", kode="KVP_DATO_FREMTID")
    tilsyn = Tilsyn.objects.create(
        kontor=kontor, tema=tema.strip(), periode_fra=periode_fra, periode_til=periode_til, opprettet_av=bruker
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=kontor,
        handling="OPPRETT",
        objekt=tilsyn,
        beskrivelse=f"Tilsyn: {tilsyn.tema}",
        etter={"periode": [periode_fra.isoformat(), periode_til.isoformat()]},
    )
    return tilsyn


def kandidater(tilsyn: Tilsyn) -> list[tuple[str, regler.Stratum]]:
    """Kontorets saker med utfall avslag, i program eller avsluttet, som ble mottatt eller fikk et vedtak i perioden."""
    fattet_i_perioden = Vedtak.objects.filter(
        sak=OuterRef("pk"),
        status=Vedtaksstatus.FATTET,
        vedtak_dato__gte=tilsyn.periode_fra,
        vedtak_dato__lte=tilsyn.periode_til,
    )
    saker = Sak.objects.filter(kontor=tilsyn.kontor, status__in=list(STRATUM_FOR_STATUS)).filter(
        Q(mottatt_dato__gte=tilsyn.periode_fra, mottatt_dato__lte=tilsyn.periode_til) | Exists(fattet_i_perioden)
    )
    return [(str(pk), STRATUM_FOR_STATUS[status]) for pk, status in saker.values_list("pk", "status")]


def _vedtaksbevis(vedtak: Vedtak, brev: Brev | None) -> regler.Vedtaksbevis:
    tekst = strip_tags(brev.html).lower() if brev else ""
    return regler.Vedtaksbevis(
        navn=f"{vedtak.get_type_display().lower()} {vedtak.vedtak_dato:%d.%m.%Y}" if vedtak.vedtak_dato else "vedtak",
        har_begrunnelse=bool(vedtak.begrunnelse.strip()),
        har_brev=brev is not None,
        brevet_viser_hjemmel="§" in tekst,
        brevet_viser_klageadgang="klage" in tekst,
        beslutter=str(vedtak.beslutter_id or ""),
        skrevet_av=frozenset({str(vedtak.opprettet_av_id)} | {str(b.pk) for b in vedtak.skrevet_av.all()}),
    )


def _forslag(sak: Sak, stratum: regler.Stratum) -> list[tuple[regler.Sjekkpunkt, regler.Forslag, list[dict[str, str]]]]:
    """Forslagene for sjekkpunktene som gjelder saken, med lenker (ankre i tilsynets saksvisning) til bevisene."""
    vedtak = list(
        Vedtak.objects.filter(sak=sak, status=Vedtaksstatus.FATTET)
        .prefetch_related("skrevet_av")
        .order_by("vedtak_dato", "fattet_tidspunkt")
    )
    brev = {b.vedtak_id: b for b in Brev.objects.filter(vedtak__in=vedtak).defer("pdf")}
    vedtaksbevis = [_vedtaksbevis(v, brev.get(v.pk)) for v in vedtak]
    vedtakslenker = [
        {"tekst": f"Vedtak om {b.navn}", "anker": f"vedtak-{v.pk}"} for v, b in zip(vedtak, vedtaksbevis, strict=True)
    ]
    foerste = next((v for v in vedtak if v.type in (Vedtakstype.INNVILGELSE, Vedtakstype.AVSLAG)), None)
    svar = list(ForeloepigSvar.objects.filter(sak=sak).values_list("sendt_dato", flat=True))
    aktiviteter = [
        Planaktivitet(a.type, a.timer_per_uke, a.fra_og_med, a.til_og_med, a.status)
        for a in Aktivitet.objects.filter(sak=sak)
    ]
    evalueringer = evalueringsdatoer_for_sak(sak=sak)
    periode = sak.programperiode()
    resultat: list[tuple[regler.Sjekkpunkt, regler.Forslag, list[dict[str, str]]]] = []
    for punkt in regler.SJEKKPUNKTER:
        if stratum not in punkt.strata:
            continue
        lenker: list[dict[str, str]] = []
        if punkt.kode == "SAKSBEHANDLINGSTID":
            forslag = regler.vurder_saksbehandlingstid(
                mottatt=sak.mottatt_dato,
                vedtaksdato=foerste.vedtak_dato if foerste else None,
                foreloepige_svar=svar,
            )
            lenker = [{"tekst": "Søknad og foreløpige svar", "anker": "soeknad"}]
            if foerste:
                lenker.append({"tekst": "Første vedtak", "anker": f"vedtak-{foerste.pk}"})
        elif punkt.kode == "BEGRUNNELSE":
            forslag, lenker = regler.vurder_begrunnelse(vedtaksbevis), vedtakslenker
        elif punkt.kode == "KLAGEADGANG":
            forslag, lenker = regler.vurder_klageadgang(vedtaksbevis), vedtakslenker
        elif punkt.kode == "FIREOEYNE":
            forslag, lenker = regler.vurder_fireoeyne(vedtaksbevis), vedtakslenker
        elif punkt.kode == "PLAN_VED_OPPSTART":
            forslag = regler.vurder_plan_ved_oppstart(oppstart=sak.begynt_dato, aktiviteter=aktiviteter)
            lenker = [{"tekst": "Programplanen", "anker": "plan"}]
        elif punkt.kode == "OPPSTART":
            forslag = regler.vurder_oppstart(
                vedtaksdato=sak.vedtak_dato, oppstart=sak.begynt_dato, frist_maaneder=sak.kontor.frist_oppstart_maaneder
            )
            lenker = [{"tekst": "Om saken", "anker": "om-saken"}]
        elif punkt.kode == "EVALUERINGER":
            forslag = regler.vurder_evalueringer(
                evalueringer=evalueringer,
                program_fra=periode[0] if periode else None,
                program_til=periode[1] if periode else None,
            )
            lenker = [{"tekst": "Evalueringer i planen", "anker": "plan"}]
        else:
            forslag = regler.Forslag(regler.Utfall.MAA_VURDERES, "Vurderes av statsforvalteren.")
            lenker = [{"tekst": "Vilkårsvurderingen", "anker": "vilkaar"}] if punkt.kode == "VILKAAR" else []
            if punkt.kode == "TILPASSET":
                lenker = [{"tekst": "Programplanen", "anker": "plan"}, {"tekst": "Oppmøte", "anker": "oppmoete"}]
        resultat.append((punkt, forslag, lenker))
    return resultat


@transaction.atomic
def tilsyn_trekk_utvalg(*, bruker: Bruker, tilsyn_id: UUID, antall_per_stratum: int, froe: int | None = None) -> Tilsyn:
    """Trekker utvalget (frøet lagres, så trekningen kan gjentas) og fyller ut forslagene fra dataene."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.OPPRETTET)
    froe = secrets.randbelow(2**31) if froe is None else froe
    utvalg = regler.trekk_utvalg(kandidater(tilsyn), antall_per_stratum=antall_per_stratum, froe=froe)
    if not utvalg:
        raise KvpFeil(
            "Kontoret har ingen avslåtte, pågående eller avsluttede saker i perioden.", kode="KVP_TILSYN_TOMT_UTVALG"
        )
    saker = Sak.objects.select_related("kontor").in_bulk([sak_id for sak_id, _ in utvalg])
    for sak_id, stratum in utvalg:
        sak = saker[UUID(sak_id)]
        utvalgssak = Utvalgssak.objects.create(tilsyn=tilsyn, sak=sak, stratum=stratum)
        Kontrollpunkt.objects.bulk_create(
            Kontrollpunkt(
                utvalgssak=utvalgssak,
                sjekkpunkt=punkt.kode,
                forslag=forslag.utfall,
                forklaring=forslag.forklaring,
                bevis=lenker,
            )
            for punkt, forslag, lenker in _forslag(sak, stratum)
        )
    tilsyn.froe = froe
    tilsyn.antall_per_stratum = antall_per_stratum
    tilsyn.status = Tilsynsstatus.UNDER_ARBEID
    tilsyn.save(update_fields=["froe", "antall_per_stratum", "status"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=tilsyn,
        beskrivelse="Utvalget er trukket",
        etter={"froe": froe, "antall_per_stratum": antall_per_stratum, "saker": len(utvalg)},
    )
    return tilsyn


@transaction.atomic
def kontrollpunkt_vurder(
    *, bruker: Bruker, tilsyn_id: UUID, kontrollpunkt_id: int, vurdering: str, kommentar: str = ""
) -> Kontrollpunkt:
    """Statsforvalterens vurdering av ett kontrollpunkt (bekrefter eller endrer forslaget)."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.UNDER_ARBEID)
    punkt = Kontrollpunkt.objects.filter(pk=kontrollpunkt_id, utvalgssak__tilsyn=tilsyn).first()
    if punkt is None:
        raise IkkeFunnet("Fant ikke kontrollpunktet.")
    if vurdering not in (Utfall.OPPFYLT, Utfall.IKKE_OPPFYLT, Utfall.IKKE_AKTUELT):
        raise KvpFeil("Velg oppfylt, ikke oppfylt eller ikke aktuelt.", felt="vurdering", kode="KVP_TILSYN_SJEKKPUNKT")
    if punkt.forslag not in (vurdering, Utfall.MAA_VURDERES) and not kommentar.strip():
        raise KvpFeil(
            "Skriv hvorfor du vurderer punktet annerledes enn dataene tilsier.",
            felt="kommentar",
            kode="KVP_BEGRUNNELSE",
        )
    foer = {"vurdering": punkt.vurdering, "kommentar": punkt.kommentar}
    punkt.vurdering = vurdering
    punkt.kommentar = kommentar.strip()
    punkt.vurdert_av = bruker
    punkt.vurdert = timezone.now()
    punkt.save(update_fields=["vurdering", "kommentar", "vurdert_av", "vurdert"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=punkt,
        beskrivelse=f"Kontrollpunkt {punkt.sjekkpunkt} i tilsyn {str(tilsyn.pk)[:8]}",
        foer=foer,
        etter={"vurdering": vurdering, "kommentar": punkt.kommentar},
    )
    return punkt


@transaction.atomic
def kontrollpunkter_bekreft_forslag(*, bruker: Bruker, tilsyn_id: UUID) -> int:
    """Godtar forslaget fra dataene for alle kontrollpunkter som ikke er vurdert, der dataene gir et svar.
    Punktene som må vurderes for hånd, står igjen. Gir antall punkter som ble vurdert."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.UNDER_ARBEID)
    punkter = Kontrollpunkt.objects.filter(utvalgssak__tilsyn=tilsyn, vurdering="").exclude(forslag=Utfall.MAA_VURDERES)
    naa = timezone.now()
    antall = 0
    for punkt in punkter:
        punkt.vurdering = punkt.forslag
        punkt.vurdert_av = bruker
        punkt.vurdert = naa
        punkt.save(update_fields=["vurdering", "vurdert_av", "vurdert"])
        antall += 1
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=tilsyn,
        beskrivelse="Forslagene fra dataene er godtatt",
        etter={"antall": antall},
    )
    return antall


@transaction.atomic
def funn_registrer(*, bruker: Bruker, tilsyn_id: UUID, type: str, sjekkpunkt: str, tekst: str) -> Funn:
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.UNDER_ARBEID)
    if type not in Funntype.values:
        raise KvpFeil("Velg avvik eller merknad.", felt="type", kode="KVP_VALG")
    if sjekkpunkt not in regler.SJEKKPUNKT_ETTER_KODE:
        raise KvpFeil("Velg et sjekkpunkt fra listen.", felt="sjekkpunkt", kode="KVP_TILSYN_SJEKKPUNKT")
    if not tekst.strip():
        raise KvpFeil("Beskriv funnet.", felt="tekst", kode="KVP_BEGRUNNELSE")
    funn = Funn.objects.create(
        tilsyn=tilsyn, type=type, sjekkpunkt=sjekkpunkt, tekst=tekst.strip(), registrert_av=bruker
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="OPPRETT",
        objekt=funn,
        beskrivelse=f"{funn.get_type_display()[:40]} i tilsyn {str(tilsyn.pk)[:8]}",
        etter={"type": type, "sjekkpunkt": sjekkpunkt},
    )
    return funn


@transaction.atomic
def funn_slett(*, bruker: Bruker, tilsyn_id: UUID, funn_id: int) -> None:
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.UNDER_ARBEID)
    funn = Funn.objects.filter(pk=funn_id, tilsyn=tilsyn).first()
    if funn is None:
        raise IkkeFunnet("Fant ikke funnet.")
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=funn,
        beskrivelse=f"Funn slettet fra tilsyn {str(tilsyn.pk)[:8]}",
        foer={"type": funn.type, "sjekkpunkt": funn.sjekkpunkt, "tekst": funn.tekst},
    )
    funn.delete()


def rapport_kontekst(tilsyn: Tilsyn, maalform: str) -> dict[str, Any]:
    """Det rapportmalen trenger: utvalget per utfall, resultatene per sjekkpunkt og funnene (uten personer)."""
    punkter = Kontrollpunkt.objects.filter(utvalgssak__tilsyn=tilsyn)
    rader = []
    for punkt in regler.SJEKKPUNKTER:
        mine = [p for p in punkter if p.sjekkpunkt == punkt.kode]
        if not mine:
            continue
        rader.append(
            {
                "tittel": tekster.sjekkpunkt_tittel(punkt.kode, maalform),
                "hjemmel": tekster.hjemmel(punkt.kode, maalform),
                "oppfylt": sum(p.vurdering == Utfall.OPPFYLT for p in mine),
                "ikke_oppfylt": sum(p.vurdering == Utfall.IKKE_OPPFYLT for p in mine),
                "ikke_aktuelt": sum(p.vurdering == Utfall.IKKE_AKTUELT for p in mine),
            }
        )
    utvalg = [(tekster.tekst(s.value, maalform), tilsyn.utvalg.filter(stratum=s.value).count()) for s in regler.Stratum]
    funn = [
        {
            "type": f.type,
            "tekst": f.tekst,
            "tittel": tekster.sjekkpunkt_tittel(f.sjekkpunkt, maalform),
            "hjemmel": tekster.hjemmel(f.sjekkpunkt, maalform),
        }
        for f in tilsyn.funn.order_by("opprettet", "id")
    ]
    t = {k: tekster.tekst(k, maalform) for k in tekster.TEKSTER if "{" not in tekster.TEKSTER[k][0]}
    return {
        "tilsyn": tilsyn,
        "t": t,
        "utvalg_tekst": tekster.tekst("utvalg_tekst", maalform, froe=tilsyn.froe),
        "oppfoelging_tekst": tekster.tekst(
            "oppfoelging_tekst", maalform, frist=f"{tilsyn.svarfrist:%d.%m.%Y}" if tilsyn.svarfrist else ""
        ),
        "hilsen": tekster.tekst("hilsen", maalform, fylke=tilsyn.kontor.fylke),
        "utvalg": utvalg,
        "rader": rader,
        "avvik": [f for f in funn if f["type"] == Funntype.AVVIK],
        "merknader": [f for f in funn if f["type"] == Funntype.MERKNAD],
        "lang": maalform,
    }


@transaction.atomic
def tilsyn_send_rapport(*, bruker: Bruker, tilsyn_id: UUID, maalform: str, svarfrist: dt.date) -> Tilsyn:
    """Lager rapporten (HTML og PDF) og sender den til kontoret. Alle kontrollpunktene må være vurdert."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.UNDER_ARBEID)
    if maalform not in Maalform.values:
        raise KvpFeil("Velg bokmål eller nynorsk.", felt="maalform", kode="KVP_VALG")
    if svarfrist <= timezone.localdate():
        raise KvpFeil("Svarfristen må være etter i dag.", felt="svarfrist", kode="KVP_DATO")
    uvurderte = Kontrollpunkt.objects.filter(utvalgssak__tilsyn=tilsyn, vurdering="").count()
    if uvurderte:
        raise KvpFeil(
            f"{uvurderte} kontrollpunkter er ikke vurdert ennå. Vurder dem før du sender rapporten.",
            kode="KVP_TILSYN_UVURDERT",
        )
    tilsyn.svarfrist = svarfrist
    tilsyn.rapport_maalform = maalform
    kontekst = rapport_kontekst(tilsyn, maalform)
    tilsyn.rapport_html = render_to_string("tilsyn/rapport.html", kontekst)
    tilsyn.rapport_pdf = brev_tjenester.pdf_lag(html=tilsyn.rapport_html, tittel=kontekst["t"]["tittel"], lang=maalform)
    tilsyn.rapport_sendt = timezone.now()
    tilsyn.status = Tilsynsstatus.RAPPORT_SENDT
    tilsyn.save(
        update_fields=["svarfrist", "rapport_maalform", "rapport_html", "rapport_pdf", "rapport_sendt", "status"]
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=tilsyn,
        beskrivelse="Tilsynsrapporten er sendt til kontoret",
        etter={"maalform": maalform, "svarfrist": svarfrist.isoformat()},
    )
    return tilsyn


@transaction.atomic
def tiltak_send(*, bruker: Bruker, tilsyn_id: UUID, tiltak: dict[int, str]) -> Tilsyn:
    """Lederen på kontoret svarer på rapporten med tiltak; hvert avvik må ha et tiltak."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.SVAR, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.RAPPORT_SENDT)
    funn = list(tilsyn.funn.all())
    for f in funn:
        ny = tiltak.get(f.pk, "").strip()
        if f.type == Funntype.AVVIK and not ny:
            raise KvpFeil("Skriv et tiltak for hvert avvik.", felt=f"tiltak_{f.pk}", kode="KVP_TILSYN_TILTAK")
        f.tiltak = ny
        f.save(update_fields=["tiltak"])
    tilsyn.status = Tilsynsstatus.TILTAK_MOTTATT
    tilsyn.tiltak_mottatt = timezone.now()
    tilsyn.save(update_fields=["status", "tiltak_mottatt"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=tilsyn,
        beskrivelse="Kontoret har svart med tiltak",
        etter={str(f.pk): f.tiltak for f in funn},
    )
    return tilsyn


@transaction.atomic
def tilsyn_avgjoer_tiltak(*, bruker: Bruker, tilsyn_id: UUID, godta: bool, merknad: str = "") -> Tilsyn:
    """Statsforvalteren godtar tiltakene (tilsynet lukkes) eller ber om nye (med en merknad til kontoret)."""
    tilsyn = tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=Handling.ARBEID, laas=True)
    _krev_status(tilsyn, Tilsynsstatus.TILTAK_MOTTATT)
    if not godta and not merknad.strip():
        raise KvpFeil("Skriv hva kontoret må gjøre annerledes.", felt="merknad", kode="KVP_BEGRUNNELSE")
    tilsyn.merknad_til_tiltak = merknad.strip()
    if godta:
        tilsyn.status = Tilsynsstatus.LUKKET
        tilsyn.lukket = timezone.now()
    else:
        tilsyn.status = Tilsynsstatus.RAPPORT_SENDT
    tilsyn.save(update_fields=["merknad_til_tiltak", "status", "lukket"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=tilsyn.kontor,
        handling="ENDRE",
        objekt=tilsyn,
        beskrivelse="Tiltakene er godtatt, tilsynet er lukket" if godta else "Kontoret er bedt om nye tiltak",
        etter={"merknad": tilsyn.merknad_til_tiltak},
    )
    return tilsyn


# --- Rettleiing ---------------------------------------------------------------------------------------------------


def _lenker(raa: str) -> list[dict[str, str]]:
    """Én lenke per linje: «tekst | https://…» eller bare adressen."""
    lenker = []
    for linje in raa.splitlines():
        if not linje.strip():
            continue
        tekst, _, url = linje.rpartition("|")
        url = url.strip()
        if not url.startswith("https://") or " " in url or len(url) > 500:
            raise KvpFeil(
                f"«{linje.strip()[:60]}» er ikke en lenke. Skriv «tekst | https://…», én per linje.",
                felt="lenker",
                kode="KVP_RETTLEIING_LENKE",
            )
        lenker.append({"tekst": tekst.strip() or url, "url": url})
    return lenker


@transaction.atomic
def rettleiing_publiser(
    *,
    bruker: Bruker,
    mottaker: str,
    tittel: str,
    tekst: str,
    lenker: str,
    steg: str,
    gyldig_fra: dt.date,
    gyldig_til: dt.date | None,
) -> Rettleiing:
    """Publiserer en rettleiing til alle kontorene i et fylke («fylke:<navn>») eller ett kontor («kontor:<id>»)."""
    fylker = tilgang_for(bruker).statsforvalter_fylker
    if not fylker:
        raise IkkeFunnet("Bare statsforvalteren publiserer rettleiing.")
    art, _, verdi = mottaker.partition(":")
    kontor = None
    if art == "fylke" and verdi in fylker:
        fylke = verdi
    elif art == "kontor":
        try:
            kontor = kontorer_for_statsforvalter(bruker=bruker).filter(pk=UUID(verdi)).first()
        except ValueError:
            kontor = None
        if kontor is None:
            raise KvpFeil("Velg et kontor i fylket ditt.", felt="mottaker", kode="KVP_VALG")
        fylke = kontor.fylke
    else:
        raise KvpFeil("Velg hvem rettleiingen gjelder.", felt="mottaker", kode="KVP_VALG")
    if steg not in Steg.values:
        raise KvpFeil("Velg et steg fra listen.", felt="steg", kode="KVP_VALG")
    if gyldig_til is not None and gyldig_til < gyldig_fra:
        raise KvpFeil("«Gyldig til» er før «gyldig fra».", felt="gyldig_til", kode="KVP_DATO")
    rettleiing = Rettleiing.objects.create(
        fylke=fylke,
        kontor=kontor,
        tittel=tittel.strip(),
        tekst=tekst.strip(),
        lenker=_lenker(lenker),
        steg=steg,
        gyldig_fra=gyldig_fra,
        gyldig_til=gyldig_til,
        publisert_av=bruker,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=kontor,
        handling="OPPRETT",
        objekt=rettleiing,
        beskrivelse=f"Rettleiing: {rettleiing.tittel}",
        etter={"fylke": fylke, "kontor": str(kontor.pk) if kontor else None, "steg": steg},
    )
    return rettleiing


@transaction.atomic
def rettleiing_marker_lest(*, bruker: Bruker, rettleiing_id: UUID) -> RettleiingLest:
    """Brukeren på kontoret har lest rettleiingen (gjentatte markeringer gir samme rad)."""
    rettleiing: Rettleiing = tilgang.rettleiing(bruker, rettleiing_id, tilgang.Handling.SKRIV)
    kontorer = tilgang_for(bruker).kontorer_med(*KONTORROLLER)
    kontor_id = rettleiing.kontor_id
    if kontor_id is None:
        kontor_id = (
            NavKontor.objects.filter(pk__in=kontorer, fylke=rettleiing.fylke).values_list("pk", flat=True).first()
        )
    if kontor_id is None or kontor_id not in kontorer:
        raise IkkeFunnet("Fant ikke rettleiingen.")
    lest, opprettet = RettleiingLest.objects.get_or_create(
        rettleiing=rettleiing, bruker=bruker, defaults={"kontor_id": kontor_id}
    )
    if opprettet:
        logghendelse_registrer(
            bruker=bruker, kontor=lest.kontor, handling="OPPRETT", objekt=lest, beskrivelse=rettleiing.tittel[:150]
        )
    return lest

"""Skriving for utbetalingen: kommunens innstillinger, mottakere, utbetalingsrunden, korreksjoner, G-regulering
og tilbakekreving.

Utbetalingsrunden kjøres i biter (`bitstoerrelse` deltakere per transaksjon). Hver bit låser runden, finner
deltakerne som ennå ikke er med, beregner og lagrer dem og committer. En runde som blir drept midt i, fullføres av
neste kjøring; to kjøringer samtidig venter på hverandre bit for bit; databasen nekter en ordinær utbetaling av
samme måned to ganger (`en_ordinaer_utbetaling_per_maaned`).
"""

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from decimal import ROUND_DOWN, Decimal
from typing import Any

import holidays
from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Q, Sum
from django.utils import timezone
from stdnum.no import kontonr

from kvp.brev.services import vedtaksbrev_lag
from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_saker, maanedsperiode, programperiode
from kvp.oppmoete.models import Maanedsattestering
from kvp.person.models import Person
from kvp.sak.models import Sak
from kvp.tilgang.models import Beregningsmodell, Kommune, Rolle
from kvp.tilgang.tilgang import krev_rolle
from kvp.vedtak.services import tilbakekrevingsvedtak_fatt
from kvp_regler.parametere import STANDARD, Parametersett

from .beregning import g_verdier_for, kroner, maanedstekst
from .models import (
    Beregning,
    Beregningsaarsak,
    Korreksjon,
    Mottaker,
    Posttype,
    Rundestatus,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetaling,
    Utbetalingsoppsett,
    Utbetalingspost,
    Utbetalingsrunde,
)

OERE = Decimal("0.01")
KRONE = Decimal("1")
NULL = Decimal("0.00")

# --- Utbetalingsdato -------------------------------------------------------------------------------------------


def er_bankdag(dato: dt.date) -> bool:
    """Mandag–fredag som ikke er helligdag i Norge, julaften eller nyttårsaften (bankene holder stengt) [I]."""
    if dato.weekday() >= 5 or dato in holidays.country_holidays("NO", years=dato.year):
        return False
    return (dato.month, dato.day) not in {(12, 24), (12, 31)}


def utbetalingsdato_for(*, kommune: Kommune, aar: int, maaned: int) -> dt.date:
    """Stønaden betales etterskuddsvis (N3): kommunens utbetalingsdag i måneden etter, flyttet til forrige bankdag
    når dagen er lørdag, søndag eller helligdag."""
    maanedsperiode(aar, maaned)  # gyldig måned, ellers KvpFeil
    neste_aar, neste_maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)
    dato = dt.date(neste_aar, neste_maaned, kommune.utbetalingsdag)
    while not er_bankdag(dato):
        dato -= dt.timedelta(days=1)
    return dato


# --- Innstillinger og mottakere ----------------------------------------------------------------------------------


def _krev_oekonomi_for_kommune(bruker: Any, kommune: Kommune) -> None:
    if kommune.nav_kontor_id is None or kommune.nav_kontor_id not in krev_rolle(bruker, (Rolle.OEKONOMI,)):
        raise IkkeFunnet("Fant ikke kommunen.")


def _sjekk_kontonummer(kontonummer: str, felt: str = "kontonummer") -> str:
    tall = "".join(kontonummer.split()).replace(".", "")
    if not kontonr.is_valid(tall) or len(tall) != 11:
        raise KvpFeil("Kontonummeret er ikke gyldig. Det skal ha 11 siffer, for eksempel 8601 11 17947.", felt=felt)
    return tall


@transaction.atomic
def kommune_innstillinger_endre(
    *,
    bruker: Any,
    kommune_nummer: str,
    utbetalingsdag: int,
    beregningsmodell: str,
    maks_trekk_prosent: int,
    kontonummer: str,
    organisasjonsnummer: str = "",
) -> Kommune:
    """Økonomi endrer kommunens utbetalingsdag, beregningsmodell, største trekk og kontoen det betales fra."""
    kommune = Kommune.objects.select_for_update().filter(nummer=kommune_nummer).first()
    if kommune is None:
        raise IkkeFunnet("Fant ikke kommunen.")
    _krev_oekonomi_for_kommune(bruker, kommune)
    if not 1 <= utbetalingsdag <= 28:
        raise KvpFeil("Utbetalingsdagen må være mellom 1 og 28.", felt="utbetalingsdag")
    if beregningsmodell not in Beregningsmodell.values:
        raise KvpFeil("Velg en av beregningsmodellene.", felt="beregningsmodell")
    if not 0 <= maks_trekk_prosent <= 100:
        raise KvpFeil("Største trekk må være mellom 0 og 100 prosent.", felt="maks_trekk_prosent")
    konto = _sjekk_kontonummer(kontonummer)
    if organisasjonsnummer and not (
        organisasjonsnummer.isascii() and organisasjonsnummer.isdigit() and len(organisasjonsnummer) == 9
    ):
        raise KvpFeil("Organisasjonsnummeret skal ha 9 siffer.", felt="organisasjonsnummer")
    oppsett = Utbetalingsoppsett.objects.filter(kommune=kommune).first()
    foer = {
        "utbetalingsdag": kommune.utbetalingsdag,
        "beregningsmodell": kommune.beregningsmodell,
        "maks_trekk_prosent": kommune.maks_trekk_prosent,
        "kontonummer": oppsett.kontonummer if oppsett else "",
    }
    kommune.utbetalingsdag = utbetalingsdag
    kommune.beregningsmodell = beregningsmodell
    kommune.maks_trekk_prosent = maks_trekk_prosent
    kommune.save(update_fields=["utbetalingsdag", "beregningsmodell", "maks_trekk_prosent"])
    Utbetalingsoppsett.objects.update_or_create(
        kommune=kommune,
        defaults={"kontonummer": konto, "organisasjonsnummer": organisasjonsnummer, "endret_av": bruker},
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=kommune.nav_kontor,
        handling="ENDRE",
        objekt=kommune,
        beskrivelse="Utbetalingsinnstillinger",
        foer=foer,
        etter={
            "utbetalingsdag": utbetalingsdag,
            "beregningsmodell": beregningsmodell,
            "maks_trekk_prosent": maks_trekk_prosent,
            "kontonummer": konto,
        },
    )
    return kommune


@transaction.atomic
def mottaker_lagre(*, bruker: Any, person_id: Any, kontonummer: str, skattetrekk_prosent: Decimal) -> Mottaker:
    """Økonomi registrerer deltakerens kontonummer og prosenttrekket fra skattekortet."""
    kontorer = krev_rolle(bruker, (Rolle.OEKONOMI,))
    person = Person.objects.select_related("kontor").filter(pk=person_id, kommune__nav_kontor_id__in=kontorer).first()
    if person is None:
        raise IkkeFunnet("Fant ikke personen.")
    konto = _sjekk_kontonummer(kontonummer)
    skattetrekk_prosent = Decimal(skattetrekk_prosent)
    if not Decimal(0) <= skattetrekk_prosent <= Decimal(100) or skattetrekk_prosent != skattetrekk_prosent.quantize(
        OERE
    ):
        raise KvpFeil("Skattetrekket må være en prosent mellom 0 og 100, med høyst to desimaler.", felt="skattetrekk")
    gammel = Mottaker.objects.filter(person=person).first()
    foer = {"kontonummer": gammel.kontonummer, "skattetrekk_prosent": str(gammel.skattetrekk_prosent)} if gammel else {}
    mottaker, _ = Mottaker.objects.update_or_create(
        person=person,
        defaults={"kontonummer": konto, "skattetrekk_prosent": skattetrekk_prosent, "endret_av": bruker},
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="ENDRE" if gammel else "OPPRETT",
        objekt=mottaker,
        foer=foer,
        etter={"kontonummer": konto, "skattetrekk_prosent": str(skattetrekk_prosent)},
    )
    return mottaker


# --- Beregning og korreksjoner -----------------------------------------------------------------------------------


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


def _korreksjon_lag(
    *,
    bruker: Any,
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
    korreksjon = Korreksjon.objects.create(
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


def _siste_betalte_beregninger(sak_filter: Q) -> dict[tuple[Any, int, int], Beregning]:
    """Den siste beregningen av hver måned som har fått en ordinær utbetaling."""
    betalt = set(
        Utbetalingspost.objects.filter(type=Posttype.ORDINAER).filter(sak_filter).values_list("sak_id", "aar", "maaned")
    )
    siste: dict[tuple[Any, int, int], Beregning] = {}
    for beregning in Beregning.objects.filter(sak_filter).order_by("sak_id", "aar", "maaned", "versjon"):
        noekkel = (beregning.sak_id, beregning.aar, beregning.maaned)
        if noekkel in betalt:
            siste[noekkel] = beregning
    return siste


def korreksjoner_beregn(*, kommune: Kommune, parametere: Parametersett = STANDARD, bruker: Any = None) -> int:
    """Betalte måneder der attesteringen har fått høyere versjon (endret oppmøte, arbeid, ytelser eller barn etter
    attesteringen) beregnes på nytt. Differansen blir en korreksjon. Gir antall nye beregninger."""
    sak_filter = Q(sak__person__kommune=kommune)
    siste = _siste_betalte_beregninger(sak_filter)
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
            _korreksjon_lag(
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


@transaction.atomic
def grunnbeloep_reguler(
    *, parametere: Parametersett = STANDARD, bruker: Any = None, kommune: Kommune | None = None
) -> int:
    """G-regulering: hver betalte måned som er beregnet med andre G-verdier enn parameterne nå gir for måneden,
    beregnes på nytt på det samme grunnlaget. Differansen betales (eller kreves tilbake) i neste runde, med
    forklaring. Gir antall måneder som ble regulert; en ny kjøring gir 0."""
    sak_filter = Q(sak__person__kommune=kommune) if kommune is not None else Q()
    antall = 0
    siste_nye: Beregning | None = None
    for beregning in _siste_betalte_beregninger(sak_filter).values():
        brukt = beregning.resultat.get("parametere_brukt", {}).get("grunnbeloep")
        if not brukt:
            continue
        gjeldende = g_verdier_for(parametere, beregning.grunnlag)
        if [(v["gyldig_fra"], v["verdi"]) for v in brukt] == [(v["gyldig_fra"], v["verdi"]) for v in gjeldende]:
            continue
        nye_g = ", ".join(f"{kroner(Decimal(v['verdi']))[:-3]} fra {v['gyldig_fra']}" for v in gjeldende)
        gamle_g = ", ".join(f"{kroner(Decimal(v['verdi']))[:-3]} fra {v['gyldig_fra']}" for v in brukt)
        siste_nye = _korreksjon_lag(
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


# --- Utbetalingsrunden -------------------------------------------------------------------------------------------


def _skattetrekk(grunnlag: Decimal, prosent: Decimal) -> Decimal:
    """Prosenttrekk av bruttobeløpet, rundet ned til hele kroner [I] (trekkrutinene runder trekket ned)."""
    if grunnlag <= 0:
        return NULL
    return (grunnlag * prosent / 100).quantize(KRONE, rounding=ROUND_DOWN).quantize(OERE)


def _kandidater(runde: Utbetalingsrunde, antall: int) -> list[Any]:
    """Sakene i kommunen som har en attestert, ubetalt måned til og med rundens måned, eller en etterbetaling som
    venter, og som ennå ikke er med i runden (høyst `antall`, i fast rekkefølge)."""
    med = Utbetaling.objects.filter(runde=runde).values("sak_id")
    ordinaer = Utbetalingspost.objects.filter(
        type=Posttype.ORDINAER, sak_id=OuterRef("sak_id"), aar=OuterRef("aar"), maaned=OuterRef("maaned")
    )
    attestert = (
        Maanedsattestering.objects.filter(Q(aar__lt=runde.aar) | Q(aar=runde.aar, maaned__lte=runde.maaned))
        .filter(sak__person__kommune_id=runde.kommune_id)
        .exclude(Exists(ordinaer))
        .exclude(sak_id__in=med)
        .order_by("sak_id")
        .values_list("sak_id", flat=True)
        .distinct()[:antall]
    )
    venter = (
        Korreksjon.objects.filter(
            sak__person__kommune_id=runde.kommune_id, differanse__gt=0, utbetalingspost__isnull=True
        )
        .exclude(sak_id__in=med)
        .order_by("sak_id")
        .values_list("sak_id", flat=True)
        .distinct()[:antall]
    )
    return sorted(set(attestert) | set(venter), key=str)[:antall]


def _beregn_bit(runde: Utbetalingsrunde, sak_ider: list[Any], parametere: Parametersett) -> int:
    kommune = runde.kommune
    saker = {s.pk: s for s in Sak.objects.select_related("person__kommune").filter(pk__in=sak_ider)}
    til_og_med = Q(aar__lt=runde.aar) | Q(aar=runde.aar, maaned__lte=runde.maaned)
    betalt = set(
        Utbetalingspost.objects.filter(type=Posttype.ORDINAER, sak_id__in=sak_ider).values_list(
            "sak_id", "aar", "maaned"
        )
    )
    maaneder: dict[tuple[int, int], list[tuple[Any, int]]] = defaultdict(list)
    for sak_id, aar, maaned, versjon in (
        Maanedsattestering.objects.filter(til_og_med, sak_id__in=sak_ider)
        .order_by("aar", "maaned")
        .values_list("sak_id", "aar", "maaned", "versjon")
    ):
        if (sak_id, aar, maaned) not in betalt:
            maaneder[(aar, maaned)].append((sak_id, versjon))
    tidligere_versjon = {
        (r["sak_id"], r["aar"], r["maaned"]): r["v"]
        for r in Beregning.objects.filter(sak_id__in=sak_ider)
        .values("sak_id", "aar", "maaned")
        .annotate(v=Max("versjon"))
    }
    beregninger: list[Beregning] = []
    poster: dict[Any, list[Utbetalingspost]] = defaultdict(list)
    for sak in saker.values():
        if programperiode(sak) is None:
            raise KvpFeil(
                f"{sak.person.navn} har en attestert måned, men saken mangler programperiode. Rett saken og simuler "
                "runden på nytt.",
                kode="KVP_INGEN_PROGRAMPERIODE",
            )
    for (aar, maaned), liste in sorted(maaneder.items()):
        dokumenter = grunnlag_for_saker([saker[s] for s, _ in liste], aar, maaned)
        for sak_id, versjon in liste:
            dokument = dokumenter[sak_id]
            try:
                resultat = beregn_som_json(dokument, parametere)
            except KvpFeil as feil:
                raise KvpFeil(f"{saker[sak_id].person.navn}, {maanedstekst(aar, maaned)}: {feil.melding}") from feil
            total = Decimal(resultat["total"])
            beregning = Beregning(
                sak_id=sak_id,
                aar=aar,
                maaned=maaned,
                versjon=tidligere_versjon.get((sak_id, aar, maaned), 0) + 1,
                aarsak=Beregningsaarsak.ORDINAER,
                attesteringsversjon=versjon,
                grunnlag=dokument,
                resultat=resultat,
                total=total,
                regelversjon=resultat["regelversjon"],
            )
            beregninger.append(beregning)
            poster[sak_id].append(
                Utbetalingspost(
                    sak_id=sak_id,
                    type=Posttype.ORDINAER,
                    aar=aar,
                    maaned=maaned,
                    beloep=total,
                    beregning=beregning,
                    forklaring=f"Kvalifiseringsstønad for {maanedstekst(aar, maaned)}.",
                )
            )
    for korreksjon in Korreksjon.objects.filter(
        sak_id__in=sak_ider, differanse__gt=0, utbetalingspost__isnull=True
    ).order_by("aar", "maaned", "opprettet"):
        poster[korreksjon.sak_id].append(
            Utbetalingspost(
                sak_id=korreksjon.sak_id,
                type=Posttype.ETTERBETALING,
                aar=korreksjon.aar,
                maaned=korreksjon.maaned,
                beloep=korreksjon.differanse,
                beregning_id=korreksjon.til_beregning_id,
                korreksjon=korreksjon,
                forklaring=korreksjon.forklaring,
            )
        )
    mottakere = {m.person_id: m for m in Mottaker.objects.filter(person_id__in=[s.person_id for s in saker.values()])}
    rest: dict[Any, list[tuple[Tilbakekreving, Decimal]]] = defaultdict(list)
    for aapen in (
        Tilbakekreving.objects.filter(sak_id__in=sak_ider, status=Tilbakekrevingsstatus.VEDTATT)
        .select_related("korreksjon")
        .annotate(trukket=Sum("trekk__beloep"))
        .order_by("vedtatt", "pk")
    ):
        rest[aapen.sak_id].append((aapen, aapen.beloep + (aapen.trukket or NULL)))
    uten_skattekort = Decimal(settings.KVP_SKATTETREKK_UTEN_SKATTEKORT_PROSENT)
    utbetalinger: list[Utbetaling] = []
    oppgjort: list[Any] = []
    for sak_id in sak_ider:
        if not poster[sak_id]:
            continue
        sak = saker[sak_id]
        brutto = sum((p.beloep for p in poster[sak_id]), NULL)
        ramme = (brutto * kommune.maks_trekk_prosent / 100).quantize(OERE, rounding=ROUND_DOWN)
        trekk = NULL
        for tk, gjenstaar in rest[sak_id]:
            beloep = min(gjenstaar, ramme - trekk)
            if beloep <= 0:
                break
            trekk += beloep
            poster[sak_id].append(
                Utbetalingspost(
                    sak_id=sak_id,
                    type=Posttype.TREKK,
                    aar=runde.aar,
                    maaned=runde.maaned,
                    beloep=-beloep,
                    tilbakekreving=tk,
                    forklaring=(
                        f"Trekk for tilbakekreving av for mye utbetalt for "
                        f"{maanedstekst(tk.korreksjon.aar, tk.korreksjon.maaned)}: {kroner(beloep)} av "
                        f"{kroner(gjenstaar)} som gjenstår (høyst {kommune.maks_trekk_prosent} % av utbetalingen)."
                    )[:500],
                )
            )
            if beloep == gjenstaar:
                oppgjort.append(tk.pk)
        mottaker = mottakere.get(sak.person_id)
        prosent = mottaker.skattetrekk_prosent if mottaker else uten_skattekort
        skattegrunnlag = brutto - trekk
        skatt = _skattetrekk(skattegrunnlag, prosent)
        utbetalinger.append(
            Utbetaling(
                runde=runde,
                sak_id=sak_id,
                brutto=brutto,
                trekk=trekk,
                skattetrekk_prosent=prosent,
                skattetrekk=skatt,
                netto=skattegrunnlag - skatt,
                kontonummer=mottaker.kontonummer if mottaker else "",
            )
        )
    Beregning.objects.bulk_create(beregninger)
    Utbetaling.objects.bulk_create(utbetalinger)
    alle_poster = []
    for utbetaling in utbetalinger:
        for post in poster[utbetaling.sak_id]:
            post.utbetaling = utbetaling
            alle_poster.append(post)
    Utbetalingspost.objects.bulk_create(alle_poster)
    if oppgjort:
        Tilbakekreving.objects.filter(pk__in=oppgjort).update(status=Tilbakekrevingsstatus.OPPGJORT)
    return len(utbetalinger)


def _mottakere_oppdater(runde: Utbetalingsrunde) -> None:
    """En simulert runde får med seg kontonummer og skattekort som er registrert etter simuleringen."""
    uten_skattekort = Decimal(settings.KVP_SKATTETREKK_UTEN_SKATTEKORT_PROSENT)
    endret = []
    for u in Utbetaling.objects.filter(runde=runde).select_related("sak__person__utbetalingsmottaker"):
        mottaker = getattr(u.sak.person, "utbetalingsmottaker", None)
        prosent = mottaker.skattetrekk_prosent if mottaker else uten_skattekort
        konto = mottaker.kontonummer if mottaker else ""
        if (u.skattetrekk_prosent, u.kontonummer) != (prosent, konto):
            u.skattetrekk_prosent, u.kontonummer = prosent, konto
            u.skattetrekk = _skattetrekk(u.brutto - u.trekk, prosent)
            u.netto = u.brutto - u.trekk - u.skattetrekk
            endret.append(u)
    Utbetaling.objects.bulk_update(endret, ["skattetrekk_prosent", "kontonummer", "skattetrekk", "netto"])


def utbetalingsrunde_kjoer(
    *,
    bruker: Any,
    kommune_nummer: str,
    aar: int,
    maaned: int,
    parametere: Parametersett = STANDARD,
    bitstoerrelse: int = 500,
    etter_bit: Callable[[int], None] | None = None,
) -> Utbetalingsrunde:
    """Simulerer (beregner) månedens utbetalingsrunde for kommunen, eller fullfører en runde som ble avbrutt.

    `bruker` er økonomimedarbeideren som kjører runden (også fra kommandolinjen); hen kan ikke godkjenne den. Kan
    kjøres så mange ganger man
    vil: deltakere som allerede er med, beregnes ikke på nytt (men får kontonummer og skattekort som er registrert
    siden). `etter_bit` kalles etter hver commit (antall nye).
    """
    maanedsperiode(aar, maaned)
    with transaction.atomic():
        kommune = Kommune.objects.select_for_update().filter(nummer=kommune_nummer).first()
        if kommune is None:
            raise IkkeFunnet("Fant ikke kommunen.")
        _krev_oekonomi_for_kommune(bruker, kommune)
        if (aar, maaned) >= (timezone.localdate().year, timezone.localdate().month):
            raise KvpFeil("Stønaden betales etterskuddsvis: velg en måned som er avsluttet.", felt="maaned")
        runde, ny = Utbetalingsrunde.objects.get_or_create(
            kommune=kommune,
            aar=aar,
            maaned=maaned,
            defaults={
                "utbetalingsdato": utbetalingsdato_for(kommune=kommune, aar=aar, maaned=maaned),
                "opprettet_av": bruker,
            },
        )
        if runde.status != Rundestatus.SIMULERT:
            raise KvpFeil(
                f"Runden for {maanedstekst(aar, maaned)} er allerede {runde.get_status_display().lower()}.",
                kode="KVP_RUNDE_LAAST",
            )
        if ny:
            logghendelse_registrer(
                bruker=bruker,
                kontor=kommune.nav_kontor,
                handling="OPPRETT",
                objekt=runde,
                etter={"aar": aar, "maaned": maaned, "utbetalingsdato": runde.utbetalingsdato.isoformat()},
            )
        else:
            logghendelse_registrer(
                bruker=bruker, kontor=kommune.nav_kontor, handling="ENDRE", objekt=runde, beskrivelse="Simulert på nytt"
            )
    with transaction.atomic():
        # Radlåsen på runden først, så koblingen til den som simulerer: da venter en samtidig kjøring her, mens
        # kommunelåsen over er sluppet (ellers vranglås mellom kommuneraden og runderaden på PostgreSQL).
        Utbetalingsrunde.objects.select_for_update().get(pk=runde.pk)
        runde.simulert_av.add(bruker)
        if not ny:
            _mottakere_oppdater(runde)
        korreksjoner_beregn(kommune=kommune, parametere=parametere, bruker=bruker)
    while True:
        with transaction.atomic():
            runde = Utbetalingsrunde.objects.select_for_update().select_related("kommune").get(pk=runde.pk)
            if runde.status != Rundestatus.SIMULERT:
                return runde
            kandidater = _kandidater(runde, bitstoerrelse)
            if not kandidater:
                if not runde.ferdig:
                    runde.ferdig = True
                    runde.save(update_fields=["ferdig"])
                return runde
            runde.ferdig = False
            runde.save(update_fields=["ferdig"])
            nye = _beregn_bit(runde, kandidater, parametere)
            if nye == 0:  # vern mot en evig løkke: hver kandidat skal gi en utbetaling
                raise KvpFeil("Utbetalingsrunden kom ikke videre. Kontakt brukerstøtte.", kode="KVP_RUNDE_STOPPET")
        if etter_bit is not None:
            etter_bit(nye)


def _runde_for_skriving(*, bruker: Any, runde_id: Any) -> Utbetalingsrunde:
    kontorer = krev_rolle(bruker, (Rolle.OEKONOMI,))
    runde = (
        Utbetalingsrunde.objects.select_for_update()
        .select_related("kommune")
        .filter(pk=runde_id, kommune__nav_kontor_id__in=kontorer)
        .first()
    )
    if runde is None:
        raise IkkeFunnet("Fant ikke utbetalingsrunden.")
    return runde


def _ny_status(runde: Utbetalingsrunde, bruker: Any, status: str, felt: str) -> None:
    foer = runde.status
    runde.status = status
    setattr(runde, f"{felt}_av", bruker)
    setattr(runde, felt, timezone.now())
    runde.save(update_fields=["status", f"{felt}_av", felt])
    logghendelse_registrer(
        bruker=bruker,
        kontor=runde.kommune.nav_kontor,
        handling="ENDRE",
        objekt=runde,
        foer={"status": foer},
        etter={"status": status},
    )


@transaction.atomic
def utbetalingsrunde_godkjenn(*, bruker: Any, runde_id: Any) -> Utbetalingsrunde:
    """En annen økonomimedarbeider enn den som simulerte runden, godkjenner den (fireøyneprinsippet)."""
    runde = _runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.SIMULERT:
        raise KvpFeil("Bare en simulert runde kan godkjennes.")
    if not runde.ferdig:
        raise KvpFeil("Runden er ikke ferdig beregnet. Kjør simuleringen på nytt for å fullføre den.")
    if runde.opprettet_av_id == bruker.pk or runde.simulert_av.filter(pk=bruker.pk).exists():
        raise KvpFeil("Du simulerte runden selv. En annen i økonomi må godkjenne den.", kode="KVP_FIREOEYNE")
    if not Utbetalingsoppsett.objects.filter(kommune=runde.kommune).exclude(kontonummer="").exists():
        raise KvpFeil(
            "Kommunens konto for utbetalingene er ikke registrert. Legg den inn under innstillingene først.",
            kode="KVP_MANGLER_KOMMUNEKONTO",
        )
    uten_konto = runde.utbetalinger.filter(netto__gt=0, kontonummer="").count()
    if uten_konto:
        raise KvpFeil(
            f"{uten_konto} deltaker(e) mangler kontonummer. Registrer kontonummeret og simuler runden på nytt.",
            kode="KVP_MANGLER_KONTO",
        )
    _ny_status(runde, bruker, Rundestatus.GODKJENT, "godkjent")
    return runde


@transaction.atomic
def utbetalingsrunde_eksporter(*, bruker: Any, runde_id: Any) -> Utbetalingsrunde:
    """Markerer at betalingsfilen og regnskapsfilen er laget (de kan lastes ned igjen etterpå)."""
    runde = _runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.GODKJENT:
        raise KvpFeil("Runden må være godkjent før den eksporteres.")
    _ny_status(runde, bruker, Rundestatus.EKSPORTERT, "eksportert")
    return runde


@transaction.atomic
def utbetalingsrunde_bekreft(*, bruker: Any, runde_id: Any) -> Utbetalingsrunde:
    """Banken har bekreftet at betalingene er gjennomført."""
    runde = _runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status != Rundestatus.EKSPORTERT:
        raise KvpFeil("Runden må være eksportert før utbetalingen kan bekreftes.")
    _ny_status(runde, bruker, Rundestatus.BEKREFTET, "bekreftet")
    return runde


# --- Tilbakekreving ----------------------------------------------------------------------------------------------


def _tilbakekreving_for_skriving(*, bruker: Any, tilbakekreving_id: Any) -> Tilbakekreving:
    kontorer = krev_rolle(bruker, (Rolle.OEKONOMI,))
    tk = (
        Tilbakekreving.objects.select_for_update()
        .select_related("sak__kontor", "sak__person")
        .filter(pk=tilbakekreving_id, sak__person__kommune__nav_kontor_id__in=kontorer)
        .first()
    )
    if tk is None:
        raise IkkeFunnet("Fant ikke tilbakekrevingen.")
    return tk


@transaction.atomic
def tilbakekreving_foreslaa(*, bruker: Any, tilbakekreving_id: Any, begrunnelse: str) -> Tilbakekreving:
    """Økonomi foreslår å kreve tilbake det som er utbetalt for mye, med begrunnelse."""
    tk = _tilbakekreving_for_skriving(bruker=bruker, tilbakekreving_id=tilbakekreving_id)
    if tk.status != Tilbakekrevingsstatus.BEREGNET:
        raise KvpFeil("Tilbakekrevingen er allerede foreslått.")
    if not begrunnelse.strip():
        raise KvpFeil("Skriv en begrunnelse.", felt="begrunnelse")
    tk.status = Tilbakekrevingsstatus.FORESLAATT
    tk.foreslaatt_av = bruker
    tk.foreslaatt = timezone.now()
    tk.begrunnelse = begrunnelse.strip()[:1000]
    tk.save(update_fields=["status", "foreslaatt_av", "foreslaatt", "begrunnelse"])
    logghendelse_registrer(
        bruker=bruker,
        kontor=tk.sak.kontor,
        person=tk.sak.person,
        handling="ENDRE",
        objekt=tk,
        foer={"status": Tilbakekrevingsstatus.BEREGNET},
        etter={"status": tk.status, "beloep": str(tk.beloep)},
    )
    return tk


@transaction.atomic
def tilbakekreving_vedta(*, bruker: Any, tilbakekreving_id: Any, tilbakekreves: bool) -> Tilbakekreving:
    """En annen person enn den som foreslo, vedtar (eller avslår) tilbakekrevingen. Vedtatt beløp trekkes i
    senere utbetalinger."""
    tk = _tilbakekreving_for_skriving(bruker=bruker, tilbakekreving_id=tilbakekreving_id)
    if tk.status != Tilbakekrevingsstatus.FORESLAATT:
        raise KvpFeil("Bare en foreslått tilbakekreving kan vedtas.")
    if tk.foreslaatt_av_id == bruker.pk:
        raise KvpFeil("Du foreslo tilbakekrevingen selv. En annen må vedta den.", kode="KVP_FIREOEYNE")
    tk.status = Tilbakekrevingsstatus.VEDTATT if tilbakekreves else Tilbakekrevingsstatus.AVSLAATT
    tk.vedtatt_av = bruker
    tk.vedtatt = timezone.now()
    if tilbakekreves:
        maaned = dt.date(tk.korreksjon.aar, tk.korreksjon.maaned, 1)
        tk.vedtak = tilbakekrevingsvedtak_fatt(
            sak=tk.sak,
            forfatter=tk.foreslaatt_av,
            beslutter=bruker,
            fra_og_med=maaned,
            til_og_med=maaned.replace(day=calendar.monthrange(maaned.year, maaned.month)[1]),
            begrunnelse=tk.begrunnelse or tk.korreksjon.forklaring,
        )
    tk.save(update_fields=["status", "vedtatt_av", "vedtatt", "vedtak"])
    if tk.vedtak is not None:
        vedtaksbrev_lag(vedtak=tk.vedtak)
    logghendelse_registrer(
        bruker=bruker,
        kontor=tk.sak.kontor,
        person=tk.sak.person,
        handling="ENDRE",
        objekt=tk,
        foer={"status": Tilbakekrevingsstatus.FORESLAATT},
        etter={"status": tk.status},
    )
    return tk

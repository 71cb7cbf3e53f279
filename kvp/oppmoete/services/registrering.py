"""Registrering av oppmøte: én status for en dag, en uke eller en periode, og en hel måned for mange deltakere."""

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling
from kvp_regler.belop import har_hoeyst_to_desimaler
from kvp_regler.program.timer import minste_verdi, timer_tekst
from kvp_regler.tid import maaneder_i_perioden

from ..grunnlag import maanedsperiode
from ..kalender import UKEDAGER, helligdager, maanedsnavn, virkedager
from ..models import Dagstatus, Dokumentasjon, Kilde, Maanedsattestering, Oppmoete
from .felles import (
    MAKS_DAGER_PER_REGISTRERING,
    _fyll_helligdager,
    _hent_sak,
    _lagre_dager,
    _periode,
)
from .korreksjon import _korriger_attesterte


def _sjekk_registrering(
    *,
    sak: Sak,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    status: str,
    timer: Decimal | None,
    dokumentasjon: str,
) -> list[dt.date]:
    """Dagene registreringen gjelder, eller KvpFeil med en melding saksbehandleren forstår."""
    if status not in Dagstatus.values:
        raise KvpFeil("Velg en status fra listen.", felt="status", kode="KVP_OPPMOETE_STATUS")
    if dokumentasjon not in Dokumentasjon.values:
        raise KvpFeil("Velg dokumentasjon fra listen.", felt="dokumentasjon", kode="KVP_OPPMOETE_DOKUMENTASJON")
    if til_og_med < fra_og_med:
        raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med", kode="KVP_DATO")
    if (til_og_med - fra_og_med).days >= MAKS_DAGER_PER_REGISTRERING:
        raise KvpFeil("Registrer høyst ett år om gangen.", felt="til_og_med", kode="KVP_PERIODE_LENGDE")
    _sjekk_ikke_fremtid(til_og_med)
    if timer is not None:
        if status != Dagstatus.UGYLDIG_FRAVAER:
            raise KvpFeil("Timer oppgis bare ved ugyldig fravær.", felt="timer", kode="KVP_OPPMOETE_TIMER_STATUS")
        maks, _ = minste_verdi("timer_per_virkedag", fra_og_med, til_og_med)  # forskriften § 1: én programdag
        if not Decimal(0) < timer <= maks or not har_hoeyst_to_desimaler(timer):
            raise KvpFeil(
                f"Timer ugyldig fravær må være mer enn 0 og høyst {timer_tekst(maks)} (med høyst to desimaler).",
                felt="timer",
                kode="KVP_OPPMOETE_TIMER",
            )
    if dokumentasjon != Dokumentasjon.INGEN and status != Dagstatus.GYLDIG_FRAVAER:
        raise KvpFeil(
            "Dokumentasjon (egenmelding eller legeerklæring) registreres bare ved gyldig fravær.",
            felt="dokumentasjon",
            kode="KVP_OPPMOETE_DOKUMENTASJON_STATUS",
        )
    if fra_og_med == til_og_med and fra_og_med.weekday() >= 5:
        raise KvpFeil(
            f"{fra_og_med:%d.%m.%Y} er en {UKEDAGER[fra_og_med.weekday()]}. Oppmøte registreres bare på virkedager "
            "(mandag–fredag).",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_HELG",
        )
    dager = virkedager(fra_og_med, til_og_med)
    if not dager:
        raise KvpFeil(
            "Perioden har bare helgedager. Oppmøte registreres bare på virkedager (mandag–fredag).",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_HELG",
        )
    fra, til = _periode(sak)
    utenfor = [d for d in dager if not fra <= d <= til]
    if utenfor:
        raise KvpFeil(
            f"{utenfor[0]:%d.%m.%Y} er utenfor programperioden {fra:%d.%m.%Y}–{til:%d.%m.%Y}.",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_UTENFOR",
        )
    hellig = helligdager(fra_og_med, til_og_med)
    if status == Dagstatus.HELLIGDAG:
        ikke = [d for d in dager if d not in hellig]
        if ikke:
            raise KvpFeil(
                f"{ikke[0]:%d.%m.%Y} er ikke en helligdag.", felt="status", kode="KVP_OPPMOETE_IKKE_HELLIGDAG"
            )
    elif len(dager) > 1:
        # Helligdagene i en periode (en uke med ferie, for eksempel) forblir helligdager.
        dager = [d for d in dager if d not in hellig]
        if not dager:
            raise KvpFeil("Perioden har bare helligdager.", felt="fra_og_med", kode="KVP_OPPMOETE_HELLIGDAG")
    return dager


def _sjekk_ikke_fremtid(dato: dt.date) -> None:
    """Oppmøte registreres bare for dager som har vært (til og med i dag)."""
    i_dag = timezone.localdate()
    if dato > i_dag:
        raise KvpFeil(
            f"{dato:%d.%m.%Y} har ikke vært ennå. Oppmøte registreres bare for dager som har vært, til og med i dag "
            f"({i_dag:%d.%m.%Y}).",
            felt="til_og_med",
            kode="KVP_DATO_FREMTID",
        )


def _sjekk_ferie(*, sak: Sak, dager: list[dt.date], status: str) -> None:
    if status != Dagstatus.FERIE:
        return
    rett = sak.person.kommune.ferie_virkedager_per_aar
    for aar in sorted({d.year for d in dager}):
        nye = {d for d in dager if d.year == aar}
        brukt = Oppmoete.objects.filter(sak=sak, status=Dagstatus.FERIE, dato__year=aar).exclude(dato__in=nye).count()
        if brukt + len(nye) > rett:
            raise KvpFeil(
                f"Ferien blir {brukt + len(nye)} virkedager i {aar}, men kommunen gir {rett} virkedager ferie med "
                f"stønad per kalenderår (brukt {brukt}, registrerer {len(nye)}).",
                felt="status",
                kode="KVP_OPPMOETE_FERIE",
            )


@transaction.atomic
def oppmoete_registrer(
    *,
    bruker: Bruker,
    sak_id: UUID,
    fra_og_med: dt.date,
    til_og_med: dt.date | None = None,
    status: str,
    timer: Decimal | None = None,
    dokumentasjon: str = Dokumentasjon.INGEN,
    merknad: str = "",
    korreksjonsgrunn: str = "",
) -> int:
    """Registrerer én status for en dag, en uke eller en periode (bare virkedager). Svarer med antall dager.

    I en periode over flere dager beholder helligdagene statusen HELLIGDAG. En attestert måned endres bare med en
    korreksjonsgrunn.
    """
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    til_og_med = til_og_med or fra_og_med
    dager = _sjekk_registrering(
        sak=sak, fra_og_med=fra_og_med, til_og_med=til_og_med, status=status, timer=timer, dokumentasjon=dokumentasjon
    )
    _sjekk_ferie(sak=sak, dager=dager, status=status)
    endring = {
        "fra_og_med": dager[0].isoformat(),
        "til_og_med": dager[-1].isoformat(),
        "status": status,
        "timer": None if timer is None else str(timer),
        "dokumentasjon": dokumentasjon,
    }
    _korriger_attesterte(
        bruker=bruker,
        sak=sak,
        maaneder=maaneder_i_perioden(dager[0], dager[-1]),
        grunn=korreksjonsgrunn,
        endring=endring,
    )
    foer = _lagre_dager(
        bruker=bruker,
        sak=sak,
        dager=dager,
        status=status,
        timer=timer,
        dokumentasjon=dokumentasjon,
        merknad=merknad.strip(),
        kilde=Kilde.SAKSBEHANDLER,
    )
    foerste, _ = maanedsperiode(dager[0].year, dager[0].month)
    _, siste = maanedsperiode(dager[-1].year, dager[-1].month)
    _fyll_helligdager(bruker=bruker, saker=[sak], fra=foerste, til=siste)
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=sak,
        beskrivelse=f"Oppmøte {dager[0]:%d.%m.%Y}–{dager[-1]:%d.%m.%Y}: {Dagstatus(status).label}",
        foer={d.isoformat(): s for d, s in foer.items()},
        etter=endring,
    )
    return len(dager)


@transaction.atomic
def oppmoete_registrer_mange(
    *, bruker: Bruker, aar: int, maaned: int, registreringer: Mapping[Any, Mapping[dt.date, str]]
) -> int:
    """Registrerer en måned for mange deltakere på én gang (sak-id → dato → status), med et fast antall spørringer.

    Helligdagene fylles inn. Attesterte måneder endres ikke her; de korrigeres én og én med en grunn.
    """
    fra, til = maanedsperiode(aar, maaned)
    saker: list[Sak] = list(
        tilgang.synlige(bruker, "oppmoete", Handling.SKRIV, krev=True)
        .select_for_update(of=("self",))
        .select_related("person__kommune", "kontor")
        .filter(pk__in=list(registreringer))
    )
    if len(saker) != len(registreringer):
        raise IkkeFunnet("Fant ikke alle sakene.")
    if Maanedsattestering.objects.filter(sak__in=saker, aar=aar, maaned=maaned).exists():
        raise KvpFeil(
            f"Noen av sakene har attestert {maanedsnavn(aar, maaned)}; korriger dem én og én med en grunn.",
            kode="KVP_ATTESTERT",
        )
    eksisterende = {(o.sak_id, o.dato): o for o in Oppmoete.objects.filter(sak__in=saker, dato__range=(fra, til))}
    ferie_ellers = dict(
        Oppmoete.objects.filter(sak__in=saker, status=Dagstatus.FERIE, dato__year=aar)
        .exclude(dato__range=(fra, til))
        .values_list("sak_id")
        .annotate(n=Count("id"))
        .order_by()
    )
    hellig = helligdager(fra, til)
    naa = timezone.now()
    nye: list[Oppmoete] = []
    endres: list[Oppmoete] = []
    for sak in saker:
        periode = _periode(sak)
        for dato, status in registreringer[sak.pk].items():
            if not fra <= dato <= til:
                raise KvpFeil(f"{dato:%d.%m.%Y} er ikke i {maanedsnavn(aar, maaned)}.", kode="KVP_DATO_MAANED")
            if dato.weekday() >= 5:
                raise KvpFeil(f"{dato:%d.%m.%Y} er en {UKEDAGER[dato.weekday()]}.", kode="KVP_OPPMOETE_HELG")
            _sjekk_ikke_fremtid(dato)
            if not periode[0] <= dato <= periode[1]:
                raise KvpFeil(f"{dato:%d.%m.%Y} er utenfor programperioden.", kode="KVP_OPPMOETE_UTENFOR")
            if status not in Dagstatus.values:
                raise KvpFeil("Ukjent status.", kode="KVP_OPPMOETE_STATUS")
            if status == Dagstatus.HELLIGDAG and dato not in hellig:
                raise KvpFeil(f"{dato:%d.%m.%Y} er ikke en helligdag.", kode="KVP_OPPMOETE_IKKE_HELLIGDAG")
            rad = eksisterende.get((sak.pk, dato))
            if rad is None:
                rad = Oppmoete(sak=sak, dato=dato, registrert_av=bruker)
                eksisterende[(sak.pk, dato)] = rad
                nye.append(rad)
            else:
                endres.append(rad)
            rad.status, rad.timer, rad.dokumentasjon, rad.merknad = status, None, Dokumentasjon.INGEN, ""
            rad.kilde, rad.registrert_av, rad.registrert = Kilde.SAKSBEHANDLER, bruker, naa
        ferie = ferie_ellers.get(sak.pk, 0) + sum(
            1 for (sak_id, _), rad in eksisterende.items() if sak_id == sak.pk and rad.status == Dagstatus.FERIE
        )
        rett = sak.person.kommune.ferie_virkedager_per_aar
        if ferie > rett:
            raise KvpFeil(
                f"{sak.person.navn} får {ferie} virkedager ferie i {aar}, men kommunen gir {rett}.",
                kode="KVP_OPPMOETE_FERIE",
            )
    Oppmoete.objects.bulk_create(nye, batch_size=1000)
    Oppmoete.objects.bulk_update(
        endres,
        ["status", "timer", "dokumentasjon", "merknad", "kilde", "registrert_av", "registrert"],
        batch_size=1000,
    )
    _fyll_helligdager(bruker=bruker, saker=saker, fra=fra, til=til)
    for sak in saker:
        logghendelse_registrer(
            bruker=bruker,
            kontor=sak.kontor,
            person=sak.person,
            handling="ENDRE",
            objekt=sak,
            beskrivelse=f"Oppmøte for {maanedsnavn(aar, maaned)} registrert samlet",
            etter={d.isoformat(): s for d, s in registreringer[sak.pk].items()},
        )
    return len(nye) + len(endres)


@transaction.atomic
def oppmoete_slett(
    *, bruker: Bruker, sak_id: UUID, fra_og_med: dt.date, til_og_med: dt.date | None = None, grunn: str
) -> int:
    """Sletter registrert oppmøte for en dag eller en periode, med en grunn som logges. Svarer med antall dager.

    Dagene blir «ikke registrert» igjen. Automatisk utfylte helligdager blir stående. En attestert måned endres
    ikke her; den korrigeres med en ny registrering og en korreksjonsgrunn.
    """
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    til_og_med = til_og_med or fra_og_med
    grunn = grunn.strip()
    if not grunn:
        raise KvpFeil("Skriv hvorfor registreringen slettes.", felt="grunn", kode="KVP_OPPMOETE_SLETT_GRUNN")
    if til_og_med < fra_og_med:
        raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med", kode="KVP_DATO")
    if (til_og_med - fra_og_med).days >= MAKS_DAGER_PER_REGISTRERING:
        raise KvpFeil("Slett høyst ett år om gangen.", felt="til_og_med", kode="KVP_PERIODE_LENGDE")
    maaneder = maaneder_i_perioden(fra_og_med, til_og_med)
    attesterte = [
        (a.aar, a.maaned)
        for a in Maanedsattestering.objects.filter(sak=sak, aar__in={aar for aar, _ in maaneder})
        if (a.aar, a.maaned) in set(maaneder)
    ]
    if attesterte:
        navn = ", ".join(maanedsnavn(aar, mnd) for aar, mnd in attesterte)
        raise KvpFeil(
            f"Måneden er attestert ({navn}) og kan ikke endres i kalenderen. Registrer riktig status med en "
            "korreksjonsgrunn i stedet.",
            felt="fra_og_med",
            kode="KVP_ATTESTERT",
        )
    rader = list(
        Oppmoete.objects.select_for_update()
        .filter(sak=sak, dato__range=(fra_og_med, til_og_med))
        .exclude(kilde=Kilde.AUTOMATISK, status=Dagstatus.HELLIGDAG)
        .order_by("dato")
    )
    if not rader:
        raise KvpFeil(
            f"Det er ingen registreringer å slette {fra_og_med:%d.%m.%Y}–{til_og_med:%d.%m.%Y}.",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_INGEN",
        )
    foer = {r.dato.isoformat(): {"status": r.status, "kilde": r.kilde, "merknad": r.merknad} for r in rader}
    Oppmoete.objects.filter(pk__in=[r.pk for r in rader]).delete()
    _fyll_helligdager(bruker=bruker, saker=[sak], fra=fra_og_med, til=til_og_med)
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=sak,
        beskrivelse=f"Oppmøte slettet {rader[0].dato:%d.%m.%Y}–{rader[-1].dato:%d.%m.%Y}: {grunn}",
        foer=foer,
        etter={"slettet": len(rader), "grunn": grunn},
    )
    return len(rader)

"""Skriving av oppmøte, lønnet arbeid, andre ytelser og attestering.

En måned som er attestert kan bare endres som en korreksjon med en grunn. Korreksjonen lagres (`Korreksjon`),
logges, øker `Maanedsattestering.versjon` og setter `sist_korrigert` i samme transaksjon som endringen, slik at
utbetalingen ser at måneden må beregnes på nytt.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle
from kvp.tilgang.tilgang import krev_rolle, tilgang_for

from .grunnlag import beregn, grunnlag_for_maaned, maanedsperiode, programperiode
from .kalender import UKEDAGER, helligdager, maanedsnavn, virkedager
from .models import (
    AnnenYtelse,
    Arbeidsperiode,
    Dagstatus,
    Dokumentasjon,
    Kilde,
    Korreksjon,
    Maanedsattestering,
    Oppmoete,
    Ytelsestype,
)

ROLLER_SOM_REGISTRERER = (Rolle.KVP_VEILEDER,)
MAKS_ARBEID = Decimal("18.75")
MAKS_TIMER_FRAVAER = Decimal("7.5")
MAKS_DAGER_PER_REGISTRERING = 366


def _tall(verdi: Decimal) -> str:
    return f"{verdi.normalize():f}".replace(".", ",")


def _hent_sak(*, bruker: Any, sak_id: Any) -> Sak:
    kontorer = krev_rolle(bruker, ROLLER_SOM_REGISTRERER)
    sak = (
        Sak.objects.select_for_update(of=("self",))
        .select_related("person__kommune", "kontor")
        .filter(pk=sak_id, kontor_id__in=kontorer)
        .first()
    )
    if sak is None:
        raise IkkeFunnet("Fant ikke saken.")
    return sak


def _periode(sak: Sak) -> tuple[dt.date, dt.date]:
    periode = programperiode(sak)
    if periode is None:
        raise KvpFeil("Saken har ingen programperiode ennå.", kode="KVP_INGEN_PROGRAMPERIODE")
    return periode


def _maaneder(fra: dt.date, til: dt.date) -> list[tuple[int, int]]:
    maaneder = []
    aar, maaned = fra.year, fra.month
    while (aar, maaned) <= (til.year, til.month):
        maaneder.append((aar, maaned))
        aar, maaned = (aar + 1, 1) if maaned == 12 else (aar, maaned + 1)
    return maaneder


def _korriger_attesterte(
    *, bruker: Any, sak: Sak, maaneder: Iterable[tuple[int, int]], grunn: str, endring: dict[str, Any]
) -> list[Maanedsattestering]:
    """Gjør endringen til en korreksjon i hver attestert måned den berører; uten grunn stoppes den."""
    maaneder = set(maaneder)
    attesterte = [
        a
        for a in Maanedsattestering.objects.select_for_update().filter(sak=sak, aar__in={aar for aar, _ in maaneder})
        if (a.aar, a.maaned) in maaneder
    ]
    if not attesterte:
        return []
    if not grunn.strip():
        navn = ", ".join(maanedsnavn(a.aar, a.maaned) for a in attesterte)
        raise KvpFeil(
            f"Måneden er attestert ({navn}). En endring må registreres som en korreksjon: skriv grunnen.",
            felt="korreksjonsgrunn",
            kode="KVP_ATTESTERT",
        )
    naa = timezone.now()
    for attestering in attesterte:
        foer = attestering.versjon
        attestering.versjon = foer + 1
        attestering.sist_korrigert = naa
        attestering.save(update_fields=["versjon", "sist_korrigert"])
        Korreksjon.objects.create(
            attestering=attestering,
            grunn=grunn.strip(),
            versjon=attestering.versjon,
            endring=endring,
            registrert_av=bruker,
        )
        logghendelse_registrer(
            bruker=bruker,
            kontor=sak.kontor,
            person=sak.person,
            handling="ENDRE",
            objekt=attestering,
            beskrivelse=f"Korreksjon: {grunn.strip()}",
            foer={"versjon": foer},
            etter={"versjon": attestering.versjon, **endring},
        )
    return attesterte


@transaction.atomic
def attesterte_maaneder_korriger_etter_vedtak(*, bruker: Any, sak: Sak, fra_og_med: dt.date, grunn: str) -> int:
    """Et fattet vedtak som endrer stønaden fra `fra_og_med` (permisjon, avbrudd, gjenopptak, stans, avslutning)
    gjør hver attestert måned fra og med den måneden til en korreksjon, så utbetalingen regner dem på nytt."""
    maaneder = {
        (a, m)
        for a, m in Maanedsattestering.objects.filter(sak=sak, aar__gte=fra_og_med.year).values_list("aar", "maaned")
        if (a, m) >= (fra_og_med.year, fra_og_med.month)
    }
    endring = {"vedtak_fra_og_med": fra_og_med.isoformat()}
    return len(_korriger_attesterte(bruker=bruker, sak=sak, maaneder=maaneder, grunn=grunn, endring=endring))


def _fyll_helligdager(*, bruker: Any, saker: Iterable[Sak], fra: dt.date, til: dt.date) -> int:
    """Legger inn HELLIGDAG for helligdager i programperioden som ikke er registrert (konstant antall spørringer)."""
    dager = helligdager(fra, til)
    if not dager:
        return 0
    saker = list(saker)
    finnes = set(Oppmoete.objects.filter(sak__in=saker, dato__in=list(dager)).values_list("sak_id", "dato"))
    nye = []
    for sak in saker:
        periode = programperiode(sak)
        if periode is None:
            continue
        for dato in dager:
            if periode[0] <= dato <= periode[1] and (sak.pk, dato) not in finnes:
                nye.append(
                    Oppmoete(
                        sak=sak, dato=dato, status=Dagstatus.HELLIGDAG, kilde=Kilde.AUTOMATISK, registrert_av=bruker
                    )
                )
    Oppmoete.objects.bulk_create(nye, batch_size=1000)
    return len(nye)


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
        raise KvpFeil("Registrer høyst ett år om gangen.", felt="til_og_med", kode="KVP_DATO")
    if timer is not None:
        if status != Dagstatus.UGYLDIG_FRAVAER:
            raise KvpFeil("Timer oppgis bare ved ugyldig fravær.", felt="timer", kode="KVP_OPPMOETE_TIMER")
        if not Decimal(0) < timer <= MAKS_TIMER_FRAVAER or timer != timer.quantize(Decimal("0.01")):
            raise KvpFeil(
                "Timer ugyldig fravær må være mer enn 0 og høyst 7,5 (med høyst to desimaler).",
                felt="timer",
                kode="KVP_OPPMOETE_TIMER",
            )
    if dokumentasjon != Dokumentasjon.INGEN and status != Dagstatus.GYLDIG_FRAVAER:
        raise KvpFeil(
            "Dokumentasjon (egenmelding eller legeerklæring) registreres bare ved gyldig fravær.",
            felt="dokumentasjon",
            kode="KVP_OPPMOETE_DOKUMENTASJON",
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
            raise KvpFeil(f"{ikke[0]:%d.%m.%Y} er ikke en helligdag.", felt="status", kode="KVP_OPPMOETE_HELLIGDAG")
    elif len(dager) > 1:
        # Helligdagene i en periode (en uke med ferie, for eksempel) forblir helligdager.
        dager = [d for d in dager if d not in hellig]
        if not dager:
            raise KvpFeil("Perioden har bare helligdager.", felt="fra_og_med", kode="KVP_OPPMOETE_HELLIGDAG")
    return dager


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


def _lagre_dager(
    *,
    bruker: Any,
    sak: Sak,
    dager: list[dt.date],
    status: str,
    timer: Decimal | None,
    dokumentasjon: str,
    merknad: str,
    kilde: str,
) -> dict[dt.date, str]:
    """Lagrer registreringen; svarer med statusen hver dag hadde før (DELTATT når den ikke var registrert)."""
    eksisterende = {o.dato: o for o in Oppmoete.objects.select_for_update().filter(sak=sak, dato__in=dager)}
    foer = {d: (eksisterende[d].status if d in eksisterende else Dagstatus.DELTATT) for d in dager}
    endres: list[Oppmoete] = []
    nye: list[Oppmoete] = []
    for dato in dager:
        rad = eksisterende.get(dato) or Oppmoete(sak=sak, dato=dato)
        rad.status = status
        rad.timer = timer
        rad.dokumentasjon = dokumentasjon
        rad.merknad = merknad
        rad.kilde = kilde
        rad.registrert_av = bruker
        rad.registrert = timezone.now()
        (endres if dato in eksisterende else nye).append(rad)
    Oppmoete.objects.bulk_create(nye, batch_size=1000)
    Oppmoete.objects.bulk_update(
        endres, ["status", "timer", "dokumentasjon", "merknad", "kilde", "registrert_av", "registrert"], batch_size=1000
    )
    return foer


@transaction.atomic
def oppmoete_registrer(
    *,
    bruker: Any,
    sak_id: Any,
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
        bruker=bruker, sak=sak, maaneder=_maaneder(dager[0], dager[-1]), grunn=korreksjonsgrunn, endring=endring
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


def _egenmeldt_inntil(*, sak: Sak, dager: list[dt.date]) -> int:
    """Virkedagene med egenmelding rett før og rett etter `dager` (samme sykdomstilfelle): to meldinger etter
    hverandre skal ikke gi flere egenmeldte dager på rad enn én melding kan."""
    fra, til = dager[0] - dt.timedelta(days=14), dager[-1] + dt.timedelta(days=14)
    meldt = set(
        Oppmoete.objects.filter(
            sak=sak, dato__range=(fra, til), status=Dagstatus.GYLDIG_FRAVAER, dokumentasjon=Dokumentasjon.EGENMELDING
        ).values_list("dato", flat=True)
    )
    arbeidsdager = set(virkedager(fra, til)) - set(helligdager(fra, til))
    antall = 0
    for start, steg in ((dager[0], -1), (dager[-1], 1)):
        dato = start + dt.timedelta(days=steg)
        while fra <= dato <= til and (dato in meldt or dato not in arbeidsdager):
            antall += dato in meldt
            dato += dt.timedelta(days=steg)
    return antall


@transaction.atomic
def egenmelding_registrer(*, bruker: Any, fra_og_med: dt.date, til_og_med: dt.date, merknad: str = "") -> int:
    """Deltakeren melder sykefravær med egenmelding for dager som ikke er registrert av NAV."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    sak = (
        Sak.objects.select_for_update(of=("self",))
        .select_related("person__kommune", "kontor")
        .filter(person_id__in=personer, program_fra_og_med__isnull=False)
        .order_by("-program_fra_og_med")
        .first()
    )
    if sak is None:
        raise KvpFeil("Du er ikke i kvalifiseringsprogram.", kode="KVP_INGEN_PROGRAMPERIODE")
    if til_og_med > timezone.localdate():
        raise KvpFeil(
            "Egenmelding gjelder dager du har vært syk, ikke dager frem i tid.", felt="til_og_med", kode="KVP_DATO"
        )
    dager = _sjekk_registrering(
        sak=sak,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        status=Dagstatus.GYLDIG_FRAVAER,
        timer=None,
        dokumentasjon=Dokumentasjon.EGENMELDING,
    )
    hellig = helligdager(dager[0], dager[-1])
    for dato in dager:
        if dato in hellig:
            raise KvpFeil(
                f"{dato:%d.%m.%Y} er en helligdag ({hellig[dato]}); da trenger du ikke melde fravær.",
                felt="fra_og_med",
                kode="KVP_OPPMOETE_HELLIGDAG",
            )
    maks = settings.KVP_EGENMELDING_MAKS_VIRKEDAGER
    if len(dager) + _egenmeldt_inntil(sak=sak, dager=dager) > maks:
        raise KvpFeil(
            f"En egenmelding kan gjelde høyst {maks} virkedager. Er du syk lenger, trenger du legeerklæring; snakk "
            "med veilederen din.",
            felt="til_og_med",
            kode="KVP_EGENMELDING_LENGDE",
        )
    maaneder = {(d.year, d.month) for d in dager}
    if any(
        (a.aar, a.maaned) in maaneder
        for a in Maanedsattestering.objects.filter(sak=sak, aar__in={d.year for d in dager})
    ):
        raise KvpFeil(
            "Måneden er allerede godkjent av NAV. Kontakt veilederen din for å endre den.",
            felt="fra_og_med",
            kode="KVP_ATTESTERT",
        )
    registrert = Oppmoete.objects.filter(sak=sak, dato__in=dager).exclude(status=Dagstatus.DELTATT).first()
    if registrert is not None:
        raise KvpFeil(
            f"{registrert.dato:%d.%m.%Y} er allerede registrert som «{registrert.get_status_display()}». "
            "Kontakt veilederen din.",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_REGISTRERT",
        )
    _lagre_dager(
        bruker=bruker,
        sak=sak,
        dager=dager,
        status=Dagstatus.GYLDIG_FRAVAER,
        timer=None,
        dokumentasjon=Dokumentasjon.EGENMELDING,
        merknad=merknad.strip(),
        kilde=Kilde.DELTAKER,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=sak,
        beskrivelse=f"Egenmelding {dager[0]:%d.%m.%Y}–{dager[-1]:%d.%m.%Y}",
        etter={"fra_og_med": dager[0].isoformat(), "til_og_med": dager[-1].isoformat(), "kilde": Kilde.DELTAKER},
    )
    return len(dager)


@transaction.atomic
def oppmoete_registrer_mange(
    *, bruker: Any, aar: int, maaned: int, registreringer: Mapping[Any, Mapping[dt.date, str]]
) -> int:
    """Registrerer en måned for mange deltakere på én gang (sak-id → dato → status), med et fast antall spørringer.

    Helligdagene fylles inn. Attesterte måneder endres ikke her; de korrigeres én og én med en grunn.
    """
    fra, til = maanedsperiode(aar, maaned)
    kontorer = krev_rolle(bruker, ROLLER_SOM_REGISTRERER)
    saker = list(
        Sak.objects.select_for_update(of=("self",))
        .select_related("person__kommune", "kontor")
        .filter(pk__in=list(registreringer), kontor_id__in=kontorer)
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
                raise KvpFeil(f"{dato:%d.%m.%Y} er ikke i {maanedsnavn(aar, maaned)}.", kode="KVP_DATO")
            if dato.weekday() >= 5:
                raise KvpFeil(f"{dato:%d.%m.%Y} er en {UKEDAGER[dato.weekday()]}.", kode="KVP_OPPMOETE_HELG")
            if not periode[0] <= dato <= periode[1]:
                raise KvpFeil(f"{dato:%d.%m.%Y} er utenfor programperioden.", kode="KVP_OPPMOETE_UTENFOR")
            if status not in Dagstatus.values:
                raise KvpFeil("Ukjent status.", kode="KVP_OPPMOETE_STATUS")
            if status == Dagstatus.HELLIGDAG and dato not in hellig:
                raise KvpFeil(f"{dato:%d.%m.%Y} er ikke en helligdag.", kode="KVP_OPPMOETE_HELLIGDAG")
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
def maaned_attester(*, bruker: Any, sak_id: Any, aar: int, maaned: int) -> Maanedsattestering:
    """KVP-veilederen attesterer månedens oppmøte. Låser måneden for utbetalingsrunden."""
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    fra, til = maanedsperiode(aar, maaned)
    p_fra, p_til = _periode(sak)
    if til < p_fra or fra > p_til:
        raise KvpFeil("Måneden er utenfor programperioden.", felt="maaned", kode="KVP_OPPMOETE_UTENFOR")
    if til >= timezone.localdate():
        raise KvpFeil(
            f"{maanedsnavn(aar, maaned).capitalize()} er ikke over ennå; den kan attesteres fra "
            f"{til + dt.timedelta(days=1):%d.%m.%Y}.",
            felt="maaned",
            kode="KVP_ATTESTER_FOR_TIDLIG",
        )
    if Maanedsattestering.objects.filter(sak=sak, aar=aar, maaned=maaned).exists():
        raise KvpFeil("Måneden er allerede attestert.", felt="maaned", kode="KVP_ATTESTERT")
    _fyll_helligdager(bruker=bruker, saker=[sak], fra=fra, til=til)
    resultat = beregn(grunnlag_for_maaned(sak, aar, maaned))  # en måned som ikke kan beregnes, attesteres ikke
    attestering = Maanedsattestering.objects.create(
        sak=sak, aar=aar, maaned=maaned, attestert_av=bruker, attestert=timezone.now()
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=attestering,
        beskrivelse=f"Attestert {maanedsnavn(aar, maaned)}",
        etter={"aar": aar, "maaned": maaned, "versjon": 1, "total": str(resultat.total)},
    )
    return attestering


def _sjekk_periode_i_program(sak: Sak, fra_og_med: dt.date, til_og_med: dt.date) -> None:
    if til_og_med < fra_og_med:
        raise KvpFeil("Til og med kan ikke være før fra og med.", felt="til_og_med", kode="KVP_DATO")
    fra, til = _periode(sak)
    if til_og_med < fra or fra_og_med > til:
        raise KvpFeil(
            f"Perioden må overlappe programperioden {fra:%d.%m.%Y}–{til:%d.%m.%Y}.",
            felt="fra_og_med",
            kode="KVP_OPPMOETE_UTENFOR",
        )


@transaction.atomic
def arbeidsperiode_registrer(
    *,
    bruker: Any,
    sak_id: Any,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    timer_per_uke: Decimal,
    arbeidsgiver: str = "",
    korreksjonsgrunn: str = "",
) -> Arbeidsperiode:
    """Registrerer lønnet arbeid. Overlappende perioder legges sammen og kan til sammen være høyst 18,75 timer."""
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    _sjekk_periode_i_program(sak, fra_og_med, til_og_med)
    if not Decimal(0) < timer_per_uke <= MAKS_ARBEID:
        raise KvpFeil(
            "Lønnet arbeid kan være høyst 18,75 timer per uke (50 % stilling), og mer enn 0.",
            felt="timer_per_uke",
            kode="KVP_ARBEID_TIMER",
        )
    andre = list(
        Arbeidsperiode.objects.filter(sak=sak, fra_og_med__lte=til_og_med, til_og_med__gte=fra_og_med).values_list(
            "fra_og_med", "til_og_med", "timer_per_uke"
        )
    )
    if Arbeidsperiode.objects.filter(
        sak=sak,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        timer_per_uke=timer_per_uke,
        arbeidsgiver=arbeidsgiver.strip(),
    ).exists():  # saken er låst: et dobbeltklikk gir ikke samme arbeid to ganger (dobbelt trekk)
        raise KvpFeil(
            "Dette arbeidet er allerede registrert for perioden. Slett den registreringen først hvis den er feil.",
            felt="fra_og_med",
            kode="KVP_ARBEID_DOBBEL",
        )
    grenser = sorted({fra_og_med, *(max(a, fra_og_med) for a, _, _ in andre)})
    for dato in grenser:
        sum_timer = timer_per_uke + sum((t for a, b, t in andre if a <= dato <= b), Decimal(0))
        if sum_timer > MAKS_ARBEID:
            raise KvpFeil(
                f"Sammen med annet arbeid blir det {_tall(sum_timer)} timer per uke "
                f"fra {dato:%d.%m.%Y}; høyst 18,75 timer per uke (50 % stilling).",
                felt="timer_per_uke",
                kode="KVP_ARBEID_TIMER",
            )
    endring = {
        "arbeid": {
            "fra_og_med": fra_og_med.isoformat(),
            "til_og_med": til_og_med.isoformat(),
            "timer_per_uke": str(timer_per_uke),
        }
    }
    _korriger_attesterte(
        bruker=bruker, sak=sak, maaneder=_maaneder(fra_og_med, til_og_med), grunn=korreksjonsgrunn, endring=endring
    )
    periode = Arbeidsperiode.objects.create(
        sak=sak,
        fra_og_med=fra_og_med,
        til_og_med=til_og_med,
        timer_per_uke=timer_per_uke,
        arbeidsgiver=arbeidsgiver.strip(),
        registrert_av=bruker,
    )
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="OPPRETT", objekt=periode, etter=endring
    )
    return periode


@transaction.atomic
def annen_ytelse_registrer(
    *,
    bruker: Any,
    sak_id: Any,
    type: str,
    fra_og_med: dt.date,
    til_og_med: dt.date,
    dagsats: Decimal,
    korreksjonsgrunn: str = "",
) -> AnnenYtelse:
    """Registrerer en ytelse som trekkes krone for krone (sosialtjenesteloven § 38) med dagsats og periode."""
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    if type not in Ytelsestype.values:
        raise KvpFeil("Velg en ytelse fra listen.", felt="type", kode="KVP_YTELSE_TYPE")
    _sjekk_periode_i_program(sak, fra_og_med, til_og_med)
    if dagsats <= 0 or dagsats != dagsats.quantize(Decimal("0.01")) or dagsats >= Decimal("10000000"):
        raise KvpFeil(
            "Dagsatsen må være et beløp større enn 0, med høyst to desimaler.", felt="dagsats", kode="KVP_YTELSE_SATS"
        )
    # Saken er låst (`_hent_sak`): et dobbeltklikk eller to faner gir ikke samme ytelse to ganger (dobbelt trekk).
    samme = AnnenYtelse.objects.filter(sak=sak, type=type, fra_og_med__lte=til_og_med, til_og_med__gte=fra_og_med)
    if type == Ytelsestype.ANNEN:
        samme = samme.filter(fra_og_med=fra_og_med, til_og_med=til_og_med, dagsats=dagsats)
    finnes = samme.order_by("fra_og_med").first()
    if finnes is not None:
        raise KvpFeil(
            f"{Ytelsestype(type).label} er allerede registrert for {finnes.fra_og_med:%d.%m.%Y}–"
            f"{finnes.til_og_med:%d.%m.%Y}. Slett den registreringen først hvis den er feil.",
            felt="fra_og_med",
            kode="KVP_YTELSE_DOBBEL",
        )
    endring = {
        "ytelse": {
            "type": type,
            "fra_og_med": fra_og_med.isoformat(),
            "til_og_med": til_og_med.isoformat(),
            "dagsats": str(dagsats),
        }
    }
    _korriger_attesterte(
        bruker=bruker, sak=sak, maaneder=_maaneder(fra_og_med, til_og_med), grunn=korreksjonsgrunn, endring=endring
    )
    ytelse = AnnenYtelse.objects.create(
        sak=sak, type=type, fra_og_med=fra_og_med, til_og_med=til_og_med, dagsats=dagsats, registrert_av=bruker
    )
    logghendelse_registrer(
        bruker=bruker, kontor=sak.kontor, person=sak.person, handling="OPPRETT", objekt=ytelse, etter=endring
    )
    return ytelse


@transaction.atomic
def registrering_slett(*, bruker: Any, sak_id: Any, objekt: str, objekt_id: Any, korreksjonsgrunn: str = "") -> None:
    """Sletter en feilregistrert arbeidsperiode (`objekt="arbeid"`) eller ytelse (`"ytelse"`) på saken.

    Berører slettingen en attestert måned, er den en korreksjon og krever en grunn. Revisjonsloggen har det som ble
    slettet.
    """
    sak = _hent_sak(bruker=bruker, sak_id=sak_id)
    modell = {"arbeid": Arbeidsperiode, "ytelse": AnnenYtelse}.get(objekt)
    if modell is None:
        raise KvpFeil("Ukjent registrering.", kode="KVP_IKKE_FUNNET")
    rad = modell.objects.select_for_update().filter(sak=sak, pk=objekt_id).first()  # type: ignore[attr-defined]
    if rad is None:
        raise IkkeFunnet("Fant ikke registreringen.")
    foer: dict[str, Any] = {"fra_og_med": rad.fra_og_med.isoformat(), "til_og_med": rad.til_og_med.isoformat()}
    if isinstance(rad, Arbeidsperiode):
        foer["timer_per_uke"] = str(rad.timer_per_uke)
    else:
        foer |= {"type": rad.type, "dagsats": str(rad.dagsats)}
    _korriger_attesterte(
        bruker=bruker,
        sak=sak,
        maaneder=_maaneder(rad.fra_og_med, rad.til_og_med),
        grunn=korreksjonsgrunn,
        endring={"slettet": {objekt: foer}},
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="ENDRE",
        objekt=rad,
        beskrivelse="Slettet",
        foer=foer,
        etter=None,
    )
    rad.delete()

"""Lesing i klagesaker, med tilgangssjekken for hver handling (flyttes til tilgangsregisteret i kvp.tilgang senere).

* kontoret: KVP-veileder, leder og beslutter ved sakens kontor leser; bare KVP-veilederen behandler (`behandle`);
* statsforvalteren: bare klager som er sendt dit fra et kontor i fylket hans (`statsforvalter`), og ingenting annet
  av saken enn det som står i klagen og saksdokumentene;
* deltakeren: egne klager (`deltaker`).

En klage brukeren ikke skal vite om, gir IkkeFunnet (404); mangler brukeren bare rollen, IkkeTilgang (403).
Hver lesing logges per person med formålet «Klagesak <id>».
"""

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, IkkeTilgang
from kvp.felles.services import lesing_registrer
from kvp.sak.models import Sak
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for
from kvp_regler.statistikk import andel_prosent, snitt

from .models import STATSFORVALTERENS_STATUSER, Klage, Klagebrev, Klagedokument, Klagestatus, Utfall

KONTORET_LESER = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)
HANDLINGER = ("les", "behandle", "statsforvalter", "deltaker")
#: Klagens handlinger i tilgangslaget (registrert i `KlageConfig.ready()`).
_HANDLING = {
    "les": Handling.LES,
    "behandle": Handling.BEHANDLE,
    "statsforvalter": Handling.BESLUTT,
    "deltaker": Handling.SKRIV,
}


def formaal(klage: Klage) -> str:
    return f"Klagesak {klage.pk}"


def _logg(bruker: Bruker, klager: list[Klage], objekttype: str = "klage") -> None:
    if not klager:
        return
    if len(klager) == 1:
        lesing_registrer(
            bruker=bruker,
            personer=[(klager[0].sak.person_id, klager[0].sak.kontor_id)],
            formaal=formaal(klager[0]),
            objekttype=objekttype,
            objekt_id=str(klager[0].pk),
        )
        return
    for k in klager:  # én rad per klage: formålet sier hvilken klage lesingen var for
        lesing_registrer(
            bruker=bruker,
            personer=[(k.sak.person_id, k.sak.kontor_id)],
            formaal=formaal(k),
            objekttype=f"{objekttype} (liste)",
            objekt_id=str(k.pk),
        )


def _kontorscope(bruker: Bruker, *roller: str) -> Q:
    return Q(sak__kontor_id__in=tilgang_for(bruker).kontorer_med(*roller))


def _statsforvalterscope(bruker: Bruker) -> Q:
    fylker = tilgang_for(bruker).statsforvalter_fylker
    if not fylker:
        return Q(pk__in=[])
    return Q(sak__kontor__fylke__in=fylker, status__in=STATSFORVALTERENS_STATUSER)


def _deltakerscope(bruker: Bruker) -> Q:
    return Q(sak__person_id__in=tilgang_for(bruker).deltaker_personer)


def _lesescope(bruker: Bruker) -> Q:
    return _kontorscope(bruker, *KONTORET_LESER) | _statsforvalterscope(bruker) | _deltakerscope(bruker)


def hvem(bruker: Bruker, klage: Klage) -> str:
    """Hvilken side av saken brukeren ser klagen fra: "kontor", "statsforvalter" eller "deltaker"."""
    t = tilgang_for(bruker)
    if tilgang.kan(bruker, "klage", klage, Handling.LES):
        return "kontor"
    if klage.sak.kontor.fylke in t.statsforvalter_fylker and klage.status in STATSFORVALTERENS_STATUSER:
        return "statsforvalter"
    return "deltaker"


def klage_sjekk(bruker: Bruker, klage_id: UUID, handling: str) -> None:
    """Bare tilgangssjekken i `klage_hent` (uten lesing og logg): visningene kaller den før skjemaet valideres."""
    klage_hent(bruker, klage_id, handling, laas=False, logg=False)


def klage_hent(
    bruker: Bruker, klage_id: UUID, handling: str = "les", laas: bool = False, *, logg: bool = True
) -> Klage:
    """Klagen, om brukeren får gjøre `handling` med den; ellers IkkeFunnet eller IkkeTilgang. Med `laas` låses
    klagen (til skriving, i tjenestens transaksjon); ellers logges lesingen."""
    if handling not in HANDLINGER:
        raise ValueError(f"ukjent handling {handling!r}")
    klage: Klage = tilgang.klage(bruker, klage_id, _HANDLING[handling], laas=laas)
    if logg and not laas:
        _logg(bruker, [klage])
    return klage


def las_sak(sak_id: UUID) -> None:
    """Låser saken (to klager på samme vedtak samtidig)."""
    Sak.objects.select_for_update().filter(pk=sak_id).values_list("pk", flat=True).first()


def dokument_hent(bruker: Bruker, klage_id: UUID, dokument_id: UUID) -> Klagedokument:
    klage = klage_hent(bruker, klage_id)
    dokument: Klagedokument | None = Klagedokument.objects.filter(klage=klage, pk=dokument_id).exclude(fil="").first()
    if dokument is None:
        raise IkkeFunnet("Fant ikke dokumentet.")
    return dokument


def brev_hent(bruker: Bruker, klage_id: UUID, brev_id: UUID) -> Klagebrev:
    klage = klage_hent(bruker, klage_id)
    brev: Klagebrev | None = Klagebrev.objects.filter(klage=klage, pk=brev_id).first()
    if brev is None or (hvem(bruker, klage) == "deltaker" and not brev.til_deltaker):
        raise IkkeFunnet("Fant ikke brevet.")
    return brev


def saksdokumenter_hent(bruker: Bruker, klage_id: UUID) -> bytes:
    """Saksdokumentene (én PDF) for kontoret og statsforvalteren; deltakeren ber kontoret om innsyn."""
    klage = klage_hent(bruker, klage_id)
    if hvem(bruker, klage) == "deltaker" or not klage.saksdokumenter:
        raise IkkeFunnet("Fant ikke saksdokumentene.")
    return bytes(klage.saksdokumenter)


def dokumenter_for(klage: Klage, *, deltaker: bool) -> QuerySet[Klagedokument]:
    return klage.dokumenter.select_related("lastet_opp_av")


def brev_for(klage: Klage, *, deltaker: bool) -> QuerySet[Klagebrev]:
    qs = klage.brev.only("id", "type", "tittel", "mottaker", "frist", "opprettet", "klage_id", "til_deltaker")
    return qs.filter(til_deltaker=True) if deltaker else qs


def _liste(qs: QuerySet[Klage]) -> QuerySet[Klage]:
    return qs.select_related("sak__person", "sak__kontor", "vedtak").order_by("-mottatt_dato", "-opprettet")


def klager_for_kontor(bruker: Bruker) -> list[Klage]:
    """Klagene ved brukerens kontorer (de åpne først). Lesingen logges per klage."""
    klager = list(_liste(Klage.objects.filter(_kontorscope(bruker, *KONTORET_LESER)))[:300])
    klager.sort(
        key=lambda k: (
            k.status in (Klagestatus.OMGJORT, Klagestatus.AVVIST, Klagestatus.IVERKSATT, Klagestatus.AVSLUTTET)
        )
    )
    _logg(bruker, klager)
    return klager


def klager_for_deltaker(bruker: Bruker) -> list[Klage]:
    return list(_liste(Klage.objects.filter(_deltakerscope(bruker))))


def klager_for_vedtak(bruker: Bruker, vedtak_id: UUID) -> list[Klage]:
    """Deltakerens egne klager på ett vedtak (til brevsiden)."""
    return list(_liste(Klage.objects.filter(_deltakerscope(bruker), vedtak_id=vedtak_id)))


@dataclass
class Tavle:
    mottatt: list[Klage] = field(default_factory=list)
    under_behandling: list[Klage] = field(default_factory=list)
    avgjort: list[Klage] = field(default_factory=list)


def statsforvalterens_tavle(bruker: Bruker, i_dag: dt.date | None = None) -> Tavle:
    """Statsforvalterens klager i fylket: mottatt, under behandling og avgjort, med saksbehandlingstiden (dager
    fra oversendelsen til i dag eller til avgjørelsen) på `k.dager`."""
    i_dag = i_dag or timezone.localdate()
    tavle = Tavle()
    klager = list(_liste(Klage.objects.filter(_statsforvalterscope(bruker)))[:300])
    for k in klager:
        slutt = k.avgjort_dato or i_dag
        k.dager = (slutt - k.oversendt_dato).days if k.oversendt_dato else 0  # type: ignore[attr-defined]
        if k.status == Klagestatus.OVERSENDT:
            tavle.mottatt.append(k)
        elif k.status == Klagestatus.UNDER_BEHANDLING:
            tavle.under_behandling.append(k)
        else:
            tavle.avgjort.append(k)
    _logg(bruker, klager)
    return tavle


@dataclass
class Oversiktsrad:
    navn: str
    fylke: str
    antall: int = 0
    omgjort: int = 0
    avvist: int = 0
    oversendt: int = 0
    utfall: Counter[str] = field(default_factory=Counter)
    dager_kontor: list[int] = field(default_factory=list)
    dager_statsforvalter: list[int] = field(default_factory=list)
    klager: list[Klage] = field(default_factory=list)

    @property
    def andel_omgjort(self) -> int:
        """Prosent av klagene kontoret har avgjort selv (omgjort, oversendt eller avvist) som ble omgjort."""
        avgjort = self.omgjort + self.oversendt + self.avvist
        return andel_prosent(self.omgjort, avgjort) or 0

    @property
    def snitt_kontor(self) -> int | None:
        return snitt(self.dager_kontor)

    @property
    def snitt_statsforvalter(self) -> int | None:
        return snitt(self.dager_statsforvalter)

    @property
    def utfall_tekst(self) -> list[tuple[str, int]]:
        return [(Utfall(u).label, n) for u, n in sorted(self.utfall.items())]


def oversikt(bruker: Bruker) -> tuple[list[Oversiktsrad], list[Oversiktsrad]]:
    """Klagetall per kontor og per fylke i brukerens scope (kontorets ledere og saksbehandlere ser eget kontor,
    statsforvalteren klagene som er sendt dit fra fylket): antall, andel omgjort av kontoret, utfall hos
    statsforvalteren og tiden i hver instans (dager, gjennomsnitt)."""
    tilgang = tilgang_for(bruker)
    if not (tilgang.kontorer_med(*KONTORET_LESER) or tilgang.statsforvalter_fylker):
        raise IkkeTilgang("Du har ikke tilgang til klageoversikten.")
    klager = list(
        Klage.objects.filter(_kontorscope(bruker, *KONTORET_LESER) | _statsforvalterscope(bruker))
        .select_related("sak__kontor", "sak__person")
        .order_by("sak__kontor__navn", "-mottatt_dato")
    )
    per_kontor: dict[Any, Oversiktsrad] = {}
    per_fylke: dict[str, Oversiktsrad] = defaultdict(lambda: Oversiktsrad(navn="", fylke=""))
    for k in klager:
        kontor = k.sak.kontor
        rad = per_kontor.setdefault(kontor.pk, Oversiktsrad(navn=kontor.navn, fylke=kontor.fylke))
        fylke = per_fylke[kontor.fylke]
        fylke.navn = fylke.fylke = kontor.fylke
        for r in (rad, fylke):
            r.antall += 1
            if k.status in (Klagestatus.OMGJORT, Klagestatus.OMGJOERES):
                r.omgjort += 1
            if k.status == Klagestatus.AVVIST:
                r.avvist += 1
            if k.oversendt_dato:
                r.oversendt += 1
                r.dager_kontor.append((k.oversendt_dato - k.mottatt_dato).days)
            elif k.avsluttet_dato:
                r.dager_kontor.append((k.avsluttet_dato - k.mottatt_dato).days)
            if k.utfall:
                r.utfall[k.utfall] += 1
            if k.avgjort_dato and k.oversendt_dato:
                r.dager_statsforvalter.append((k.avgjort_dato - k.oversendt_dato).days)
        rad.klager.append(k)
    _logg(bruker, klager, objekttype="klageoversikt")
    return list(per_kontor.values()), [per_fylke[f] for f in sorted(per_fylke)]

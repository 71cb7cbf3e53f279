"""Lesing for arbeidsflaten: mine oppgaver, mine saker og søket. Alt avgrenses til brukerens kontor og rolle, og
hver person som vises, logges (`lesing_registrer`)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.db.models import Q, QuerySet
from django.utils import timezone

from kvp.felles.oppgaver import Oppgave, leverandoerer
from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.person.models import Person
from kvp.person.selectors import MAKS_SOEKEORD, ROLLER_SOM_SER_PERSONER
from kvp.sak.models import Sak, Status
from kvp.tilgang.models import KONTORROLLER, Bruker, NavKontor, Rolle
from kvp.tilgang.tilgang import krev_rolle, tilgang_for

NIVAA_REKKEFOELGE = {"OVERSKREDET": 0, "VARSEL": 1, "OK": 2}
#: Høyst så mange treff i søket (flere gir beskjed om å søke smalere).
MAKS_TREFF = 50
SAKSROLLER = (Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER)
_ATTR = "_kvp_mine_oppgaver"


def oppgaver_for_bruker(*, bruker: Bruker, i_dag: dt.date | None = None) -> list[Oppgave]:
    """Alle oppgavene fra alle registrerte leverandører, mest presserende først (uten logging; se `mine_oppgaver`).

    Mellomlagres på brukerobjektet (altså per forespørsel), så tallet i menyen og siden regnes bare én gang.
    """
    i_dag = i_dag or timezone.localdate()
    lagret = getattr(bruker, _ATTR, None)
    if lagret is not None and lagret[0] == i_dag:
        return list(lagret[1])
    alle: list[Oppgave] = []
    for leverandoer in leverandoerer().values():
        alle += leverandoer(bruker, i_dag)
    alle.sort(key=lambda o: (NIVAA_REKKEFOELGE.get(o.nivaa, 3), o.frist or dt.date.max, o.tittel))
    setattr(bruker, _ATTR, (i_dag, alle))
    return list(alle)


def antall_oppgaver(*, bruker: Bruker) -> int:
    """Tallet i menyen. Ingen personer vises, så ingenting logges."""
    if not tilgang_for(bruker).roller_per_kontor:
        return 0
    return len(oppgaver_for_bruker(bruker=bruker))


def mine_oppgaver(*, bruker: Bruker, i_dag: dt.date | None = None) -> list[Oppgave]:
    """Oppgavene som venter på brukeren. Bare ansatte med en kontorrolle; hver person som vises, logges."""
    krev_rolle(bruker, tuple(KONTORROLLER))
    oppgaver = oppgaver_for_bruker(bruker=bruker, i_dag=i_dag)
    lesing_registrer(
        bruker=bruker,
        personer=((o.person_id, o.kontor_id) for o in oppgaver if o.person_id),
        formaal="Mine oppgaver",
        objekttype="mine oppgaver",
    )
    return oppgaver


def mine_saker(*, bruker: Bruker, status: str = "") -> QuerySet[Sak]:
    """Sakene jeg følger, i alle tilstander: der jeg er saksbehandler, eller veilederen som kartla personen.

    Den som viser sakene, logger lesingen per person (`lesing_registrer`).
    """
    kontorer = krev_rolle(bruker, (*SAKSROLLER, Rolle.VEILEDER))
    qs = (
        Sak.objects.filter(kontor_id__in=kontorer)
        .filter(Q(saksbehandler=bruker) | Q(soeknad__kartlegging__veileder=bruker))
        .select_related("person", "kontor", "saksbehandler")
    )
    if status:
        qs = qs.filter(status=status) if status in Status.values else qs.none()
    return qs.order_by("-mottatt_dato", "id")


def mine_saker_logg(*, bruker: Bruker, saker: list[Sak]) -> None:
    lesing_registrer(
        bruker=bruker,
        personer=((s.person_id, s.kontor_id) for s in saker),
        formaal="Mine saker",
        objekttype="mine saker",
    )


@dataclass
class Soeketreff:
    soeketype: str  # "fnr", "saksnummer" eller "navn"
    personer: list[Person] = field(default_factory=list)
    saker: list[Sak] = field(default_factory=list)
    flere: bool = False
    kan_se_saker: bool = False


_FNR = re.compile(r"^\d{11}$")
_SAKSNUMMER = re.compile(r"^[0-9a-f]{8}$")


def _soek_saksnummer(kontorer: list[Any], nummer: str) -> tuple[Soeketreff | None, dict[str, object]]:
    saker = list(
        # Et intervall på primærnøkkelen (bruker indeksen på begge databasene), ikke LIKE på id-en som tekst.
        Sak.objects.filter(kontor_id__in=kontorer, id__gte=UUID(nummer + "0" * 24), id__lte=UUID(nummer + "f" * 24))
        .select_related("person", "kontor", "saksbehandler")
        .order_by("-mottatt_dato")[: MAKS_TREFF + 1]
    )
    if not saker:
        return None, {}
    return (
        Soeketreff(soeketype="saksnummer", saker=saker[:MAKS_TREFF], flere=len(saker) > MAKS_TREFF),
        {"type": "saksnummer", "saksnummer": nummer},
    )


def soek(*, bruker: Bruker, tekst: str) -> Soeketreff:
    """Ett søkefelt: fødselsnummer (11 sifre), saksnummer (de 8 første tegnene i saks-id-en) eller navn.

    Bare personer og saker ved kontorene der brukeren har en rolle som ser personer. Søket logges (hva slags søk og
    antall treff; et fødselsnummer maskeres av loggen), og hver person som vises, logges som lest.
    På PostgreSQL bruker navnesøket trigramindeksene fra migreringen `0001_trigram_for_navnesoek`.
    """
    kontorer = krev_rolle(bruker, ROLLER_SOM_SER_PERSONER)
    sakskontorer = tilgang_for(bruker).kontorer_med(*SAKSROLLER)
    renset = tekst.strip()
    kompakt = re.sub(r"[\s.-]", "", renset)
    personer = Person.objects.filter(kontor_id__in=kontorer).select_related("kommune", "kontor")
    if _FNR.match(kompakt):
        treff = Soeketreff(soeketype="fnr", personer=list(personer.filter(foedselsnummer=kompakt)[:1]))
        logg: dict[str, object] = {"type": "fnr"}
    else:
        saksnummer, logg = (
            _soek_saksnummer(kontorer, kompakt.lower()) if _SAKSNUMMER.match(kompakt.lower()) else (None, {})
        )
        if saksnummer is not None:
            treff = saksnummer
        else:  # ikke et saksnummer, eller ingen sak: et navn (et navn kan se ut som 8 heksadesimale tegn)
            ord_ = renset.split()[:MAKS_SOEKEORD]
            qs = personer
            for del_ in ord_:
                qs = qs.filter(Q(fornavn__icontains=del_) | Q(etternavn__icontains=del_))
            funnet = list(qs.order_by("etternavn", "fornavn", "id")[: MAKS_TREFF + 1]) if ord_ else []
            treff = Soeketreff(soeketype="navn", personer=funnet[:MAKS_TREFF], flere=len(funnet) > MAKS_TREFF)
            logg = {"type": "navn", "navn": " ".join(ord_)}
    treff.kan_se_saker = bool(sakskontorer)
    antall = len(treff.personer) + len(treff.saker)
    for kontor_id in sorted(kontorer, key=str):
        logghendelse_registrer(
            bruker=bruker,
            kontor=NavKontor(pk=kontor_id),
            handling="SOEK",
            objekt=None,
            objekttype="søk",
            beskrivelse=f"Søk på {logg['type']} ({antall} treff)",
            etter={**logg, "treff": antall},
        )
    lesing_registrer(
        bruker=bruker,
        personer=[(p.pk, p.kontor_id) for p in treff.personer] + [(s.person_id, s.kontor_id) for s in treff.saker],
        formaal="Treff i søket",
        objekttype="søk",
    )
    return treff

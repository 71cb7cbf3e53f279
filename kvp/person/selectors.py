"""Lesing av personer. Alle oppslag går gjennom brukerens kontortilgang; andre kontorer gir IkkeFunnet."""

import datetime as dt
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.models import Logghendelse
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, NavKontor, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for

from . import fnr as fnr_modul
from .models import Maalform, Person
from .personalia import ENDRBARE_FELT, FELTNAVN

MAKS_SOEKEORD = 5
ROLLER_SOM_SER_PERSONER = (Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.BESLUTTER, Rolle.LEDER)


def personer_for_bruker(*, bruker: Bruker, navn: str = "") -> QuerySet[Person]:
    """Personene ved brukerens kontorer (uten logging: lister viser bare maskerte numre)."""
    qs: QuerySet[Person] = tilgang.synlige(bruker, "person", Handling.LES, krev=True).select_related("kommune")
    # Hvert ord må stå i fornavn eller etternavn. Høyst MAKS_SOEKEORD ord: spørringen vokser lineært, aldri mer.
    for del_ in navn.split()[:MAKS_SOEKEORD]:
        qs = qs.filter(Q(fornavn__icontains=del_) | Q(etternavn__icontains=del_))
    return qs.order_by("etternavn", "fornavn")


def personer_soek_paa_navn(*, bruker: Bruker, navn: str) -> QuerySet[Person]:
    """Navnesøk blant personene ved brukerens kontorer. Søket logges (hvem søkte etter hva, hvor mange treff)."""
    qs = personer_for_bruker(bruker=bruker, navn=navn)
    ord_ = navn.split()[:MAKS_SOEKEORD]
    treff = qs.count()
    for kontor_id in sorted(tilgang.kontorer(bruker, "person", Handling.LES, krev=True), key=str):
        logghendelse_registrer(
            bruker=bruker,
            kontor=NavKontor(pk=kontor_id),
            handling="SOEK",
            objekt=None,
            objekttype="personsøk",
            beskrivelse=f"Navnesøk ({treff} treff)",
            etter={"navn": " ".join(ord_), "treff": treff},
        )
    return qs


def person_hent(*, bruker: Bruker, person_id: UUID, logg: bool = True) -> Person:
    """Én person brukeren har tilgang til. Visningen logges (taushetsplikt)."""
    person: Person = tilgang.person(bruker, person_id, relatert=("kommune", "kontor"))
    if logg:
        logghendelse_registrer(bruker=bruker, kontor=person.kontor, person=person, handling="LES", objekt=person)
    return person


def person_hent_paa_fnr(*, bruker: Bruker, foedselsnummer: str, kontor_id: UUID | None = None) -> Person:
    """Slår opp på fødselsnummer (kommer alltid med POST, aldri i URL-en). Søket logges. Med `kontor_id` bare blant
    personene ved det kontoret (siden brukes for ett kontor)."""
    personer: QuerySet[Person] = tilgang.synlige(bruker, "person", Handling.LES, krev=True)
    if kontor_id is not None:
        personer = personer.filter(kontor_id=kontor_id)
    fnr, _ = fnr_modul.valider(
        foedselsnummer, tillat_syntetisk=settings.KVP_TILLAT_SYNTETISKE_FNR, i_dag=timezone.localdate()
    )
    person = personer.filter(foedselsnummer=fnr).first()
    if person is None:
        raise KvpFeil(
            "Fant ingen person med dette fødselsnummeret ved ditt kontor.",
            felt="foedselsnummer",
            kode="KVP_PERSON_SOEK_INGEN",
        )
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="SOEK",
        objekt=person,
        beskrivelse="Søk på fnr",
    )
    return person


def deltaker_person_hent(*, bruker: Bruker) -> Person:
    """Deltakerens egen person."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        raise IkkeFunnet("Fant ikke personen.")
    return Person.objects.select_related("kommune", "kontor").get(pk=next(iter(personer)))


@dataclass(frozen=True)
class Personendring:
    """Én rad i historikken over personalia: hvem, når, og hvert felt fra → til."""

    tidspunkt: dt.datetime
    hvem: str
    hva: str  # "Registrert" eller "Endret"
    felt: list[tuple[str, str, str]]  # (feltnavn, før, etter)


def _vis(felt: str, verdi: object) -> str:
    if felt == "maalform":
        return str(Maalform(verdi).label) if verdi in Maalform.values else str(verdi or "")
    return str(verdi or "")


def personalia_historikk(*, person: Person, grense: int = 50) -> list[Personendring]:
    """Historikken over personalia (kalles med en person hentet gjennom `person_hent`, som logger lesingen).

    Kilden er revisjonsloggen: registreringen og hver endring står der med verdiene før og etter."""
    rader = (
        Logghendelse.objects.filter(
            person_id=person.pk, objekttype="person", objekt_id=str(person.pk), handling__in=("OPPRETT", "ENDRE")
        )
        .select_related("bruker")
        .order_by("-tidspunkt", "-id")[:grense]
    )
    historikk = []
    for r in rader:
        foer, etter = r.foer or {}, r.etter or {}
        if r.handling == "OPPRETT":
            felt = [(FELTNAVN[f], "", _vis(f, etter.get(f))) for f in ENDRBARE_FELT if etter.get(f)]
        else:
            felt = [(FELTNAVN.get(f, f), _vis(f, foer.get(f)), _vis(f, etter.get(f))) for f in etter]
        hvem = r.bruker.visningsnavn if r.bruker is not None else r.brukernavn
        historikk.append(
            Personendring(
                tidspunkt=r.tidspunkt, hvem=hvem, hva="Registrert" if r.handling == "OPPRETT" else "Endret", felt=felt
            )
        )
    return historikk

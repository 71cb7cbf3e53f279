"""Lesing i inntaket: kartlegginger, ledige møtetider og overføringsnotatets mal."""

import datetime as dt
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import logghendelse_registrer
from kvp.person.models import Person
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for

from .models import Kartlegging, Moetetid, Soeknad

ROLLER_I_INNTAKET = (Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.LEDER)


def kartlegging_hent(*, bruker: Bruker, kartlegging_id: UUID) -> Kartlegging:
    kartlegging: Kartlegging = tilgang.hent(
        bruker,
        "kartlegging",
        kartlegging_id,
        Handling.LES,
        relatert=("person", "kontor", "veileder", "overfoeringsnotat"),
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=kartlegging.kontor,
        person=kartlegging.person,
        handling="LES",
        objekt=kartlegging,
    )
    return kartlegging


def kartlegginger_for_person(*, bruker: Bruker, person: Person) -> QuerySet[Kartlegging]:
    """Kalles med en person hentet gjennom person_hent."""
    kontorer = tilgang.kontorer(bruker, "kartlegging", Handling.LES)
    return person.kartlegginger.filter(kontor_id__in=kontorer).select_related("veileder")


def moetetider_ledige_for_kontor(*, bruker: Bruker, kontor_id: UUID) -> QuerySet[Moetetid]:
    """Ledige kvarter frem i tid hos KVP-veilederne på kontoret."""
    kontorer = tilgang.kontorer(bruker, "kartlegging", Handling.LES, krev=True)
    if kontor_id not in kontorer:
        return Moetetid.objects.none()
    return (
        Moetetid.objects.filter(kontor_id=kontor_id, kartlegging__isnull=True, start__gt=timezone.now())
        .select_related("kvp_veileder")
        .order_by("start", "kvp_veileder__first_name")
    )


def moetetid_for_kartlegging(*, kartlegging: Kartlegging) -> Moetetid | None:
    return Moetetid.objects.select_related("kvp_veileder").filter(kartlegging=kartlegging).first()


def soeknad_hent_for_deltaker(*, bruker: Bruker, soeknad_id: UUID) -> Soeknad:
    personer = tilgang_for(bruker).deltaker_personer
    soeknad = Soeknad.objects.filter(pk=soeknad_id, person_id__in=personer).select_related("kontor").first()
    if soeknad is None:
        raise IkkeFunnet("Fant ikke søknaden.")
    return soeknad


def overfoeringsnotat_mal(*, person: Person, i_dag: dt.date | None = None) -> dict[str, str]:
    """Utgangspunktet for overføringsnotatet (malen i rutinen): ledetekster veilederen skriver videre på."""
    i_dag = i_dag or timezone.localdate()
    alder = (
        i_dag.year
        - person.foedselsdato.year
        - ((i_dag.month, i_dag.day) < (person.foedselsdato.month, person.foedselsdato.day))
    )
    barn = list(person.barn.all())
    if barn:
        familie = "Barn i husstanden: " + ", ".join(f"{b.fornavn} (f. {b.foedselsdato:%d.%m.%Y})" for b in barn) + ".\n"
    else:
        familie = "Ingen registrerte barn.\n"
    return {
        "om_personen": f"{person.navn}, {alder} år, bor i {person.kommune.navn}.\n",
        "historikk": "Kontakt med NAV hittil, ytelser og tiltak:\n",
        "familie": familie,
        "erfaring": "Arbeidserfaring og annen erfaring (frivillig arbeid, verv):\n",
        "utdanning": "Fullført og påbegynt utdanning:\n",
        "kompetanse": "Kompetanse, interesser og ressurser som kan føre til arbeid:\n",
    }

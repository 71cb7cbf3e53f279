"""Lesing i inntaket: kartlegginger, ledige møtetider og overføringsnotatets mal."""

import datetime as dt
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import QuerySet
from django.utils import timezone

from kvp.felles.feil import IkkeFunnet
from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.person.models import Person
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for

from .models import Kartlegging, Moeteavlysning, Moetetid, Soeknad

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


def avlysninger_for_kartlegging(*, kartlegging: Kartlegging) -> list[Moeteavlysning]:
    """Avlyste og flyttede møter for kartleggingen, nyeste først. Kartleggingen er hentet gjennom tilgangslaget."""
    return list(kartlegging.avlysninger.select_related("kvp_veileder", "avlyst_av", "ny_moetetid"))


@dataclass(frozen=True)
class Kalenderdag:
    dato: dt.date
    tider: list[Moetetid] = field(default_factory=list)
    avlyste: list[Moeteavlysning] = field(default_factory=list)


@dataclass(frozen=True)
class Moetekalender:
    mandag: dt.date
    dager: list[Kalenderdag]
    kommende: list[Moetetid]
    """Alle bookede møter fra i dag og fremover (listevisningen)."""

    @property
    def forrige(self) -> dt.date:
        return self.mandag - dt.timedelta(days=7)

    @property
    def neste(self) -> dt.date:
        return self.mandag + dt.timedelta(days=7)

    @property
    def soendag(self) -> dt.date:
        return self.mandag + dt.timedelta(days=6)

    @property
    def ukenummer(self) -> str:
        aar, uke, _ = self.mandag.isocalendar()
        return f"uke {uke} {aar}"

    @property
    def antall_booket(self) -> int:
        return sum(1 for d in self.dager for t in d.tider if t.kartlegging_id)


def moetekalender(*, bruker: Bruker, mandag: dt.date, i_dag: dt.date | None = None, maks: int = 200) -> Moetekalender:
    """KVP-veilederens egne møtetider og bookinger i uka, og alle kommende bookinger. Bare tider ved kontorer der
    brukeren er KVP-veileder; hver person som vises, logges som lest."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    i_dag = i_dag or timezone.localdate()
    sone = timezone.get_current_timezone()
    fra = dt.datetime.combine(mandag, dt.time.min, tzinfo=sone)
    til = fra + dt.timedelta(days=7)
    egne = Moetetid.objects.filter(kontor_id__in=kontorer, kvp_veileder=bruker).select_related(
        "kartlegging__person", "booket_av"
    )
    uka = list(egne.filter(start__gte=fra, start__lt=til).order_by("start"))
    avlyste = list(
        Moeteavlysning.objects.filter(
            kontor_id__in=kontorer, kvp_veileder=bruker, start__gte=fra, start__lt=til
        ).select_related("kartlegging__person", "avlyst_av", "ny_moetetid")
    )
    dager = []
    for n in range(7):
        dato = mandag + dt.timedelta(days=n)
        dag = Kalenderdag(
            dato=dato,
            tider=[t for t in uka if timezone.localtime(t.start).date() == dato],
            avlyste=sorted((a for a in avlyste if timezone.localtime(a.start).date() == dato), key=lambda a: a.start),
        )
        if n < 5 or dag.tider or dag.avlyste:  # helgen bare når noe står der
            dager.append(dag)
    start_i_dag = dt.datetime.combine(i_dag, dt.time.min, tzinfo=sone)
    kommende = list(egne.filter(kartlegging__isnull=False, start__gte=start_i_dag).order_by("start")[:maks])
    personer = {(t.kartlegging.person_id, t.kontor_id) for t in [*uka, *kommende] if t.kartlegging is not None} | {
        (a.kartlegging.person_id, a.kontor_id) for a in avlyste
    }
    if personer:
        lesing_registrer(
            bruker=bruker,
            personer=sorted(personer, key=str),
            formaal="KVP-veilederen så møtekalenderen sin",
            objekttype="møtekalender",
        )
    return Moetekalender(mandag=mandag, dager=dager, kommende=kommende)


@dataclass(frozen=True)
class Personmoeter:
    booket: list[Moetetid]
    avlyste: list[Moeteavlysning]


def moeter_for_person(*, bruker: Bruker, person: Person) -> Personmoeter:
    """Overføringsmøtene for personens kartlegginger ved kontorer der brukeren ser kartlegginger. Kalles med en
    person som allerede er hentet (og logget) gjennom tilgangslaget, fra personsiden eller saksbildet."""
    kontorer = tilgang.kontorer(bruker, "kartlegging", Handling.LES)
    if not kontorer:
        return Personmoeter(booket=[], avlyste=[])
    booket = list(
        Moetetid.objects.filter(kartlegging__person=person, kontor_id__in=kontorer)
        .select_related("kvp_veileder", "kartlegging", "kartlegging__overfoeringsnotat")
        .order_by("-start")
    )
    avlyste = list(
        Moeteavlysning.objects.filter(kartlegging__person=person, kontor_id__in=kontorer)
        .select_related("kvp_veileder", "avlyst_av", "ny_moetetid")
        .order_by("-tidspunkt")[:10]
    )
    return Personmoeter(booket=booket, avlyste=avlyste)

"""Lagringstid og sletting (personvernforordningen art. 5 nr. 1 e og art. 17), innenfor arkiv- og bokføringsplikten.

* `sletting_vurder`: kan personen slettes nå, og hvis ikke, hvorfor (åpen sak, arkivplikt, bokføringsplikt).
* `person_slett`: lederen sletter (anonymiserer) en person når loven tillater det.
* `opplysninger_rydd`: jobben bak `manage.py rydd`: sletter utløpte økter, sperreposter, innloggingslogg og gammel
  revisjonslogg, og anonymiserer personer der lagringstiden er ute. Den kan kjøres så ofte man vil.

En person slettes ved at raden anonymiseres, ikke fjernes: revisjonsloggen peker på den og kan ikke endres. Navn,
kontaktopplysninger, barn, kartlegginger, kontonummer og deltakerens brukerkonto fjernes; fødselsnummeret erstattes med
et nøkkelhash-pseudonym (HMAC-SHA256 med `KVP_PSEUDONYM_NOEKKEL`). Revisjonsloggens rader om personen beholder hvem,
når og hva, men innholdet (før/etter, beskrivelse) blankes, og slettingen logges med pseudonymet, så personvernombudet
kan svare på om et fødselsnummer er slettet uten at fødselsnummeret lagres. Se docs/regler/personvern.md.
"""

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone

from kvp.deltaker.models import Aktivering, Melding, Varsel
from kvp.dokument.models import Dokument
from kvp.felles.feil import KvpFeil
from kvp.felles.models import Handling, Logghendelse
from kvp.felles.services import logghendelse_registrer
from kvp.klage.models import Klagedokument
from kvp.person.models import Person
from kvp.sak.models import LUKKEDE_STATUSER, Status
from kvp.soeknad.models import Kartlegging, Moetetid
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle, Rolletildeling
from kvp.utbetaling.models import Mottaker, Utbetaling
from kvp_regler.lagring import bokfoering_oppbevar_til, kan_slettes, saksmappe_oppbevar_til

#: Et anonymisert fødselsnummer begynner med X (ekte fødsels- og D-numre er bare sifre).
ANONYM_PREFIKS = "X"
SLETTET_INNHOLD = {"slettet": True}
SLETTET_BESKRIVELSE = "Opplysningene er slettet (art. 17)"


def pseudonym(foedselsnummer: str) -> str:
    """Nøkkelhash av fødselsnummeret: samme nummer gir samme pseudonym, men nummeret kan ikke regnes tilbake."""
    noekkel = (settings.KVP_PSEUDONYM_NOEKKEL or settings.SECRET_KEY).encode()
    return hmac.new(noekkel, f"fnr:{foedselsnummer}".encode(), hashlib.sha256).hexdigest()


def er_anonymisert(person: Person) -> bool:
    return person.foedselsnummer.startswith(ANONYM_PREFIKS)


@dataclass(frozen=True)
class Slettevurdering:
    grunner: list[str] = field(default_factory=list)

    @property
    def kan_slettes(self) -> bool:
        return not self.grunner


def sletting_vurder(*, person: Person, i_dag: dt.date) -> Slettevurdering:
    """Om personen kan slettes `i_dag`, med grunnene til at det ikke går (tom liste = kan slettes)."""
    grunner = []
    if er_anonymisert(person):
        return Slettevurdering(["Personopplysningene er allerede slettet."])
    saker = list(person.saker.all())
    if any(s.status not in LUKKEDE_STATUSER for s in saker):
        grunner.append("Personen har en åpen sak. Saken må avsluttes før opplysningene kan slettes.")
    lukket = [s.avsluttet_dato or timezone.localtime(s.endret).date() for s in saker if s.status in LUKKEDE_STATUSER]
    if lukket:
        til = saksmappe_oppbevar_til(max(lukket))
        if not kan_slettes(til, i_dag):
            grunner.append(
                f"Saksmappen er arkivpliktig og skal oppbevares til og med {til:%d.%m.%Y} (arkivlova og kommunens "
                "bevarings- og kassasjonsplan)."
            )
    siste_utbetaling = Utbetaling.objects.filter(sak__person=person).aggregate(d=Max("runde__utbetalingsdato"))["d"]
    if siste_utbetaling is not None:
        til = bokfoering_oppbevar_til(siste_utbetaling)
        if not kan_slettes(til, i_dag):
            grunner.append(
                f"Utbetalingene er regnskapsbilag og skal oppbevares til og med {til:%d.%m.%Y} (bokføringsloven § 13)."
            )
    return Slettevurdering(grunner)


def person_for_sletting(*, bruker: Bruker, person_id: UUID) -> Person:
    """Personen, når `bruker` er leder ved personens kontor; IkkeFunnet ellers (vi sier ikke om den finnes)."""
    person: Person = tilgang.hent(bruker, "personsletting", person_id, tilgang.Handling.LES)
    return person


@transaction.atomic
def person_slett(*, bruker: Bruker, person_id: UUID, begrunnelse: str) -> Person:
    """Lederen sletter personopplysningene etter en begjæring (art. 17), når `sletting_vurder` sier at det går."""
    person = person_for_sletting(bruker=bruker, person_id=person_id)
    person = Person.objects.select_for_update().get(pk=person.pk)
    if not begrunnelse.strip():
        raise KvpFeil("Skriv hvorfor opplysningene slettes.", felt="begrunnelse", kode="KVP_SLETTING_NEKTET")
    vurdering = sletting_vurder(person=person, i_dag=timezone.localdate())
    if not vurdering.kan_slettes:
        raise KvpFeil(" ".join(vurdering.grunner), kode="KVP_SLETTING_NEKTET")
    _anonymiser(person, bruker=bruker, grunnlag="begjæring (art. 17)", begrunnelse=begrunnelse.strip())
    return person


def _saksmappe_innhold_slett(person: Person) -> dict[str, int]:
    """Innholdet i saksmappen som ikke er saken selv: opplastede dokumenter (med filene), meldinger med deltakeren,
    vedlegg og merknader til klager (med filene), varsler og aktiveringslenker. Kalles bare når personen anonymiseres,
    altså når saksmappen ikke lenger er arkivpliktig (eller personen aldri fikk en sak)."""
    meldinger = Melding.objects.filter(sak__person=person)
    dokumenter = Dokument.objects.filter(sak__person=person)
    # Klagedokumentene er uforanderlige i saksbehandlingen; når lagringstiden er ute, slettes de likevel (uten vernet).
    klagedokumenter = Klagedokument._base_manager.filter(klage__sak__person=person)
    filer = [(d.fil.storage, d.fil.name) for d in dokumenter if d.fil.name]
    filer += [(k.fil.storage, k.fil.name) for k in klagedokumenter if k.fil.name]
    antall = {
        "meldinger": meldinger.delete()[0],  # før dokumentene (vedlegg til meldinger)
        "dokumenter": dokumenter.delete()[0],
        "klagedokumenter": klagedokumenter.delete()[0],
        "varsler": Varsel.objects.filter(person=person).delete()[0],
        "aktiveringslenker": Aktivering.objects.filter(person=person).delete()[0],
    }

    # Filene slettes når radene er borte og transaksjonen er ferdig, så en tilbakerulling aldri etterlater rader uten
    # fil.
    def slett_filer() -> None:
        for lager, navn in filer:
            if lager.exists(navn):
                lager.delete(navn)

    transaction.on_commit(slett_filer)
    return antall


def _anonymiser(person: Person, *, bruker: Bruker | None, grunnlag: str, begrunnelse: str = "") -> None:
    spor = pseudonym(person.foedselsnummer)
    innhold = _saksmappe_innhold_slett(person)
    barn_ider = [str(pk) for pk in person.barn.values_list("pk", flat=True)]
    # Deltakerens brukerkonto: rollen fjernes, og kontoen anonymiseres og deaktiveres om den ikke har andre roller.
    deltakere = list(Bruker.objects.filter(rolletildelinger__rolle=Rolle.DELTAKER, rolletildelinger__person=person))
    Rolletildeling.objects.filter(rolle=Rolle.DELTAKER, person=person).delete()
    kontoer = []
    for konto in deltakere:
        if not konto.rolletildelinger.exists():
            konto.username = f"slettet-{pseudonym(konto.username)[:12]}"
            konto.first_name = konto.last_name = konto.email = ""
            konto.is_active = False
            konto.set_unusable_password()
            konto.save()
            kontoer.append(konto.pk)
    # Kartlegginger (fritekst om personen) og møtetidene de har booket.
    kartlegginger = Kartlegging.objects.filter(person=person)
    Moetetid.objects.filter(kartlegging__in=kartlegginger).update(kartlegging=None, booket_av=None)
    kartlegginger.delete()
    person.barn.all().delete()
    Mottaker.objects.filter(person=person).update(kontonummer="", nytt_kontonummer="")
    person.foedselsnummer = ANONYM_PREFIKS + spor[:10]
    person.foedselsdato = dt.date(person.foedselsdato.year, 1, 1)
    person.fornavn = "Slettet"
    person.etternavn = "person"
    person.adresse = person.postnummer = person.poststed = person.telefon = person.epost = ""
    person.save()
    _revisjonslogg_blank(person_id=person.pk, objekt_ider=[str(person.pk), *barn_ider], brukere=kontoer)
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        handling=Handling.ENDRE,
        objekt=person,
        person=person,
        beskrivelse=f"Personopplysningene er slettet: {grunnlag}",
        etter={"pseudonym": spor, "grunnlag": grunnlag, "begrunnelse": begrunnelse[:200], "slettet": innhold},
    )


def _revisjonslogg_blank(*, person_id: UUID, objekt_ider: list[str], brukere: list[int]) -> None:
    """Revisjonsloggen om personen beholder hvem, når og hva, men ikke innholdet. Bare dette (og rydding av rader
    eldre enn lagringstiden) slipper forbi vernet mot endring (ORM-en og utløseren i PostgreSQL, migrering 0006)."""
    rader = Logghendelse._base_manager.filter(Q(person_id=person_id) | Q(objekt_id__in=objekt_ider))
    rader.filter(foer__isnull=False).update(foer=SLETTET_INNHOLD)
    rader.filter(etter__isnull=False).update(etter=SLETTET_INNHOLD)
    rader.exclude(beskrivelse="").update(beskrivelse=SLETTET_BESKRIVELSE)
    for konto in Bruker.objects.filter(pk__in=brukere):
        Logghendelse._base_manager.filter(bruker=konto).update(brukernavn=konto.username)


def _foer(naa: dt.datetime, **delta: Any) -> dt.datetime:
    return naa - dt.timedelta(**delta)


def opplysninger_rydd(*, naa: dt.datetime | None = None) -> dict[str, int]:
    """Sletter og anonymiserer det som har passert lagringstiden (docs/drift.md). Gir antall per posttype."""
    naa = naa or timezone.now()
    i_dag = timezone.localtime(naa).date()
    antall: dict[str, int] = {}
    with transaction.atomic():
        antall["økter"] = Session.objects.filter(expire_date__lt=naa).delete()[0]
        sperretid = _foer(naa, hours=settings.AXES_COOLOFF_TIME)
        antall["sperreposter"] = AccessAttempt.objects.filter(attempt_time__lt=sperretid).delete()[0]
        grense = _foer(naa, days=settings.KVP_LAGRING_INNLOGGINGSLOGG_DAGER)
        antall["innloggingslogg"] = (
            AccessLog.objects.filter(attempt_time__lt=grense).delete()[0]
            + AccessFailureLog.objects.filter(attempt_time__lt=grense).delete()[0]
        )
        aar = settings.KVP_LAGRING_REVISJONSLOGG_AAR
        try:
            loggrense = naa.replace(year=naa.year - aar)
        except ValueError:  # 29. februar
            loggrense = naa.replace(year=naa.year - aar, day=28)
        antall["revisjonslogg"] = Logghendelse._base_manager.filter(tidspunkt__lt=loggrense).delete()[0]
        # Aktiveringslenker som er brukt eller utløpt, og varsler som er sendt (eller ga opp), trengs bare en stund
        # (for spørsmål om en lenke eller et varsel som ikke kom fram).
        lenkegrense = _foer(naa, days=settings.KVP_LAGRING_AKTIVERINGSLENKE_DAGER)
        antall["aktiveringslenker"] = Aktivering.objects.filter(
            Q(brukt__lt=lenkegrense) | Q(brukt__isnull=True, utloeper__lt=lenkegrense)
        ).delete()[0]
        varselgrense = _foer(naa, days=settings.KVP_LAGRING_VARSEL_DAGER)
        antall["varsler"] = (
            Varsel.objects.filter(opprettet__lt=varselgrense).exclude(status=Varsel.Status.VENTER).delete()[0]
        )
    personer = 0
    uten_sak = _foer(naa, days=settings.KVP_LAGRING_UTEN_SAK_DAGER)
    kandidater = Person.objects.exclude(foedselsnummer__startswith=ANONYM_PREFIKS).exclude(
        saker__status__in=[s for s in Status.values if s not in LUKKEDE_STATUSER]
    )
    for person_id in kandidater.values_list("pk", flat=True).distinct():
        with transaction.atomic():
            person = Person.objects.select_for_update().get(pk=person_id)
            if er_anonymisert(person) or not sletting_vurder(person=person, i_dag=i_dag).kan_slettes:
                continue
            if not person.saker.exists():
                siste = max(
                    [person.opprettet, *Kartlegging.objects.filter(person=person).values_list("opprettet", flat=True)]
                )
                if siste >= uten_sak:
                    continue
            _anonymiser(person, bruker=None, grunnlag="lagringstiden er ute")
            personer += 1
    antall["personer anonymisert"] = personer
    return antall

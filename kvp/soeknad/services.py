"""Skriving i inntaket: kartlegging med overføringsnotat, møtetider, booking og søknader."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.db import IntegrityError, transaction
from django.utils import timezone

from kvp.felles.feil import IkkeTilgang, KvpFeil
from kvp.felles.maalform import mf
from kvp.felles.services import logghendelse_registrer
from kvp.person.models import Person
from kvp.sak.models import Sak
from kvp.sak.services import sak_opprett
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import tilgang_for

from .models import (
    MOETE_MINUTTER,
    Kanal,
    Kartlegging,
    Moeteavlysning,
    Moetetid,
    Oppfoelgingsbehov,
    Overfoeringsnotat,
    RettTilYtelser,
    Soeknad,
)

KARTLEGGING_FELT = ("utdanning", "arbeidserfaring", "interesser", "utfordringer")
NOTAT_FELT = ("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse")
PAAKREVDE_KARTLEGGING = {
    "utdanning": "Skriv hvilken utdanning personen har (skriv «ingen» om hen ikke har noen).",
    "arbeidserfaring": "Skriv hvilken arbeidserfaring personen har (skriv «ingen» om hen ikke har noen).",
    "utfordringer": "Skriv hvilke utfordringer som gjør at personen ikke er i arbeid.",
}


@transaction.atomic
def kartlegging_opprett(
    *,
    bruker: Bruker,
    person: Person,
    utdanning: str,
    arbeidserfaring: str,
    interesser: str,
    utfordringer: str,
    rett_til_ytelser: str,
    oppfoelgingsbehov: str,
    notat: dict[str, str],
) -> Kartlegging:
    """Lagrer kartleggingen og overføringsnotatet sammen (alt eller ingenting)."""
    tilgang.kontorer(bruker, "kartlegging", Handling.SKRIV, krev=True)
    if not tilgang.kan(bruker, "person", person, Handling.SKRIV):
        raise KvpFeil("Fant ikke personen.", kode="KVP_IKKE_FUNNET")
    verdier = {"utdanning": utdanning, "arbeidserfaring": arbeidserfaring, "utfordringer": utfordringer}
    for felt, melding in PAAKREVDE_KARTLEGGING.items():
        if not verdier[felt].strip():
            raise KvpFeil(melding, felt=felt, kode="KVP_KARTLEGGING_MANGLER")
    if rett_til_ytelser not in RettTilYtelser.values:
        raise KvpFeil("Velg om personen har rett til ytelser.", felt="rett_til_ytelser", kode="KVP_VALG")
    if oppfoelgingsbehov not in Oppfoelgingsbehov.values:
        raise KvpFeil("Velg oppfølgingsbehov.", felt="oppfoelgingsbehov", kode="KVP_VALG")
    for felt in NOTAT_FELT:
        if not notat.get(felt, "").strip():
            raise KvpFeil("Fyll ut denne delen av overføringsnotatet.", felt=f"notat_{felt}", kode="KVP_NOTAT")
    kartlegging = Kartlegging.objects.create(
        person=person,
        kontor_id=person.kontor_id,
        veileder=bruker,
        utdanning=utdanning.strip(),
        arbeidserfaring=arbeidserfaring.strip(),
        interesser=interesser.strip(),
        utfordringer=utfordringer.strip(),
        rett_til_ytelser=rett_til_ytelser,
        oppfoelgingsbehov=oppfoelgingsbehov,
    )
    Overfoeringsnotat.objects.create(kartlegging=kartlegging, **{f: notat[f].strip() for f in NOTAT_FELT})
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="OPPRETT",
        objekt=kartlegging,
        etter={"rett_til_ytelser": rett_til_ytelser, "oppfoelgingsbehov": oppfoelgingsbehov},
    )
    return kartlegging


@transaction.atomic
def moetetid_opprett(
    *, bruker: Bruker, kvp_veileder: Any, start: dt.datetime, kontor_id: UUID | None = None
) -> Moetetid:
    """Legger ut et ledig kvarter hos en KVP-veileder ved brukerens kontor (`kontor_id`: kontoret siden brukes for;
    brukeren må ha møtetidssidens roller der)."""
    kontorer = tilgang.side_kontorer(bruker, "moetetider")
    if kontor_id is not None:
        kontorer = [k for k in kontorer if k == kontor_id]
    if not kontorer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    felles = [k for k in tilgang_for(kvp_veileder).kontorer_med(Rolle.KVP_VEILEDER) if k in kontorer]
    if not felles:
        raise KvpFeil("Velg en KVP-veileder ved ditt kontor.", felt="kvp_veileder", kode="KVP_MOETE_VEILEDER")
    if start <= timezone.now():
        raise KvpFeil("Møtetiden må være frem i tid.", felt="start", kode="KVP_MOETE_FORTID")
    if start.minute % MOETE_MINUTTER or start.second:
        raise KvpFeil("Møter starter hvert kvarter (:00, :15, :30, :45).", felt="start", kode="KVP_MOETE_KVARTER")
    if Moetetid.objects.filter(kvp_veileder=kvp_veileder, start=start).exists():
        raise KvpFeil("Veilederen har allerede denne tiden.", felt="start", kode="KVP_MOETE_FINS")
    try:
        with transaction.atomic():
            moetetid = Moetetid.objects.create(kontor_id=felles[0], kvp_veileder=kvp_veileder, start=start)
    except IntegrityError:
        raise KvpFeil("Veilederen har allerede denne tiden.", felt="start", kode="KVP_MOETE_FINS") from None
    logghendelse_registrer(
        bruker=bruker,
        kontor=moetetid.kontor,
        handling="OPPRETT",
        objekt=moetetid,
        etter={"kvp_veileder": kvp_veileder.get_username(), "start": start.isoformat()},
    )
    return moetetid


@transaction.atomic
def moetetid_book(*, bruker: Bruker, moetetid_id: UUID, kartlegging: Kartlegging) -> Moetetid:
    """Booker et ledig kvarter til overføringsmøte om kartleggingen. Samme tid kan aldri bookes to ganger."""
    # Lås kartleggingen: to faner som booker hver sin tid for samme kartlegging venter på hverandre.
    tilgang.hent(bruker, "kartlegging", kartlegging.pk, Handling.SKRIV, laas=True, relatert=())
    if Moetetid.objects.filter(kartlegging=kartlegging).exists():
        raise KvpFeil(
            "Det er allerede booket et møte for denne kartleggingen.",
            felt="moetetid",
            kode="KVP_MOETE_BOOKET",
        )
    _sjekk_ikke_passert(moetetid_id)
    try:
        with transaction.atomic():
            oppdatert = Moetetid.objects.filter(
                pk=moetetid_id, kontor_id=kartlegging.kontor_id, kartlegging__isnull=True, start__gt=timezone.now()
            ).update(kartlegging=kartlegging, booket_av=bruker)
    except IntegrityError:  # SQLite låser ikke rader: unikhetskravet er siste skanse
        raise KvpFeil(
            "Det er allerede booket et møte for denne kartleggingen.", felt="moetetid", kode="KVP_MOETE_BOOKET"
        ) from None
    if oppdatert != 1:
        raise KvpFeil("Tiden er ikke ledig lenger. Velg en annen tid.", felt="moetetid", kode="KVP_MOETE_OPPTATT")
    moetetid = Moetetid.objects.select_related("kvp_veileder", "kontor").get(pk=moetetid_id)
    logghendelse_registrer(
        bruker=bruker,
        kontor=moetetid.kontor,
        person=kartlegging.person,
        handling="ENDRE",
        objekt=moetetid,
        beskrivelse="Overføringsmøte booket",
        foer={"kartlegging": None},
        etter={"kartlegging": str(kartlegging.pk), "kvp_veileder": moetetid.kvp_veileder.get_username()},
    )
    return moetetid


def _sjekk_ikke_passert(moetetid_id: UUID) -> None:
    start = Moetetid.objects.filter(pk=moetetid_id).values_list("start", flat=True).first()
    if start is not None and start <= timezone.now():
        raise KvpFeil("Tiden har vært. Velg en tid frem i tid.", felt="moetetid", kode="KVP_MOETE_FORTID")


#: Lengste grunn til en avlysning (tegn).
MAKS_GRUNN = 500


def _grunn(grunn: str, *, paakrevd: bool) -> str:
    grunn = grunn.strip()
    if paakrevd and not grunn:
        raise KvpFeil("Skriv hvorfor møtet avlyses.", felt="grunn", kode="KVP_MOETE_GRUNN")
    if len(grunn) > MAKS_GRUNN:
        raise KvpFeil(f"Grunnen kan være høyst {MAKS_GRUNN} tegn.", felt="grunn", kode="KVP_MOETE_GRUNN")
    return grunn


def _booket_moete(*, bruker: Bruker, kartlegging_id: UUID) -> tuple[Kartlegging, Moetetid]:
    """Kartleggingen (låst, gjennom tilgangslaget) og møtet som er booket for den, som ikke har vært ennå."""
    kartlegging: Kartlegging = tilgang.hent(
        bruker, "kartlegging", kartlegging_id, Handling.SKRIV, laas=True, relatert=("person", "kontor")
    )
    moete = (
        Moetetid.objects.select_for_update(of=("self",))
        .select_related("kvp_veileder")
        .filter(kartlegging=kartlegging)
        .first()
    )
    if moete is None:
        raise KvpFeil("Det er ikke booket noe møte for denne kartleggingen.", kode="KVP_MOETE_IKKE_BOOKET")
    if moete.start <= timezone.now():
        raise KvpFeil("Møtet har allerede vært, og kan ikke avlyses eller flyttes.", kode="KVP_MOETE_HAR_VAERT")
    return kartlegging, moete


def _frigi(
    *, bruker: Bruker, kartlegging: Kartlegging, moete: Moetetid, grunn: str, ny: Moetetid | None
) -> Moeteavlysning:
    avlysning = Moeteavlysning.objects.create(
        kartlegging=kartlegging,
        kontor_id=moete.kontor_id,
        kvp_veileder=moete.kvp_veileder,
        start=moete.start,
        grunn=grunn,
        ny_moetetid=ny,
        avlyst_av=bruker,
    )
    Moetetid.objects.filter(pk=moete.pk).update(kartlegging=None, booket_av=None)
    return avlysning


@transaction.atomic
def moete_avlys(*, bruker: Bruker, kartlegging_id: UUID, grunn: str) -> Moeteavlysning:
    """Avlyser overføringsmøtet for kartleggingen. Grunnen er påkrevd og står i revisjonsloggen; tiden blir ledig."""
    grunn = _grunn(grunn, paakrevd=True)
    kartlegging, moete = _booket_moete(bruker=bruker, kartlegging_id=kartlegging_id)
    avlysning = _frigi(bruker=bruker, kartlegging=kartlegging, moete=moete, grunn=grunn, ny=None)
    logghendelse_registrer(
        bruker=bruker,
        kontor=kartlegging.kontor,
        person=kartlegging.person,
        handling="ENDRE",
        objekt=moete,
        beskrivelse="Overføringsmøte avlyst",
        foer={"kartlegging": str(kartlegging.pk), "start": moete.start.isoformat()},
        etter={"kartlegging": None, "grunn": grunn},
    )
    return avlysning


@transaction.atomic
def moete_ombook(*, bruker: Bruker, kartlegging_id: UUID, ny_moetetid_id: UUID, grunn: str = "") -> Moetetid:
    """Flytter overføringsmøtet til en annen ledig tid, alt eller ingenting: går den nye tiden ikke, står det gamle
    møtet som før. Den gamle tiden blir ledig, og flyttingen står som en avlysning med henvisning til den nye."""
    grunn = _grunn(grunn, paakrevd=False) or "Flyttet til en annen tid."
    try:
        ny_moetetid_id = UUID(str(ny_moetetid_id))
    except ValueError:
        raise KvpFeil("Velg en ledig tid fra listen.", felt="moetetid", kode="KVP_MOETE_OPPTATT") from None
    kartlegging, moete = _booket_moete(bruker=bruker, kartlegging_id=kartlegging_id)
    if ny_moetetid_id == moete.pk:
        raise KvpFeil("Velg en annen tid enn den møtet har nå.", felt="moetetid", kode="KVP_MOETE_SAMME")
    _sjekk_ikke_passert(ny_moetetid_id)
    ny = Moetetid.objects.select_related("kvp_veileder").filter(pk=ny_moetetid_id).first()
    # Den gamle tiden frigis først (én booket tid per kartlegging er unikt i databasen). Går ikke den nye tiden,
    # rulles alt tilbake av transaksjonen, og det gamle møtet står.
    _frigi(bruker=bruker, kartlegging=kartlegging, moete=moete, grunn=grunn, ny=ny)
    oppdatert = Moetetid.objects.filter(
        pk=ny_moetetid_id, kontor_id=kartlegging.kontor_id, kartlegging__isnull=True, start__gt=timezone.now()
    ).update(kartlegging=kartlegging, booket_av=bruker)
    if ny is None or oppdatert != 1:
        raise KvpFeil("Tiden er ikke ledig lenger. Velg en annen tid.", felt="moetetid", kode="KVP_MOETE_OPPTATT")
    logghendelse_registrer(
        bruker=bruker,
        kontor=kartlegging.kontor,
        person=kartlegging.person,
        handling="ENDRE",
        objekt=ny,
        beskrivelse="Overføringsmøte flyttet",
        foer={"start": moete.start.isoformat(), "kvp_veileder": moete.kvp_veileder.get_username()},
        etter={"start": ny.start.isoformat(), "kvp_veileder": ny.kvp_veileder.get_username(), "grunn": grunn},
    )
    return ny


MAKS_DAGER_TILBAKE = 366


def _soeknad_opprett(
    *, bruker: Bruker, person: Person, mottatt_dato: dt.date, kanal: str, **felter: Any
) -> tuple[Soeknad, Sak]:
    if mottatt_dato > timezone.localdate():
        raise KvpFeil("Mottatt dato kan ikke være frem i tid.", felt="mottatt_dato", kode="KVP_DATO_FREMTID")
    if mottatt_dato < timezone.localdate() - dt.timedelta(days=MAKS_DAGER_TILBAKE):
        raise KvpFeil(
            "Mottatt dato er mer enn ett år tilbake. Sjekk datoen; eldre søknader registreres ikke her.",
            felt="mottatt_dato",
            kode="KVP_DATO_GAMMEL",
        )
    if kanal not in Kanal.values:
        raise KvpFeil("Velg hvordan søknaden kom inn.", felt="kanal", kode="KVP_VALG")
    kartlegging = person.kartlegginger.order_by("-opprettet").first()
    soeknad = Soeknad.objects.create(
        person=person,
        kontor_id=person.kontor_id,
        mottatt_dato=mottatt_dato,
        kanal=kanal,
        registrert_av=bruker,
        kartlegging=kartlegging,
        **felter,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=soeknad.kontor,
        person=person,
        handling="OPPRETT",
        objekt=soeknad,
        etter={"kanal": kanal, "mottatt_dato": mottatt_dato.isoformat()},
    )
    try:
        with transaction.atomic():
            sak = sak_opprett(bruker=bruker, soeknad=soeknad)
    except IntegrityError as exc:  # to samtidige søknader: databasen stopper den andre
        raise KvpFeil(
            "Personen har allerede en åpen søknad om kvalifiseringsprogram.",
            felt="foedselsnummer",
            kode="KVP_SOEKNAD_AAPEN",
        ) from exc
    return soeknad, sak


@transaction.atomic
def soeknad_send_inn(*, bruker: Bruker, hva_oensker_du: str, hjelp_til: str, bekreftet: bool) -> tuple[Soeknad, Sak]:
    """Deltakeren søker selv digitalt. Søknaden går til kontoret der hen bor."""
    personer = tilgang_for(bruker).deltaker_personer
    if not personer:
        raise KvpFeil("Bare den som søker, kan sende inn søknaden.", kode="KVP_IKKE_TILGANG")
    person = Person.objects.select_related("kontor").get(pk=next(iter(personer)))
    if not hva_oensker_du.strip():
        raise KvpFeil(
            mf("Skriv litt om hva du ønsker å oppnå.", "Skriv litt om kva du ønskjer å oppnå."),
            felt="hva_oensker_du",
            kode="KVP_SOEKNAD_MANGLER",
        )
    if not bekreftet:
        raise KvpFeil(
            mf("Du må bekrefte at opplysningene er riktige.", "Du må stadfeste at opplysningane er rette."),
            felt="bekreftet",
            kode="KVP_SOEKNAD_BEKREFT",
        )
    return _soeknad_opprett(
        bruker=bruker,
        person=person,
        mottatt_dato=timezone.localdate(),
        kanal=Kanal.DIGITAL,
        hva_oensker_du=hva_oensker_du.strip(),
        hjelp_til=hjelp_til.strip(),
    )


@transaction.atomic
def soeknad_registrer(
    *, bruker: Bruker, person: Person, mottatt_dato: dt.date, kanal: str, merknad: str = ""
) -> tuple[Soeknad, Sak]:
    """Kontoret registrerer en søknad som kom på papir eller utenfra: brukeren må ha registreringssidens roller ved
    personens kontor (en rolle ved et annet kontor teller ikke)."""
    kontorer = tilgang.side_kontorer(bruker, "registrer_soeknad")
    if not kontorer:
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    if person.kontor_id not in kontorer:
        raise KvpFeil(
            "Fant ingen person med dette fødselsnummeret ved ditt kontor.",
            felt="foedselsnummer",
            kode="KVP_PERSON_SOEK_INGEN",
        )
    return _soeknad_opprett(
        bruker=bruker, person=person, mottatt_dato=mottatt_dato, kanal=kanal, merknad=merknad.strip()
    )

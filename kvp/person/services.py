"""Skriving av personer og barn."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.hendelser import GrunnlagEndret, publiser
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Kommune, Rolle
from kvp.tilgang.objekter import Handling

from . import fnr as fnr_modul
from . import personalia
from .models import Barn, Forsoergerperiode, Maalform, Person

ROLLER_SOM_REGISTRERER = (Rolle.VEILEDER, Rolle.KVP_VEILEDER)


def _snapshot(person: Person) -> dict[str, Any]:
    return {
        "foedselsnummer": person.maskert_fnr,
        "fornavn": person.fornavn,
        "etternavn": person.etternavn,
        "adresse": person.adresse,
        "postnummer": person.postnummer,
        "poststed": person.poststed,
        "kommune": person.kommune_id,
        "maalform": person.maalform,
        "telefon": person.telefon,
        "epost": person.epost,
    }


OVERFOERING_MELDING = (
    "Personen kan ikke registreres ved ditt kontor. Er fødselsnummeret registrert ved et annet NAV-kontor, har det "
    "kontoret fått en forespørsel om overføring, og det tar kontakt."
)


def person_opprett(**kwargs: Any) -> Person:
    """Registrerer en person (se `_person_opprett`).

    Finnes fødselsnummeret ved et annet kontor, sier svaret ikke det rett ut: brukeren får en nøytral melding, og det
    andre kontoret får en forespørsel om overføring i sin revisjonslogg (også brukerens kontor logger forespørselen).
    Forespørselen skrives i en egen transaksjon, så den blir stående selv om registreringen avvises.
    """
    bruker: Bruker = kwargs["bruker"]
    kommune: Kommune = kwargs["kommune"]
    try:
        fnr, _ = fnr_modul.valider(
            kwargs["foedselsnummer"], tillat_syntetisk=settings.KVP_TILLAT_SYNTETISKE_FNR, i_dag=timezone.localdate()
        )
    except KvpFeil:
        fnr = ""
    kontorer = tilgang.kontorer(bruker, "person", Handling.SKRIV, krev=True)
    annen = Person.objects.filter(foedselsnummer=fnr).exclude(kontor_id__in=kontorer).select_related("kontor").first()
    eget = kommune.nav_kontor
    if fnr and annen is not None and eget is not None and eget.pk in kontorer:
        with transaction.atomic():
            for kontor, person in ((annen.kontor, annen), (eget, None)):
                logghendelse_registrer(
                    bruker=bruker,
                    kontor=kontor,
                    person=person,
                    handling="OPPRETT",
                    objekt=None,
                    objekttype="overføringsforespørsel",
                    beskrivelse=f"Ber om overføring av personen til {eget.navn}",
                )
        raise KvpFeil(OVERFOERING_MELDING, felt="foedselsnummer", kode="KVP_PERSON_OVERFOERING")
    return _person_opprett(**kwargs)


@transaction.atomic
def _person_opprett(
    *,
    bruker: Bruker,
    foedselsnummer: str,
    fornavn: str,
    etternavn: str,
    kommune: Kommune,
    adresse: str = "",
    postnummer: str = "",
    poststed: str = "",
    maalform: str = Maalform.BOKMAAL,
    telefon: str = "",
    epost: str = "",
) -> Person:
    """Registrerer en person ved kontoret som betjener bostedskommunen.

    Brukeren må være veileder eller KVP-veileder ved det kontoret.
    """
    kontorer = tilgang.kontorer(bruker, "person", Handling.SKRIV, krev=True)
    fnr, foedselsdato = fnr_modul.valider(
        foedselsnummer, tillat_syntetisk=settings.KVP_TILLAT_SYNTETISKE_FNR, i_dag=timezone.localdate()
    )
    if not fornavn.strip():
        raise KvpFeil("Fyll ut fornavn.", felt="fornavn", kode="KVP_PERSON_NAVN")
    if not etternavn.strip():
        raise KvpFeil("Fyll ut etternavn.", felt="etternavn", kode="KVP_PERSON_NAVN")
    if kommune.nav_kontor_id not in kontorer:
        raise KvpFeil(
            f"Kontoret ditt betjener ikke {kommune.navn} kommune. Personen må registreres av NAV-kontoret der hen bor.",
            felt="kommune",
            kode="KVP_KOMMUNE_IKKE_BETJENT",
        )
    if postnummer and not (len(postnummer) == 4 and postnummer.isdigit()):
        raise KvpFeil("Postnummer er fire sifre.", felt="postnummer", kode="KVP_POSTNUMMER")
    if Person.objects.filter(foedselsnummer=fnr).exists():
        raise KvpFeil(
            "Det finnes allerede en person med dette fødselsnummeret. Søk opp personen i stedet.",
            felt="foedselsnummer",
            kode="KVP_PERSON_FINS",
        )
    try:
        with transaction.atomic():  # to samtidige innsendinger: den andre treffer unikhetskravet, ikke en 500
            person = Person.objects.create(
                foedselsnummer=fnr,
                foedselsdato=foedselsdato,
                fornavn=fornavn.strip(),
                etternavn=etternavn.strip(),
                adresse=adresse.strip(),
                postnummer=postnummer,
                poststed=poststed.strip(),
                kommune=kommune,
                kontor_id=kommune.nav_kontor_id,
                maalform=maalform,
                telefon=telefon.strip(),
                epost=epost.strip(),
            )
    except IntegrityError:
        raise KvpFeil(
            "Det finnes allerede en person med dette fødselsnummeret. Søk opp personen i stedet.",
            felt="foedselsnummer",
            kode="KVP_PERSON_FINS",
        ) from None
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="OPPRETT",
        objekt=person,
        etter=_snapshot(person),
    )
    return person


@transaction.atomic
def barn_legg_til(
    *,
    bruker: Bruker,
    person: Person,
    fornavn: str,
    foedselsdato: dt.date,
    forsoerget_fra_og_med: dt.date,
    forsoerget_til_og_med: dt.date | None = None,
) -> Barn:
    """Legger et barn til i husstanden med én forsørgerperiode."""
    tilgang.kontorer(bruker, "person", Handling.SKRIV, krev=True)
    if not tilgang.kan(bruker, "person", person, Handling.SKRIV):
        raise KvpFeil("Du har ikke tilgang til denne personen.", kode="KVP_IKKE_TILGANG")
    i_dag = timezone.localdate()
    if not fornavn.strip():
        raise KvpFeil("Fyll ut barnets fornavn.", felt="fornavn", kode="KVP_BARN_NAVN")
    if foedselsdato > i_dag:
        raise KvpFeil("Fødselsdatoen kan ikke være frem i tid.", felt="foedselsdato", kode="KVP_DATO_FREMTID")
    if forsoerget_fra_og_med < foedselsdato:
        raise KvpFeil(
            "Forsørgerperioden kan ikke starte før barnet er født.",
            felt="forsoerget_fra_og_med",
            kode="KVP_FORSOERGET_FOER_FOEDSEL",
        )
    if forsoerget_til_og_med and forsoerget_til_og_med < forsoerget_fra_og_med:
        raise KvpFeil("«Til og med» kan ikke være før «fra og med».", felt="forsoerget_til_og_med", kode="KVP_DATO")
    barn = Barn.objects.create(forelder=person, fornavn=fornavn.strip(), foedselsdato=foedselsdato)
    Forsoergerperiode.objects.create(barn=barn, fra_og_med=forsoerget_fra_og_med, til_og_med=forsoerget_til_og_med)
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="OPPRETT",
        objekt=barn,
        etter={
            "fornavn": barn.fornavn,
            "foedselsdato": foedselsdato.isoformat(),
            "forsoerget_fra_og_med": forsoerget_fra_og_med.isoformat(),
            "forsoerget_til_og_med": forsoerget_til_og_med.isoformat() if forsoerget_til_og_med else None,
        },
    )
    publiser(
        GrunnlagEndret(
            person_id=person.pk,
            fra_og_med=forsoerget_fra_og_med,
            grunn=f"Barn lagt til i husstanden, forsørget fra {forsoerget_fra_og_med:%d.%m.%Y}.",
            bruker=bruker,
        )
    )
    return barn


@transaction.atomic
def forsoergerperiode_avslutt(*, bruker: Bruker, forsoergerperiode_id: int, til_og_med: dt.date) -> Forsoergerperiode:
    """Personen forsørger ikke lenger barnet etter `til_og_med`: perioden slutter der, og barnetillegget stopper
    etter den dagen. Attesterte måneder etter datoen regnes på nytt (`GrunnlagEndret`)."""
    periode: Forsoergerperiode = tilgang.hent(
        bruker,
        "forsoergerperiode",
        forsoergerperiode_id,
        Handling.SKRIV,
        laas=True,
        relatert=("barn__forelder__kontor",),
        laas_ogsaa=("barn", "barn__forelder", "barn__forelder__kontor"),
    )
    if til_og_med < periode.fra_og_med:
        raise KvpFeil(
            f"Forsørgerperioden begynte {periode.fra_og_med:%d.%m.%Y}. Siste dag kan ikke være før den.",
            felt="til_og_med",
            kode="KVP_DATO",
        )
    if periode.til_og_med is not None and til_og_med >= periode.til_og_med:
        raise KvpFeil(
            f"Forsørgerperioden slutter allerede {periode.til_og_med:%d.%m.%Y}.",
            felt="til_og_med",
            kode="KVP_FORSOERGET_SLUTTER_ALLEREDE",
        )
    foer = periode.til_og_med
    periode.til_og_med = til_og_med
    periode.save(update_fields=["til_og_med"])
    person = periode.barn.forelder
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="ENDRE",
        objekt=periode,
        beskrivelse=f"Forsørgerperioden for {periode.barn.fornavn} avsluttet",
        foer={"til_og_med": foer.isoformat() if foer else None},
        etter={"til_og_med": til_og_med.isoformat()},
    )
    publiser(
        GrunnlagEndret(
            person_id=person.pk,
            fra_og_med=til_og_med + dt.timedelta(days=1),
            grunn=f"Forsørgerperioden for {periode.barn.fornavn} avsluttet {til_og_med:%d.%m.%Y}.",
            bruker=bruker,
        )
    )
    return periode


@transaction.atomic
def personalia_endre(*, bruker: Bruker, person_id: Any, **verdier: str) -> list[str]:
    """Endrer adresse, telefon, e-post og målform. Gir feltene som ble endret (tom liste: ingenting å lagre).

    Alle feilene i verdiene sjekkes før noe lagres; den første gis som KvpFeil ved feltet (skjemaet viser alle).
    Endringen revisjonslogges med verdiene før og etter; loggen er historikken på personsiden. Kontonummeret endres
    ikke her: det går gjennom utbetalingen med godkjenning av en annen (fireøyneprinsippet).
    """
    ukjente = set(verdier) - set(personalia.ENDRBARE_FELT)
    if ukjente:
        raise KvpFeil("Bare adresse, telefon, e-post og målform kan endres her.", kode="KVP_PERSON_FELT")
    ny = personalia.normaliser(verdier)
    feil = personalia.feil_i_personalia(ny)
    if feil:
        felt, melding = feil[0]
        raise KvpFeil(melding, felt=felt, kode="KVP_PERSONALIA")
    person: Person = tilgang.hent(bruker, "person", person_id, Handling.SKRIV, laas=True, relatert=("kontor",))
    foer = {felt: getattr(person, felt) for felt in personalia.ENDRBARE_FELT}
    endret = [felt for felt in personalia.ENDRBARE_FELT if foer[felt] != ny[felt]]
    if not endret:
        return []
    for felt in endret:
        setattr(person, felt, ny[felt])
    person.save(update_fields=endret)
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="ENDRE",
        objekt=person,
        beskrivelse="Personalia endret: " + ", ".join(personalia.ENDRBARE_FELT[f].lower() for f in endret),
        foer={f: foer[f] for f in endret},
        etter={f: ny[f] for f in endret},
    )
    return endret

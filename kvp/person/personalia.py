"""Personalia som kan endres etter registreringen (adresse, telefon, e-post, målform): kontrollen av verdiene,
hva som mangler i adressen før et brev sendes, og navnene på feltene i historikken."""

import re

from .models import Maalform

#: Feltene som kan endres fra personsiden, med navnet brukeren ser i skjemaet og i historikken.
ENDRBARE_FELT = {
    "adresse": "Adresse",
    "postnummer": "Postnummer",
    "poststed": "Poststed",
    "telefon": "Telefon",
    "epost": "E-post",
    "maalform": "Målform",
}
#: Navnene i historikken også for feltene som bare settes ved registreringen.
FELTNAVN = {**ENDRBARE_FELT, "fornavn": "Fornavn", "etternavn": "Etternavn", "kommune": "Bostedskommune"}

_TELEFON_NORSK = re.compile(r"^\d{8}$")
_TELEFON_UTLAND = re.compile(r"^\+\d{7,15}$")
_EPOST = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def feil_i_personalia(verdier: dict[str, str]) -> list[tuple[str, str]]:
    """Alle feilene i verdiene på én gang, som (felt, melding). Tom liste når alt er i orden.

    En ufullstendig adresse er ikke en feil her (personen kan mangle fast adresse); den gir en advarsel før et brev
    sendes (`adressemangler`)."""
    feil: list[tuple[str, str]] = []
    postnummer = verdier.get("postnummer", "")
    if postnummer and not (len(postnummer) == 4 and postnummer.isdigit()):
        feil.append(("postnummer", "Postnummer er fire sifre, for eksempel 0150."))
    poststed = verdier.get("poststed", "")
    if any(tegn.isdigit() for tegn in poststed):
        feil.append(("poststed", "Poststedet kan ikke inneholde sifre. Postnummeret har et eget felt."))
    telefon = "".join(verdier.get("telefon", "").split())
    if telefon and not (_TELEFON_NORSK.match(telefon) or _TELEFON_UTLAND.match(telefon)):
        feil.append(("telefon", "Skriv telefonnummeret med åtte sifre, eller med landskode først (+46 …)."))
    epost = verdier.get("epost", "")
    if epost and not _EPOST.match(epost):
        feil.append(("epost", "Skriv en gyldig e-postadresse, for eksempel navn@eksempel.no."))
    if verdier.get("maalform", Maalform.BOKMAAL) not in Maalform.values:
        feil.append(("maalform", "Velg bokmål eller nynorsk."))
    return feil


def normaliser(verdier: dict[str, str]) -> dict[str, str]:
    """Verdiene slik de lagres: uten mellomrom rundt, og telefonnummeret uten mellomrom."""
    ut = {felt: str(verdier.get(felt, "")).strip() for felt in ENDRBARE_FELT}
    ut["telefon"] = "".join(ut["telefon"].split())
    ut["maalform"] = ut["maalform"] or Maalform.BOKMAAL
    return ut


def adressemangler(person: object) -> list[str]:
    """Det som mangler for at et brev skal komme fram i posten: tom liste når adressen er fullstendig."""
    mangler = []
    if not str(getattr(person, "adresse", "")).strip():
        mangler.append("gateadresse")
    if not str(getattr(person, "postnummer", "")).strip():
        mangler.append("postnummer")
    if not str(getattr(person, "poststed", "")).strip():
        mangler.append("poststed")
    return mangler

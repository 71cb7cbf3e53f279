"""Skriving av kontorer, kommuner, brukere og rolletildelinger."""

from typing import Any

from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.felles.models import Handling
from kvp.felles.services import logghendelse_registrer

from .models import KONTORROLLER, Bruker, Kommune, NavKontor, Rolle, Rolletildeling
from .tilgang import glem_tilgang, tilgang_for


@transaction.atomic
def nav_kontor_opprett(
    *,
    enhetsnummer: str,
    navn: str,
    fylke: str,
    kommuner: list[tuple[str, str]],
    frist_varsel_dager: int = 14,
    frist_overskredet_dager: int = 21,
    adresse: str = "",
    postnummer: str = "",
    poststed: str = "",
    telefon: str = "",
) -> NavKontor:
    """Oppretter et kontor og kommunene det betjener (kommunenummer, navn)."""
    if frist_varsel_dager >= frist_overskredet_dager:
        raise KvpFeil(
            "Varselet må komme før fristen er overskredet.",
            felt="frist_varsel_dager",
            kode="KVP_KONTOR_FRIST",
        )
    if NavKontor.objects.filter(enhetsnummer=enhetsnummer).exists():
        raise KvpFeil(f"Enhetsnummer {enhetsnummer} finnes allerede.", felt="enhetsnummer", kode="KVP_KONTOR_FINS")
    kontor = NavKontor.objects.create(
        enhetsnummer=enhetsnummer,
        navn=navn,
        fylke=fylke,
        frist_varsel_dager=frist_varsel_dager,
        frist_overskredet_dager=frist_overskredet_dager,
        adresse=adresse.strip(),
        postnummer=postnummer.strip(),
        poststed=poststed.strip(),
        telefon=telefon.strip(),
    )
    for nummer, kommunenavn in kommuner:
        eksisterende = Kommune.objects.filter(nummer=nummer).first()
        if eksisterende and eksisterende.nav_kontor_id:
            raise KvpFeil(
                f"{eksisterende} betjenes allerede av et annet kontor.",
                felt="kommuner",
                kode="KVP_KOMMUNE_TATT",
            )
        Kommune.objects.update_or_create(nummer=nummer, defaults={"navn": kommunenavn, "nav_kontor": kontor})
    logghendelse_registrer(
        bruker=None, kontor=kontor, handling="OPPRETT", objekt=kontor, etter={"navn": navn, "fylke": fylke}
    )
    return kontor


@transaction.atomic
def kommune_opprett(*, nummer: str, navn: str) -> Kommune:
    """En kommune uten kontor i systemet (f.eks. der en person bor utenfor våre kontorer)."""
    if not (len(nummer) == 4 and nummer.isdigit()):
        raise KvpFeil("Kommunenummer er fire sifre.", felt="nummer", kode="KVP_KOMMUNENUMMER")
    kommune, _ = Kommune.objects.get_or_create(nummer=nummer, defaults={"navn": navn})
    return kommune


@transaction.atomic
def bruker_opprett(
    *,
    brukernavn: str,
    fornavn: str,
    etternavn: str,
    passord: str | None = None,
    epost: str = "",
    tjenestekonto: bool = False,
) -> Bruker:
    """Oppretter en bruker. Uten passord kan brukeren ikke logge inn før et passord er satt. En tjenestekonto
    (`tjenestekonto=True`) er ingen person og vises aldri blant saksbehandlerne."""
    if Bruker.objects.filter(username=brukernavn).exists():
        raise KvpFeil(f"Brukernavnet {brukernavn} er tatt.", felt="brukernavn", kode="KVP_BRUKER_FINS")
    bruker = Bruker(
        username=brukernavn, first_name=fornavn, last_name=etternavn, email=epost, er_tjenestekonto=tjenestekonto
    )
    if passord:
        bruker.set_password(passord)
    else:
        bruker.set_unusable_password()
    bruker.save()
    logghendelse_registrer(
        bruker=None, kontor=None, handling="OPPRETT", objekt=bruker, etter={"brukernavn": brukernavn}
    )
    return bruker


@transaction.atomic
def rolle_tildel(
    *,
    bruker: Bruker,
    rolle: str,
    kontor: NavKontor | None = None,
    fylke: str = "",
    person: Any = None,
    tildelt_av: Bruker | None = None,
) -> Rolletildeling:
    """Gir `bruker` en rolle med riktig scope (kontor, fylke eller egen person)."""
    if rolle not in Rolle.values:
        raise KvpFeil("Ukjent rolle.", felt="rolle", kode="KVP_ROLLE_UKJENT")
    if rolle in KONTORROLLER and (kontor is None or person is not None):
        raise KvpFeil("Rollen må knyttes til et NAV-kontor.", felt="kontor", kode="KVP_ROLLE_SCOPE")
    if rolle == Rolle.STATSFORVALTER and (not fylke or kontor is not None):
        raise KvpFeil("Statsforvalteren må knyttes til et fylke.", felt="fylke", kode="KVP_ROLLE_SCOPE")
    if rolle == Rolle.DELTAKER and (person is None or kontor is not None):
        raise KvpFeil("En deltaker må knyttes til sin egen person.", felt="person", kode="KVP_ROLLE_SCOPE")
    tildeling, _ = Rolletildeling.objects.get_or_create(
        bruker=bruker, rolle=rolle, kontor=kontor, defaults={"fylke": fylke, "person": person}
    )
    glem_tilgang(bruker)
    logghendelse_registrer(
        bruker=tildelt_av,
        kontor=kontor,
        handling="ENDRE",
        objekt=bruker,
        beskrivelse="Rolle tildelt",
        etter={"rolle": rolle, "kontor": str(kontor) if kontor else None, "fylke": fylke},
    )
    return tildeling


@transaction.atomic
def innlogging_logg(*, bruker: Bruker, handling: str, detaljer: dict[str, Any] | None = None) -> None:
    """Skriver innlogging eller utlogging i revisjonsloggen til hvert kontor brukeren hører til.

    `detaljer` er innloggingsmåten og sikkerhetsnivået (`acr`/`amr`) fra innloggingstjenesten, når det finnes.

    Lederen ser da hvem som har vært inne i kontorets system. En deltaker logges på kontoret som følger personen;
    en bruker uten kontor (statsforvalter) får én hendelse uten kontor.
    """
    if handling not in (Handling.INNLOGGING, Handling.UTLOGGING):
        raise ValueError(f"Ikke en innloggingshendelse: {handling!r}")
    tilgang = tilgang_for(bruker)
    kontorer: set[Any] = set(tilgang.roller_per_kontor)
    if tilgang.deltaker_personer:
        kontorer |= set(
            Rolletildeling.objects.filter(bruker=bruker, rolle=Rolle.DELTAKER, person__isnull=False).values_list(
                "person__kontor_id", flat=True
            )
        )
    beskrivelse = "Logget inn" if handling == Handling.INNLOGGING else "Logget ut"
    for kontor_id in sorted(kontorer, key=str) or [None]:
        logghendelse_registrer(
            bruker=bruker,
            kontor=None if kontor_id is None else NavKontor(pk=kontor_id),
            handling=handling,
            objekt=bruker,
            beskrivelse=beskrivelse,
            etter=detaljer,
        )

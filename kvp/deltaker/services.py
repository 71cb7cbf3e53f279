"""Skriving for deltakerens KVP: aktiveringslenker, meldinger og varsler. Alt logges i revisjonsloggen."""

import datetime as dt
import hashlib
import json
import secrets
from collections.abc import Iterable
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from kvp.dokument.models import Formaal
from kvp.dokument.services import dokument_last_opp
from kvp.dokument.tilgang import er_deltaker_i, er_kontor_for, sak_for_deltaker_eller_kontor
from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.maalform import mf
from kvp.felles.services import logghendelse_registrer
from kvp.person.models import Person
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker, Rolle, Rolletildeling
from kvp.tilgang.objekter import Handling
from kvp.tilgang.services import rolle_tildel
from kvp.tilgang.tilgang import tilgang_for

from .models import Aktivering, Endringsmelding, Endringstype, Melding, Planaksept, Varsel, Varselvalg
from .sms import sms_backend

VARSELTEKST = "Du har fått noe nytt i KVP. Logg inn for å lese det."
VARSELEMNE = "Nytt i KVP"
MAKS_TEKST = 5000


def _hash(noekkel: str) -> str:
    return hashlib.sha256(noekkel.encode()).hexdigest()


# ---------------------------------------------------------------- aktivering


@transaction.atomic
def aktivering_opprett(*, bruker: Bruker, person_id: UUID, grunnadresse: str) -> Aktivering:
    """KVP-veilederen sender en engangslenke til personens e-post. Eldre ubrukte lenker slutter å virke."""
    person: Person = tilgang.hent(bruker, "aktivering", person_id, Handling.SKRIV)
    if not person.epost:
        raise KvpFeil(
            "Personen har ingen e-postadresse. Legg inn e-postadressen først.",
            felt="epost",
            kode="KVP_AKTIVERING_EPOST",
        )
    naa = timezone.now()
    Aktivering.objects.filter(person=person, brukt__isnull=True, utloeper__gt=naa).update(utloeper=naa)
    noekkel = secrets.token_urlsafe(32)
    aktivering = Aktivering.objects.create(
        person=person,
        noekkel_hash=_hash(noekkel),
        opprettet_av=bruker,
        utloeper=naa + dt.timedelta(hours=settings.KVP_AKTIVERING_GYLDIG_TIMER),
    )
    lenke = grunnadresse.rstrip("/") + reverse("deltaker:aktiver", kwargs={"noekkel": noekkel})
    # E-posten har ingen personopplysninger: bare lenken og hvor lenge den virker.
    tekst = (
        "Hei!\n\nNAV-kontoret ditt har gitt deg tilgang til kvalifiseringsprogrammet (KVP) på nett.\n"
        f"Åpne lenken for å komme i gang. Den virker én gang, i {settings.KVP_AKTIVERING_GYLDIG_TIMER} timer:\n\n"
        f"{lenke}\n\nHar du ikke bedt om dette, kan du se bort fra e-posten.\n"
    )
    transaction.on_commit(lambda: send_mail("Kom i gang med KVP", tekst, settings.DEFAULT_FROM_EMAIL, [person.epost]))
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="OPPRETT",
        objekt=aktivering,
        beskrivelse="Aktiveringslenke sendt på e-post",
        etter={"utloeper": aktivering.utloeper.isoformat()},
    )
    return aktivering


def aktivering_finn(*, noekkel: str) -> Aktivering:
    """En lenke som virker (ikke brukt, ikke utløpt); ellers IkkeFunnet, uten å si hvorfor."""
    aktivering = (
        Aktivering.objects.select_related("person", "person__kontor")
        .filter(noekkel_hash=_hash(noekkel), brukt__isnull=True, utloeper__gt=timezone.now())
        .first()
    )
    if aktivering is None:
        raise IkkeFunnet(
            mf(
                "Lenken virker ikke lenger. Be NAV-kontoret om en ny.",
                "Lenkja verkar ikkje lenger. Be NAV-kontoret om ei ny.",
            )
        )
    return aktivering


@transaction.atomic
def aktivering_bruk(*, noekkel: str, passord: str = "") -> Bruker:
    """Bruker lenken: personen får en deltakerbruker (eller beholder sin), og lenken kan ikke brukes igjen.

    Med passordinnlogging (demo) settes passordet her. I produksjon logger personen inn med ID-porten, som kjenner
    igjen personen på fødselsnummeret gjennom deltakerrollen lenken har gitt.
    """
    aktivering = aktivering_finn(noekkel=noekkel)
    # Lås raden: to samtidige klikk på samme lenke gir bare én bruker.
    aktivering = Aktivering.objects.select_for_update().select_related("person", "person__kontor").get(pk=aktivering.pk)
    if aktivering.brukt is not None:
        raise IkkeFunnet(
            mf(
                "Lenken virker ikke lenger. Be NAV-kontoret om en ny.",
                "Lenkja verkar ikkje lenger. Be NAV-kontoret om ei ny.",
            )
        )
    person = aktivering.person
    tildeling = Rolletildeling.objects.select_related("bruker").filter(rolle=Rolle.DELTAKER, person=person).first()
    if tildeling is not None:
        ny = tildeling.bruker
    else:
        ny = Bruker.objects.create(
            username=f"deltaker-{secrets.token_hex(6)}", first_name=person.fornavn, last_name=person.etternavn
        )
        rolle_tildel(bruker=ny, rolle=Rolle.DELTAKER, person=person, tildelt_av=aktivering.opprettet_av)
    if settings.KVP_PASSORD_INNLOGGING:
        if len(passord) < 12:
            raise KvpFeil(
                mf("Passordet må ha minst 12 tegn.", "Passordet må ha minst 12 teikn."),
                felt="passord",
                kode="KVP_AKTIVERING_PASSORD",
            )
        ny.password = make_password(passord)
    else:
        ny.set_unusable_password()
    ny.save()
    aktivering.brukt = timezone.now()
    aktivering.bruker = ny
    aktivering.save(update_fields=["brukt", "bruker"])
    logghendelse_registrer(
        bruker=ny,
        kontor=person.kontor,
        person=person,
        handling="ENDRE",
        objekt=aktivering,
        beskrivelse="Aktiveringslenke brukt",
    )
    return ny


# ---------------------------------------------------------------- meldinger


@transaction.atomic
def melding_send(
    *, bruker: Bruker, sak_id: UUID, tekst: str, vedlegg: bytes | None = None, vedlegg_navn: str = ""
) -> Melding:
    """Sender en melding i saken, fra deltakeren eller fra kontoret, med et vedlegg om det følger med.

    Meldingen journalføres på saken (revisjonsloggen med saken og personen), og deltakeren varsles når kontoret
    skriver.
    """
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    fra_deltaker = er_deltaker_i(bruker, sak)
    if not fra_deltaker and Rolle.KVP_VEILEDER not in _roller_paa(bruker, sak.kontor_id):
        raise KvpFeil("Bare KVP-veiledere kan svare deltakeren.", kode="KVP_IKKE_TILGANG")
    tekst = tekst.strip()
    if not tekst:
        raise KvpFeil(mf("Skriv en melding.", "Skriv ei melding."), felt="tekst", kode="KVP_MELDING_TOM")
    if len(tekst) > MAKS_TEKST:
        raise KvpFeil(
            mf(f"Meldingen kan være høyst {MAKS_TEKST} tegn.", f"Meldinga kan vere høgst {MAKS_TEKST} teikn."),
            felt="tekst",
            kode="KVP_MELDING_TOM",
        )
    dokument = None
    if vedlegg is not None:
        dokument = dokument_last_opp(
            bruker=bruker, sak_id=sak.pk, innhold=vedlegg, filnavn=vedlegg_navn, formaal=Formaal.VEDLEGG
        )
    melding = Melding.objects.create(sak=sak, fra_deltaker=fra_deltaker, avsender=bruker, tekst=tekst, vedlegg=dokument)
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=melding,
        beskrivelse="Melding fra deltakeren" if fra_deltaker else "Melding fra kontoret",
        etter={"sak": str(sak.pk), "vedlegg": str(dokument.pk) if dokument else None},
    )
    if not fra_deltaker:
        # Et svar betyr at kontoret har lest det deltakeren skrev (oppgaven i «Mine oppgaver» forsvinner).
        Melding.objects.filter(sak=sak, fra_deltaker=True, lest__isnull=True).update(lest=timezone.now())
        varsel_opprett(person=sak.person, grunn="MELDING")
    return melding


def _roller_paa(bruker: Bruker, kontor_id: Any) -> set[str]:
    return set(tilgang_for(bruker).roller_per_kontor.get(kontor_id, frozenset()))


@transaction.atomic
def meldinger_merk_lest(*, bruker: Bruker, sak_id: UUID) -> int:
    """Merker den andre sidens meldinger i saken som lest. Kontoret merker bare når saken er deres å følge opp."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    if er_deltaker_i(bruker, sak):
        fra_deltaker = False
    elif er_kontor_for(bruker, sak) and Rolle.KVP_VEILEDER in _roller_paa(bruker, sak.kontor_id):
        fra_deltaker = True
    else:
        return 0
    return Melding.objects.filter(sak=sak, fra_deltaker=fra_deltaker, lest__isnull=True).update(lest=timezone.now())


# ---------------------------------------------------------------- varsler


@transaction.atomic
def varsel_opprett(*, person: Person, grunn: str) -> list[Varsel]:
    """Legger varsler i kø etter personens valg og sender dem når transaksjonen er lagret.

    Varselet sier bare at noe venter i KVP; aldri hva, aldri beløp, aldri navn.
    """
    varsler = varsler_opprett(person_ider=[person.pk], grunn=grunn)
    ider = [v.pk for v in varsler]
    transaction.on_commit(lambda: [varsel_send(varsel_id=i) for i in ider])
    return varsler


@transaction.atomic
def varsler_opprett(*, person_ider: Iterable[UUID], grunn: str) -> list[Varsel]:
    """Legger varsler i kø for mange personer (en utbetalingsrunde); `manage.py send_varsler` sender dem."""
    # En spørring (QuerySet) brukes som delspørring, så en runde for hele landet ikke sender 100 000 id-er; bare
    # personer med e-post eller telefon kan få varsel, og de hentes i biter.
    ider = person_ider if isinstance(person_ider, QuerySet) else list(person_ider)
    personer = (
        Person.objects.filter(pk__in=ider)
        .exclude(epost="", telefon="")
        .select_related("varselvalg")
        .iterator(chunk_size=2000)
    )
    varsler = []
    for person in personer:
        valg = getattr(person, "varselvalg", None) or Varselvalg(person=person)
        if valg.epost and person.epost:
            varsler.append(Varsel(person=person, kanal="EPOST", grunn=grunn))
        if valg.sms and person.telefon:
            varsler.append(Varsel(person=person, kanal="SMS", grunn=grunn))
    return Varsel.objects.bulk_create(varsler, batch_size=2000)


def _ventetid(forsoek: int) -> dt.timedelta:
    """Ventetiden før neste forsøk etter `forsoek` feilede forsøk: dobles hver gang (5, 10, 20, 40 … minutter)."""
    return dt.timedelta(minutes=settings.KVP_VARSEL_VENTETID_MINUTTER * 2 ** max(0, forsoek - 1))


def varsel_send(*, varsel_id: UUID) -> Varsel:
    """Prøver å sende ett varsel. Feiler det, står feilen og tidspunktet for neste forsøk på varselet, og den
    gjentakende oppgaven `send_varsler` (arbeidsprosessen) prøver igjen med økende ventetid."""
    with transaction.atomic():
        varsel = Varsel.objects.select_for_update().select_related("person").get(pk=varsel_id)
        if varsel.status == Varsel.Status.SENDT:
            return varsel
        varsel.forsoek += 1
        try:
            if varsel.kanal == "EPOST":
                send_mail(VARSELEMNE, VARSELTEKST, settings.DEFAULT_FROM_EMAIL, [varsel.person.epost])
            else:
                sms_backend().send(telefon=varsel.person.telefon, tekst=VARSELTEKST)
        except Exception as feil:
            varsel.status = Varsel.Status.FEILET
            varsel.siste_feil = type(feil).__name__[:200]
            varsel.neste_forsoek = (
                timezone.now() + _ventetid(varsel.forsoek)
                if varsel.forsoek < settings.KVP_VARSEL_MAKS_FORSOEK
                else None
            )
        else:
            varsel.status = Varsel.Status.SENDT
            varsel.sendt = timezone.now()
            varsel.siste_feil = ""
            varsel.neste_forsoek = None
        varsel.save()
        return varsel


def varsler_send_paa_nytt() -> int:
    """Sender varsler som venter, og feilede varsler når ventetiden er over, til forsøkene er brukt opp. Gir antall
    som ble sendt. Kjøres jevnlig av arbeidsprosessen (den gjentakende oppgaven `send_varsler`)."""
    sendt = 0
    naa = timezone.now()
    ventende = Varsel.objects.filter(
        Q(neste_forsoek__isnull=True) | Q(neste_forsoek__lte=naa),
        status__in=(Varsel.Status.VENTER, Varsel.Status.FEILET),
        forsoek__lt=settings.KVP_VARSEL_MAKS_FORSOEK,
    ).values_list("pk", flat=True)
    for varsel_id in list(ventende):
        if varsel_send(varsel_id=varsel_id).status == Varsel.Status.SENDT:
            sendt += 1
    return sendt


def varsler_send_jobb() -> str:
    """Den gjentakende oppgaven (`kvp.jobber.gjentakende`): sender det som venter og gir en kort tekst til loggen."""
    return f"{varsler_send_paa_nytt()} varsler sendt"


@transaction.atomic
def varselvalg_endre(*, bruker: Bruker, person: Person, epost: bool, sms: bool) -> Varselvalg:
    if person.pk not in tilgang_for(bruker).deltaker_personer:
        raise IkkeFunnet("Fant ikke personen.")
    valg, _ = Varselvalg.objects.update_or_create(person=person, defaults={"epost": epost, "sms": sms})
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="ENDRE",
        objekt=valg,
        beskrivelse="Varselvalg endret",
        etter={"epost": epost, "sms": sms},
    )
    return valg


# ---------------------------------------------------------------- planen


def plan_sjekksum(innhold: list[dict[str, Any]]) -> str:
    return hashlib.sha256(json.dumps(innhold, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@transaction.atomic
def plan_godta(*, bruker: Bruker, sak_id: UUID, innhold: list[dict[str, Any]], sjekksum: str) -> Planaksept:
    """Deltakeren godtar planen slik hen så den. `sjekksum` kommer fra skjemaet: er planen endret siden siden ble
    vist, avvises godkjenningen (deltakeren må se den nye planen først)."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    if not er_deltaker_i(bruker, sak):
        raise IkkeFunnet("Fant ikke saken.")
    if not innhold:
        raise KvpFeil(
            mf("Planen har ingen aktiviteter ennå.", "Planen har ingen aktivitetar enno."), kode="KVP_PLAN_ENDRET"
        )
    if plan_sjekksum(innhold) != sjekksum:
        raise KvpFeil(
            mf(
                "Planen er endret siden du åpnet siden. Les den nye planen og godta på nytt.",
                "Planen er endra sidan du opna sida. Les den nye planen og godta på nytt.",
            ),
            kode="KVP_PLAN_ENDRET",
        )
    aksept = Planaksept.objects.create(sak=sak, bruker=bruker, innhold=innhold, sjekksum=sjekksum)
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=aksept,
        beskrivelse="Deltakeren godtok programplanen",
        etter={"sak": str(sak.pk), "sjekksum": sjekksum, "aktiviteter": len(innhold)},
    )
    return aksept


# ---------------------------------------------------------------- endringer


@transaction.atomic
def endring_meld(
    *, bruker: Bruker, sak_id: UUID, type: str, fra_og_med: dt.date, beskrivelse: str = ""
) -> Endringsmelding:
    """Deltakeren melder en endring; den blir en oppgave for kontoret."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    if not er_deltaker_i(bruker, sak):
        raise IkkeFunnet("Fant ikke saken.")
    if type not in Endringstype.values:
        raise KvpFeil(mf("Velg hva som har endret seg.", "Vel kva som har endra seg."), felt="type", kode="KVP_VALG")
    endring = Endringsmelding.objects.create(
        sak=sak, type=type, fra_og_med=fra_og_med, beskrivelse=beskrivelse.strip()[:2000], meldt_av=bruker
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=endring,
        beskrivelse="Deltakeren meldte en endring",
        etter={"type": type, "fra_og_med": fra_og_med.isoformat()},
    )
    return endring


@transaction.atomic
def endring_behandle(*, bruker: Bruker, endring_id: UUID) -> Endringsmelding:
    """KVP-veilederen markerer endringen som behandlet (oppgaven forsvinner fra listen)."""
    kontorer = tilgang_for(bruker).kontorer_med(Rolle.KVP_VEILEDER)
    endring = (
        Endringsmelding.objects.select_for_update()
        .select_related("sak__kontor", "sak__person")
        .filter(pk=endring_id, sak__kontor_id__in=kontorer)
        .first()
    )
    if endring is None:
        raise IkkeFunnet("Fant ikke endringen.")
    if endring.behandlet is None:
        endring.behandlet = timezone.now()
        endring.behandlet_av = bruker
        endring.save(update_fields=["behandlet", "behandlet_av"])
        logghendelse_registrer(
            bruker=bruker,
            kontor=endring.sak.kontor,
            person=endring.sak.person,
            handling="ENDRE",
            objekt=endring,
            beskrivelse="Endringsmelding behandlet",
        )
    return endring

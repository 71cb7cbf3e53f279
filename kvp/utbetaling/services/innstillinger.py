"""Innstillinger: kommunens utbetalingsinnstillinger og deltakerens mottakeropplysninger (konto og skattekort)."""

from decimal import Decimal
from uuid import UUID

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from stdnum.no import kontonr

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.person.models import Person
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Beregningsmodell, Bruker, Kommune
from kvp.tilgang.objekter import Handling
from kvp_regler.belop import har_hoeyst_to_desimaler

from ..models import Mottaker, Utbetalingsoppsett
from .laas import kommune_for_skriving


def _sjekk_kontonummer(kontonummer: str, felt: str = "kontonummer") -> str:
    tall = "".join(kontonummer.split()).replace(".", "")
    if not kontonr.is_valid(tall) or len(tall) != 11:
        raise KvpFeil("Kontonummeret er ikke gyldig. Det skal ha 11 siffer, for eksempel 8601 11 17947.", felt=felt)
    return tall


@transaction.atomic
def kommune_innstillinger_endre(
    *,
    bruker: Bruker,
    kommune_nummer: str,
    utbetalingsdag: int,
    beregningsmodell: str,
    maks_trekk_prosent: int,
    kontonummer: str,
    organisasjonsnummer: str = "",
) -> Kommune:
    """Økonomi endrer kommunens utbetalingsdag, beregningsmodell, største trekk og kontoen det betales fra."""
    kommune = kommune_for_skriving(bruker=bruker, kommune_nummer=kommune_nummer)
    if not 1 <= utbetalingsdag <= 28:
        raise KvpFeil("Utbetalingsdagen må være mellom 1 og 28.", felt="utbetalingsdag")
    if beregningsmodell not in Beregningsmodell.values:
        raise KvpFeil("Velg en av beregningsmodellene.", felt="beregningsmodell")
    if not 0 <= maks_trekk_prosent <= 100:
        raise KvpFeil("Største trekk må være mellom 0 og 100 prosent.", felt="maks_trekk_prosent")
    konto = _sjekk_kontonummer(kontonummer)
    if Mottaker.objects.filter(Q(kontonummer=konto) | Q(nytt_kontonummer=konto), person__kommune=kommune).exists():
        raise KvpFeil(
            "Kontonummeret er registrert som konto for en deltaker. Kommunens konto for utbetalingene må være en "
            "annen.",
            felt="kontonummer",
            kode="KVP_KONTO_ER_KOMMUNENS",
        )
    if organisasjonsnummer and not (
        organisasjonsnummer.isascii() and organisasjonsnummer.isdigit() and len(organisasjonsnummer) == 9
    ):
        raise KvpFeil("Organisasjonsnummeret skal ha 9 siffer.", felt="organisasjonsnummer")
    oppsett = Utbetalingsoppsett.objects.filter(kommune=kommune).first()
    foer = {
        "utbetalingsdag": kommune.utbetalingsdag,
        "beregningsmodell": kommune.beregningsmodell,
        "maks_trekk_prosent": kommune.maks_trekk_prosent,
        "kontonummer": oppsett.kontonummer if oppsett else "",
    }
    kommune.utbetalingsdag = utbetalingsdag
    kommune.beregningsmodell = beregningsmodell
    kommune.maks_trekk_prosent = maks_trekk_prosent
    kommune.save(update_fields=["utbetalingsdag", "beregningsmodell", "maks_trekk_prosent"])
    Utbetalingsoppsett.objects.update_or_create(
        kommune=kommune,
        defaults={"kontonummer": konto, "organisasjonsnummer": organisasjonsnummer, "endret_av": bruker},
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=kommune.nav_kontor,
        handling="ENDRE",
        objekt=kommune,
        beskrivelse="Utbetalingsinnstillinger",
        foer=foer,
        etter={
            "utbetalingsdag": utbetalingsdag,
            "beregningsmodell": beregningsmodell,
            "maks_trekk_prosent": maks_trekk_prosent,
            "kontonummer": konto,
        },
    )
    return kommune


@transaction.atomic
def mottaker_lagre(*, bruker: Bruker, person_id: UUID, kontonummer: str, skattetrekk_prosent: Decimal) -> Mottaker:
    """Økonomi registrerer deltakerens kontonummer og prosenttrekket fra skattekortet.

    Skattetrekket gjelder straks. Et nytt eller endret kontonummer venter på godkjenning av en annen i økonomi
    (`kontonummer.mottaker_kontonummer_godkjenn`) og brukes ikke i noen utbetaling før det er godkjent; å skrive
    inn det godkjente nummeret igjen trekker en endring som venter, tilbake."""
    person: Person = tilgang.hent(bruker, "mottaker", person_id, Handling.SKRIV, relatert=("kontor",))
    konto = _sjekk_kontonummer(kontonummer)
    if Utbetalingsoppsett.objects.filter(kommune_id=person.kommune_id, kontonummer=konto).exists():
        raise KvpFeil(
            "Kontonummeret er kommunens egen konto for utbetalingene. Registrer deltakerens egen konto.",
            felt="kontonummer",
            kode="KVP_KONTO_ER_KOMMUNENS",
        )
    skattetrekk_prosent = Decimal(skattetrekk_prosent)
    if not Decimal(0) <= skattetrekk_prosent <= Decimal(100) or not har_hoeyst_to_desimaler(skattetrekk_prosent):
        raise KvpFeil("Skattetrekket må være en prosent mellom 0 og 100, med høyst to desimaler.", felt="skattetrekk")
    gammel = Mottaker.objects.select_for_update().filter(person=person).first()
    foer = (
        {
            "kontonummer": gammel.kontonummer,
            "nytt_kontonummer": gammel.nytt_kontonummer,
            "skattetrekk_prosent": str(gammel.skattetrekk_prosent),
        }
        if gammel
        else {}
    )
    mottaker = gammel or Mottaker(person=person, kontonummer="")
    mottaker.skattetrekk_prosent = skattetrekk_prosent
    mottaker.endret_av = bruker
    if konto == mottaker.kontonummer:
        mottaker.nytt_kontonummer, mottaker.nytt_kontonummer_av, mottaker.nytt_kontonummer_registrert = "", None, None
    elif konto != mottaker.nytt_kontonummer:
        mottaker.nytt_kontonummer, mottaker.nytt_kontonummer_av = konto, bruker
        mottaker.nytt_kontonummer_registrert = timezone.now()
    mottaker.save()
    logghendelse_registrer(
        bruker=bruker,
        kontor=person.kontor,
        person=person,
        handling="ENDRE" if gammel else "OPPRETT",
        objekt=mottaker,
        beskrivelse="Nytt kontonummer venter på godkjenning" if mottaker.nytt_kontonummer else "",
        foer=foer,
        etter={
            "kontonummer": mottaker.kontonummer,
            "nytt_kontonummer": mottaker.nytt_kontonummer,
            "skattetrekk_prosent": str(skattetrekk_prosent),
        },
    )
    return mottaker

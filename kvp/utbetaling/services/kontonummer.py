"""Godkjenning av deltakerens nye kontonummer (fireøyneprinsippet): den som registrerte det, kan ikke godkjenne det."""

from uuid import UUID

from django.db import transaction

from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Bruker
from kvp.tilgang.objekter import Handling

from ..models import Mottaker, Utbetalingsoppsett
from .laas import kollisjon_som_feil, kommune_laas


@kollisjon_som_feil
@transaction.atomic
def mottaker_kontonummer_godkjenn(*, bruker: Bruker, person_id: UUID) -> Mottaker:
    """En annen i økonomi enn den som registrerte det nye kontonummeret, godkjenner det. Først da brukes det i
    utbetalingene (ved neste simulering, og i en simulert runde når den godkjennes). Revisjonslogges."""
    funnet = tilgang.hent(bruker, "mottaker", person_id, Handling.GODKJENN).kommune_id
    if not Mottaker.objects.filter(person_id=person_id).exists():
        raise IkkeFunnet("Fant ikke personen.")
    kommune_laas(funnet)  # som de andre utbetalingsoperasjonene: ikke midt i en runde som leser kontonumrene
    mottaker = Mottaker.objects.select_for_update().select_related("person__kontor").get(person_id=person_id)
    if not mottaker.nytt_kontonummer:
        raise KvpFeil("Det er ikke noe nytt kontonummer som venter på godkjenning.", kode="KVP_KONTO_INGEN_ENDRING")
    if mottaker.nytt_kontonummer_av_id == bruker.pk:
        raise KvpFeil("Du registrerte kontonummeret selv. En annen i økonomi må godkjenne det.", kode="KVP_FIREOEYNE")
    if Utbetalingsoppsett.objects.filter(kommune_id=funnet, kontonummer=mottaker.nytt_kontonummer).exists():
        raise KvpFeil(
            "Kontonummeret er kommunens egen konto for utbetalingene. Registrer deltakerens egen konto.",
            felt="kontonummer",
            kode="KVP_KONTO_ER_KOMMUNENS",
        )
    foer = {"kontonummer": mottaker.kontonummer, "nytt_kontonummer": mottaker.nytt_kontonummer}
    mottaker.kontonummer = mottaker.nytt_kontonummer
    mottaker.kontonummer_registrert_av_id = mottaker.nytt_kontonummer_av_id
    mottaker.kontonummer_godkjent_av = bruker
    mottaker.nytt_kontonummer, mottaker.nytt_kontonummer_av, mottaker.nytt_kontonummer_registrert = "", None, None
    mottaker.save()
    logghendelse_registrer(
        bruker=bruker,
        kontor=mottaker.person.kontor,
        person=mottaker.person,
        handling="ENDRE",
        objekt=mottaker,
        beskrivelse="Godkjente nytt kontonummer",
        foer=foer,
        etter={"kontonummer": mottaker.kontonummer},
    )
    return mottaker

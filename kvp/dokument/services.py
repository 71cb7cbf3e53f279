"""Skriving av dokumenter: kontroll av filen, lagring gjennom lagrings-API-et og revisjonslogg."""

from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker

from .kontroll import fil_kontroller
from .models import Dokument, Formaal
from .tilgang import sak_for_deltaker_eller_kontor


def les_opplasting(fil: Any) -> bytes:
    """Leser en opplastet fil, men aldri mer enn grensen pluss én byte (resten avvises uansett)."""
    return bytes(fil.read(settings.KVP_DOKUMENT_MAKS_BYTE + 1))


@transaction.atomic
def dokument_last_opp(
    *,
    bruker: Bruker,
    sak_id: Any,
    innhold: bytes,
    filnavn: str,
    formaal: str = Formaal.DOKUMENTASJON,
    beskrivelse: str = "",
) -> Dokument:
    """Tar imot en fil til en sak brukeren er deltaker i, eller saksbehandler for. Filen kontrolleres først."""
    sak = sak_for_deltaker_eller_kontor(bruker=bruker, sak_id=sak_id)
    if formaal not in Formaal.values:
        raise KvpFeil("Ukjent formål.", felt="formaal", kode="KVP_VALG")
    kontrollert = fil_kontroller(innhold=innhold, filnavn=filnavn)
    dokument = Dokument(
        sak=sak,
        filnavn=kontrollert.filnavn,
        innholdstype=kontrollert.innholdstype,
        stoerrelse=len(kontrollert.innhold),
        formaal=formaal,
        beskrivelse=beskrivelse.strip()[:200],
        lastet_opp_av=bruker,
    )
    dokument.fil.save(kontrollert.filnavn, ContentFile(kontrollert.innhold), save=False)
    dokument.save()
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=dokument,
        beskrivelse=f"Dokument lastet opp ({dokument.get_formaal_display()})",
        etter={"sak": str(sak.pk), "type": dokument.innholdstype, "byte": dokument.stoerrelse},
    )
    return dokument

"""Bankens statusrapport (pain.002) for en eksportert runde, og avviste betalinger som sendes på nytt.

* `bankkvittering_les_inn`: godtatte betalinger blir betalt; avviste får bankens årsak (på norsk). Når banken har
  svart endelig på alle betalingene i runden, blir runden bekreftet utbetalt. Samme fil to ganger endrer ingenting.
* avviste betalinger sendes på nytt med neste runde som godkjennes (`paa_nytt.avviste_betalinger_ta_med`).
"""

import hashlib
from dataclasses import dataclass
from uuid import UUID

from django.db import transaction

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker

from ..eksport import ende_til_ende_id, meldings_id
from ..kvittering import Transaksjonsstatus, les_pain002
from ..models import (
    Bankkvittering,
    Betalingsresultat,
    Betalingsstatus,
    Rundestatus,
    Utbetaling,
)
from .godkjenning import _ny_status
from .laas import kollisjon_som_feil, runde_for_skriving


@dataclass(frozen=True)
class Kvitteringsresultat:
    kvittering: Bankkvittering
    betalt: int
    avvist: int
    venter: int
    allerede_lest: bool


def _ugyldig(melding: str) -> KvpFeil:
    return KvpFeil(melding, felt="fil", kode="KVP_KVITTERING_UGYLDIG")


@kollisjon_som_feil
@transaction.atomic
def bankkvittering_les_inn(*, bruker: Bruker, runde_id: UUID, innhold: bytes) -> Kvitteringsresultat:
    """Leser bankens statusrapport for rundens betalingsfil. Hele filen leses og sjekkes før noe lagres."""
    runde = runde_for_skriving(bruker=bruker, runde_id=runde_id)
    if runde.status not in (Rundestatus.EKSPORTERT, Rundestatus.BEKREFTET):
        raise KvpFeil("Runden må være eksportert før bankens kvittering kan leses inn.", kode="KVP_RUNDE_STATUS")
    rapport = les_pain002(innhold)
    sjekksum = hashlib.sha256(innhold).hexdigest()
    tidligere = Bankkvittering.objects.filter(runde=runde, sjekksum=sjekksum).first()
    if tidligere is not None:
        return Kvitteringsresultat(tidligere, tidligere.antall_betalt, tidligere.antall_avvist, 0, allerede_lest=True)
    if rapport.opprinnelig_meldings_id != meldings_id(runde):
        raise _ugyldig(
            f"Kvitteringen gjelder betalingsfilen {rapport.opprinnelig_meldings_id}, ikke denne rundens "
            f"({meldings_id(runde)}). Last opp kvitteringen for riktig runde."
        )
    utbetalinger = {
        ende_til_ende_id(u.pk): u
        for u in Utbetaling.objects.filter(runde=runde, netto__gt=0).select_related("sak__person", "sak__kontor")
    }
    paa_nytt = {
        ende_til_ende_id(r.utbetaling_id, paa_nytt=True): r
        for r in Betalingsresultat.objects.filter(ny_runde=runde).select_related(
            "utbetaling__sak__person", "utbetaling__sak__kontor"
        )
    }
    transaksjoner = rapport.transaksjoner
    if not transaksjoner:
        # Rapport uten enkeltbetalinger: statusen for hele filen gjelder alle betalingene.
        kode, aarsak = rapport.gruppeaarsak
        transaksjoner = [
            Transaksjonsstatus(ende_til_ende_id=ref, status=rapport.gruppestatus, kode=kode, aarsak=aarsak)
            for ref in [*utbetalinger, *paa_nytt]
        ]
    ukjente = [t.ende_til_ende_id for t in transaksjoner if t.ende_til_ende_id not in utbetalinger | paa_nytt]
    if ukjente:
        raise _ugyldig(
            f"Kvitteringen har {len(ukjente)} betaling(er) som ikke er i rundens betalingsfil (første: {ukjente[0]})."
        )
    kvittering = Bankkvittering.objects.create(
        runde=runde, meldings_id=rapport.meldings_id, sjekksum=sjekksum, mottatt_av=bruker
    )
    betalt = avvist = venter = 0
    eksisterende = {r.utbetaling_id: r for r in Betalingsresultat.objects.filter(utbetaling__runde=runde)}
    resultat: Betalingsresultat | None
    for t in transaksjoner:
        if not (t.betalt or t.avvist):
            venter += 1
            continue
        ny_status = Betalingsstatus.BETALT if t.betalt else Betalingsstatus.AVVIST
        if t.ende_til_ende_id in paa_nytt:
            resultat = paa_nytt[t.ende_til_ende_id]
            utbetaling = resultat.utbetaling
            konto = resultat.ny_kontonummer
        else:
            utbetaling = utbetalinger[t.ende_til_ende_id]
            resultat = eksisterende.get(utbetaling.pk)
            konto = utbetaling.kontonummer
            if resultat is not None:
                if resultat.status != ny_status:
                    raise _ugyldig(
                        f"Banken har allerede svart «{resultat.get_status_display().lower()}» for betalingen "
                        f"{t.ende_til_ende_id}; den nye kvitteringen sier noe annet. Kontakt banken."
                    )
                continue
        foer = None if resultat is None else {"status": resultat.status}
        if resultat is None:
            resultat = Betalingsresultat(utbetaling=utbetaling)
        resultat.status = ny_status
        resultat.kode = t.kode if t.avvist else ""
        resultat.aarsak = t.aarsak if t.avvist else ""
        resultat.kontonummer = konto
        resultat.kvittering = kvittering
        if t.avvist:
            resultat.ny_runde = None
            resultat.ny_kontonummer = ""
        resultat.save()
        betalt += t.betalt
        avvist += t.avvist
        logghendelse_registrer(
            bruker=bruker,
            kontor=utbetaling.sak.kontor,
            person=utbetaling.sak.person,
            handling="ENDRE",
            objekt=utbetaling,
            beskrivelse=(
                f"Banken avviste betalingen: {resultat.aarsak}" if t.avvist else "Banken har gjennomført betalingen."
            ),
            foer=foer,
            etter={"status": ny_status, "kode": resultat.kode},
        )
    kvittering.antall_betalt, kvittering.antall_avvist = betalt, avvist
    kvittering.save(update_fields=["antall_betalt", "antall_avvist"])
    besvart = set(
        Betalingsresultat.objects.filter(utbetaling__runde=runde)
        .exclude(status=Betalingsstatus.SENDT_PAA_NYTT)
        .values_list("utbetaling_id", flat=True)
    )
    alle_besvart = all(u.pk in besvart for u in utbetalinger.values()) and all(
        r.status != Betalingsstatus.SENDT_PAA_NYTT for r in paa_nytt.values()
    )
    if alle_besvart and runde.status == Rundestatus.EKSPORTERT:
        _ny_status(runde, bruker, Rundestatus.BEKREFTET, "bekreftet")
    return Kvitteringsresultat(kvittering, betalt, avvist, venter, allerede_lest=False)

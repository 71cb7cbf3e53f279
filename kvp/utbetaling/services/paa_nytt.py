"""Avviste betalinger sendes på nytt: når en runde godkjennes, tas avviste betalinger for kommunens deltakere med i
rundens betalingsfil, men bare for deltakere som har fått et annet godkjent kontonummer enn det banken avviste."""

from django.db import transaction

from kvp.felles.services import logghendelse_registrer
from kvp.tilgang.models import Bruker

from ..models import Betalingsresultat, Betalingsstatus, Mottaker, Utbetalingsrunde


@transaction.atomic
def avviste_betalinger_ta_med(*, bruker: Bruker, runde: Utbetalingsrunde) -> int:
    """Tar med avviste betalinger for kommunens deltakere i `runde` når deltakeren har fått et annet godkjent
    kontonummer. Kalles når runden godkjennes (runden er låst). Gir antall betalinger som sendes på nytt."""
    avviste = list(
        Betalingsresultat.objects.select_for_update(of=("self",))
        .filter(status=Betalingsstatus.AVVIST, utbetaling__runde__kommune_id=runde.kommune_id)
        .select_related("utbetaling__sak__person", "utbetaling__sak__kontor")
    )
    kontoer = dict(
        Mottaker.objects.filter(person_id__in=[r.utbetaling.sak.person_id for r in avviste]).values_list(
            "person_id", "kontonummer"
        )
    )
    antall = 0
    for r in avviste:
        konto = kontoer.get(r.utbetaling.sak.person_id, "")
        if not konto or konto == r.kontonummer:
            continue
        r.status, r.ny_runde, r.ny_kontonummer = Betalingsstatus.SENDT_PAA_NYTT, runde, konto
        r.save(update_fields=["status", "ny_runde", "ny_kontonummer", "endret"])
        antall += 1
        logghendelse_registrer(
            bruker=bruker,
            kontor=r.utbetaling.sak.kontor,
            person=r.utbetaling.sak.person,
            handling="ENDRE",
            objekt=r.utbetaling,
            beskrivelse="Avvist betaling sendes på nytt til det nye kontonummeret.",
            foer={"status": Betalingsstatus.AVVIST},
            etter={"status": Betalingsstatus.SENDT_PAA_NYTT, "runde": str(runde.pk)},
        )
    return antall

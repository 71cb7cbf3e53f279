"""Simulering av utbetalingsrunden: korreksjonene først, så deltakerne i biter, med trekk og skattetrekk fra
`kvp_regler.oppgjoer`.

Utbetalingsrunden kjøres i biter (`bitstoerrelse` deltakere per transaksjon). Hver bit låser runden, finner
deltakerne som ennå ikke er med, beregner og lagrer dem og committer. En runde som blir drept midt i, fullføres av
neste kjøring. Hver transaksjon låser kommuneraden først (`laas.kommune_laas`), så to kjøringer for samme kommune
(samme eller forskjellige måneder), korreksjonene og G-reguleringen venter på hverandre bit for bit, og rundens
status sjekkes på nytt i hver transaksjon. Databasen nekter dessuten en ordinær utbetaling av samme måned to ganger
(`en_ordinaer_utbetaling_per_maaned`).
"""

from collections.abc import Callable

from django.db import transaction
from django.utils import timezone

from kvp.felles.feil import KvpFeil
from kvp.felles.services import logghendelse_registrer
from kvp.oppmoete.grunnlag import maanedsperiode
from kvp.tilgang.models import Bruker
from kvp_regler.parametere import STANDARD, Parametersett

from ..beregning import maanedstekst
from ..models import Rundestatus, Utbetalingsrunde
from .korreksjon import korreksjoner_beregn
from .laas import FORKASTET, kollisjon_som_feil, kommune_for_skriving, kommune_laas
from .runde_bit import beregn_bit, kandidater, mottakere_oppdater, utdaterte_utbetalinger_fjern
from .utbetalingsdato import utbetalingsdato_for


def _laast_runde(runde: Utbetalingsrunde) -> Utbetalingsrunde:
    """Kommunen og så runden, låst. Runden kan ha blitt forkastet mens vi ventet."""
    kommune = kommune_laas(runde.kommune_id)
    laast = Utbetalingsrunde.objects.select_for_update().filter(pk=runde.pk).first()
    if laast is None:
        raise KvpFeil(FORKASTET, kode="KVP_RUNDE_FORKASTET")
    laast.kommune = kommune
    return laast


@kollisjon_som_feil
def utbetalingsrunde_kjoer(
    *,
    bruker: Bruker,
    kommune_nummer: str,
    aar: int,
    maaned: int,
    parametere: Parametersett = STANDARD,
    bitstoerrelse: int = 500,
    etter_bit: Callable[[int], None] | None = None,
) -> Utbetalingsrunde:
    """Simulerer (beregner) månedens utbetalingsrunde for kommunen, eller fullfører en runde som ble avbrutt.

    `bruker` er økonomimedarbeideren som kjører runden (også fra kommandolinjen); hen kan ikke godkjenne den. Kan
    kjøres så mange ganger man
    vil: deltakere som allerede er med, beregnes ikke på nytt (men får kontonummer og skattekort som er registrert
    siden). `etter_bit` kalles etter hver commit (antall nye).
    """
    maanedsperiode(aar, maaned)
    with transaction.atomic():
        kommune = kommune_for_skriving(bruker=bruker, kommune_nummer=kommune_nummer)
        if (aar, maaned) >= (timezone.localdate().year, timezone.localdate().month):
            raise KvpFeil("Stønaden betales etterskuddsvis: velg en måned som er avsluttet.", felt="maaned")
        runde, ny = Utbetalingsrunde.objects.get_or_create(
            kommune=kommune,
            aar=aar,
            maaned=maaned,
            defaults={
                "utbetalingsdato": utbetalingsdato_for(kommune=kommune, aar=aar, maaned=maaned),
                "opprettet_av": bruker,
            },
        )
        if runde.status != Rundestatus.SIMULERT:
            raise KvpFeil(
                f"Runden for {maanedstekst(aar, maaned)} er allerede {runde.get_status_display().lower()}.",
                kode="KVP_RUNDE_LAAST",
            )
        if ny:
            logghendelse_registrer(
                bruker=bruker,
                kontor=kommune.nav_kontor,
                handling="OPPRETT",
                objekt=runde,
                etter={"aar": aar, "maaned": maaned, "utbetalingsdato": runde.utbetalingsdato.isoformat()},
            )
        else:
            logghendelse_registrer(
                bruker=bruker, kontor=kommune.nav_kontor, handling="ENDRE", objekt=runde, beskrivelse="Simulert på nytt"
            )
    with transaction.atomic():
        # Kommunen først, så runden (samme rekkefølge i alle utbetalingsoperasjoner), og statusen på nytt.
        runde = _laast_runde(runde)
        if runde.status != Rundestatus.SIMULERT:
            return runde
        runde.simulert_av.add(bruker)
        if not ny:
            # Ingenting i en simulert runde er betalt: deltakere med endret grunnlag regnes på nytt.
            utdaterte_utbetalinger_fjern(runde)
            mottakere_oppdater(runde, parametere)
        korreksjoner_beregn(kommune=kommune, parametere=parametere, bruker=bruker)
    siste = None  # største sak forrige bit tok med (`kandidater`)
    while True:
        with transaction.atomic():
            runde = _laast_runde(runde)
            if runde.status != Rundestatus.SIMULERT:
                return runde
            neste = kandidater(runde, bitstoerrelse, etter=siste)
            if not neste:
                if not runde.ferdig:
                    runde.ferdig = True
                    runde.save(update_fields=["ferdig"])
                return runde
            runde.ferdig = False
            runde.save(update_fields=["ferdig"])
            nye = beregn_bit(runde, neste, parametere)
            if nye != len(neste):  # hver kandidat skal gi en utbetaling (og `siste` hoppe over bare de som er med)
                raise KvpFeil("Utbetalingsrunden kom ikke videre. Kontakt brukerstøtte.", kode="KVP_RUNDE_STOPPET")
            siste = neste[-1]
        if etter_bit is not None:
            etter_bit(nye)

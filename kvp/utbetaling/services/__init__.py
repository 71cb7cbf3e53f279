"""Skriving for utbetalingen, én modul per bruksområde:

* `innstillinger`: kommunens utbetalingsinnstillinger og deltakerens konto og skattekort;
* `utbetalingsdato`: utbetalingsdagen flyttet til forrige bankdag (og fram til i dag når den er passert);
* `simulering` og `runde_bit`: utbetalingsrunden, kjørt i biter (trekk og skatt regnes i `kvp_regler.oppgjoer`);
* `godkjenning`: godkjenning (fireøyne), eksport og bekreftelse av runden;
* `kvittering`: bankens statusrapport (pain.002): betalt eller avvist med årsak;
* `paa_nytt`: avviste betalinger sendes på nytt med neste runde når kontonummeret er rettet;
* `forkast`: forkasting av en simulert runde, så måneden kan simuleres på nytt;
* `korreksjon`: betalte måneder beregnet på nytt etter endret grunnlag;
* `g_regulering`: betalte måneder beregnet på nytt med ny G;
* `tilbakekreving`: forslag og vedtak om tilbakekreving, og krav når den ikke kan trekkes;
* `kontonummer`: godkjenning av deltakerens nye kontonummer (fireøyne);
* `laas`: henting av objekter for skriving (låst, med tilgangssjekk).

Navnene under kan fortsatt importeres fra `kvp.utbetaling.services`.
"""

from .forkast import utbetalingsrunde_forkast
from .g_regulering import grunnbeloep_reguler
from .godkjenning import utbetalingsrunde_bekreft, utbetalingsrunde_eksporter, utbetalingsrunde_godkjenn
from .innstillinger import kommune_innstillinger_endre, mottaker_lagre
from .kontonummer import mottaker_kontonummer_godkjenn
from .korreksjon import korreksjoner_beregn
from .kvittering import Kvitteringsresultat, bankkvittering_les_inn
from .simulering import utbetalingsrunde_kjoer
from .tilbakekreving import tilbakekreving_foreslaa, tilbakekreving_vedta, tilbakekrevinger_til_krav
from .utbetalingsdato import (
    er_bankdag,
    neste_bankdag,
    utbetalingsdato_flyttet_tekst,
    utbetalingsdato_for,
    utbetalingsdato_tidligst,
)

__all__ = [
    "Kvitteringsresultat",
    "bankkvittering_les_inn",
    "er_bankdag",
    "grunnbeloep_reguler",
    "kommune_innstillinger_endre",
    "korreksjoner_beregn",
    "mottaker_kontonummer_godkjenn",
    "mottaker_lagre",
    "neste_bankdag",
    "tilbakekreving_foreslaa",
    "tilbakekreving_vedta",
    "tilbakekrevinger_til_krav",
    "utbetalingsdato_flyttet_tekst",
    "utbetalingsdato_for",
    "utbetalingsdato_tidligst",
    "utbetalingsrunde_bekreft",
    "utbetalingsrunde_eksporter",
    "utbetalingsrunde_forkast",
    "utbetalingsrunde_godkjenn",
    "utbetalingsrunde_kjoer",
]

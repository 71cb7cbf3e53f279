"""Skriving av oppmøte, lønnet arbeid, andre ytelser og attestering, én modul per handling.

* `registrering`: oppmøte for en dag, en uke eller en periode, en hel måned for mange deltakere, og sletting av
  registrert oppmøte med en grunn.
* `egenmelding`: deltakerens egen melding om sykefravær.
* `arbeid_og_ytelse`: lønnet arbeid og andre ytelser, og sletting av en feilregistrert periode.
* `attestering`: KVP-veilederen godkjenner en måned, som da låses for utbetalingen.
* `korreksjon`: en endring i en attestert måned krever en grunn; korreksjonen lagres (`Oppmoetekorreksjon`),
  logges, øker `Maanedsattestering.versjon` og setter `sist_korrigert` i samme transaksjon som endringen, slik at
  utbetalingen ser at måneden må beregnes på nytt.

Navnene under importeres herfra (`from kvp.oppmoete import services`).
"""

from .arbeid_og_ytelse import annen_ytelse_registrer, arbeidsperiode_registrer, registrering_slett
from .attestering import maaned_attester
from .egenmelding import egenmelding_registrer
from .felles import MAKS_DAGER_PER_REGISTRERING, ROLLER_SOM_REGISTRERER
from .korreksjon import attesterte_maaneder_korriger_etter_vedtak
from .registrering import oppmoete_registrer, oppmoete_registrer_mange, oppmoete_slett

__all__ = [
    "MAKS_DAGER_PER_REGISTRERING",
    "ROLLER_SOM_REGISTRERER",
    "annen_ytelse_registrer",
    "arbeidsperiode_registrer",
    "attesterte_maaneder_korriger_etter_vedtak",
    "egenmelding_registrer",
    "maaned_attester",
    "oppmoete_registrer",
    "oppmoete_registrer_mange",
    "oppmoete_slett",
    "registrering_slett",
]

"""Vedtak sine importer fra andre domeneapper, samlet ett sted.

Her står de to løkkene som skal brytes (vedtak ↔ brev og vedtak ↔ oppmøte): fattede vedtak lager vedtaksbrevet,
og vedtak som endrer stønaden, gjør attesterte måneder til korreksjoner. Ingen annen modul i `kvp.vedtak.services`
importerer fra `kvp.brev` eller `kvp.oppmoete`.
"""

from kvp.brev.services import vedtaksbrev_lag
from kvp.oppmoete.services import attesterte_maaneder_korriger_etter_vedtak

__all__ = ["attesterte_maaneder_korriger_etter_vedtak", "vedtaksbrev_lag"]

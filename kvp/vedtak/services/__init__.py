"""Skriving: vilkårsvurdering, vedtak med totrinnskontroll (utkast → beslutter → fattet/returnert) og oppstart.

Reglene for hvem som får gjøre hva håndheves her, ikke i visningene: bare en KVP-veileder ved sakens kontor
skriver utkast, bare en beslutter ved kontoret fatter eller returnerer, og beslutteren kan aldri være den som
har skrevet eller endret vedtaket. Et fattet vedtak kan ikke endres.

Én modul per bruksområde:

* `vilkaarsvurdering` – inngangsvilkårene (§ 29)
* `utkast` – opprette og endre et vedtak; `validering` – kontrollen mot saken og reglene
* `totrinn` – sende til beslutter, returnere og fatte (fire øyne), og hva vedtaket gjør med saken
* `iverksetting` – oppstart av programmet
* `forhaandsvarsel` – forhåndsvarsel (fvl. § 16) før stans, avslutning og tilbakekreving
* `tilbakekreving` – tilbakekrevingsvedtaket fra utbetalingen
* `_felles` – tilgang, låsing og historikk
"""

from ._felles import TYPER_FOR_STATUS, VEDTAKSFELTER, sak_er_aktiv
from .forhaandsvarsel import (
    forhaandsvarsel_avgjoer,
    forhaandsvarsel_klar,
    forhaandsvarsel_send,
    forhaandsvarsel_send_for_tilbakekreving,
    forhaandsvarsel_svar_registrer,
    krever_forhaandsvarsel,
)
from .iverksetting import program_iverksett
from .tilbakekreving import tilbakekrevingsvedtak_fatt
from .totrinn import skrivere, vedtak_fatt, vedtak_returner, vedtak_send_til_beslutter
from .utkast import vedtak_endre, vedtak_opprett
from .vilkaarsvurdering import vilkaarsvurdering_lagre

__all__ = [
    "TYPER_FOR_STATUS",
    "VEDTAKSFELTER",
    "forhaandsvarsel_avgjoer",
    "forhaandsvarsel_klar",
    "forhaandsvarsel_send",
    "forhaandsvarsel_send_for_tilbakekreving",
    "forhaandsvarsel_svar_registrer",
    "krever_forhaandsvarsel",
    "program_iverksett",
    "sak_er_aktiv",
    "skrivere",
    "tilbakekrevingsvedtak_fatt",
    "vedtak_endre",
    "vedtak_fatt",
    "vedtak_opprett",
    "vedtak_returner",
    "vedtak_send_til_beslutter",
    "vilkaarsvurdering_lagre",
]

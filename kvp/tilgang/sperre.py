"""Innloggingssperren (django-axes): klientens adresse bak proxy, grenser mot passordspraying, maskerte brukernavn.

* `klientadresse`: bak `KVP_PROXY_ANTALL` betrodde proxyer er klienten det leddet den ytterste proxyen la til i
  X-Forwarded-For, altså det `KVP_PROXY_ANTALL`-te fra høyre. Ledd lenger til venstre kan klienten ha skrevet selv og
  brukes aldri. Uten proxy (0) er det `REMOTE_ADDR`.
* `SperreHandler`: én grense per kombinasjon i `AXES_LOCKOUT_PARAMETERS` (`KVP_SPERRE_GRENSER`, samme rekkefølge):
  brukernavn fra én adresse, alle brukernavn fra én adresse (spraying) og ett brukernavn fra alle adresser.
* `sperre_brukernavn`: brukernavn som ligner et fødselsnummer lagres aldri i klartekst i sperrepostene.
* Et mislykket forsøk uten brukernavn (en avbrutt eller forfalsket OpenID Connect-innlogging der vi ikke vet hvem det
  gjaldt) teller bare mot adressens grense: grensene med brukernavn hopper over det, ellers ville alle slike forsøk
  fra alle adresser telle som ett «brukernavn», og en vellykket innlogging nullstiller dem aldri.
"""

import hashlib
import hmac
import ipaddress
import re
from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.http import HttpRequest

from kvp.felles.logging import masker_tekst

_FNR_LIGNENDE = re.compile(r"^\s*\d{6}[\s.-]?\d{5}\s*$")


def _gyldig_adresse(tekst: str) -> str | None:
    try:
        return str(ipaddress.ip_address(tekst.strip()))
    except ValueError:
        return None


def klientadresse(request: HttpRequest) -> str | None:
    """Klientens IP-adresse slik de betrodde proxyene så den (se modulens docstring)."""
    fjern = request.META.get("REMOTE_ADDR")
    antall: int = settings.KVP_PROXY_ANTALL
    if antall <= 0:
        return fjern
    ledd = [d.strip() for d in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if d.strip()]
    if len(ledd) < antall:
        return fjern
    return _gyldig_adresse(ledd[-antall]) or fjern


def maskert_brukernavn(brukernavn: str) -> str:
    """Et brukernavn som ligner et fødselsnummer blir «ddmmåå*****#<nøkkelhash>»; andre brukernavn er uendret.

    Hashen (HMAC med SECRET_KEY) skiller ulike fødselsnumre med samme dato, så sperren treffer riktig brukernavn.
    """
    if not _FNR_LIGNENDE.match(brukernavn):
        return brukernavn
    sifre = re.sub(r"\D", "", brukernavn)
    merke = hmac.new(settings.SECRET_KEY.encode(), sifre.encode(), hashlib.sha256).hexdigest()[:12]
    return f"{masker_tekst(sifre)}#{merke}"


def sperre_brukernavn(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str | None:
    """AXES_USERNAME_CALLABLE: brukernavnet fra skjemaet, maskert om det ligner et fødselsnummer."""
    brukernavn = (credentials or {}).get("username")
    if brukernavn is None and request is not None:
        brukernavn = request.POST.get("username")
    if brukernavn is None:
        return None
    return maskert_brukernavn(str(brukernavn))


class SperreHandler(AxesDatabaseHandler):  # type: ignore[misc]
    def get_failures(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """Feilene omregnet til skalaen til AXES_FAILURE_LIMIT: sperret når én kombinasjon har nådd sin grense."""
        grunnlag: int = settings.AXES_FAILURE_LIMIT
        grenser: list[int] = settings.KVP_SPERRE_GRENSER
        parametre: list[Any] = settings.AXES_LOCKOUT_PARAMETERS
        uten_brukernavn = sperre_brukernavn(request, credentials) is None
        verste = 0
        for parameter, grense, forsoek in zip(
            parametre, grenser, self.get_user_attempts(request, credentials), strict=True
        ):
            if uten_brukernavn and "username" in ([parameter] if isinstance(parameter, str) else parameter):
                continue
            antall = sum(forsoek.values_list("failures_since_start", flat=True))
            verste = max(verste, antall * grunnlag // grense)
        return verste

    def reset_user_attempts(self, request: HttpRequest, credentials: dict[str, Any] | None = None) -> int:
        """Vellykket innlogging nullstiller bare brukerens egne feil, ikke adressens feil på andre brukernavn
        (ellers kunne en som sprayer passord nullstille adressen ved å logge inn på sin egen konto)."""
        brukernavn = sperre_brukernavn(request, credentials)
        if brukernavn is None:  # aldri «alle forsøk uten brukernavn»
            return 0
        antall: int = AccessAttempt.objects.filter(username=brukernavn).delete()[0]
        return antall

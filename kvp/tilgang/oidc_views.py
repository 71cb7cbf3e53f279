"""Innlogging med OpenID Connect: send brukeren til innloggingstjenesten, og ta imot svaret (se `oidc.py`).

Hvert mislykket svar (feil fra tjenesten, avbrutt innlogging, ukjent tilstand, ukjent bruker, for lavt nivå) teller i
innloggingssperren (django-axes, `sperre.py`) som et feil passord: med brukerens identitet når tjenesten sendte den,
ellers bare mot adressen. En sperret adresse eller identitet slipper ikke inn, heller ikke med en gyldig innlogging.
"""

import logging
from typing import Any
from urllib.parse import urlsplit

from authlib.common.errors import AuthlibBaseError
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.signals import user_login_failed
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET
from requests import RequestException

from kvp.felles.feil import IkkeTilgang
from kvp.felles.models import Handling

from . import oidc
from .services import innlogging_logg

logger = logging.getLogger(__name__)

_NESTE = "kvp_oidc_neste"


def _feil(request: HttpRequest, melding: str, status: int) -> HttpResponse:
    return render(
        request,
        "tilgang/oidc_feil.html",
        {"melding": melding, "innlogging_url": reverse("tilgang:logg_inn")},
        status=status,
    )


def _sperret(request: HttpRequest, identitet: str | None = None) -> HttpResponse | None:
    """Sperresiden når adressen (eller identiteten) er sperret, ellers None."""
    legitimasjon = {"username": identitet} if identitet else {}
    if AxesProxyHandler.is_allowed(request, legitimasjon):
        return None
    svar: HttpResponse = get_lockout_response(request, None, legitimasjon)
    return svar


def _mislykket(request: HttpRequest, melding: str, status: int, identitet: str | None = None) -> HttpResponse:
    """Registrerer forsøket i sperren (som et feil passord) og viser feilen; sperremellomvaren gjør svaret om til
    sperresiden når grensen er nådd."""
    legitimasjon = {"username": identitet} if identitet else {}
    user_login_failed.send(sender=__name__, credentials=legitimasjon, request=request)
    return _feil(request, melding, status)


def _identitet(t: oidc.Innloggingstjeneste, paastander: Any) -> str | None:
    verdi = paastander.get(t.brukerpaastand) if hasattr(paastander, "get") else None
    return verdi.strip() if isinstance(verdi, str) and verdi.strip() else None


@login_not_required
@require_GET
def oidc_start(request: HttpRequest, tjeneste: str) -> HttpResponse:
    """Send brukeren til innloggingstjenesten (autorisasjonskode med PKCE, state og nonce i økten)."""
    t = oidc.tjeneste(tjeneste)
    if t is None:
        raise Http404
    if (sperret := _sperret(request)) is not None:
        return sperret
    neste = request.GET.get("next", "")
    if neste and url_has_allowed_host_and_scheme(
        neste, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        request.session[_NESTE] = neste
    svar_url = request.build_absolute_uri(reverse("tilgang:oidc_svar", kwargs={"tjeneste": t.navn}))
    ekstra = {"acr_values": t.acr_values} if t.acr_values else {}
    try:
        svar: HttpResponse = oidc.klient(t).authorize_redirect(request, svar_url, **ekstra)
    except (AuthlibBaseError, RequestException, ValueError):
        logger.warning("Innloggingstjenesten %s svarte ikke på discovery", t.navn, exc_info=True)
        return _feil(request, "Innloggingstjenesten svarer ikke nå. Prøv igjen om litt.", 503)
    return svar


def _token(request: HttpRequest, t: oidc.Innloggingstjeneste) -> Any:
    """Tokenet (med påstandene i `userinfo`) fra tjenestens svar, eller feilsiden (forsøket er da registrert i
    sperren)."""
    if request.GET.get("error"):
        return _mislykket(request, "Innloggingen ble avbrutt. Prøv igjen.", 400)
    try:
        token = oidc.klient(t).authorize_access_token(request)
    except (AuthlibBaseError, RequestException, ValueError, KeyError):
        logger.warning("Ugyldig svar fra innloggingstjenesten %s", t.navn, exc_info=True)
        return _mislykket(request, "Innloggingen kunne ikke fullføres. Start innloggingen på nytt.", 400)
    if not token.get("userinfo"):
        return _mislykket(request, "Innloggingstjenesten sendte ikke hvem du er. Start innloggingen på nytt.", 400)
    return token


@login_not_required
@require_GET
def oidc_svar(request: HttpRequest, tjeneste: str) -> HttpResponse:
    """Ta imot svaret: sjekk tokenet, finn brukeren, sjekk sikkerhetsnivået og logg inn."""
    t = oidc.tjeneste(tjeneste)
    if t is None:
        raise Http404
    if (sperret := _sperret(request)) is not None:
        return sperret
    token = _token(request, t)
    if isinstance(token, HttpResponse):
        return token
    paastander = token["userinfo"]
    identitet = _identitet(t, paastander)
    if identitet and (sperret := _sperret(request, identitet)) is not None:
        return sperret
    try:
        bruker = oidc.bruker_fra_paastander(t, paastander)
        acr, amr = oidc.nivaa_fra_paastander(paastander)
        oidc.sjekk_nivaa(bruker, acr, amr)
    except IkkeTilgang as feil:
        return _mislykket(request, feil.melding, 403, identitet)
    neste = request.session.pop(_NESTE, "")
    login(request, bruker, backend="django.contrib.auth.backends.ModelBackend")
    detaljer = {"metode": f"OpenID Connect ({t.tekst})", "acr": acr, "amr": amr}
    request.session[oidc.OEKT_NOEKKEL] = {"tjeneste": t.navn, "acr": acr, "amr": amr}
    # ID-tokenet trengs ved utlogging hos tjenesten (id_token_hint); det ligger bare i økten på serveren.
    if isinstance(token.get("id_token"), str):
        request.session[oidc.ID_TOKEN_NOEKKEL] = token["id_token"]
    innlogging_logg(bruker=bruker, handling=Handling.INNLOGGING, detaljer=detaljer)
    return HttpResponseRedirect(neste or resolve_url("felles:forside"))


@login_not_required
@require_GET
def oidc_logg_ut(request: HttpRequest) -> HttpResponse:
    """Utlogging hos innloggingstjenesten (OpenID Connect RP-Initiated Logout) etter at økten i KVP er avsluttet.

    Siden har et skjema som sendes med POST til tjenestens `end_session_endpoint`, med `id_token_hint`,
    `post_logout_redirect_uri` og `client_id`: ID-tokenet (med fødselsnummeret for ID-porten) havner aldri i en URL.
    Nettleseren sender skjemaet selv (eget skript, CSP `script-src 'self'`); uten skript trykker brukeren på knappen.
    Uten en utlogging å fullføre, eller når tjenesten ikke har endepunktet, går brukeren til innloggingssiden.
    """
    data = request.session.pop(oidc.UTLOGGING_NOEKKEL, None)
    t = oidc.tjeneste(data.get("tjeneste", "")) if isinstance(data, dict) else None
    if t is None or not isinstance(data, dict) or not data.get("id_token"):
        return HttpResponseRedirect(resolve_url(settings.LOGOUT_REDIRECT_URL))
    try:
        endepunkt = oidc.klient(t).load_server_metadata().get("end_session_endpoint")
    except (AuthlibBaseError, RequestException, ValueError):
        logger.warning("Innloggingstjenesten %s svarte ikke på discovery ved utlogging", t.navn, exc_info=True)
        endepunkt = None
    if not isinstance(endepunkt, str) or not endepunkt.startswith(("https://", "http://")):
        return HttpResponseRedirect(resolve_url(settings.LOGOUT_REDIRECT_URL))
    svar = render(
        request,
        "tilgang/oidc_logg_ut.html",
        {
            "endepunkt": endepunkt,
            "tjeneste": t,
            "id_token_hint": data["id_token"],
            "tilbake": request.build_absolute_uri(resolve_url(settings.LOGOUT_REDIRECT_URL)),
        },
    )
    deler = urlsplit(endepunkt)
    svar._csp_update = {"form-action": [f"{deler.scheme}://{deler.netloc}"]}  # type: ignore[attr-defined]
    return svar

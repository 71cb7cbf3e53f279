"""Innlogging med OpenID Connect: send brukeren til innloggingstjenesten, og ta imot svaret (se `oidc.py`)."""

import logging

from authlib.common.errors import AuthlibBaseError
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
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


@login_not_required
@require_GET
def oidc_start(request: HttpRequest, tjeneste: str) -> HttpResponse:
    """Send brukeren til innloggingstjenesten (autorisasjonskode med PKCE, state og nonce i økten)."""
    t = oidc.tjeneste(tjeneste)
    if t is None:
        raise Http404
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


@login_not_required
@require_GET
def oidc_svar(request: HttpRequest, tjeneste: str) -> HttpResponse:
    """Ta imot svaret: sjekk tokenet, finn brukeren, sjekk sikkerhetsnivået og logg inn."""
    t = oidc.tjeneste(tjeneste)
    if t is None:
        raise Http404
    if request.GET.get("error"):
        return _feil(request, "Innloggingen ble avbrutt. Prøv igjen.", 400)
    try:
        token = oidc.klient(t).authorize_access_token(request)
    except (AuthlibBaseError, RequestException, ValueError, KeyError):
        logger.warning("Ugyldig svar fra innloggingstjenesten %s", t.navn, exc_info=True)
        return _feil(request, "Innloggingen kunne ikke fullføres. Start innloggingen på nytt.", 400)
    paastander = token.get("userinfo")
    if not paastander:
        return _feil(request, "Innloggingstjenesten sendte ikke hvem du er. Start innloggingen på nytt.", 400)
    try:
        bruker = oidc.bruker_fra_paastander(t, paastander)
        acr, amr = oidc.nivaa_fra_paastander(paastander)
        oidc.sjekk_nivaa(bruker, acr, amr)
    except IkkeTilgang as feil:
        return _feil(request, feil.melding, 403)
    neste = request.session.pop(_NESTE, "")
    login(request, bruker, backend="django.contrib.auth.backends.ModelBackend")
    detaljer = {"metode": f"OpenID Connect ({t.tekst})", "acr": acr, "amr": amr}
    request.session[oidc.OEKT_NOEKKEL] = {"tjeneste": t.navn, "acr": acr, "amr": amr}
    innlogging_logg(bruker=bruker, handling=Handling.INNLOGGING, detaljer=detaljer)
    return HttpResponseRedirect(neste or resolve_url("felles:forside"))

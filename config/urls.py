"""Alle URL-er. Alt unntatt innlogging krever innlogget bruker (kvp.tilgang.middleware)."""

from django.contrib.auth.decorators import login_not_required
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache

from kvp.api.endepunkter import api, ikke_funnet

# API-et har egne tokener (kvp.api), ikke innlogging: alle adressene under /api/v1/ slipper forbi innloggingskravet.
_api_moenstre, _api_app, _api_ns = api.urls
for _m in _api_moenstre:
    # Svarene kan ha personopplysninger: aldri lagret i mellomlager (Cache-Control: no-store).
    _m.callback = login_not_required(never_cache(_m.callback))  # type: ignore[type-var]

urlpatterns = [
    path("", include("kvp.felles.urls")),
    path("oppgaver/", include("kvp.arbeidsflate.urls")),
    path("", include("kvp.tilgang.urls")),
    path("personer/", include("kvp.person.urls")),
    path("", include("kvp.soeknad.urls")),
    path("saker/", include("kvp.sak.urls")),
    path("utbetaling/", include("kvp.utbetaling.urls")),
    path("jobber/", include("kvp.jobber.urls")),
    path("vedtak/", include("kvp.vedtak.urls")),
    path("brev/", include("kvp.brev.urls")),
    path("plan/", include("kvp.plan.urls")),
    path("oppmoete/", include("kvp.oppmoete.urls")),
    path("personvern/", include("kvp.personvern.urls")),
    path("api/v1/", include((_api_moenstre, _api_app), namespace=_api_ns)),
    re_path(r"^api/v1/", login_not_required(ikke_funnet)),
    path("api/", include("kvp.api.urls")),
    path("", include("kvp.tilsyn.urls")),
    path("klage/", include("kvp.klage.urls")),
    path("statistikk/", include("kvp.statistikk.urls")),
    path("", include("kvp.deltaker.urls")),
    path("dokumenter/", include("kvp.dokument.urls")),
]

handler400 = "kvp.felles.views.feil_400"
handler403 = "kvp.felles.views.feil_403"
handler404 = "kvp.felles.views.feil_404"
handler500 = "kvp.felles.views.feil_500"

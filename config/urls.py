"""Alle URL-er. Alt unntatt innlogging krever innlogget bruker (kvp.tilgang.middleware)."""

from django.urls import include, path

urlpatterns = [
    path("", include("kvp.felles.urls")),
    path("", include("kvp.tilgang.urls")),
    path("personer/", include("kvp.person.urls")),
    path("", include("kvp.soeknad.urls")),
    path("saker/", include("kvp.sak.urls")),
    path("utbetaling/", include("kvp.utbetaling.urls")),
    path("vedtak/", include("kvp.vedtak.urls")),
    path("brev/", include("kvp.brev.urls")),
    path("plan/", include("kvp.plan.urls")),
    path("oppmoete/", include("kvp.oppmoete.urls")),
    path("statistikk/", include("kvp.statistikk.urls")),
]

handler400 = "kvp.felles.views.feil_400"
handler403 = "kvp.felles.views.feil_403"
handler404 = "kvp.felles.views.feil_404"
handler500 = "kvp.felles.views.feil_500"

from django.urls import path

from . import brukere_views, oidc_views, views

app_name = "tilgang"
urlpatterns = [
    path("logg-inn/", views.LoggInnView.as_view(), name="logg_inn"),
    path("logg-inn/oidc/<slug:tjeneste>/", oidc_views.oidc_start, name="oidc_start"),
    path("logg-inn/oidc/<slug:tjeneste>/svar/", oidc_views.oidc_svar, name="oidc_svar"),
    path("brukere/", brukere_views.liste, name="brukere"),
    path("brukere/ny/", brukere_views.ny, name="bruker_ny"),
    path("brukere/roller/gi/", brukere_views.rolle_gi, name="rolle_gi"),
    path("brukere/<int:bruker_id>/roller/ta/", brukere_views.rolle_ta, name="rolle_ta"),
    path("brukere/<int:bruker_id>/deaktiver/", brukere_views.deaktiver, name="bruker_deaktiver"),
    path("logg-ut/", views.LoggUtView.as_view(), name="logg_ut"),
    path("logg-ut/oidc/", oidc_views.oidc_logg_ut, name="oidc_logg_ut"),
]

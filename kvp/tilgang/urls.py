from django.urls import path

from . import oidc_views, views

app_name = "tilgang"
urlpatterns = [
    path("logg-inn/", views.LoggInnView.as_view(), name="logg_inn"),
    path("logg-inn/oidc/<slug:tjeneste>/", oidc_views.oidc_start, name="oidc_start"),
    path("logg-inn/oidc/<slug:tjeneste>/svar/", oidc_views.oidc_svar, name="oidc_svar"),
    path("logg-ut/", views.LoggUtView.as_view(), name="logg_ut"),
]

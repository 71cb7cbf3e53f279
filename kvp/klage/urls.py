from django.urls import path

from . import views

app_name = "klage"
urlpatterns = [
    path("", views.liste, name="liste"),
    path("statsforvalter/", views.statsforvalter, name="statsforvalter"),
    path("oversikt/", views.oversikt, name="oversikt"),
    path("vedtak/<uuid:vedtak_id>/ny/", views.ny_fra_deltaker, name="ny"),
    path("sak/<uuid:sak_id>/ny/", views.ny_fra_kontoret, name="ny_kontor"),
    path("<uuid:klage_id>/", views.detalj, name="detalj"),
    path("<uuid:klage_id>/formkrav/", views.formkrav, name="formkrav"),
    path("<uuid:klage_id>/mangler/", views.mangler, name="mangler"),
    path("<uuid:klage_id>/avvis/", views.avvis, name="avvis"),
    path("<uuid:klage_id>/vurder/", views.vurder, name="vurder"),
    path("<uuid:klage_id>/merknad/", views.merknad, name="merknad"),
    path("<uuid:klage_id>/behandle/", views.ta_under_behandling, name="ta_under_behandling"),
    path("<uuid:klage_id>/avgjoer/", views.avgjoer, name="avgjoer"),
    path("<uuid:klage_id>/saksdokumenter/", views.saksdokumenter, name="saksdokumenter"),
    path("<uuid:klage_id>/dokument/<uuid:dokument_id>/", views.dokument, name="dokument"),
    path("<uuid:klage_id>/brev/<uuid:klagebrev_id>/", views.brev, name="brev"),
]

from django.urls import path

from . import views

app_name = "tilsyn"
urlpatterns = [
    path("tilsyn/", views.liste, name="liste"),
    path("tilsyn/nytt/", views.ny, name="ny"),
    path("tilsyn/<uuid:tilsyn_id>/", views.detalj, name="detalj"),
    path("tilsyn/<uuid:tilsyn_id>/utvalg/", views.utvalg, name="utvalg"),
    path("tilsyn/<uuid:tilsyn_id>/saker/<uuid:sak_id>/", views.sak, name="sak"),
    path("tilsyn/<uuid:tilsyn_id>/kontrollpunkt/<int:kontrollpunkt_id>/", views.vurder, name="vurder"),
    path("tilsyn/<uuid:tilsyn_id>/bekreft-forslag/", views.bekreft_forslag, name="bekreft_forslag"),
    path("tilsyn/<uuid:tilsyn_id>/funn/", views.funn, name="funn"),
    path("tilsyn/<uuid:tilsyn_id>/funn/<int:funn_id>/slett/", views.funn_slett, name="funn_slett"),
    path("tilsyn/<uuid:tilsyn_id>/rapport/", views.rapport, name="rapport"),
    path("tilsyn/<uuid:tilsyn_id>/rapport.pdf", views.rapport_pdf, name="rapport_pdf"),
    path("tilsyn/<uuid:tilsyn_id>/tiltak/", views.tiltak, name="tiltak"),
    path("tilsyn/<uuid:tilsyn_id>/avgjoer/", views.avgjoer, name="avgjoer"),
    path("rettleiing/", views.rettleiing_liste, name="rettleiing_liste"),
    path("rettleiing/ny/", views.rettleiing_ny, name="rettleiing_ny"),
    path("rettleiing/<uuid:rettleiing_id>/", views.rettleiing, name="rettleiing"),
    path("rettleiing/<uuid:rettleiing_id>/lest/", views.rettleiing_lest, name="rettleiing_lest"),
]

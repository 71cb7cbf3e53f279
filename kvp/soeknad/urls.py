from django.urls import path

from . import views

app_name = "soeknad"
urlpatterns = [
    path("kartlegging/ny/<uuid:person_id>/", views.kartlegging_ny, name="kartlegging_ny"),
    path("kartlegging/<uuid:kartlegging_id>/", views.kartlegging, name="kartlegging"),
    path("kartlegging/<uuid:kartlegging_id>/moete/avlys/", views.moete_avlys, name="moete_avlys"),
    path("kartlegging/<uuid:kartlegging_id>/moete/ombook/", views.moete_ombook, name="moete_ombook"),
    path("moetetider/", views.moetetider, name="moetetider"),
    path("moeter/", views.moetekalender, name="moetekalender"),
    path("soeknad/ny/", views.ny, name="ny"),
    path("soeknad/registrer/", views.registrer, name="registrer"),
    path("soeknad/<uuid:soeknad_id>/kvittering/", views.kvittering, name="kvittering"),
    path("min-side/", views.min_side, name="min_side"),
]

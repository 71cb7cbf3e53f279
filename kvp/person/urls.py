from django.urls import path

from . import views

app_name = "person"
urlpatterns = [
    path("", views.liste, name="liste"),
    path("ny/", views.ny, name="ny"),
    path("<uuid:person_id>/", views.detalj, name="detalj"),
    path("<uuid:person_id>/personalia/", views.personalia_endre, name="personalia_endre"),
    path("<uuid:person_id>/barn/ny/", views.barn_ny, name="barn_ny"),
    path(
        "<uuid:person_id>/forsoergerperiode/<int:periode_id>/avslutt/",
        views.forsoergerperiode_avslutt,
        name="forsoergerperiode_avslutt",
    ),
]

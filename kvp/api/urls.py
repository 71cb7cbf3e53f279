from django.urls import path

from . import views

app_name = "api"
urlpatterns = [
    path("dokumentasjon/", views.dokumentasjon, name="dokumentasjon"),
    path("tokener/", views.tokener, name="tokener"),
    path("tokener/<uuid:konto_id>/tilbakekall/", views.tilbakekall, name="tilbakekall"),
]

from django.urls import path

from . import views

app_name = "tilgang"
urlpatterns = [
    path("logg-inn/", views.LoggInnView.as_view(), name="logg_inn"),
    path("logg-ut/", views.LoggUtView.as_view(), name="logg_ut"),
]

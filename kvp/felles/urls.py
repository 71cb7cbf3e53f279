from django.urls import path

from . import views

app_name = "felles"
urlpatterns = [
    path("", views.forside, name="forside"),
    path("logg/", views.logg, name="logg"),
]

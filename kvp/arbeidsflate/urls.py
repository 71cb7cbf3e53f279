from django.urls import path

from . import views

app_name = "arbeidsflate"
urlpatterns = [
    path("", views.mine_oppgaver, name="mine_oppgaver"),
    path("saker/", views.mine_saker, name="mine_saker"),
    path("soek/", views.soek, name="soek"),
    path("antall/", views.antall, name="antall"),
]

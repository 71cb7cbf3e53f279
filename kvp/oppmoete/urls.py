from django.urls import path

from . import views

app_name = "oppmoete"
urlpatterns = [
    path("", views.oversikt, name="oversikt"),
    path("min/", views.min_side, name="min_side"),
    path("min/egenmelding/", views.egenmelding, name="egenmelding"),
    path("samlet/", views.samlet, name="samlet"),
    path("<uuid:sak_id>/", views.kalender, name="kalender"),
    path("<uuid:sak_id>/registrer/", views.registrer, name="registrer"),
    path("<uuid:sak_id>/attester/", views.attester, name="attester"),
    path("<uuid:sak_id>/arbeid/", views.arbeid, name="arbeid"),
    path("<uuid:sak_id>/ytelse/", views.ytelse, name="ytelse"),
    path("<uuid:sak_id>/slett/", views.slett, name="slett"),
    path("<uuid:sak_id>/slett-oppmoete/", views.slett_oppmoete, name="slett_oppmoete"),
]

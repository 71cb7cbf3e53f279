from django.urls import path

from . import views

app_name = "utbetaling"
urlpatterns = [
    path("", views.oversikt, name="oversikt"),
    path("kjoer/", views.kjoer, name="kjoer"),
    path("kjoer-i-bakgrunnen/", views.kjoer_jobb, name="kjoer_jobb"),
    path("runder/<uuid:runde_id>/", views.runde, name="runde"),
    path("runder/<uuid:runde_id>/godkjenn/", views.godkjenn, name="godkjenn"),
    path("runder/<uuid:runde_id>/forkast/", views.forkast, name="forkast"),
    path("runder/<uuid:runde_id>/eksporter/", views.eksporter, name="eksporter"),
    path("runder/<uuid:runde_id>/bekreft/", views.bekreft, name="bekreft"),
    path("runder/<uuid:runde_id>/regnskap.csv", views.regnskap_csv, name="regnskap_csv"),
    path("runder/<uuid:runde_id>/regnskap-excel.csv", views.regnskap_excel_csv, name="regnskap_excel_csv"),
    path("runder/<uuid:runde_id>/pain001.xml", views.pain001, name="pain001"),
    path("runder/<uuid:runde_id>/kvittering/", views.kvittering, name="kvittering"),
    path("kommuner/<str:kommune_nummer>/", views.innstillinger, name="innstillinger"),
    path("kommuner/<str:kommune_nummer>/g-regulering/", views.g_regulering_jobb, name="g_regulering_jobb"),
    path("kommuner/<str:kommune_nummer>/aarsoppgaver.csv", views.aarsoppgaver_csv, name="aarsoppgaver_csv"),
    path("tilbakekrevinger/", views.tilbakekrevinger, name="tilbakekrevinger"),
    path("tilbakekrevinger/<uuid:tilbakekreving_id>/foreslaa/", views.foreslaa, name="foreslaa"),
    path("tilbakekrevinger/<uuid:tilbakekreving_id>/vedta/", views.vedta, name="vedta"),
    path("mottakere/<uuid:person_id>/", views.mottaker, name="mottaker"),
    path("mottakere/<uuid:person_id>/godkjenn-konto/", views.mottaker_konto_godkjenn, name="mottaker_konto_godkjenn"),
]

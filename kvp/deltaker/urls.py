from django.urls import path

from . import views

app_name = "deltaker"
urlpatterns = [
    path("aktiver/<str:noekkel>/", views.aktiver, name="aktiver"),
    path("personer/<uuid:person_id>/aktivering/", views.aktivering_send, name="aktivering_send"),
    path("meg/meldinger/", views.mine_meldinger, name="mine_meldinger"),
    path("meg/dokumenter/", views.mine_dokumenter, name="mine_dokumenter"),
    path("meg/utbetalinger/", views.mine_utbetalinger, name="mine_utbetalinger"),
    path("meg/plan/", views.min_plan, name="min_plan"),
    path("meg/endringer/ny/", views.endring_ny, name="endring_ny"),
    path("saker/endringer/<uuid:endring_id>/behandlet/", views.endring_behandle, name="endring_behandle"),
    path("meg/varsler/", views.varselvalg, name="varselvalg"),
    path("saker/<uuid:sak_id>/meldinger/", views.sak_meldinger, name="sak_meldinger"),
]

from django.urls import path

from . import views

app_name = "vedtak"
urlpatterns = [
    path("beslutter/", views.beslutter, name="beslutter"),
    path("frister/", views.oversikt, name="oversikt"),
    path("sak/<uuid:sak_id>/", views.sak_oversikt, name="sak"),
    path("sak/<uuid:sak_id>/vilkaar/", views.vilkaar, name="vilkaar"),
    path("sak/<uuid:sak_id>/ny/", views.ny, name="ny"),
    path("sak/<uuid:sak_id>/oppstart/", views.iverksett, name="iverksett"),
    path("sak/<uuid:sak_id>/forhaandsvarsel/", views.forhaandsvarsel_send, name="forhaandsvarsel_send"),
    path("forhaandsvarsel/<uuid:forhaandsvarsel_id>/svar/", views.forhaandsvarsel_svar, name="forhaandsvarsel_svar"),
    path("<uuid:vedtak_id>/", views.detalj, name="detalj"),
    path("<uuid:vedtak_id>/endre/", views.endre, name="endre"),
    path("<uuid:vedtak_id>/send/", views.send, name="send"),
    path("<uuid:vedtak_id>/fatt/", views.fatt, name="fatt"),
    path("<uuid:vedtak_id>/returner/", views.returner, name="returner"),
]

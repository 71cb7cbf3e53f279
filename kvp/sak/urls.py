from django.urls import path

from . import views

app_name = "sak"
urlpatterns = [
    path("tavle/", views.tavle, name="tavle"),
    path("<uuid:sak_id>/", views.detalj, name="detalj"),
    path("<uuid:sak_id>/tildel/", views.tildel, name="tildel"),
    path("<uuid:sak_id>/status/", views.endre_status, name="status"),
    path("<uuid:sak_id>/foreloepig-svar/", views.foreloepig_svar, name="foreloepig_svar"),
]

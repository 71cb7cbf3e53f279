from django.urls import path

from . import views

app_name = "statistikk"
urlpatterns = [
    path("kostra/", views.kostra, name="kostra"),
    path("kostra/kjoer/", views.kostra_kjoer, name="kostra_kjoer"),
    path("kostra/<uuid:kjoering_id>/", views.kjoering, name="kjoering"),
    path("kostra/<uuid:kjoering_id>/fil/", views.kjoering_fil, name="kjoering_fil"),
    path("sak/<uuid:sak_id>/kostra/", views.opplysninger, name="opplysninger"),
    path("kontor/", views.kontor, name="kontor"),
    path("fylke/", views.fylke, name="fylke"),
]

from django.urls import path

from . import views

app_name = "brev"
urlpatterns = [
    path("ventende/lag/", views.lag_ventende, name="lag_ventende"),
    path("<uuid:vedtak_id>/", views.vis, name="vis"),
    path("<uuid:vedtak_id>/pdf/", views.pdf, name="pdf"),
    path("brev/<uuid:brev_id>/", views.vis_brev, name="vis_brev"),
    path("brev/<uuid:brev_id>/pdf/", views.pdf_brev, name="pdf_brev"),
]

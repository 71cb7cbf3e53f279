from django.urls import path

from . import views

app_name = "brev"
urlpatterns = [
    path("<uuid:vedtak_id>/", views.vis, name="vis"),
    path("<uuid:vedtak_id>/pdf/", views.pdf, name="pdf"),
]

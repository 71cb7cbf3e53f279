from django.urls import path

from . import views

app_name = "jobber"
urlpatterns = [
    path("", views.oversikt, name="oversikt"),
    path("<uuid:jobb_id>/", views.jobb, name="jobb"),
    path("<uuid:jobb_id>/fremdrift/", views.fremdrift, name="fremdrift"),
]

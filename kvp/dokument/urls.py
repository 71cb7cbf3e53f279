from django.urls import path

from . import views

app_name = "dokument"
urlpatterns = [
    path("<uuid:dokument_id>/", views.last_ned, name="last_ned"),
]

from django.urls import path

from . import views

app_name = "personvern"
urlpatterns = [
    path("personer/<uuid:person_id>/slett/", views.person_slett, name="person_slett"),
]

from django.urls import path

from . import views

app_name = "plan"
urlpatterns = [
    path("<uuid:sak_id>/", views.plan, name="plan"),
    path("<uuid:sak_id>/aktivitet/", views.aktivitet, name="aktivitet"),
    path("<uuid:sak_id>/utskrift/", views.utskrift, name="utskrift"),
]

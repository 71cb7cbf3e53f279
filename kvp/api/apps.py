from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kvp.api"
    label = "api"
    verbose_name = "API for fagsystemer og tiltaksarrangører"

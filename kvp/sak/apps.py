from django.apps import AppConfig


class SakConfig(AppConfig):
    name = "kvp.sak"
    label = "sak"

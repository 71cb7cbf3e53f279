from django.apps import AppConfig


class SoeknadConfig(AppConfig):
    name = "kvp.soeknad"
    label = "soeknad"

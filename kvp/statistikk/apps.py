from django.apps import AppConfig


class StatistikkConfig(AppConfig):
    name = "kvp.statistikk"
    label = "statistikk"
    verbose_name = "statistikk"

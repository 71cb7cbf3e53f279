from django.apps import AppConfig


class OppmoeteConfig(AppConfig):
    name = "kvp.oppmoete"
    label = "oppmoete"
    verbose_name = "oppmøte"

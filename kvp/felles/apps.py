from django.apps import AppConfig


class FellesConfig(AppConfig):
    name = "kvp.felles"
    label = "felles"

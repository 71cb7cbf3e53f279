from django.apps import AppConfig


class TilgangConfig(AppConfig):
    name = "kvp.tilgang"
    label = "tilgang"

from django.apps import AppConfig


class TilsynConfig(AppConfig):
    name = "kvp.tilsyn"
    label = "tilsyn"
    verbose_name = "Tilsyn og rettleiing fra statsforvalteren"

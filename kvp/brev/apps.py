from django.apps import AppConfig


class BrevConfig(AppConfig):
    name = "kvp.brev"
    label = "brev"
    verbose_name = "Brev"

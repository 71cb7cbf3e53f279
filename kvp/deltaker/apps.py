from django.apps import AppConfig


class DeltakerConfig(AppConfig):
    name = "kvp.deltaker"
    label = "deltaker"
    verbose_name = "Deltakerens KVP: aktivering og meldinger"

from django.apps import AppConfig


class PersonConfig(AppConfig):
    name = "kvp.person"
    label = "person"

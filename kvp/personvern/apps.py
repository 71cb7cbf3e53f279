from django.apps import AppConfig


class PersonvernConfig(AppConfig):
    name = "kvp.personvern"
    label = "personvern"
    verbose_name = "Personvern: lagringstid og sletting"

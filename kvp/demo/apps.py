from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kvp.demo"
    label = "demo"
    verbose_name = "Demodata"

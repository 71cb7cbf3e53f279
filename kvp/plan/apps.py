from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "kvp.plan"
    label = "plan"
    verbose_name = "Programplan"

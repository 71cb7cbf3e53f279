from django.apps import AppConfig


class JobberConfig(AppConfig):
    name = "kvp.jobber"
    label = "jobber"
    verbose_name = "Jobber"

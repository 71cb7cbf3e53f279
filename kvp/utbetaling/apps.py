from django.apps import AppConfig


class UtbetalingConfig(AppConfig):
    name = "kvp.utbetaling"
    label = "utbetaling"
    verbose_name = "utbetaling"

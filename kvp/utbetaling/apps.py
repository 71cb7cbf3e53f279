from django.apps import AppConfig


class UtbetalingConfig(AppConfig):
    name = "kvp.utbetaling"
    label = "utbetaling"
    verbose_name = "utbetaling"

    def ready(self) -> None:
        from kvp.jobber.typer import registrer  # noqa: PLC0415 - appene er lastet først her

        from .services.jobber import TYPE_G_REGULERING, TYPE_RUNDE, kjoer_g_regulering, kjoer_runde  # noqa: PLC0415

        registrer(TYPE_RUNDE, kjoer_runde)
        registrer(TYPE_G_REGULERING, kjoer_g_regulering)

from django.apps import AppConfig


class BrevConfig(AppConfig):
    name = "kvp.brev"
    label = "brev"
    verbose_name = "Brev"

    def ready(self) -> None:
        from kvp.brev.services import vedtaksbrev_lag_etter_fattet_vedtak  # noqa: PLC0415
        from kvp.felles.hendelser import VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet først her

        abonner(VedtakFattet, vedtaksbrev_lag_etter_fattet_vedtak)

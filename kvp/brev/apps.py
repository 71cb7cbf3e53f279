from django.apps import AppConfig


class BrevConfig(AppConfig):
    name = "kvp.brev"
    label = "brev"
    verbose_name = "Brev"

    def ready(self) -> None:
        from kvp.brev.services import brev_lag_etter_hendelse, vedtaksbrev_lag_etter_fattet_vedtak  # noqa: PLC0415
        from kvp.felles.hendelser import BrevSkalSendes, VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet først her

        abonner(VedtakFattet, vedtaksbrev_lag_etter_fattet_vedtak)
        abonner(BrevSkalSendes, brev_lag_etter_hendelse)

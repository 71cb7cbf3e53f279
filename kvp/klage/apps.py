from django.apps import AppConfig


class KlageConfig(AppConfig):
    name = "kvp.klage"
    label = "klage"
    verbose_name = "klage"

    def ready(self) -> None:
        from kvp.felles.hendelser import VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet
        from kvp.klage.services import klage_knytt_fattet_vedtak  # noqa: PLC0415

        abonner(VedtakFattet, klage_knytt_fattet_vedtak)

from django.apps import AppConfig


class OppmoeteConfig(AppConfig):
    name = "kvp.oppmoete"
    label = "oppmoete"
    verbose_name = "oppmøte"

    def ready(self) -> None:
        from kvp.felles.hendelser import VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet først her
        from kvp.oppmoete.services.korreksjon import korriger_etter_fattet_vedtak  # noqa: PLC0415

        abonner(VedtakFattet, korriger_etter_fattet_vedtak)

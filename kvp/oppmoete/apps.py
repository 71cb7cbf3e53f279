from django.apps import AppConfig


class OppmoeteConfig(AppConfig):
    name = "kvp.oppmoete"
    label = "oppmoete"
    verbose_name = "oppmøte"

    def ready(self) -> None:
        from kvp.felles.hendelser import GrunnlagEndret, VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet
        from kvp.oppmoete.services.korreksjon import (  # noqa: PLC0415
            korriger_etter_endret_grunnlag,
            korriger_etter_fattet_vedtak,
        )

        abonner(VedtakFattet, korriger_etter_fattet_vedtak)
        abonner(GrunnlagEndret, korriger_etter_endret_grunnlag)

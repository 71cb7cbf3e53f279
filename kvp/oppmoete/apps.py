from django.apps import AppConfig


class OppmoeteConfig(AppConfig):
    name = "kvp.oppmoete"
    label = "oppmoete"
    verbose_name = "oppmøte"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.felles.hendelser import GrunnlagEndret, VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet
        from kvp.oppmoete.services.korreksjon import (  # noqa: PLC0415
            korriger_etter_endret_grunnlag,
            korriger_etter_fattet_vedtak,
        )

        abonner(VedtakFattet, korriger_etter_fattet_vedtak)
        abonner(GrunnlagEndret, korriger_etter_endret_grunnlag)

        from kvp.sak.models import Sak  # noqa: PLC0415
        from kvp.sak.selectors import ROLLER_SOM_SER_SAKER  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        from .services.felles import ROLLER_SOM_REGISTRERER  # noqa: PLC0415

        # Oppmøtet adresseres med sakens id: objektet er saken, sett fra oppmøtet.
        registrer(
            "oppmoete",
            modell=Sak,
            kontorsti="kontor_id",
            roller={
                Handling.LES: ROLLER_SOM_SER_SAKER,
                Handling.SKRIV: ROLLER_SOM_REGISTRERER,
                Handling.ATTESTER: ROLLER_SOM_REGISTRERER,
            },
            ikke_funnet="Fant ikke saken.",
        )

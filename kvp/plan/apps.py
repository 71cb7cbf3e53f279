from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "kvp.plan"
    label = "plan"
    verbose_name = "Programplan"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.sak.models import Sak  # noqa: PLC0415 - appene er lastet først her
        from kvp.sak.selectors import ROLLER_SOM_SER_SAKER  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        from .services import ROLLER_SOM_SKRIVER  # noqa: PLC0415

        # Planen adresseres med sakens id: objektet er saken, sett fra planen.
        registrer(
            "plan",
            modell=Sak,
            kontorsti="kontor_id",
            roller={Handling.LES: ROLLER_SOM_SER_SAKER, Handling.SKRIV: ROLLER_SOM_SKRIVER},
            ikke_funnet="Fant ikke saken.",
        )

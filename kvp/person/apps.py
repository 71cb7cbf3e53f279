from django.apps import AppConfig


class PersonConfig(AppConfig):
    name = "kvp.person"
    label = "person"

    def ready(self) -> None:
        from kvp.tilgang.objekter import Handling, registrer, registrer_side  # noqa: PLC0415 - appene er lastet først her

        from .models import Forsoergerperiode, Person  # noqa: PLC0415
        from .selectors import ROLLER_SOM_SER_PERSONER  # noqa: PLC0415
        from .services import ROLLER_SOM_REGISTRERER  # noqa: PLC0415

        roller = {Handling.LES: ROLLER_SOM_SER_PERSONER, Handling.SKRIV: ROLLER_SOM_REGISTRERER}
        registrer("person", modell=Person, kontorsti="kontor_id", roller=roller, ikke_funnet="Fant ikke personen.")
        registrer(
            "forsoergerperiode",
            modell=Forsoergerperiode,
            kontorsti="barn__forelder__kontor_id",
            roller=roller,
            ikke_funnet="Fant ikke forsørgerperioden.",
        )
        # Personlisten og søket (også «Mine saker» på arbeidsflaten).
        registrer_side("personer", roller=ROLLER_SOM_SER_PERSONER)

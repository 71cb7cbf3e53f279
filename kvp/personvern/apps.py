from django.apps import AppConfig


class PersonvernConfig(AppConfig):
    name = "kvp.personvern"
    label = "personvern"
    verbose_name = "Personvern: lagringstid og sletting"

    def ready(self) -> None:
        from kvp.person.models import Person  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        # Begjæring om sletting: lederen ved personens kontor vurderer og sletter. Andre får ikke vite om personen
        # finnes (404).
        registrer(
            "personsletting",
            modell=Person,
            kontorsti="kontor_id",
            roller={Handling.LES: (Rolle.LEDER,), Handling.SKRIV: (Rolle.LEDER,)},
            ikke_funnet="Personen finnes ikke ved ditt kontor.",
            relatert=("kontor",),
        )

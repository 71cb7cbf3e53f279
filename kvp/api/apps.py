from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "kvp.api"
    label = "api"
    verbose_name = "API for fagsystemer og tiltaksarrangører"

    def ready(self) -> None:
        from kvp.api.models import Tjenestekonto  # noqa: PLC0415 - appene er lastet
        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer, registrer_side  # noqa: PLC0415

        # Lederen ved kontoret gir og tar tilbake API-tilgang for kontoret.
        registrer(
            "tjenestekonto",
            modell=Tjenestekonto,
            kontorsti="kontor_id",
            roller={Handling.LES: (Rolle.LEDER,), Handling.SKRIV: (Rolle.LEDER,)},
            ikke_funnet="Fant ikke API-tokenet.",
            relatert=("bruker", "kontor"),
        )
        registrer_side("api_tokener", roller=(Rolle.LEDER,))

from django.apps import AppConfig


class VedtakConfig(AppConfig):
    name = "kvp.vedtak"
    label = "vedtak"
    verbose_name = "Vilkår og vedtak"

    def ready(self) -> None:
        from kvp.tilgang.models import Rolle  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        from .models import Vedtak  # noqa: PLC0415
        from .selectors import ROLLER_SOM_SER_VEDTAK  # noqa: PLC0415

        registrer(
            "vedtak",
            modell=Vedtak,
            kontorsti="sak__kontor_id",
            roller={
                Handling.LES: ROLLER_SOM_SER_VEDTAK,
                Handling.SKRIV: (Rolle.KVP_VEILEDER,),
                Handling.BESLUTT: (Rolle.BESLUTTER,),
            },
            ikke_funnet="Fant ikke vedtaket.",
        )

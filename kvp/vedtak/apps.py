from django.apps import AppConfig


class VedtakConfig(AppConfig):
    name = "kvp.vedtak"
    label = "vedtak"
    verbose_name = "Vilkår og vedtak"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.tilgang.models import Rolle  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        from .models import Forhaandsvarsel, Vedtak  # noqa: PLC0415
        from .selectors import ROLLER_SOM_SER_FORHAANDSVARSEL, ROLLER_SOM_SER_VEDTAK  # noqa: PLC0415

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
        # Forhåndsvarsel (fvl. § 16): KVP-veilederen sender og registrerer svar; økonomi også for tilbakekreving
        # (tjenesten sjekker i tillegg rollen for varselets slag, se `forhaandsvarsel.ROLLER`).
        registrer(
            "forhaandsvarsel",
            modell=Forhaandsvarsel,
            kontorsti="sak__kontor_id",
            roller={
                Handling.LES: ROLLER_SOM_SER_FORHAANDSVARSEL,
                Handling.SKRIV: (Rolle.KVP_VEILEDER, Rolle.OEKONOMI),
            },
            ikke_funnet="Fant ikke forhåndsvarselet.",
        )
        from kvp.tilgang.objekter import registrer_side  # noqa: PLC0415

        registrer_side("beslutter", roller=(Rolle.BESLUTTER,))
        registrer_side("frister", roller=(Rolle.LEDER, Rolle.KVP_VEILEDER))

from django.apps import AppConfig


class UtbetalingConfig(AppConfig):
    name = "kvp.utbetaling"
    label = "utbetaling"
    verbose_name = "utbetaling"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.jobber.typer import registrer  # noqa: PLC0415 - appene er lastet først her

        from .services.jobber import TYPE_G_REGULERING, TYPE_RUNDE, kjoer_g_regulering, kjoer_runde  # noqa: PLC0415

        registrer(TYPE_RUNDE, kjoer_runde)
        registrer(TYPE_G_REGULERING, kjoer_g_regulering)

        from kvp.person.models import Person  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.models import Kommune, Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling  # noqa: PLC0415
        from kvp.tilgang.objekter import registrer as registrer_type  # noqa: PLC0415

        from .models import Tilbakekreving, Utbetalingsrunde  # noqa: PLC0415
        from .selectors import ROLLER_SOM_SER_RUNDER  # noqa: PLC0415

        oekonomi = (Rolle.OEKONOMI,)
        # Utbetalingen hører til kontoret som betjener kommunen (personens bostedskommune), ikke sakens kontor.
        registrer_type(
            "utbetalingsrunde",
            modell=Utbetalingsrunde,
            kontorsti="kommune__nav_kontor_id",
            roller={
                Handling.LES: ROLLER_SOM_SER_RUNDER,
                Handling.SKRIV: oekonomi,
                Handling.GODKJENN: oekonomi,
                Handling.EKSPORTER: oekonomi,
            },
            ikke_funnet="Fant ikke utbetalingsrunden.",
        )
        registrer_type(
            "tilbakekreving",
            modell=Tilbakekreving,
            kontorsti="sak__person__kommune__nav_kontor_id",
            roller={Handling.LES: oekonomi, Handling.SKRIV: oekonomi, Handling.BESLUTT: oekonomi},
            ikke_funnet="Fant ikke tilbakekrevingen.",
        )
        registrer_type(
            "utbetalingskommune",
            modell=Kommune,
            kontorsti="nav_kontor_id",
            oppslag="nummer",
            roller={Handling.LES: oekonomi, Handling.SKRIV: oekonomi, Handling.EKSPORTER: oekonomi},
            ikke_funnet="Fant ikke kommunen.",
        )
        registrer_type(
            "mottaker",
            modell=Person,
            kontorsti="kommune__nav_kontor_id",
            roller={Handling.LES: oekonomi, Handling.SKRIV: oekonomi, Handling.GODKJENN: oekonomi},
            ikke_funnet="Fant ikke personen.",
        )
        from kvp.tilgang.objekter import registrer_side  # noqa: PLC0415

        registrer_side("utbetaling", roller=(Rolle.OEKONOMI, Rolle.LEDER))

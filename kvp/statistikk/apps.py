from django.apps import AppConfig


class StatistikkConfig(AppConfig):
    name = "kvp.statistikk"
    label = "statistikk"
    verbose_name = "statistikk"

    def ready(self) -> None:
        from kvp.jobber.typer import registrer as registrer_jobb  # noqa: PLC0415 - appene er lastet først her

        from .jobber import TYPE_KOSTRA, kjoer_kostra  # noqa: PLC0415

        registrer_jobb(TYPE_KOSTRA, kjoer_kostra)

        from .signaler import koble  # noqa: PLC0415

        koble()  # endringer i sakene m.m. gjør kontorets månedstall utdatert
        from kvp.sak.models import Sak  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        from .roller import OPPLYSNING_ROLLER  # noqa: PLC0415

        # KOSTRA-opplysningene om en sak: KVP-veilederen og lederen ved sakens kontor leser og registrerer dem.
        registrer(
            "kostra_opplysninger",
            modell=Sak,
            kontorsti="kontor_id",
            roller={Handling.LES: OPPLYSNING_ROLLER, Handling.SKRIV: OPPLYSNING_ROLLER},
            ikke_funnet="Fant ikke saken.",
            relatert=("person", "kontor"),
        )
        from kvp.statistikk.models import KostraKjoering  # noqa: PLC0415 - appene er lastet
        from kvp.statistikk.roller import KOSTRA_ROLLER  # noqa: PLC0415

        # KOSTRA-kjøringen hører til kontoret som betjener kommunen (som utbetalingsrunden).
        registrer(
            "kostrakjoering",
            modell=KostraKjoering,
            kontorsti="kommune__nav_kontor_id",
            roller={Handling.LES: KOSTRA_ROLLER},
            ikke_funnet="Fant ikke kjøringen.",
            relatert=("kommune", "kjoert_av"),
        )
        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import registrer_side  # noqa: PLC0415

        registrer_side("kostra", roller=KOSTRA_ROLLER)
        registrer_side("statistikk_kontor", roller=(Rolle.LEDER,))
        registrer_side("statistikk_fylke", roller=(Rolle.STATSFORVALTER,))

from django.apps import AppConfig


class JobberConfig(AppConfig):
    name = "kvp.jobber"
    label = "jobber"
    verbose_name = "Jobber"

    def ready(self) -> None:
        from kvp.tilgang.models import Rolle  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.objekter import Handling, registrer, registrer_side  # noqa: PLC0415

        from .models import Jobb  # noqa: PLC0415

        # Den som startet jobben, og lederne ved kontoret den hører til, ser den. Ingen andre får vite at den finnes.
        registrer(
            "jobb",
            modell=Jobb,
            kontorsti="kontor_id",
            roller={Handling.LES: (Rolle.LEDER,)},
            eiersti="startet_av_id",
            ikke_funnet="Fant ikke jobben.",
            relatert=("startet_av",),
        )
        registrer_side("jobber", roller=(Rolle.LEDER, Rolle.OEKONOMI))

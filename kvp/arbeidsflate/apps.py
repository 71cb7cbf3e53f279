from django.apps import AppConfig


class ArbeidsflateConfig(AppConfig):
    name = "kvp.arbeidsflate"
    label = "arbeidsflate"
    verbose_name = "Arbeidsflaten: mine oppgaver, mine saker og søk"

    def ready(self) -> None:
        # Leverandørene for appene som fantes før registeret (ADR 0014). Nye apper registrerer sine egne.
        from kvp.felles.oppgaver import registrer_oppgaver  # noqa: PLC0415
        from kvp.tilgang.models import KONTORROLLER  # noqa: PLC0415
        from kvp.tilgang.objekter import registrer_side  # noqa: PLC0415

        from . import oppgaver  # noqa: PLC0415

        for navn, leverandoer in oppgaver.EKSISTERENDE_APPER.items():
            registrer_oppgaver(navn, leverandoer)
        # Mine oppgaver er for alle med en kontorrolle.
        registrer_side("mine_oppgaver", roller=sorted(KONTORROLLER))

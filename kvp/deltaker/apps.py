import datetime as dt

from django.apps import AppConfig
from django.conf import settings


class DeltakerConfig(AppConfig):
    name = "kvp.deltaker"
    label = "deltaker"
    verbose_name = "Deltakerens KVP: aktivering og meldinger"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.felles.oppgaver import registrer_oppgaver  # noqa: PLC0415
        from kvp.jobber.gjentakende import registrer_gjentakende  # noqa: PLC0415
        from kvp.person.models import Person  # noqa: PLC0415
        from kvp.person.selectors import ROLLER_SOM_SER_PERSONER  # noqa: PLC0415
        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        from .selectors import meldinger_oppgaver  # noqa: PLC0415
        from .services import varsler_send_jobb  # noqa: PLC0415

        # Varsler som venter eller feilet, sendes av arbeidsprosessen uten cron (ADR 0015, kvp.jobber.gjentakende).
        registrer_gjentakende(
            "send_varsler", varsler_send_jobb, intervall=dt.timedelta(minutes=settings.KVP_VARSEL_INTERVALL_MINUTTER)
        )

        # Uleste meldinger fra deltakerne i «Mine oppgaver» (ADR 0014).
        registrer_oppgaver("deltaker", meldinger_oppgaver)

        # Aktiveringslenken: KVP-veilederen ved personens kontor sender den (ADR 0006: rollen ved objektets kontor).
        registrer(
            "aktivering",
            modell=Person,
            kontorsti="kontor_id",
            roller={Handling.LES: ROLLER_SOM_SER_PERSONER, Handling.SKRIV: (Rolle.KVP_VEILEDER,)},
            ikke_funnet="Fant ikke personen.",
            relatert=("kontor",),
        )

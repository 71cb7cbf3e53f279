from django.apps import AppConfig


class SakConfig(AppConfig):
    name = "kvp.sak"
    label = "sak"

    def ready(self) -> None:
        from kvp.felles.saksfaner import Fane, registrer_fane  # noqa: PLC0415
        from kvp.tilgang.models import Rolle  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.objekter import Handling, registrer, registrer_side  # noqa: PLC0415

        from .models import Sak  # noqa: PLC0415
        from .selectors import ROLLER_SOM_SER_SAKER  # noqa: PLC0415
        from .services import ROLLER_SOM_BEHANDLER  # noqa: PLC0415

        registrer_fane(Fane(kode="sak", tittel="Sak", mal="sak/_fane_sak.html", rekkefoelge=0))
        registrer(
            "sak",
            modell=Sak,
            kontorsti="kontor_id",
            roller={
                Handling.LES: (*ROLLER_SOM_SER_SAKER, Rolle.STATSFORVALTER),
                Handling.SKRIV: ROLLER_SOM_BEHANDLER,
                Handling.BEHANDLE: (Rolle.KVP_VEILEDER,),
            },
            statsforvaltersti=("kontor__fylke", "til_statsforvalter"),
            ikke_funnet="Fant ikke saken.",
        )
        registrer_side("tavle", roller=ROLLER_SOM_SER_SAKER)

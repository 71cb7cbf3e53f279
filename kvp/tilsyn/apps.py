from django.apps import AppConfig


class TilsynConfig(AppConfig):
    name = "kvp.tilsyn"
    label = "tilsyn"
    verbose_name = "Tilsyn og rettleiing fra statsforvalteren"

    def ready(self) -> None:
        from django.db.models import Q  # noqa: PLC0415 - appene er lastet

        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415
        from kvp.tilsyn.models import SYNLIG_FOR_KONTORET, Tilsyn  # noqa: PLC0415

        # Statsforvalteren i kontorets fylke ser og fører tilsynet (BEHANDLE); lederen på kontoret ser det og svarer
        # med tiltak (SKRIV) først når rapporten er sendt. Før det finnes tilsynet ikke for kontoret (404).
        registrer(
            "tilsyn",
            modell=Tilsyn,
            kontorsti="kontor_id",
            roller={
                Handling.LES: (Rolle.LEDER, Rolle.STATSFORVALTER),
                Handling.BEHANDLE: (Rolle.STATSFORVALTER,),
                Handling.SKRIV: (Rolle.LEDER,),
            },
            ikke_funnet="Fant ikke tilsynet.",
            statsforvaltersti=("kontor__fylke", None),
            kontorvilkaar=Q(status__in=SYNLIG_FOR_KONTORET),
            relatert=("kontor",),
        )

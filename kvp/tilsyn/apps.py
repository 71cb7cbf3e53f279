from django.apps import AppConfig


class TilsynConfig(AppConfig):
    name = "kvp.tilsyn"
    label = "tilsyn"
    verbose_name = "Tilsyn og rettleiing fra statsforvalteren"

    def ready(self) -> None:
        from django.db.models import Q  # noqa: PLC0415 - appene er lastet

        from kvp.tilgang.models import KONTORROLLER, Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415
        from kvp.tilsyn.models import SYNLIG_FOR_KONTORET, Rettleiing, Tilsyn  # noqa: PLC0415

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
        from kvp.tilgang.objekter import registrer_side  # noqa: PLC0415

        # Rettleiingen: statsforvalteren i fylket publiserer (BEHANDLE) og ser den; hver kontorrolle ser rettleiingene
        # til sitt kontor og til alle kontorene i sitt fylke (kontoret tomt), og markerer dem som lest (SKRIV).
        registrer(
            "rettleiing",
            modell=Rettleiing,
            kontorsti="kontor_id",
            fylkesti="fylke",
            roller={
                Handling.LES: (*sorted(KONTORROLLER), Rolle.STATSFORVALTER),
                Handling.SKRIV: sorted(KONTORROLLER),
                Handling.BEHANDLE: (Rolle.STATSFORVALTER,),
            },
            statsforvaltersti=("fylke", None),
            ikke_funnet="Fant ikke rettleiingen.",
            relatert=("kontor", "publisert_av"),
        )

        registrer_side("tilsyn", roller=(Rolle.LEDER, Rolle.STATSFORVALTER))
        registrer_side("rettleiing", roller=(Rolle.STATSFORVALTER,))

from django.apps import AppConfig


class KlageConfig(AppConfig):
    name = "kvp.klage"
    label = "klage"
    verbose_name = "klage"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.felles.hendelser import VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet
        from kvp.klage.services import klage_knytt_fattet_vedtak  # noqa: PLC0415

        abonner(VedtakFattet, klage_knytt_fattet_vedtak)
        _registrer_tilgang()


def _registrer_tilgang() -> None:
    """Klagen i tilgangslaget (ADR 0006): kontoret leser og KVP-veilederen behandler; statsforvalteren ser og
    avgjør klager fra fylket som er sendt dit (`BESLUTT`); deltakeren ser og svarer på sine egne (`SKRIV`)."""
    from django.db.models import Q  # noqa: PLC0415

    from kvp.klage.models import STATSFORVALTERENS_STATUSER, Klage  # noqa: PLC0415
    from kvp.klage.selectors import KONTORET_LESER  # noqa: PLC0415
    from kvp.tilgang.models import Rolle  # noqa: PLC0415
    from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

    registrer(
        "klage",
        modell=Klage,
        kontorsti="sak__kontor_id",
        roller={
            Handling.LES: (*KONTORET_LESER, Rolle.STATSFORVALTER, Rolle.DELTAKER),
            Handling.BEHANDLE: (Rolle.KVP_VEILEDER,),
            Handling.BESLUTT: (Rolle.STATSFORVALTER,),
            Handling.SKRIV: (Rolle.DELTAKER,),
        },
        ikke_funnet="Fant ikke klagen.",
        statsforvaltersti=("sak__kontor__fylke", Q(status__in=STATSFORVALTERENS_STATUSER)),
        personsti="sak__person_id",
        relatert=("sak__kontor", "sak__person__kommune", "vedtak", "sak__soeknad"),
    )

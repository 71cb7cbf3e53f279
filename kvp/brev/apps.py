from django.apps import AppConfig


class BrevConfig(AppConfig):
    name = "kvp.brev"
    label = "brev"
    verbose_name = "Brev"

    def ready(self) -> None:
        from kvp.brev.services import vedtaksbrev_lag_etter_fattet_vedtak  # noqa: PLC0415
        from kvp.felles.hendelser import VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet først her

        abonner(VedtakFattet, vedtaksbrev_lag_etter_fattet_vedtak)

        from kvp.brev.models import Brev  # noqa: PLC0415
        from kvp.brev.selectors import ROLLER_SOM_SER_BREV  # noqa: PLC0415
        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer  # noqa: PLC0415

        registrer(
            "brev",
            modell=Brev,
            kontorsti="vedtak__sak__kontor_id",
            oppslag="vedtak_id",
            roller={Handling.LES: (*ROLLER_SOM_SER_BREV, Rolle.STATSFORVALTER, Rolle.DELTAKER)},
            statsforvaltersti=("vedtak__sak__kontor__fylke", "vedtak__sak__til_statsforvalter"),
            personsti="vedtak__sak__person_id",
            ikke_funnet="Fant ikke brevet.",
        )

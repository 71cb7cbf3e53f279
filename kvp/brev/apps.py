from django.apps import AppConfig


class BrevConfig(AppConfig):
    name = "kvp.brev"
    label = "brev"
    verbose_name = "Brev"

    def ready(self) -> None:
        from .saksfane import registrer as registrer_saksfane  # noqa: PLC0415 - appene er lastet først her

        registrer_saksfane()
        from kvp.brev.services import brev_lag_etter_hendelse, vedtaksbrev_lag_etter_fattet_vedtak  # noqa: PLC0415
        from kvp.felles.hendelser import BrevSkalSendes, VedtakFattet, abonner  # noqa: PLC0415 - appene er lastet først her

        abonner(VedtakFattet, vedtaksbrev_lag_etter_fattet_vedtak)
        abonner(BrevSkalSendes, brev_lag_etter_hendelse)

        from kvp.brev.services import TYPE_VENTENDE_BREV, lag_ventende_vedtaksbrev  # noqa: PLC0415
        from kvp.jobber.typer import Start, registrer  # noqa: PLC0415
        from kvp.tilgang.models import Rolle  # noqa: PLC0415

        registrer(
            TYPE_VENTENDE_BREV,
            lag_ventende_vedtaksbrev,
            start=Start(
                url_navn="brev:lag_ventende",
                knappetekst="Lag vedtaksbrev som mangler",
                beskrivelse="Lager PDF-brevene til fattede vedtak ved kontoret som ikke har fått brev ennå. Kan "
                "kjøres flere ganger; et vedtak får aldri mer enn ett brev.",
                roller=(Rolle.LEDER,),
            ),
        )

        from kvp.brev.models import Brev  # noqa: PLC0415
        from kvp.brev.selectors import ROLLER_SOM_SER_BREV  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling  # noqa: PLC0415
        from kvp.tilgang.objekter import registrer as registrer_type  # noqa: PLC0415

        registrer_type(
            "brev",
            modell=Brev,
            kontorsti="sak__kontor_id",
            roller={Handling.LES: (*ROLLER_SOM_SER_BREV, Rolle.STATSFORVALTER, Rolle.DELTAKER)},
            statsforvaltersti=("sak__kontor__fylke", "sak__til_statsforvalter"),
            personsti="sak__person_id",
            ikke_funnet="Fant ikke brevet.",
        )

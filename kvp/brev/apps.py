from django.apps import AppConfig


class BrevConfig(AppConfig):
    name = "kvp.brev"
    label = "brev"
    verbose_name = "Brev"

    def ready(self) -> None:
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

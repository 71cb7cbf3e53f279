from django.apps import AppConfig


class SoeknadConfig(AppConfig):
    name = "kvp.soeknad"
    label = "soeknad"

    def ready(self) -> None:
        from kvp.felles.oppgaver import registrer_oppgaver  # noqa: PLC0415 - appene er lastet først her
        from kvp.tilgang.models import Rolle  # noqa: PLC0415
        from kvp.tilgang.objekter import Handling, registrer, registrer_side  # noqa: PLC0415

        from .models import Kartlegging  # noqa: PLC0415
        from .oppgaver import avlyste_moeter  # noqa: PLC0415
        from .selectors import ROLLER_I_INNTAKET  # noqa: PLC0415

        registrer(
            "kartlegging",
            modell=Kartlegging,
            kontorsti="kontor_id",
            roller={Handling.LES: ROLLER_I_INNTAKET, Handling.SKRIV: (Rolle.VEILEDER, Rolle.KVP_VEILEDER)},
            ikke_funnet="Fant ikke kartleggingen.",
        )
        # Avlyste og flyttede møter når dem de gjelder gjennom Mine oppgaver (ADR 0014, ADR 0019).
        registrer_oppgaver("soeknad_avlysninger", avlyste_moeter)
        # Papirsøknaden registreres og møtetidene legges ut for ett kontor om gangen (brukeren velger når hen har
        # rollen ved flere).
        registrer_side("registrer_soeknad", roller=(Rolle.KVP_VEILEDER,))
        registrer_side("moetetider", roller=(Rolle.KVP_VEILEDER, Rolle.LEDER))
        # Møtekalenderen viser bare KVP-veilederens egne tider og bookinger (ved alle kontorene hen er det).
        registrer_side("moetekalender", roller=(Rolle.KVP_VEILEDER,))

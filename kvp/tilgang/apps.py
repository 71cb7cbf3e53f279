from typing import Any

from django.apps import AppConfig


class TilgangConfig(AppConfig):
    name = "kvp.tilgang"
    label = "tilgang"

    def ready(self) -> None:
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog  # noqa: PLC0415 - appene er lastet her
        from django.db.models.signals import pre_save  # noqa: PLC0415

        from .models import Rolle  # noqa: PLC0415
        from .objekter import registrer_side  # noqa: PLC0415
        from .sperre import maskert_brukernavn  # noqa: PLC0415

        # Sidene uten objekt som tilgangslaget selv eier (revisjonsloggen og brukeradministrasjonen er lederens).
        registrer_side("logg", roller=(Rolle.LEDER,))
        registrer_side("deltaker", roller=(Rolle.DELTAKER,))
        registrer_side("statsforvalter", roller=(Rolle.STATSFORVALTER,))

        def masker(sender: type, instance: Any, **kwargs: Any) -> None:
            # Også AccessLog, som axes fyller med brukerens brukernavn uten å gå gjennom AXES_USERNAME_CALLABLE.
            if instance.username:
                instance.username = maskert_brukernavn(instance.username)

        for modell in (AccessAttempt, AccessFailureLog, AccessLog):
            pre_save.connect(masker, sender=modell, weak=False, dispatch_uid=f"kvp_masker_{modell.__name__}")

from typing import Any

from django.http import HttpRequest

from .models import Rolle
from .tilgang import tilgang_for


def tilgang(request: HttpRequest) -> dict[str, Any]:
    """Hvilke menypunkter brukeren skal se."""
    t = tilgang_for(getattr(request, "user", None))
    return {
        "kvp_meny": {
            "personer": t.har_rolle(Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER),
            "tavle": t.har_rolle(Rolle.KVP_VEILEDER, Rolle.LEDER, Rolle.BESLUTTER),
            "registrer_soeknad": t.har_rolle(Rolle.KVP_VEILEDER),
            "moetetider": t.har_rolle(Rolle.KVP_VEILEDER, Rolle.LEDER),
            "logg": t.har_rolle(Rolle.LEDER),
            "api_tokener": t.har_rolle(Rolle.LEDER),
            "deltaker": t.har_rolle(Rolle.DELTAKER),
            "statsforvalter": t.har_rolle(Rolle.STATSFORVALTER),
        }
    }

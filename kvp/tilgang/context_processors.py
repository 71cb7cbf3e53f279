from typing import Any

from django.http import HttpRequest

from .objekter import meny


def tilgang(request: HttpRequest) -> dict[str, Any]:
    """Hvilke menypunkter brukeren skal se: sidene i tilgangslagets register (`registrer_side`), ett sted."""
    return {"kvp_meny": meny(getattr(request, "user", None))}

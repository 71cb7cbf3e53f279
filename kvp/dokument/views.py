"""Nedlasting av et dokument: bare gjennom tilgangskontrollen, som vedlegg, aldri lagret i mellomlager."""

from uuid import UUID

from django.http import FileResponse, HttpRequest
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from kvp.tilgang.tilgang import bruker_fra

from . import selectors


@never_cache
@require_GET
def last_ned(request: HttpRequest, dokument_id: UUID) -> FileResponse:
    dokument = selectors.dokument_hent(bruker=bruker_fra(request), dokument_id=dokument_id)
    svar = FileResponse(
        dokument.fil.open("rb"), as_attachment=True, filename=dokument.filnavn, content_type=dokument.innholdstype
    )
    svar["Cache-Control"] = "no-store, private"
    svar["X-Content-Type-Options"] = "nosniff"
    return svar

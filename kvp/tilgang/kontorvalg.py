"""Sider uten objekt som brukes for ett kontor om gangen (registrer søknad, møtetider): kontoret tas fra skjemaet
eller lenken (`kontor`), og brukeren velger når hen har sidens roller ved flere kontorer (`objekter.side_kontor`)."""

from uuid import UUID

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .models import NavKontor
from .objekter import side_kontor, side_kontorer
from .tilgang import bruker_fra


def kontor_eller_valg(request: HttpRequest, side: str, tittel: str) -> tuple[NavKontor | None, HttpResponse | None]:
    """(kontoret, None) når kontoret er gitt; ellers (None, valgsiden). Et kontor brukeren ikke har sidens roller
    ved, gir `IkkeTilgang` (403)."""
    bruker = bruker_fra(request)
    valgt = request.POST.get("kontor") or request.GET.get("kontor")
    kontor_id: UUID | None = side_kontor(bruker, side, valgt)
    if kontor_id is not None:
        return NavKontor.objects.get(pk=kontor_id), None
    kontorer = NavKontor.objects.filter(pk__in=side_kontorer(bruker, side)).order_by("navn")
    # Et skjema sendt uten kontor (flere å velge mellom) er ufullstendig: 400 og valget, aldri et gjett.
    status = 400 if request.method == "POST" else 200
    return None, render(request, "tilgang/kontorvalg.html", {"kontorer": kontorer, "tittel": tittel}, status=status)

"""Bekreftelsessiden for handlinger som ikke kan angres (issue 15 punkt 7).

Knappen på sakssiden er et GET-skjema til handlingens URL; GET viser hva som skjer (i klartekst, med beløp og navn)
og et POST-skjema med feltet `bekreftet=ja`. Visningen utfører handlingen bare når feltet er med: en POST uten
bekreftelsen gir 400 og bekreftelsessiden på nytt, og ingenting er endret. Siden virker uten JavaScript; skriptet
`felles/opptatt.js` gir knappen en opptatt-tilstand mens tjenesten arbeider.
"""

from dataclasses import dataclass, field

from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

BEKREFT_FELT = "bekreftet"
BEKREFT_VERDI = "ja"


def er_bekreftet(request: HttpRequest) -> bool:
    """Om POST-en har bekreftelsen fra bekreftelsessiden."""
    return request.method == "POST" and request.POST.get(BEKREFT_FELT) == BEKREFT_VERDI


@dataclass
class Bekreftelse:
    """Det bekreftelsessiden sier: hva som skjer, hva som ikke kan angres, og knappene."""

    tittel: str
    punkter: list[str]
    angres: str
    knapp: str
    handling_url: str
    avbryt_url: str
    opptatt: str = "Vent litt …"
    fakta: list[tuple[str, str]] = field(default_factory=list)
    advarsler: list[str] = field(default_factory=list)
    #: Et skjema med egne felter (f.eks. avkrysningen for å forkaste en runde) i stedet for det skjulte feltet.
    skjema: Form | None = None


def bekreftelse_svar(
    request: HttpRequest, bekreftelse: Bekreftelse, *, feilmelding: str = "", status: int = 200
) -> HttpResponse:
    return render(
        request,
        "felles/bekreft.html",
        {
            "b": bekreftelse,
            "feilmelding": feilmelding,
            "bekreft_felt": BEKREFT_FELT,
            "bekreft_verdi": BEKREFT_VERDI,
        },
        status=status,
    )


def ikke_bekreftet_svar(request: HttpRequest, bekreftelse: Bekreftelse) -> HttpResponse:
    """Svaret på en POST uten bekreftelsen: 400, ingenting gjort, og siden som ber om bekreftelsen."""
    return bekreftelse_svar(
        request,
        bekreftelse,
        feilmelding="Ingenting er gjort ennå. Les hva som skjer, og bekreft med knappen nederst på siden.",
        status=400,
    )

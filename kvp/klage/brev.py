"""Brevene i klagesaken: samme mal gir HTML-en og PDF-en (WeasyPrint, via `kvp.brev.services.pdf_lag`). Brev til
deltakeren er på deltakerens målform; oversendelsesbrevet til statsforvalteren er på bokmål."""

import datetime as dt
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from kvp.brev import services as brev_services
from kvp.person.models import Maalform

from .models import FORMKRAV, Brevtype, Klage, Klagebrev, Utfall

#: Titlene på bokmål og nynorsk.
TITLER: dict[str, tuple[str, str]] = {
    Brevtype.MANGLER: ("Vi trenger mer fra deg for å behandle klagen", "Vi treng meir frå deg for å behandle klaga"),
    Brevtype.AVVISNING: ("Vedtak om avvisning av klage", "Vedtak om avvising av klage"),
    Brevtype.OVERSENDELSE: ("Oversendelse av klage til statsforvalteren", "Oversending av klage til statsforvaltaren"),
    Brevtype.KOPI_DELTAKER: ("Klagen din er sendt til statsforvalteren", "Klaga di er send til statsforvaltaren"),
    Brevtype.STATSFORVALTER: ("Statsforvalterens vedtak i klagesaken", "Statsforvaltarens vedtak i klagesaka"),
}


def maalform(klage: Klage) -> str:
    m = klage.sak.person.maalform
    return m if m in (Maalform.BOKMAAL, Maalform.NYNORSK) else Maalform.BOKMAAL


def lag(*, klage: Klage, type: str, frist: dt.date | None = None, **ekstra: Any) -> Klagebrev:
    """Lager og lagrer brevet (kalles fra tjenestene, i samme transaksjon som steget)."""
    mf = Maalform.BOKMAAL if type == Brevtype.OVERSENDELSE else maalform(klage)
    nn = mf == Maalform.NYNORSK
    tittel = TITLER[type][1 if nn else 0]
    mangler = [t for n, t in FORMKRAV if n in ekstra.get("mangler", ())]
    lang = "nn" if nn else "nb"
    kontekst: dict[str, Any] = {
        "klage": klage,
        "sak": klage.sak,
        "person": klage.sak.person,
        "kontor": klage.sak.kontor,
        "vedtak": klage.vedtak,
        "type": type,
        "T": Brevtype,
        "U": Utfall,
        "nn": nn,
        "lang": "nn" if nn else "nb",
        "tittel": tittel,
        "frist": frist,
        "dato": timezone.localdate(),
        "mangler": mangler,
        "behandler": ekstra.get("behandler"),
    }
    html = render_to_string("klage/brev.html", kontekst)
    mottaker = (
        f"Statsforvalteren i {klage.sak.kontor.fylke}" if type == Brevtype.OVERSENDELSE else klage.sak.person.navn
    )
    return Klagebrev.objects.create(
        klage=klage,
        type=type,
        mottaker=mottaker,
        maalform=mf,
        tittel=tittel,
        html=html,
        pdf=brev_services.pdf_lag(html=html, tittel=tittel, lang=lang),
        frist=frist,
        til_deltaker=type != Brevtype.OVERSENDELSE,
    )

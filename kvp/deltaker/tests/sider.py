"""Deltakerens sider og en deltaker med noe på alle sidene (plan, oppmøte med fravær, en utbetaling regnet ut av
kvp_regler, en melding fra kontoret), til testene av klart språk, nynorsk og telefonvisning."""

import datetime as dt
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Any

from django.urls import reverse

from kvp.deltaker.services import melding_send
from kvp.oppmoete.grunnlag import beregn_som_json, grunnlag_for_maaned
from kvp.oppmoete.models import Dagstatus
from kvp.oppmoete.services import oppmoete_registrer
from kvp.plan.services import aktivitet_opprett
from kvp.sak.models import Sak
from kvp.tilgang.models import Rolle
from kvp.utbetaling.models import (
    Beregning,
    Beregningsaarsak,
    Posttype,
    Rundestatus,
    Utbetaling,
    Utbetalingspost,
    Utbetalingsrunde,
)


def deltakersider() -> list[tuple[str, str]]:
    """(navn, adresse) for hver side deltakeren har i KVP."""
    return [
        ("Min side", reverse("soeknad:min_side")),
        ("Plan og oppmøte", reverse("oppmoete:min_side") + "?maaned=2025-03"),
        ("Utbetalingene", reverse("deltaker:mine_utbetalinger")),
        ("Planen", reverse("deltaker:min_plan")),
        ("Meldinger", reverse("deltaker:mine_meldinger")),
        ("Dokumenter", reverse("deltaker:mine_dokumenter")),
        ("Varselvalg", reverse("deltaker:varselvalg")),
        ("Meld endring", reverse("deltaker:endring_ny")),
    ]


def lag_deltaker_med_alt(
    *, lag_sak_i_program: Any, lag_bruker: Any, kvp: Any, passord: str | None = None, **person: Any
) -> tuple[Sak, Any]:
    """En deltaker i program fra januar 2025 med plan, fravær i mars og mars utbetalt 15. april."""
    sak = lag_sak_i_program(epost="deltaker@example.no", foedselsdato=dt.date(2003, 2, 1), **person)
    deltaker = lag_bruker(Rolle.DELTAKER, person=sak.person, passord=passord)
    aktivitet_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type="NORSKOPPLAERING",
        timer_per_uke=Decimal("30"),
        fra_og_med=dt.date(2025, 1, 6),
        til_og_med=dt.date(2026, 1, 5),
        tilbyder="Voksenopplæringen",
    )
    oppmoete_registrer(
        bruker=kvp, sak_id=sak.pk, fra_og_med=dt.date(2025, 3, 4), status=Dagstatus.UGYLDIG_FRAVAER, timer=Decimal("3")
    )
    resultat = beregn_som_json(grunnlag_for_maaned(sak, 2025, 3))
    total = Decimal(resultat["total"])
    runde = Utbetalingsrunde.objects.create(
        kommune=sak.person.kommune,
        aar=2025,
        maaned=3,
        utbetalingsdato=dt.date(2025, 4, 15),
        status=Rundestatus.GODKJENT,
    )
    beregning = Beregning.objects.create(
        sak=sak,
        aar=2025,
        maaned=3,
        versjon=1,
        aarsak=Beregningsaarsak.ORDINAER,
        attesteringsversjon=1,
        grunnlag={},
        resultat=resultat,
        total=total,
        regelversjon=resultat["regelversjon"],
    )
    skatt = Decimal("1000.00")
    u = Utbetaling.objects.create(runde=runde, sak=sak, brutto=total, trekk=0, skattetrekk=skatt, netto=total - skatt)
    Utbetalingspost.objects.create(
        utbetaling=u,
        sak=sak,
        type=Posttype.ORDINAER,
        aar=2025,
        maaned=3,
        beloep=total,
        beregning=beregning,
        forklaring="Kvalifiseringsstønad for mars 2025.",
    )
    melding_send(bruker=kvp, sak_id=sak.pk, tekst="Hei! Vi sees på mandag.")
    return sak, deltaker


class _Tekst(HTMLParser):
    """Den synlige teksten i en side (uten skript, stiler og attributter), også teksten inne i `<details>`."""

    def __init__(self) -> None:
        super().__init__()
        self.deler: list[str] = []
        self._hopp = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("script", "style", "template"):
            self._hopp += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hopp:
            self._hopp -= 1

    def handle_data(self, data: str) -> None:
        if not self._hopp:
            self.deler.append(data)


def synlig_tekst(html: str) -> str:
    parser = _Tekst()
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.deler))


#: Et tall med mer enn to desimaler: «649,0799» eller «649.0798666667» (ikke datoer som 15.04.2025).
MANGE_DESIMALER = re.compile(r"(?<![\d.,])\d[\d\u00a0 ]*[.,]\d{3,}(?![\d.])")


def tall_med_mange_desimaler(tekst: str) -> list[str]:
    return MANGE_DESIMALER.findall(tekst)

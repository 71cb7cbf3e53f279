"""Hva et fattet vedtak gjør med saken, i klartekst til beslutterens bekreftelsesside (issue 15 punkt 7).

Teksten følger `_oppdater_sak` i `services.totrinn` og mottakerne av `VedtakFattet` (docs/arkitektur.md)."""

import datetime as dt

from kvp.sak.models import Status
from kvp_regler.program.vedtaksperioder import siste_dag_med_stoenad

from .models import Vedtak, Vedtakstype


def dato_tekst(dato: dt.date | None) -> str:
    return dato.strftime("%d.%m.%Y") if dato else "(ikke oppgitt)"


def konsekvenser_for_saken(vedtak: Vedtak) -> list[str]:
    """Hva som skjer med saken, programmet og stønaden når vedtaket fattes."""
    t, fom, tom, d = vedtak.type, vedtak.fra_og_med, vedtak.til_og_med, dato_tekst
    punkter: list[str] = []
    if t == Vedtakstype.INNVILGELSE:
        punkter.append(f"Saken får status «{Status.INNVILGET.label}» med programperiode {d(fom)} til og med {d(tom)}.")
        if vedtak.beregning:
            punkter.append(
                f"Stønaden for den første hele måneden er beregnet til {vedtak.beregning['total_tekst']} "
                f"({vedtak.beregning['aarsbeloep_tekst']} i året); den utbetales etter attestert oppmøte."
            )
    elif t == Vedtakstype.AVSLAG:
        punkter.append(f"Søknaden avslås, og saken får status «{Status.AVSLAATT.label}».")
    elif t == Vedtakstype.FORLENGELSE:
        punkter.append(f"Programmet forlenges til og med {d(tom)}.")
    elif t == Vedtakstype.PERMISJON:
        punkter.append(f"Saken får status «{Status.PERMISJON.label}» fra {d(fom)}.")
    elif t == Vedtakstype.AVBRUDD:
        punkter.append(f"Programmet avbrytes midlertidig fra {d(fom)} (status «{Status.MIDLERTIDIG_AVBRUTT.label}»).")
    elif t == Vedtakstype.GJENOPPTAK:
        punkter.append(f"Programmet gjenopptas fra {d(fom)} (status «{Status.I_PROGRAM.label}»).")
    elif t == Vedtakstype.ENDRING:
        punkter.append(f"Endringen gjelder fra {d(fom)}.")
    elif t in (Vedtakstype.STANS, Vedtakstype.AVSLUTNING) and fom:
        punkter.append(
            f"Programmet og stønaden stanses: siste dag med stønad er {d(siste_dag_med_stoenad(fom))}, og saken "
            f"får status «{Status.AVSLUTTET.label}»."
        )
    if t not in (Vedtakstype.INNVILGELSE, Vedtakstype.AVSLAG) and fom:
        punkter.append(
            f"Måneder som alt er attestert fra {d(fom)}, regnes på nytt når vedtaket endrer stønaden, og forskjellen "
            "kommer med i neste utbetalingsrunde."
        )
    return punkter

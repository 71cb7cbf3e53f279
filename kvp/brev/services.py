"""Vedtaksbrevet: samme mal gir HTML-visningen i nettleseren og PDF-en (WeasyPrint) som lagres."""

import datetime as dt
from pathlib import Path
from typing import Any

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML

from kvp.deltaker.services import varsel_opprett
from kvp.felles.hendelser import VedtakFattet
from kvp.felles.services import logghendelse_registrer
from kvp.person.models import Maalform
from kvp.vedtak.models import Vedtak, Vedtakstype
from kvp_regler.parametere import STANDARD
from kvp_regler.program.timer import full_tid, timer_tekst
from kvp_regler.tid import maanedsnavn
from kvp_regler.vilkaar import Vilkaar

from .models import Brev
from .tekster import HJEMLER, LINJETYPE, TITTEL, VILKAAR_NN, VURDERING_NN

BREV_CSS = Path(__file__).parent / "static" / "brev" / "brev.css"
#: Én mal for begge målformer; tekstene står i `tekster.BREVTEKST`.
BREVMAL = "brev/vedtaksbrev.html"


def _dato(verdi: Any) -> dt.date | None:
    if verdi is None or isinstance(verdi, dt.date):
        return verdi
    return dt.date.fromisoformat(str(verdi))


def reglene_i_brevet(dato: dt.date) -> dict[str, str]:
    """Tallene fra reglene som brevet nevner, slik de gjelder på `dato` (fra parameterne i `kvp_regler`)."""
    return {
        "full_tid": timer_tekst(full_tid(dato)),
        "alder_full_stoenad": str(STANDARD["alder_full_stoenad"].verdi(dato)),
        "nedre_alder": str(STANDARD["nedre_alder"].verdi(dato)),
        "oevre_alder": str(STANDARD["oevre_alder"].verdi(dato)),
    }


def brevkontekst(vedtak: Vedtak) -> dict[str, Any]:
    """Alt malene trenger, på målformen til deltakeren."""
    sak = vedtak.sak
    person = sak.person
    maalform = person.maalform if person.maalform in (Maalform.BOKMAAL, Maalform.NYNORSK) else Maalform.BOKMAAL
    nn = maalform == Maalform.NYNORSK
    regler = reglene_i_brevet(vedtak.fra_og_med or vedtak.vedtak_dato or timezone.localdate())
    vilkaar = []
    for r in vedtak.vilkaar or []:
        vilkaar.append(
            {
                **r,
                "tittel_brev": VILKAAR_NN[Vilkaar(r["vilkaar"])].format(**regler) if nn else r["tittel"],
                "vurdering_brev": VURDERING_NN[r["vurdering"]] if nn else r["vurdering_tekst"],
            }
        )
    avslag_tittel = ""
    if vedtak.avslag_vilkaar:
        v = Vilkaar(vedtak.avslag_vilkaar)
        avslag_tittel = VILKAAR_NN[v].format(**regler) if nn else v.tittel
    beregning = dict(vedtak.beregning) if vedtak.beregning else None
    if beregning:
        beregning["linjer"] = [
            {
                **linje,
                "type_tekst": LINJETYPE[maalform][linje["type"]],
                "fra": _dato(linje["fra_og_med"]),
                "til": _dato(linje["til_og_med"]),
            }
            for linje in beregning["linjer"]
        ]
        beregning["fra"] = _dato(beregning["fra_og_med"])
        beregning["maaned_tekst"] = maanedsnavn(beregning["fra"].year, beregning["fra"].month)
        beregning["til"] = _dato(beregning["til_og_med"])
    tilbakekreving = getattr(vedtak, "tilbakekreving", None) if vedtak.type == Vedtakstype.TILBAKEKREVING else None
    return {
        "tilbakekreving": tilbakekreving,
        "maks_trekk_prosent": person.kommune.maks_trekk_prosent,
        "vedtak": vedtak,
        "sak": sak,
        "person": person,
        "kontor": sak.kontor,
        "maalform": maalform,
        "lang": "nn" if nn else "nb",
        "tittel": TITTEL[maalform][vedtak.type],
        "type": vedtak.type,
        "T": Vedtakstype,
        "hjemler": [h[1] if nn else h[0] for h in HJEMLER[vedtak.type]],
        "vilkaar": vilkaar,
        "regler": regler,
        "avslag_tittel": avslag_tittel,
        "beregning": beregning,
        "evalueringer": [_dato(d) for d in vedtak.evalueringsdatoer or []],
        "dato": vedtak.vedtak_dato,
        "saksbehandler": vedtak.opprettet_av.visningsnavn,
        "beslutter": vedtak.beslutter.visningsnavn if vedtak.beslutter else "",
        "utkast": vedtak.status != "FATTET",
    }


def vedtaksbrev_html(vedtak: Vedtak) -> str:
    """Brevets innhold (et `<article>` med riktig `lang`), som vises i nettleseren og settes inn i PDF-en."""
    kontekst = brevkontekst(vedtak)
    return render_to_string(BREVMAL, kontekst)


def pdf_lag(*, html: str, tittel: str, lang: str) -> bytes:
    """Brevet som tilgjengelig PDF (PDF/UA-1): merket med strukturtre, språket (`nb`/`nn`) og tittelen satt."""
    dokument = render_to_string("brev/pdf.html", {"innhold": html, "tittel": tittel, "lang": lang})
    pdf: bytes = HTML(string=dokument).write_pdf(stylesheets=[CSS(filename=str(BREV_CSS))], pdf_variant="pdf/ua-1")
    return pdf


@transaction.atomic
def vedtaksbrev_lag(*, vedtak: Vedtak) -> Brev:
    """Lager og lagrer vedtaksbrevet når vedtaket er fattet (i samme transaksjon som vedtaket)."""
    kontekst = brevkontekst(vedtak)
    html = render_to_string(BREVMAL, kontekst)
    brev = Brev.objects.create(
        vedtak=vedtak,
        maalform=kontekst["maalform"],
        tittel=kontekst["tittel"],
        html=html,
        pdf=pdf_lag(html=html, tittel=kontekst["tittel"], lang=kontekst["lang"]),
    )
    logghendelse_registrer(
        bruker=vedtak.beslutter,
        kontor=vedtak.sak.kontor,
        person=vedtak.sak.person,
        handling="OPPRETT",
        objekt=brev,
        beskrivelse=brev.tittel,
        etter={"maalform": brev.maalform, "vedtak": str(vedtak.pk)},
    )
    varsel_opprett(person=vedtak.sak.person, grunn="BREV")
    return brev


def vedtaksbrev_lag_etter_fattet_vedtak(hendelse: VedtakFattet) -> None:
    """Mottar `VedtakFattet` (registrert i `BrevConfig.ready`): hvert vedtak som fattes i totrinnskontrollen, får
    sitt brev. Tilbakekrevingsvedtak får brevet fra utbetalingen, når kravet er koblet til vedtaket."""
    vedtaksbrev_lag(
        vedtak=Vedtak.objects.select_related("sak__person__kommune", "sak__kontor").get(pk=hendelse.vedtak_id)
    )

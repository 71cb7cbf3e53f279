"""Brevene til deltakeren: samme mal gir HTML-visningen i nettleseren og PDF-en (WeasyPrint) som lagres.

Én mal (`brev/vedtaksbrev.html`) og én tekstkatalog (`tekster.BREVTEKST`, bokmål og nynorsk) for alle brevene:
vedtaksbrevene (hver `Vedtakstype`), oppstart, foreløpig svar og forhåndsvarsel. Brevhodet (kontorets adresse og
telefon, saksnummer, dato), stønaden (per måned og per dag, med utregningen i et vedlegg), utbetaling, skatt og
meldeplikt er felles; reglene bak står i docs/regler/brev-og-forhaandsvarsel.md.
"""

import datetime as dt
from pathlib import Path
from typing import Any

from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from weasyprint import CSS, HTML

from kvp.deltaker.services import varsel_opprett
from kvp.felles.hendelser import BrevSkalSendes, VedtakFattet
from kvp.felles.services import logghendelse_registrer
from kvp.jobber.fremdrift import Fremdrift
from kvp.jobber.models import Jobb
from kvp.jobber.services import jobb_start
from kvp.jobber.typer import Utfall
from kvp.person.models import Maalform
from kvp.sak.models import ForeloepigSvar, Sak
from kvp.tilgang.models import Bruker, NavKontor, Rolle
from kvp.tilgang.tilgang import krev_rolle
from kvp.vedtak.models import Forhaandsvarsel, Vedtak, Vedtaksstatus, Vedtakstype
from kvp_regler.belop import kroner_tekst
from kvp_regler.beregning.brevtall import beloep_per_dag
from kvp_regler.beregning.nynorsk import forklaring
from kvp_regler.parametere import STANDARD
from kvp_regler.program.timer import full_tid, timer_tekst
from kvp_regler.program.vedtaksperioder import siste_dag_med_stoenad
from kvp_regler.tid import bursdag, maanedsnavn
from kvp_regler.vilkaar import Vilkaar, Vurdering

from .models import Brev, Brevtype
from .tekster import (
    AKTSOMHET,
    AVSLAG_GRUNN,
    BREVTITTEL,
    HJEMLER,
    LINJETYPE,
    TITTEL,
    VILKAAR_NN,
    VURDERING_NN,
)

BREV_CSS = Path(__file__).parent / "static" / "brev" / "brev.css"
#: Én mal for alle brevene og begge målformer; tekstene står i `tekster.BREVTEKST`.
BREVMAL = "brev/vedtaksbrev.html"


def _dato(verdi: Any) -> dt.date | None:
    if verdi is None or isinstance(verdi, dt.date):
        return verdi
    return dt.date.fromisoformat(str(verdi))


def reglene_i_brevet(dato: dt.date) -> dict[str, str]:
    """Tallene fra reglene som brevet nevner, slik de gjelder på `dato` (fra parameterne i `kvp_regler`)."""
    andel = STANDARD["andel_under_25"].verdi(dato)
    return {
        "full_tid": timer_tekst(full_tid(dato)),
        "alder_full_stoenad": str(STANDARD["alder_full_stoenad"].verdi(dato)),
        "nedre_alder": str(STANDARD["nedre_alder"].verdi(dato)),
        "oevre_alder": str(STANDARD["oevre_alder"].verdi(dato)),
        "andel_under_25": f"{andel.numerator}/{andel.denominator}",
        "skatt_uten_skattekort": str(STANDARD["skattetrekk_uten_skattekort"].verdi(dato)),
    }


def _maalform(sak: Sak) -> str:
    maalform = sak.person.maalform
    return maalform if maalform in (Maalform.BOKMAAL, Maalform.NYNORSK) else Maalform.BOKMAAL


def stoenaden_i_brevet(beregning: dict[str, Any] | None, *, foedselsdato: dt.date, maalform: str) -> dict[str, Any]:
    """Stønaden slik brevet viser den: per måned og per dag (kroner og øre), datoen deltakeren fyller 25 når satsen er
    redusert, og linjene i vedlegget med forklaringen på brevets målform. Tom når vedtaket ikke har en beregning."""
    if not beregning:
        return {}
    fra = _dato(beregning["fra_og_med"])
    assert fra is not None  # noqa: S101 - beregningen har alltid en periode
    per_dag = beloep_per_dag(beregning.get("resultat", {}).get("linjer", []))
    lang = "nn" if maalform == Maalform.NYNORSK else "nb"
    return {
        **beregning,
        "fra": fra,
        "til": _dato(beregning["til_og_med"]),
        "maaned_tekst": maanedsnavn(fra.year, fra.month, maalform),
        "per_dag_tekst": kroner_tekst(per_dag) if per_dag is not None else "",
        "fyller_25": bursdag(foedselsdato, int(STANDARD["alder_full_stoenad"].verdi(fra))),
        "linjer": [
            {
                **linje,
                "type_tekst": LINJETYPE[maalform][linje["type"]],
                "forklaring_brev": forklaring(linje["forklaring"], lang),
                "hjemmel_brev": forklaring(linje["hjemmel"], lang),
                "fra": _dato(linje["fra_og_med"]),
                "til": _dato(linje["til_og_med"]),
            }
            for linje in beregning["linjer"]
        ],
    }


def _gjeldende_beregning(sak: Sak) -> dict[str, Any] | None:
    """Beregningen i sakens siste fattede innvilgelse (stønaden som gjelder for programmet)."""
    innvilgelse = (
        sak.vedtak.filter(type=Vedtakstype.INNVILGELSE, status=Vedtaksstatus.FATTET)
        .order_by("-fattet_tidspunkt")
        .first()
    )
    return innvilgelse.beregning if innvilgelse else None


def _felles(sak: Sak, *, dato: dt.date, regeldato: dt.date | None = None) -> dict[str, Any]:
    """Det alle brevene har: brevhodet, mottakeren, målformen og reglene."""
    maalform = _maalform(sak)
    kontor = sak.kontor
    return {
        "kontor_adresse": ", ".join(d for d in (kontor.adresse, f"{kontor.postnummer} {kontor.poststed}".strip()) if d),
        "sak": sak,
        "person": sak.person,
        "kontor": sak.kontor,
        "kommune": sak.person.kommune,
        "maalform": maalform,
        "lang": "nn" if maalform == Maalform.NYNORSK else "nb",
        "regler": reglene_i_brevet(regeldato or dato),
        "dato": dato,
        "T": Vedtakstype,
        "B": Brevtype,
        "utkast": False,
        "vedtak": None,
        "type": None,
        "vilkaar": [],
        "hjemler": [],
        "stoenad": {},
        "beregning": None,
    }


def brevkontekst(vedtak: Vedtak) -> dict[str, Any]:
    """Alt malen trenger for vedtaksbrevet, på målformen til deltakeren."""
    sak = vedtak.sak
    person = sak.person
    kontekst = _felles(
        sak, dato=vedtak.vedtak_dato or timezone.localdate(), regeldato=vedtak.fra_og_med or vedtak.vedtak_dato
    )
    maalform = kontekst["maalform"]
    nn = maalform == Maalform.NYNORSK
    regler = kontekst["regler"]
    vilkaar = []
    for r in vedtak.vilkaar or []:
        vilkaar.append(
            {
                **r,
                "tittel_brev": VILKAAR_NN[Vilkaar(r["vilkaar"])].format(**regler) if nn else r["tittel"],
                "vurdering_brev": VURDERING_NN[r["vurdering"]] if nn else r["vurdering_tekst"],
            }
        )
    # Avslaget nevner hvert vilkår som ikke er oppfylt, med det valgte først.
    ikke_oppfylt = [r["vilkaar"] for r in vedtak.vilkaar or [] if r["vurdering"] == Vurdering.IKKE_OPPFYLT]
    if vedtak.avslag_vilkaar and vedtak.avslag_vilkaar not in ikke_oppfylt:
        ikke_oppfylt.insert(0, vedtak.avslag_vilkaar)
    avslagsgrunner = [AVSLAG_GRUNN[maalform][Vilkaar(v)].format(**regler) for v in ikke_oppfylt]
    beregning = vedtak.beregning
    if vedtak.type in (Vedtakstype.ENDRING, Vedtakstype.FORLENGELSE, Vedtakstype.GJENOPPTAK):
        beregning = _gjeldende_beregning(sak)
    siste_dag = None
    if vedtak.type in (Vedtakstype.STANS, Vedtakstype.AVSLUTNING) and vedtak.fra_og_med:
        siste_dag = siste_dag_med_stoenad(vedtak.fra_og_med)
    tilbakekreving = getattr(vedtak, "tilbakekreving", None) if vedtak.type == Vedtakstype.TILBAKEKREVING else None
    hjemler = HJEMLER[vedtak.type]
    kontekst.update(
        {
            "brevtype": Brevtype.VEDTAK,
            "tilbakekreving": tilbakekreving,
            "tilbakekreving_maaned": (
                maanedsnavn(tilbakekreving.korreksjon.aar, tilbakekreving.korreksjon.maaned, maalform)
                if tilbakekreving
                else ""
            ),
            "aktsomhet_tekst": (
                AKTSOMHET[maalform].get(tilbakekreving.aktsomhet, "") if tilbakekreving is not None else ""
            ),
            "maks_trekk_prosent": person.kommune.maks_trekk_prosent,
            "vedtak": vedtak,
            "tittel": TITTEL[maalform][vedtak.type],
            "type": vedtak.type,
            "hjemler": [h[1] if nn else h[0] for h in hjemler],
            "vilkaar": vilkaar,
            "avslagsgrunner": avslagsgrunner,
            "beregning": beregning,
            "stoenad": stoenaden_i_brevet(beregning, foedselsdato=person.foedselsdato, maalform=maalform),
            "siste_dag": siste_dag,
            "evalueringer": [_dato(d) for d in vedtak.evalueringsdatoer or []],
            "saksbehandler": vedtak.opprettet_av.visningsnavn,
            "beslutter": vedtak.beslutter.visningsnavn if vedtak.beslutter else "",
            "utkast": vedtak.status != Vedtaksstatus.FATTET,
            "klagerett": True,
        }
    )
    return kontekst


def oppstartkontekst(sak: Sak, *, bruker: Any) -> dict[str, Any]:
    """Brevet om at programmet har begynt: stønaden regnes fra oppstarten, med beløpet fra innvilgelsen."""
    kontekst = _felles(sak, dato=timezone.localdate(), regeldato=sak.begynt_dato)
    maalform = kontekst["maalform"]
    beregning = _gjeldende_beregning(sak)
    kontekst.update(
        {
            "brevtype": Brevtype.OPPSTART,
            "tittel": BREVTITTEL[maalform][Brevtype.OPPSTART],
            "hjemler": [h[1] if maalform == Maalform.NYNORSK else h[0] for h in HJEMLER[Brevtype.OPPSTART]],
            "beregning": beregning,
            "stoenad": stoenaden_i_brevet(beregning, foedselsdato=sak.person.foedselsdato, maalform=maalform),
            "saksbehandler": bruker.visningsnavn if bruker is not None else "",
            "beslutter": "",
            "klagerett": False,
        }
    )
    return kontekst


def brev_html_paa(brev: Brev, *, maalform: str) -> str:
    """Brevet laget på nytt på `maalform` («NB»/«NN»), uten å lagre noe: til kontroll av tekstene (testene går
    gjennom hvert brev i demodataene på begge målformer). Det sendte brevet er `brev.html`."""
    if brev.vedtak is not None:
        vedtak = Vedtak.objects.select_related("sak__person__kommune", "sak__kontor").get(pk=brev.vedtak_id)
        vedtak.sak.person.maalform = maalform
        kontekst = brevkontekst(vedtak)
    elif brev.forhaandsvarsel is not None:
        varsel = Forhaandsvarsel.objects.select_related("sak__person__kommune", "sak__kontor").get(
            pk=brev.forhaandsvarsel.pk
        )
        varsel.sak.person.maalform = maalform
        kontekst = forhaandsvarsel_kontekst(varsel)
    elif brev.foreloepig_svar is not None:
        svar = ForeloepigSvar.objects.select_related("sak__person__kommune", "sak__kontor").get(
            pk=brev.foreloepig_svar.pk
        )
        svar.sak.person.maalform = maalform
        kontekst = foreloepig_svar_kontekst(svar)
    else:
        sak = Sak.objects.select_related("person__kommune", "kontor").get(pk=brev.sak_id)
        sak.person.maalform = maalform
        kontekst = oppstartkontekst(sak, bruker=None)
    return render_to_string(BREVMAL, kontekst)


def foreloepig_svar_kontekst(svar: ForeloepigSvar) -> dict[str, Any]:
    """Foreløpig svar (forvaltningsloven § 11 a tredje ledd): søknaden tar tid, hvorfor, og når svaret kommer."""
    kontekst = _felles(svar.sak, dato=svar.sendt_dato)
    maalform = kontekst["maalform"]
    kontekst.update(
        {
            "brevtype": Brevtype.FORELOEPIG_SVAR,
            "tittel": BREVTITTEL[maalform][Brevtype.FORELOEPIG_SVAR],
            "foreloepig_svar": svar,
            "hjemler": [h[1] if maalform == Maalform.NYNORSK else h[0] for h in HJEMLER[Brevtype.FORELOEPIG_SVAR]],
            "saksbehandler": svar.registrert_av.visningsnavn,
            "beslutter": "",
            "klagerett": False,
        }
    )
    return kontekst


def forhaandsvarsel_kontekst(varsel: Forhaandsvarsel) -> dict[str, Any]:
    """Forhåndsvarsel (forvaltningsloven § 16): hva kontoret vurderer å vedta, hvorfor, og svarfristen."""
    kontekst = _felles(varsel.sak, dato=varsel.sendt_dato)
    maalform = kontekst["maalform"]
    nn = maalform == Maalform.NYNORSK
    maaned = (
        maanedsnavn(varsel.fra_og_med.year, varsel.fra_og_med.month, maalform)
        if varsel.fra_og_med and varsel.gjelder == "TILBAKEKREVING"
        else ""
    )
    kontekst.update(
        {
            "brevtype": Brevtype.FORHAANDSVARSEL,
            "tittel": BREVTITTEL[maalform][f"{Brevtype.FORHAANDSVARSEL}_{varsel.gjelder}"],
            "varsel": varsel,
            "varsel_maaned": maaned,
            "siste_dag": (
                siste_dag_med_stoenad(varsel.fra_og_med)
                if varsel.fra_og_med and varsel.gjelder != "TILBAKEKREVING"
                else None
            ),
            "hjemler": [h[1] if nn else h[0] for h in HJEMLER[f"{Brevtype.FORHAANDSVARSEL}_{varsel.gjelder}"]],
            "saksbehandler": varsel.opprettet_av.visningsnavn,
            "beslutter": "",
            "klagerett": False,
        }
    )
    return kontekst


def vedtaksbrev_html(vedtak: Vedtak) -> str:
    """Brevets innhold (et `<article>` med riktig `lang`), som vises i nettleseren og settes inn i PDF-en."""
    return render_to_string(BREVMAL, brevkontekst(vedtak))


def pdf_lag(*, html: str, tittel: str, lang: str) -> bytes:
    """Brevet som tilgjengelig PDF (PDF/UA-1): merket med strukturtre, språket (`nb`/`nn`) og tittelen satt."""
    dokument = render_to_string("brev/pdf.html", {"innhold": html, "tittel": tittel, "lang": lang})
    pdf: bytes = HTML(string=dokument).write_pdf(stylesheets=[CSS(filename=str(BREV_CSS))], pdf_variant="pdf/ua-1")
    return pdf


def _lagre(*, kontekst: dict[str, Any], bruker: Any, type_: str, **kobling: Any) -> Brev:
    html = render_to_string(BREVMAL, kontekst)
    sak = kontekst["sak"]
    brev = Brev.objects.create(
        sak=sak,
        type=type_,
        dato=kontekst["dato"],
        maalform=kontekst["maalform"],
        tittel=kontekst["tittel"],
        html=html,
        pdf=pdf_lag(html=html, tittel=kontekst["tittel"], lang=kontekst["lang"]),
        **kobling,
    )
    logghendelse_registrer(
        bruker=bruker,
        kontor=sak.kontor,
        person=sak.person,
        handling="OPPRETT",
        objekt=brev,
        beskrivelse=brev.tittel,
        etter={"maalform": brev.maalform, "type": type_},
    )
    varsel_opprett(person=sak.person, grunn="BREV")
    return brev


@transaction.atomic
def vedtaksbrev_lag(*, vedtak: Vedtak) -> Brev:
    """Lager og lagrer vedtaksbrevet når vedtaket er fattet (i samme transaksjon som vedtaket)."""
    return _lagre(kontekst=brevkontekst(vedtak), bruker=vedtak.beslutter, type_=Brevtype.VEDTAK, vedtak=vedtak)


def vedtaksbrev_lag_etter_fattet_vedtak(hendelse: VedtakFattet) -> None:
    """Mottar `VedtakFattet` (registrert i `BrevConfig.ready`): hvert vedtak som fattes i totrinnskontrollen, får
    sitt brev. Tilbakekrevingsvedtak får brevet fra utbetalingen, når kravet er koblet til vedtaket."""
    vedtaksbrev_lag(
        vedtak=Vedtak.objects.select_related("sak__person__kommune", "sak__kontor").get(pk=hendelse.vedtak_id)
    )


def brev_lag_etter_hendelse(hendelse: BrevSkalSendes) -> None:
    """Mottar `BrevSkalSendes` (registrert i `BrevConfig.ready`): se `brev_lag`."""
    brev_lag(hendelse=hendelse)


@transaction.atomic
def brev_lag(*, hendelse: BrevSkalSendes) -> Brev:
    """Oppstartsbrevet, det foreløpige svaret og forhåndsvarselet lages og lagres i samme
    transaksjon som det de melder om."""
    objekt_id: Any = hendelse.objekt_id
    if hendelse.type == Brevtype.FORELOEPIG_SVAR:
        svar = ForeloepigSvar.objects.select_related("sak__person__kommune", "sak__kontor").get(pk=objekt_id)
        return _lagre(
            kontekst=foreloepig_svar_kontekst(svar),
            bruker=hendelse.bruker,
            type_=Brevtype.FORELOEPIG_SVAR,
            foreloepig_svar=svar,
        )
    if hendelse.type == Brevtype.FORHAANDSVARSEL:
        varsel = Forhaandsvarsel.objects.select_related("sak__person__kommune", "sak__kontor").get(pk=objekt_id)
        return _lagre(
            kontekst=forhaandsvarsel_kontekst(varsel),
            bruker=hendelse.bruker,
            type_=Brevtype.FORHAANDSVARSEL,
            forhaandsvarsel=varsel,
        )
    if hendelse.type == Brevtype.OPPSTART:
        sak = Sak.objects.select_related("person__kommune", "kontor").get(pk=hendelse.sak_id)
        return _lagre(
            kontekst=oppstartkontekst(sak, bruker=hendelse.bruker), bruker=hendelse.bruker, type_=Brevtype.OPPSTART
        )
    raise ValueError(f"Ukjent brevtype {hendelse.type}")


# --- ventende brev som bakgrunnsjobb (kvp.jobber) -------------------------------------------------------------

TYPE_VENTENDE_BREV = "brev.ventende"


def _ventende_vedtak(kontor_id: Any) -> "models.QuerySet[Vedtak]":
    """Fattede vedtak ved kontoret som mangler brev. Tilbakekrevingsvedtak får brevet fra utbetalingen når kravet
    er koblet til vedtaket, så de tas ikke med her."""
    return (
        Vedtak.objects.filter(sak__kontor_id=kontor_id, status=Vedtaksstatus.FATTET, brev__isnull=True)
        .exclude(type=Vedtakstype.TILBAKEKREVING)
        .order_by("fattet_tidspunkt", "pk")
    )


@transaction.atomic
def ventende_vedtaksbrev_start_som_jobb(*, bruker: Bruker) -> list[Jobb]:
    """Starter en jobb per kontor der brukeren er leder, som lager PDF-brevene til fattede vedtak som mangler brev
    (eller gir jobben som allerede kjører for kontoret). Kontorraden låses, så to samtidige starter gir én jobb."""
    kontorer = krev_rolle(bruker, (Rolle.LEDER,))
    jobber = []
    for kontor in NavKontor.objects.select_for_update().filter(pk__in=kontorer).order_by("pk"):
        jobb, _ = jobb_start(
            bruker=bruker,
            kontor=kontor,
            type=TYPE_VENTENDE_BREV,
            noekkel=f"{TYPE_VENTENDE_BREV}:{kontor.pk}",
            tittel=f"Vedtaksbrev som mangler, {kontor.navn}",
        )
        jobber.append(jobb)
    return jobber


def lag_ventende_vedtaksbrev(jobb: Jobb, fremdrift: Fremdrift) -> Utfall:
    """Jobbtypen `brev.ventende`: ett brev per transaksjon (`vedtaksbrev_lag`), med vedtaket låst; et vedtak som
    har fått brev i mellomtiden hoppes over. Kan kjøres på nytt etter et avbrudd."""
    ider = list(_ventende_vedtak(jobb.kontor_id).values_list("pk", flat=True))
    fremdrift.oppdater(gjort=0, totalt=len(ider), steg="Lager brevene")
    laget = 0
    for nr, vedtak_id in enumerate(ider, start=1):
        with transaction.atomic():
            vedtak = (
                _ventende_vedtak(jobb.kontor_id)
                .select_for_update(of=("self",))
                .select_related("sak__person__kommune", "sak__kontor")
                .filter(pk=vedtak_id)
                .first()
            )
            if vedtak is not None:
                vedtaksbrev_lag(vedtak=vedtak)
                laget += 1
        fremdrift.oppdater(gjort=nr)
    if not laget:
        return Utfall(melding="Ingen fattede vedtak manglet brev.")
    return Utfall(melding=f"{laget} vedtaksbrev er laget som PDF.")

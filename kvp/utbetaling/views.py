"""Utbetalingsrundene, innstillingene, mottakerne og tilbakekrevingene (tynne visninger over tjenestene)."""

import datetime as dt
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kvp.felles.bekreftelse import Bekreftelse, bekreftelse_svar, er_bekreftet, ikke_bekreftet_svar
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.forms import skjema_svar
from kvp.felles.services import lesing_registrer, logghendelse_registrer
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra

from . import eksport, selectors, services
from .beregning import kroner, maanedstekst
from .forms import ForeslaaForm, ForkastForm, InnstillingerForm, KjoerForm, KvitteringForm, MottakerForm, VedtaForm
from .models import Aktsomhet, Rundestatus, Utbetalingsrunde
from .services.jobber import grunnbeloep_reguler_start_som_jobb, utbetalingsrunde_start_som_jobb


def _oversikt(request: HttpRequest, *, kjoer_form: KjoerForm | None = None, status: int = 200) -> HttpResponse:
    runder = selectors.runder_for_bruker(bruker=bruker_fra(request))
    kommuner = list(tilgang.synlige(bruker_fra(request), "utbetalingskommune", Handling.SKRIV).order_by("navn"))
    er_oekonomi = bool(kommuner)
    if kjoer_form is None and er_oekonomi:
        forrige = timezone.localdate().replace(day=1) - dt.timedelta(days=1)
        kjoer_form = KjoerForm(initial={"aar": forrige.year, "maaned": str(forrige.month)}, kommuner=kommuner)
    return render(
        request,
        "utbetaling/oversikt.html",
        {"runder": runder, "kjoer_form": kjoer_form, "kommuner": kommuner, "er_oekonomi": er_oekonomi},
        status=status,
    )


@require_GET
def oversikt(request: HttpRequest) -> HttpResponse:
    return _oversikt(request)


@require_POST
def kjoer(request: HttpRequest) -> HttpResponse:
    kommuner = list(selectors.kommuner_for_oekonomi(bruker=bruker_fra(request)))
    form = KjoerForm(request.POST, kommuner=kommuner)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        runde = services.utbetalingsrunde_kjoer(
            bruker=bruker_fra(request), kommune_nummer=d["kommune"], aar=d["aar"], maaned=int(d["maaned"])
        )
        messages.success(request, "Utbetalingsrunden er simulert.")
        return redirect("utbetaling:runde", runde_id=runde.pk)

    return skjema_svar(form, lagre, lambda status: _oversikt(request, kjoer_form=form, status=status))


@require_POST
def kjoer_jobb(request: HttpRequest) -> HttpResponse:
    """Simulerer runden som bakgrunnsjobb (kvp.jobber) og viser fremdriften."""
    kommuner = list(selectors.kommuner_for_oekonomi(bruker=bruker_fra(request)))
    form = KjoerForm(request.POST, kommuner=kommuner)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        jobb = utbetalingsrunde_start_som_jobb(
            bruker=bruker_fra(request), kommune_nummer=d["kommune"], aar=d["aar"], maaned=int(d["maaned"])
        )
        return redirect("jobber:jobb", jobb_id=jobb.pk)

    return skjema_svar(form, lagre, lambda status: _oversikt(request, kjoer_form=form, status=status))


@require_POST
def g_regulering_jobb(request: HttpRequest, kommune_nummer: str) -> HttpResponse:
    """G-regulerer kommunens betalte måneder som bakgrunnsjobb (kvp.jobber) og viser fremdriften."""
    jobb = grunnbeloep_reguler_start_som_jobb(bruker=bruker_fra(request), kommune_nummer=kommune_nummer)
    return redirect("jobber:jobb", jobb_id=jobb.pk)


def _runde_side(request: HttpRequest, runde_id: UUID, *, status: int = 200) -> HttpResponse:
    r = selectors.runde_hent(bruker=bruker_fra(request), runde_id=runde_id)
    er_oekonomi = tilgang.kan(bruker_fra(request), "utbetalingsrunde", r, Handling.SKRIV)
    simulert = r.status == Rundestatus.SIMULERT
    utbetalinger = selectors.utbetalinger_i_runde(runde=r)
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=((u.sak.person_id, u.sak.kontor_id) for u in utbetalinger),
        formaal="Utbetalingene i en utbetalingsrunde",
        objekttype="utbetalingsrunde",
        objekt_id=str(r.pk),
    )
    return render(
        request,
        "utbetaling/runde.html",
        {
            "runde": r,
            "utbetalinger": utbetalinger,
            "er_oekonomi": er_oekonomi,
            "kan_lastes_ned": r.status in (Rundestatus.EKSPORTERT, Rundestatus.BEKREFTET),
            "kan_godkjenne": selectors.kan_godkjenne_runden(runde=r) if simulert else [],
            "kontonummer_venter": selectors.kontonummer_venter(runde=r) if simulert and er_oekonomi else 0,
        },
        status=status,
    )


@require_GET
def runde(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    return _runde_side(request, runde_id)


def _handling(request: HttpRequest, runde_id: UUID, tjeneste: Any, melding: str, *, til: str = "") -> HttpResponse:
    planlagt = selectors.runde_hent(bruker=bruker_fra(request), runde_id=runde_id).utbetalingsdato
    try:
        r = tjeneste(bruker=bruker_fra(request), runde_id=runde_id)
    except (IkkeFunnet, IkkeTilgang):
        raise
    except KvpFeil as feil:
        messages.error(request, feil.melding)
        if feil.kode == "KVP_RUNDE_FORKASTET":
            return redirect("utbetaling:oversikt")
        return _runde_side(request, runde_id, status=400)
    messages.success(request, melding)
    if isinstance(r, Utbetalingsrunde) and r.utbetalingsdato != planlagt:
        messages.warning(request, services.utbetalingsdato_flyttet_tekst(fra=planlagt, til=r.utbetalingsdato))
    return redirect(til) if til else redirect("utbetaling:runde", runde_id=runde_id)


#: Handlingene på en runde som ikke kan angres: (handlingen i tilgangslaget, statusen runden må ha, verbet).
_BEKREFTES = {
    "godkjenn": (Handling.GODKJENN, Rundestatus.SIMULERT, "godkjennes"),
    "forkast": (Handling.SKRIV, Rundestatus.SIMULERT, "forkastes"),
    "bekreft": (Handling.EKSPORTER, Rundestatus.EKSPORTERT, "bekreftes som betalt"),
}


def _runde_bekreftelse(runde: Utbetalingsrunde, handling: str, skjema: ForkastForm | None = None) -> Bekreftelse:
    """Hva som skjer med runden, i klartekst, med beløpene og antallet deltakere (issue 15 punkt 7). Runden kommer
    med summene annotert (`antall`, `sum_netto`, `sum_brutto`, `sum_skatt`, `sum_trekk`)."""
    r: Any = runde
    maaned = maanedstekst(r.aar, r.maaned)
    antall, dato = r.antall, r.utbetalingsdato.strftime("%d.%m.%Y")
    deltakere = f"{antall} deltaker" if antall == 1 else f"{antall} deltakere"
    netto, brutto = kroner(r.sum_netto or Decimal(0)), kroner(r.sum_brutto or Decimal(0))
    skatt, trekk = kroner(r.sum_skatt or Decimal(0)), kroner(r.sum_trekk or Decimal(0))
    fakta = [
        ("Måned", maaned),
        ("Kommune", r.kommune.navn),
        ("Deltakere", str(antall)),
        ("Brutto", brutto),
        ("Skattetrekk", skatt),
        ("Trekk for tilbakekreving", trekk),
        ("Netto til deltakerne", netto),
        ("Utbetalingsdato", dato),
    ]
    felles: dict[str, Any] = {
        "handling_url": reverse(f"utbetaling:{handling}", args=[r.pk]),
        "avbryt_url": reverse("utbetaling:runde", args=[r.pk]),
        "fakta": fakta,
    }
    if handling == "godkjenn":
        punkter = [
            f"Runden for {maaned} i {r.kommune.navn} godkjennes: {deltakere} får til sammen {netto} utbetalt "
            f"{dato} (brutto {brutto}, skattetrekk {skatt}, trekk for tilbakekreving {trekk}).",
            "Du godkjenner som den andre i økonomi (fireøyneprinsippet), og navnet ditt lagres på runden.",
            "Neste steg er å eksportere betalingsfilen og regnskapsfilen og sende dem til banken.",
        ]
        if r.utbetalingsdato < timezone.localdate():
            punkter.append(f"Utbetalingsdatoen {dato} er passert: runden får den neste mulige bankdagen.")
        return Bekreftelse(
            tittel=f"Godkjenn utbetalingen for {maaned} – {r.kommune.navn}",
            punkter=punkter,
            angres="En godkjent runde kan ikke forkastes eller simuleres på nytt. Feil i en utbetaling rettes med en "
            "korreksjon i en senere runde.",
            knapp=f"Ja, godkjenn {netto} til {deltakere}",
            opptatt="Godkjenner runden …",
            **felles,
        )
    if handling == "bekreft":
        return Bekreftelse(
            tittel=f"Bekreft at banken har betalt {maaned} – {r.kommune.navn}",
            punkter=[
                f"Du bekrefter at banken har betalt alle de {antall} utbetalingene i runden, til sammen {netto}, "
                f"med utbetalingsdato {dato}.",
                f"Runden får status «{Rundestatus.BEKREFTET.label}», og utbetalingene regnes som betalt i "
                "årsoppgavene og i korreksjonene.",
                "Har du kvitteringsfilen fra banken (pain.002), les den inn i stedet: den viser hvilke betalinger "
                "banken avviste.",
            ],
            angres="En bekreftet runde kan ikke settes tilbake til eksportert.",
            knapp="Ja, banken har betalt",
            opptatt="Bekrefter utbetalingen …",
            **felles,
        )
    return Bekreftelse(
        tittel=f"Forkast den simulerte runden for {maaned} – {r.kommune.navn}",
        punkter=[
            f"De {antall} beregnede utbetalingene i runden, til sammen {netto}, slettes.",
            "Etterbetalinger i runden venter igjen på neste runde, og tilbakekrevinger som runden gjorde opp, blir "
            "åpne igjen.",
            "Måneden kan simuleres på nytt av én i økonomi og godkjennes av en annen.",
        ],
        angres="Den forkastede runden kan ikke hentes tilbake; tallene den hadde, står i revisjonsloggen.",
        knapp="Forkast runden",
        opptatt="Forkaster runden …",
        skjema=skjema or ForkastForm(),
        **felles,
    )


def _bekreftelse_eller_feil(
    request: HttpRequest, runde_id: UUID, handling: str, *, status: int = 200, skjema: ForkastForm | None = None
) -> HttpResponse:
    """Bekreftelsessiden for handlingen, eller rundesiden med en feilmelding når runden ikke har statusen for den."""
    tilgangshandling, riktig_status, verb = _BEKREFTES[handling]
    tilgang.utbetalingsrunde(bruker_fra(request), runde_id, tilgangshandling)  # 403/404 før noe vises
    r = selectors.runde_hent(bruker=bruker_fra(request), runde_id=runde_id)
    if r.status != riktig_status:
        messages.error(
            request,
            f"Runden er {r.get_status_display().lower()}. Bare en runde med status "
            f"«{Rundestatus(riktig_status).label.lower()}» kan {verb}.",
        )
        return _runde_side(request, runde_id, status=400)
    bekreftelse = _runde_bekreftelse(r, handling, skjema)
    if status == 400 and skjema is None:
        return ikke_bekreftet_svar(request, bekreftelse)
    return bekreftelse_svar(request, bekreftelse, status=status)


@require_http_methods(["GET", "POST"])
def godkjenn(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    """GET: hva godkjenningen betyr. POST med bekreftelsen: runden godkjennes; uten den: 400, ingenting gjort."""
    if not er_bekreftet(request):
        return _bekreftelse_eller_feil(request, runde_id, "godkjenn", status=400 if request.method == "POST" else 200)
    return _handling(request, runde_id, services.utbetalingsrunde_godkjenn, "Runden er godkjent.")


@require_http_methods(["GET", "POST"])
def forkast(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    """GET: hva forkastingen betyr. POST med avkrysningen: runden forkastes; uten den: 400, ingenting gjort."""
    if request.method == "GET":
        return _bekreftelse_eller_feil(request, runde_id, "forkast")
    form = ForkastForm(request.POST)
    if not form.is_valid():
        return _bekreftelse_eller_feil(request, runde_id, "forkast", status=400, skjema=form)
    return _handling(
        request,
        runde_id,
        services.utbetalingsrunde_forkast,
        "Runden er forkastet. Måneden kan simuleres på nytt.",
        til="utbetaling:oversikt",
    )


@require_POST
def eksporter(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    return _handling(
        request, runde_id, services.utbetalingsrunde_eksporter, "Runden er eksportert. Last ned filene under."
    )


@require_http_methods(["GET", "POST"])
def bekreft(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    """GET: hva bekreftelsen betyr. POST med bekreftelsen: runden er betalt; uten den: 400, ingenting gjort."""
    if not er_bekreftet(request):
        return _bekreftelse_eller_feil(request, runde_id, "bekreft", status=400 if request.method == "POST" else 200)
    return _handling(request, runde_id, services.utbetalingsrunde_bekreft, "Utbetalingen er bekreftet.")


def _fil_runde(request: HttpRequest, runde_id: UUID) -> Any:
    # Økonomi ved kontoret som betjener rundens kommune; en rolle ved et annet kontor teller ikke.
    tilgang.utbetalingsrunde(bruker_fra(request), runde_id, Handling.EKSPORTER)
    r = selectors.runde_hent(bruker=bruker_fra(request), runde_id=runde_id)
    if r.status not in (Rundestatus.EKSPORTERT, Rundestatus.BEKREFTET):
        raise KvpFeil("Runden må være eksportert før filene kan lastes ned.", kode="KVP_RUNDE_STATUS")
    return r


def _regnskapsfil(request: HttpRequest, runde_id: UUID, *, excel: bool) -> HttpResponse:
    """Regnskapsfilen for økonomisystemet eller for Excel (samme rader), med én lesing logget per person i filen."""
    r = _fil_runde(request, runde_id)
    hva = "Regnskapsfil (Excel)" if excel else "Regnskapsfil"
    logghendelse_registrer(
        bruker=bruker_fra(request), kontor=r.kommune.nav_kontor, handling="LES", objekt=r, beskrivelse=hva
    )
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=eksport.personer_i_regnskap(r),
        formaal=f"{hva} lastet ned",
        objekttype="regnskapsfil",
        objekt_id=str(r.pk),
    )
    innhold = eksport.lag_csv_excel(r) if excel else eksport.lag_csv(r)
    svar = HttpResponse(innhold, content_type="text/csv; charset=utf-8")
    navn = f"kvp-{r.kommune_id}-{r.aar}-{r.maaned:02d}{'-excel' if excel else ''}.csv"
    svar["Content-Disposition"] = f'attachment; filename="{navn}"'
    return svar


@require_GET
def regnskap_csv(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    return _regnskapsfil(request, runde_id, excel=False)


@require_GET
def regnskap_excel_csv(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    return _regnskapsfil(request, runde_id, excel=True)


@require_GET
def pain001(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    r = _fil_runde(request, runde_id)
    logghendelse_registrer(
        bruker=bruker_fra(request), kontor=r.kommune.nav_kontor, handling="LES", objekt=r, beskrivelse="Betalingsfil"
    )
    fil = eksport.lag_pain001(r)
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=eksport.personer_i_pain001(r),
        formaal="Betalingsfil (pain.001) lastet ned",
        objekttype="betalingsfil",
        objekt_id=str(r.pk),
    )
    svar = HttpResponse(fil, content_type="application/xml")
    svar["Content-Disposition"] = f'attachment; filename="kvp-{r.kommune_id}-{r.aar}-{r.maaned:02d}-pain001.xml"'
    return svar


@require_http_methods(["GET", "POST"])
def innstillinger(request: HttpRequest, kommune_nummer: str) -> HttpResponse:
    kommune, oppsett = selectors.kommune_hent(bruker=bruker_fra(request), kommune_nummer=kommune_nummer)
    form = InnstillingerForm(
        request.POST or None,
        initial={
            "utbetalingsdag": kommune.utbetalingsdag,
            "beregningsmodell": kommune.beregningsmodell,
            "maks_trekk_prosent": kommune.maks_trekk_prosent,
            "kontonummer": oppsett.kontonummer if oppsett else "",
            "organisasjonsnummer": oppsett.organisasjonsnummer if oppsett else "",
        },
    )

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.kommune_innstillinger_endre(bruker=bruker_fra(request), kommune_nummer=kommune.nummer, **d)
        messages.success(request, "Innstillingene er lagret.")
        return redirect("utbetaling:innstillinger", kommune_nummer=kommune.nummer)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "utbetaling/innstillinger.html", {"kommune": kommune, "form": form}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def _aar(request: HttpRequest) -> int:
    tekst = request.GET.get("aar", "")
    # Bare 0–9: "²".isdigit() er sann, men int("²") feiler.
    return (
        int(tekst) if tekst.isascii() and tekst.isdigit() and 2000 <= int(tekst) <= 2999 else timezone.localdate().year
    )


@require_GET
def aarsoppgaver_csv(request: HttpRequest, kommune_nummer: str) -> HttpResponse:
    kommune, _ = selectors.kommune_hent(
        bruker=bruker_fra(request), kommune_nummer=kommune_nummer, handling=Handling.EKSPORTER
    )
    aar = _aar(request)
    logghendelse_registrer(
        bruker=bruker_fra(request),
        kontor=kommune.nav_kontor,
        handling="LES",
        objekt=kommune,
        beskrivelse=f"Årsoppgaver {aar}",
    )
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=eksport.personer_i_aarsoppgaver(kommune_nummer=kommune.nummer, aar=aar),
        formaal=f"Årsoppgaver {aar} lastet ned",
        objekttype="årsoppgaver",
        objekt_id=kommune.nummer,
    )
    svar = HttpResponse(eksport.lag_aarsoppgaver_csv(kommune_nummer=kommune.nummer, aar=aar), content_type="text/csv")
    svar["Content-Disposition"] = f'attachment; filename="kvp-aarsoppgaver-{kommune.nummer}-{aar}.csv"'
    return svar


@require_GET
def tilbakekrevinger(request: HttpRequest) -> HttpResponse:
    liste = list(selectors.tilbakekrevinger_for_bruker(bruker=bruker_fra(request)))
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=((tk.sak.person_id, tk.sak.kontor_id) for tk in liste),
        formaal="Tilbakekrevinger som venter",
        objekttype="tilbakekrevinger",
    )
    return render(
        request,
        "utbetaling/tilbakekrevinger.html",
        {
            "tilbakekrevinger": liste,
            "foreslaa_form": ForeslaaForm(),
            "vedta_form": VedtaForm(),
            "aktsomhetsvalg": Aktsomhet.choices,
        },
    )


def _krev_tilbakekreving(request: HttpRequest, tilbakekreving_id: UUID, handling: Handling) -> None:
    """En åpen tilbakekreving der brukeren har rollen økonomi ved kontoret som betjener deltakerens kommune."""
    tilgang.tilbakekreving(
        bruker_fra(request), tilbakekreving_id, handling, queryset=selectors.tilbakekrevinger_aapne()
    )


@require_POST
def foreslaa(request: HttpRequest, tilbakekreving_id: UUID) -> HttpResponse:
    _krev_tilbakekreving(request, tilbakekreving_id, Handling.SKRIV)
    form = ForeslaaForm(request.POST)
    if not form.is_valid():
        raise KvpFeil("Skriv en begrunnelse (høyst 1000 tegn).", felt="begrunnelse", kode="KVP_BEGRUNNELSE")
    services.tilbakekreving_foreslaa(
        bruker=bruker_fra(request),
        tilbakekreving_id=tilbakekreving_id,
        begrunnelse=form.cleaned_data["begrunnelse"],
        aktsomhet=form.cleaned_data["aktsomhet"],
        aktsomhet_begrunnelse=form.cleaned_data["aktsomhet_begrunnelse"],
    )
    messages.success(
        request,
        "Tilbakekrevingen er foreslått, og deltakeren har fått forhåndsvarsel. En annen i økonomi kan vedta den når "
        "svaret er registrert eller svarfristen er ute.",
    )
    return redirect("utbetaling:tilbakekrevinger")


@require_POST
def vedta(request: HttpRequest, tilbakekreving_id: UUID) -> HttpResponse:
    _krev_tilbakekreving(request, tilbakekreving_id, Handling.BESLUTT)
    form = VedtaForm(request.POST)
    if not form.is_valid():
        raise KvpFeil("Velg om beløpet skal kreves tilbake.", felt="tilbakekreves", kode="KVP_VALG")
    services.tilbakekreving_vedta(
        bruker=bruker_fra(request),
        tilbakekreving_id=tilbakekreving_id,
        tilbakekreves=form.cleaned_data["tilbakekreves"] == "ja",
    )
    messages.success(request, "Vedtaket om tilbakekreving er registrert.")
    return redirect("utbetaling:tilbakekrevinger")


@require_http_methods(["GET", "POST"])
def mottaker(request: HttpRequest, person_id: UUID) -> HttpResponse:
    person, m = selectors.mottaker_hent(bruker=bruker_fra(request), person_id=person_id)
    form = MottakerForm(
        request.POST or None,
        initial={"kontonummer": m.kontonummer, "skattetrekk": m.skattetrekk_prosent} if m else {},
    )

    def lagre(d: dict[str, Any]) -> HttpResponse:
        lagret = services.mottaker_lagre(
            bruker=bruker_fra(request),
            person_id=person.pk,
            kontonummer=d["kontonummer"],
            skattetrekk_prosent=d["skattetrekk"],
        )
        messages.success(
            request,
            "Skattetrekket er lagret. Det nye kontonummeret må godkjennes av en annen i økonomi før det brukes."
            if lagret.nytt_kontonummer
            else "Kontonummer og skattetrekk er lagret.",
        )
        return redirect("utbetaling:mottaker", person_id=person.pk)

    def vis(status: int = 200) -> HttpResponse:
        oppgave = selectors.aarsoppgave_for_person(person=person, aar=_aar(request))
        return render(
            request,
            "utbetaling/mottaker.html",
            {"person": person, "form": form, "oppgave": oppgave, "mottaker": m, "bruker": bruker_fra(request)},
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_POST
def mottaker_konto_godkjenn(request: HttpRequest, person_id: UUID) -> HttpResponse:
    person, _ = selectors.mottaker_hent(bruker=bruker_fra(request), person_id=person_id)
    try:
        services.mottaker_kontonummer_godkjenn(bruker=bruker_fra(request), person_id=person.pk)
    except (IkkeFunnet, IkkeTilgang):
        raise
    except KvpFeil as feil:
        messages.error(request, feil.melding)
        return redirect("utbetaling:mottaker", person_id=person.pk)
    messages.success(request, "Det nye kontonummeret er godkjent og brukes i utbetalingene fra nå av.")
    return redirect("utbetaling:mottaker", person_id=person.pk)


@require_http_methods(["GET", "POST"])
def kvittering(request: HttpRequest, runde_id: UUID) -> HttpResponse:
    """Økonomi leser inn bankens statusrapport (pain.002) for en eksportert runde og ser bankens svar."""
    tilgang.utbetalingsrunde(bruker_fra(request), runde_id, Handling.SKRIV, relatert=())
    r = selectors.runde_hent(bruker=bruker_fra(request), runde_id=runde_id)
    form = KvitteringForm(request.POST or None, request.FILES or None)

    def vis(status: int) -> HttpResponse:
        resultater = selectors.betalingsresultater_i_runde(runde=r)
        lesing_registrer(
            bruker=bruker_fra(request),
            personer=((b.utbetaling.sak.person_id, b.utbetaling.sak.kontor_id) for b in resultater),
            formaal="Bankens svar på rundens betalinger",
            objekttype="bankkvittering",
            objekt_id=str(r.pk),
        )
        return render(
            request, "utbetaling/kvittering.html", {"runde": r, "form": form, "resultater": resultater}, status=status
        )

    if request.method != "POST":
        return vis(200)

    def lagre(data: dict[str, Any]) -> HttpResponse:
        res = services.bankkvittering_les_inn(bruker=bruker_fra(request), runde_id=r.pk, innhold=data["fil"].read())
        if res.allerede_lest:
            messages.info(request, "Denne kvitteringen er lest inn før. Ingenting er endret.")
        else:
            messages.success(
                request,
                f"Kvitteringen er lest inn: {res.betalt} betalt, {res.avvist} avvist, {res.venter} venter på svar.",
            )
        return redirect("utbetaling:kvittering", runde_id=r.pk)

    return skjema_svar(form, lagre, vis)

"""Oppmøtekalenderen, attestering, arbeid og ytelser for saksbehandleren, og deltakerens egen side."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_POST

from kvp.felles.feil import IkkeFunnet, IkkeTilgang, KvpFeil
from kvp.felles.forms import KvpForm, skjema_svar
from kvp.felles.services import lesing_registrer
from kvp.plan import selectors as plan_selectors
from kvp.sak.selectors import sak_hent
from kvp.tilgang import objekter
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra

from . import selectors, services
from .forms import ArbeidForm, AttesterForm, EgenmeldingForm, OppmoeteForm, SlettForm, YtelseForm
from .kalender import maanedsnavn


def _til_kalender(sak_id: UUID, maaned: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse('oppmoete:kalender', kwargs={'sak_id': sak_id})}?maaned={maaned}")


def _kalenderside(
    request: HttpRequest, sak_id: UUID, *, maaned: str | None = None, status: int = 200, **skjemaer: KvpForm
) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    valgt = selectors.valgt_maaned(sak, maaned or request.GET.get("maaned"))
    kontekst: dict[str, Any] = {"sak": sak, "har_program": valgt is not None}
    if valgt is not None:
        aar, mnd = valgt
        kode = selectors.maaned_kode(aar, mnd)
        attestering = selectors.attestering_for_maaned(sak=sak, aar=aar, maaned=mnd)
        initial: dict[str, Any] = {}
        if request.GET.get("fra"):
            initial = {"fra_og_med": request.GET.get("fra"), "til_og_med": request.GET.get("til")}
        kontekst.update(
            {
                "kalender": selectors.kalender_for_maaned(sak=sak, aar=aar, maaned=mnd),
                "stoenad": selectors.stoenad_for_maaned(sak=sak, aar=aar, maaned=mnd),
                "attestering": attestering,
                "maaned_kode": kode,
                "ferie_brukt": selectors.ferie_brukt(sak=sak, aar=aar),
                "ferie_rett": sak.person.kommune.ferie_virkedager_per_aar,
                "aar": aar,
                "kan_registrere": tilgang.kan(bruker_fra(request), "oppmoete", sak, Handling.SKRIV),
                "oppmoete_form": skjemaer.get("oppmoete_form") or OppmoeteForm(initial=initial),
                "attester_form": skjemaer.get("attester_form") or AttesterForm(initial={"maaned": kode}),
                "arbeid_form": skjemaer.get("arbeid_form") or ArbeidForm(),
                "ytelse_form": skjemaer.get("ytelse_form") or YtelseForm(),
                "arbeid": selectors.arbeid_for_sak(sak=sak),
                "ytelser": selectors.ytelser_for_sak(sak=sak),
            }
        )
    return render(request, "oppmoete/kalender.html", kontekst, status=status)


def kalender(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    return _kalenderside(request, sak_id)


@require_POST
def registrer(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = OppmoeteForm(request.POST)
    maaned = request.GET.get("maaned")

    def lagre(data: dict[str, Any]) -> HttpResponse:
        nonlocal maaned
        maaned = selectors.maaned_kode(data["fra_og_med"].year, data["fra_og_med"].month)
        antall = services.oppmoete_registrer(bruker=bruker_fra(request), sak_id=sak.pk, **data)
        messages.success(request, f"Oppmøtet er registrert ({antall} {'dag' if antall == 1 else 'dager'}).")
        return _til_kalender(sak.pk, maaned)

    return skjema_svar(
        form, lagre, lambda status: _kalenderside(request, sak_id, maaned=maaned, status=status, oppmoete_form=form)
    )


@require_POST
def attester(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = AttesterForm(request.POST)
    maaned = None

    def lagre(data: dict[str, Any]) -> HttpResponse:
        nonlocal maaned
        maaned = data["maaned"]
        aar, mnd = (int(d) for d in maaned.split("-"))
        services.maaned_attester(bruker=bruker_fra(request), sak_id=sak.pk, aar=aar, maaned=mnd)
        messages.success(request, "Måneden er attestert og låst for utbetaling.")
        return _til_kalender(sak.pk, maaned)

    return skjema_svar(
        form, lagre, lambda status: _kalenderside(request, sak_id, maaned=maaned, status=status, attester_form=form)
    )


def _registrer_fra_skjema(
    request: HttpRequest, sak_id: UUID, *, skjema: type[Any], tjeneste: Any, melding: str, navn: str
) -> HttpResponse:
    """Felles for skjemaene på kalendersiden som registrerer én ting på saken (arbeid, ytelse)."""
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = skjema(request.POST)
    maaned = request.GET.get("maaned")

    def lagre(data: dict[str, Any]) -> HttpResponse:
        tjeneste(bruker=bruker_fra(request), sak_id=sak.pk, **data)
        messages.success(request, melding)
        return _til_kalender(sak.pk, maaned or "")

    return skjema_svar(
        form, lagre, lambda status: _kalenderside(request, sak_id, maaned=maaned, status=status, **{navn: form})
    )


@require_POST
def arbeid(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    return _registrer_fra_skjema(
        request,
        sak_id,
        skjema=ArbeidForm,
        tjeneste=services.arbeidsperiode_registrer,
        melding="Arbeidet er registrert.",
        navn="arbeid_form",
    )


@require_POST
def ytelse(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    return _registrer_fra_skjema(
        request,
        sak_id,
        skjema=YtelseForm,
        tjeneste=services.annen_ytelse_registrer,
        melding="Ytelsen er registrert.",
        navn="ytelse_form",
    )


@require_POST
def slett(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = SlettForm(request.POST)
    maaned = request.GET.get("maaned")
    if form.is_valid():
        try:
            services.registrering_slett(bruker=bruker_fra(request), sak_id=sak.pk, **form.cleaned_data)
            messages.success(request, "Registreringen er slettet.")
            return _til_kalender(sak.pk, maaned or "")
        except (IkkeFunnet, IkkeTilgang):
            raise
        except KvpFeil as feil:
            messages.error(request, feil.melding)
            return _kalenderside(request, sak_id, maaned=maaned, status=400)
    messages.error(request, "Registreringen kunne ikke slettes.")
    return _kalenderside(request, sak_id, maaned=maaned, status=400)


def _min_side(
    request: HttpRequest,
    *,
    status: int = 200,
    egenmelding_form: EgenmeldingForm | None = None,
    maaned: str | None = None,
) -> HttpResponse:
    sak = selectors.sak_for_deltaker(bruker=bruker_fra(request))
    kontekst: dict[str, Any] = {"sak": sak, "maks_egenmelding": settings.KVP_EGENMELDING_MAKS_VIRKEDAGER}
    if sak is not None:
        valgt = selectors.valgt_maaned(sak, maaned or request.GET.get("maaned"))
        if valgt is not None:
            aar, mnd = valgt
            kontekst.update(
                {
                    "plan": plan_selectors.plan_for_sak(sak=sak),
                    "kalender": selectors.kalender_for_maaned(sak=sak, aar=aar, maaned=mnd),
                    "stoenad": selectors.stoenad_for_maaned(sak=sak, aar=aar, maaned=mnd),
                    "egenmelding_form": egenmelding_form or EgenmeldingForm(),
                }
            )
    return render(request, "oppmoete/min_side.html", kontekst, status=status)


def min_side(request: HttpRequest) -> HttpResponse:
    return _min_side(request)


@require_POST
def egenmelding(request: HttpRequest) -> HttpResponse:
    form = EgenmeldingForm(request.POST)
    if not objekter.ser_side(request.user, "deltaker"):
        return _min_side(request)  # gir 403 gjennom selectoren

    def lagre(data: dict[str, Any]) -> HttpResponse:
        til: dt.date = data["til_og_med"] or data["fra_og_med"]
        antall = services.egenmelding_registrer(
            bruker=bruker_fra(request), fra_og_med=data["fra_og_med"], til_og_med=til, merknad=data["merknad"]
        )
        messages.success(request, f"Egenmeldingen er sendt ({antall} {'dag' if antall == 1 else 'dager'}).")
        maaned = selectors.maaned_kode(data["fra_og_med"].year, data["fra_og_med"].month)
        return HttpResponseRedirect(f"{reverse('oppmoete:min_side')}?maaned={maaned}")

    return skjema_svar(form, lagre, lambda status: _min_side(request, status=status, egenmelding_form=form))


def oversikt(request: HttpRequest) -> HttpResponse:
    """Alle deltakere i program i en måned på brukerens kontorer: registreringer, attestering og stønad."""
    aar, mnd = selectors.tolk_maaned(request.GET.get("maaned")) or selectors.forrige_maaned()
    rader = selectors.deltakere_for_oversikt(bruker=bruker_fra(request), aar=aar, maaned=mnd)
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=((r.sak.person_id, r.sak.kontor_id) for r in rader),
        formaal=f"Oppmøteoversikt for {maanedsnavn(aar, mnd)}",
        objekttype="oppmøteoversikt",
    )
    forrige = (aar - 1, 12) if mnd == 1 else (aar, mnd - 1)
    neste = (aar + 1, 1) if mnd == 12 else (aar, mnd + 1)
    kontekst = {
        "rader": rader,
        "navn": maanedsnavn(aar, mnd),
        "maaned_kode": selectors.maaned_kode(aar, mnd),
        "forrige": selectors.maaned_kode(*forrige),
        "neste": selectors.maaned_kode(*neste),
        "ikke_attestert": sum(1 for r in rader if r.attestering is None),
    }
    return render(request, "oppmoete/oversikt.html", kontekst)

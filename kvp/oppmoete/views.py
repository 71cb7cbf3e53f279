"""Oppmøtekalenderen, attestering, arbeid og ytelser for saksbehandleren, og deltakerens egen side."""

import datetime as dt
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_POST

from kvp.deltaker import klarspraak
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
from .forms import (
    ArbeidForm,
    AttesterBekreftForm,
    EgenmeldingForm,
    OppmoeteForm,
    SamletForm,
    SlettForm,
    SlettOppmoeteForm,
    YtelseForm,
)
from .kalender import maanedsnavn


def _til_kalender(sak_id: UUID, maaned: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{reverse('oppmoete:kalender', kwargs={'sak_id': sak_id})}?maaned={maaned}")


def _htmx(request: HttpRequest) -> bool:
    """En htmx-forespørsel som bare vil ha kalenderdelen (ikke når nettleseren gjenoppretter historikken)."""
    return request.headers.get("HX-Request") == "true" and request.headers.get("HX-History-Restore-Request") != "true"


def _kalenderside(
    request: HttpRequest,
    sak_id: UUID,
    *,
    maaned: str | None = None,
    status: int = 200,
    melding: str = "",
    **skjemaer: KvpForm,
) -> HttpResponse:
    """Hele kalendersiden, eller bare kalenderdelen (kalender, valg og skjemaene for valget) til htmx."""
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    delvis = _htmx(request)
    valgt = selectors.valgt_maaned(sak, maaned or request.GET.get("maaned"))
    kontekst: dict[str, Any] = {"sak": sak, "har_program": valgt is not None, "melding": melding}
    if valgt is not None:
        aar, mnd = valgt
        kode = selectors.maaned_kode(aar, mnd)
        kan_registrere = tilgang.kan(bruker_fra(request), "oppmoete", sak, Handling.SKRIV)
        utvalg = None
        if kan_registrere and request.method == "GET":
            utvalg = selectors.tolk_utvalg(
                sak, aar, mnd, fra=request.GET.get("fra"), til=request.GET.get("til"), dag=request.GET.get("dag")
            )
        elif kan_registrere and "slett_form" in skjemaer:  # slettingen avvist: vis valget og meldingen igjen
            fra = request.POST.get("slett-fra_og_med")
            utvalg = selectors.tolk_utvalg(
                sak, aar, mnd, fra=fra, til=request.POST.get("slett-til_og_med") or fra, dag=None
            )
        periode = (utvalg[0], utvalg[1] or utvalg[0]) if utvalg else None
        initial: dict[str, Any] = {}
        if periode:
            initial = {"fra_og_med": periode[0], "til_og_med": periode[1] if periode[1] != periode[0] else None}
        kalender = selectors.kalender_for_maaned(sak=sak, aar=aar, maaned=mnd, kan_velge=kan_registrere, valgt=periode)
        kontekst.update(
            {
                "kalender": kalender,
                "forklaring": selectors.forklaring(),
                "maaned_kode": kode,
                "utvalg": utvalg,
                "periode": periode,
                "ferie_brukt": selectors.ferie_brukt(sak=sak, aar=aar),
                "ferie_rett": sak.person.kommune.ferie_virkedager_per_aar,
                "aar": aar,
                "kan_registrere": kan_registrere,
                "oppmoete_form": skjemaer.get("oppmoete_form") or OppmoeteForm(initial=initial),
                "slett_form": skjemaer.get("slett_form") or SlettOppmoeteForm(initial=initial),
            }
        )
        if not delvis or request.method == "POST":
            kontekst["stoenad"] = selectors.stoenad_for_maaned(sak=sak, aar=aar, maaned=mnd)
        if not delvis:
            kontekst.update(
                {
                    "attestering": selectors.attestering_for_maaned(sak=sak, aar=aar, maaned=mnd),
                    "arbeid_form": skjemaer.get("arbeid_form") or ArbeidForm(),
                    "ytelse_form": skjemaer.get("ytelse_form") or YtelseForm(),
                    "arbeid": selectors.arbeid_for_sak(sak=sak),
                    "ytelser": selectors.ytelser_for_sak(sak=sak),
                }
            )
    if delvis and valgt is not None:
        svar = render(
            request, "oppmoete/_kalenderdel.html", {**kontekst, "oob": request.method == "POST"}, status=status
        )
    else:
        svar = render(request, "oppmoete/kalender.html", kontekst, status=status)
    patch_vary_headers(svar, ["HX-Request"])
    return svar


def kalender(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    return _kalenderside(request, sak_id)


def _antall_dager(antall: int) -> str:
    return f"{antall} {'dag' if antall == 1 else 'dager'}"


@require_POST
def registrer(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = OppmoeteForm(request.POST)
    maaned = request.GET.get("maaned")

    def lagre(data: dict[str, Any]) -> HttpResponse:
        nonlocal maaned
        antall = services.oppmoete_registrer(bruker=bruker_fra(request), sak_id=sak.pk, **data)
        maaned = selectors.maaned_kode(data["fra_og_med"].year, data["fra_og_med"].month)  # vis måneden som ble endret
        melding = f"Oppmøtet er registrert ({_antall_dager(antall)})."
        if _htmx(request):
            return _kalenderside(request, sak_id, maaned=maaned, melding=melding)
        messages.success(request, melding)
        return _til_kalender(sak.pk, maaned)

    return skjema_svar(
        form, lagre, lambda status: _kalenderside(request, sak_id, maaned=maaned, status=status, oppmoete_form=form)
    )


@require_POST
def slett_oppmoete(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    """Sletter registrert oppmøte for dagene som er valgt i kalenderen, med en grunn."""
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    form = SlettOppmoeteForm(request.POST)
    maaned = request.GET.get("maaned")

    def lagre(data: dict[str, Any]) -> HttpResponse:
        nonlocal maaned
        antall = services.oppmoete_slett(bruker=bruker_fra(request), sak_id=sak.pk, **data)
        maaned = selectors.maaned_kode(data["fra_og_med"].year, data["fra_og_med"].month)  # vis måneden som ble endret
        melding = f"Registreringen er slettet ({_antall_dager(antall)}). Dagene er ikke registrert."
        if _htmx(request):
            return _kalenderside(request, sak_id, maaned=maaned, melding=melding)
        messages.success(request, melding)
        return _til_kalender(sak.pk, maaned)

    return skjema_svar(
        form, lagre, lambda status: _kalenderside(request, sak_id, maaned=maaned, status=status, slett_form=form)
    )


def attester(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    """GET: bekreftelsessiden som sier hva attesteringen gjør. POST (fra den siden): attesterer måneden."""
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    if request.method == "GET":
        return _attester_bekreft(request, sak, request.GET.get("maaned"))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    if not tilgang.kan(bruker_fra(request), "oppmoete", sak, Handling.ATTESTER):
        raise IkkeTilgang("Du har ikke tilgang til dette.")
    form = AttesterBekreftForm(request.POST)
    maaned = request.POST.get("maaned")

    def lagre(data: dict[str, Any]) -> HttpResponse:
        aar, mnd = (int(d) for d in data["maaned"].split("-"))
        services.maaned_attester(bruker=bruker_fra(request), sak_id=sak.pk, aar=aar, maaned=mnd)
        messages.success(request, "Måneden er attestert og låst for utbetaling.")
        return _til_kalender(sak.pk, data["maaned"])

    return skjema_svar(form, lagre, lambda status: _attester_bekreft(request, sak, maaned, form=form, status=status))


def _attester_bekreft(
    request: HttpRequest, sak: Any, maaned: str | None, *, form: KvpForm | None = None, status: int = 200
) -> HttpResponse:
    valgt = selectors.tolk_maaned(maaned)
    kontekst: dict[str, Any] = {"sak": sak, "form": form}
    if valgt is None or valgt not in selectors.maaneder_i_program(sak):
        kontekst["ugyldig"] = True
        return render(request, "oppmoete/attester.html", kontekst, status=400 if status == 200 else status)
    aar, mnd = valgt
    kode = selectors.maaned_kode(aar, mnd)
    kontekst.update(
        {
            "navn": maanedsnavn(aar, mnd),
            "maaned_kode": kode,
            "attestering": selectors.attestering_for_maaned(sak=sak, aar=aar, maaned=mnd),
            "stoenad": selectors.stoenad_for_maaned(sak=sak, aar=aar, maaned=mnd),
            "ikke_registrert": selectors.ikke_registrerte_dager(sak=sak, aar=aar, maaned=mnd),
            "kan_attestere": tilgang.kan(bruker_fra(request), "oppmoete", sak, Handling.ATTESTER),
            "form": form or AttesterBekreftForm(initial={"maaned": kode, "bekreftet": "ja"}),
        }
    )
    return render(request, "oppmoete/attester.html", kontekst, status=status)


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
                    "forklaring": selectors.forklaring(),
                    "stoenad": selectors.stoenad_for_maaned(sak=sak, aar=aar, maaned=mnd),
                    "egenmelding_form": egenmelding_form or EgenmeldingForm(),
                }
            )
            if sak.person.maalform == "NN":
                kontekst["egenmelding_form"].paa_nynorsk()
            stoenad = kontekst["stoenad"]
            if stoenad.resultat is not None:
                kontekst["forklart"] = klarspraak.maaned_forklart(
                    stoenad.resultat,
                    aar=aar,
                    maaned=mnd,
                    maalform=sak.person.maalform,
                    attestert=stoenad.attestering.attestert if stoenad.attestering else None,
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
        "kan_samlet": bool(tilgang.kontorer(bruker_fra(request), "oppmoete", Handling.SKRIV)),
    }
    return render(request, "oppmoete/oversikt.html", kontekst)


def samlet(request: HttpRequest) -> HttpResponse:
    """Samlet registrering: samme status for alle (valgte) deltakere i en aktivitet, for en dag eller en periode."""
    bruker = bruker_fra(request)
    aar, mnd = selectors.tolk_maaned(request.GET.get("maaned")) or selectors.forrige_maaned()
    grupper = selectors.aktivitetsgrupper(bruker=bruker, aar=aar, maaned=mnd)
    gruppe = next((g for g in grupper if g.noekkel == request.GET.get("aktivitet")), None)
    kode = selectors.maaned_kode(aar, mnd)
    valg = [(str(s.pk), s.person.navn) for s in gruppe.saker if s.pk not in gruppe.attesterte] if gruppe else []
    form = None
    if gruppe is not None:
        lesing_registrer(
            bruker=bruker,
            personer=((s.person_id, s.kontor_id) for s in gruppe.saker),
            formaal=f"Samlet oppmøte for {gruppe.navn}, {maanedsnavn(aar, mnd)}",
            objekttype="oppmøteoversikt",
        )
        form = SamletForm(request.POST or None, saker=valg, initial={"saker": [v for v, _ in valg]})
    if request.method == "POST":
        if gruppe is None or form is None:
            messages.error(request, "Velg aktiviteten på nytt; den finnes ikke i måneden.")
            return _samlet_side(request, grupper, None, None, kode, status=400)
        valgt_form = form

        def lagre(data: dict[str, Any]) -> HttpResponse:
            fra, til = data["fra_og_med"], data["til_og_med"] or data["fra_og_med"]
            if (fra.year, fra.month) != (aar, mnd):
                raise KvpFeil(f"Velg datoer i {maanedsnavn(aar, mnd)}.", felt="fra_og_med", kode="KVP_DATO_MAANED")
            saker = [s for s in gruppe.saker if str(s.pk) in data["saker"]]
            registreringer = selectors.samlet_registrering(
                saker=saker, fra_og_med=fra, til_og_med=til, status=data["status"]
            )
            if not registreringer:
                raise KvpFeil(
                    "Perioden har ingen virkedager i programmet for de valgte deltakerne.",
                    felt="fra_og_med",
                    kode="KVP_OPPMOETE_HELG",
                )
            antall = services.oppmoete_registrer_mange(
                bruker=bruker, aar=aar, maaned=mnd, registreringer=registreringer
            )
            messages.success(
                request, f"Oppmøtet er registrert for {len(registreringer)} deltakere ({antall} dager i alt)."
            )
            adresse = urlencode({"maaned": kode, "aktivitet": gruppe.noekkel})
            return HttpResponseRedirect(f"{reverse('oppmoete:samlet')}?{adresse}")

        return skjema_svar(
            valgt_form, lagre, lambda status: _samlet_side(request, grupper, gruppe, valgt_form, kode, status=status)
        )
    return _samlet_side(request, grupper, gruppe, form, kode)


def _samlet_side(
    request: HttpRequest,
    grupper: list[Any],
    gruppe: Any,
    form: KvpForm | None,
    kode: str,
    *,
    status: int = 200,
) -> HttpResponse:
    aar, mnd = (int(d) for d in kode.split("-"))
    forrige = (aar - 1, 12) if mnd == 1 else (aar, mnd - 1)
    neste = (aar + 1, 1) if mnd == 12 else (aar, mnd + 1)
    kontekst = {
        "grupper": grupper,
        "gruppe": gruppe,
        "form": form,
        "maaned_kode": kode,
        "navn": maanedsnavn(aar, mnd),
        "forrige": selectors.maaned_kode(*forrige),
        "neste": selectors.maaned_kode(*neste),
        "attesterte": [s for s in gruppe.saker if s.pk in gruppe.attesterte] if gruppe else [],
    }
    return render(request, "oppmoete/samlet.html", kontekst, status=status)

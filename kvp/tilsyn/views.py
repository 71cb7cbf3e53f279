"""Statsforvalterens tilsyn (/tilsyn/) og rettleiing (/rettleiing/), og kontorets sider for dem."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kvp.felles.forms import skjema_svar
from kvp.tilgang import objekter
from kvp.tilgang.models import KONTORROLLER, Rolle
from kvp.tilgang.tilgang import bruker_fra, tilgang_for
from kvp_regler.tilsyn import SJEKKPUNKTER

from . import selectors, services
from .forms import (
    AvgjoerTiltakForm,
    FunnForm,
    RapportForm,
    RettleiingForm,
    TilsynForm,
    TiltakForm,
    UtvalgForm,
    VurderingForm,
)
from .models import SYNLIG_FOR_KONTORET, Tilsynsstatus, Utfall


def _krev_statsforvalter(request: HttpRequest) -> None:
    if not selectors.er_statsforvalter(bruker_fra(request)):
        raise PermissionDenied


# --- Tilsyn -------------------------------------------------------------------------------------------------------


@require_GET
def liste(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    tilgang = tilgang_for(bruker)
    if not tilgang.statsforvalter_fylker and not tilgang.kontorer_med(Rolle.LEDER):
        raise PermissionDenied
    return render(
        request,
        "tilsyn/liste.html",
        {"tilsyn": selectors.tilsyn_liste(bruker=bruker), "statsforvalter": bool(tilgang.statsforvalter_fylker)},
    )


@require_http_methods(["GET", "POST"])
def ny(request: HttpRequest) -> HttpResponse:
    _krev_statsforvalter(request)
    bruker = bruker_fra(request)
    kontorer = list(selectors.kontorer_for_statsforvalter(bruker=bruker))
    form = TilsynForm(request.POST or None, kontorer=kontorer)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        tilsyn = services.tilsyn_opprett(
            bruker=bruker,
            kontor_id=UUID(d["kontor"]),
            tema=d["tema"],
            periode_fra=d["periode_fra"],
            periode_til=d["periode_til"],
        )
        messages.success(request, "Tilsynet er opprettet. Trekk utvalget av saker.")
        return redirect("tilsyn:detalj", tilsyn_id=tilsyn.pk)

    def vis(status: int) -> HttpResponse:
        return render(request, "tilsyn/ny.html", {"form": form}, status=status)

    if request.method == "POST":
        return skjema_svar(form, lagre, vis)
    return vis(200)


def _detalj(request: HttpRequest, tilsyn_id: UUID, *, status: int = 200, **skjemaer: Any) -> HttpResponse:
    bruker = bruker_fra(request)
    tilsyn = selectors.tilsyn_hent(bruker=bruker, id=tilsyn_id)
    statsforvalter = tilsyn.kontor.fylke in tilgang_for(bruker).statsforvalter_fylker
    funn = list(selectors.funn_for_tilsyn(tilsyn=tilsyn))
    kontekst: dict[str, Any] = {"tilsyn": tilsyn, "statsforvalter": statsforvalter, "funn": funn}
    if statsforvalter:
        utvalg = selectors.utvalg_for_tilsyn(bruker=bruker, tilsyn=tilsyn)
        for u in utvalg:
            punkter = list(u.kontrollpunkter.all())
            u.antall_punkter = len(punkter)  # type: ignore[attr-defined]
            u.vurderte = sum(bool(p.vurdering) for p in punkter)  # type: ignore[attr-defined]
            u.ikke_oppfylt = sum(p.vurdering == Utfall.IKKE_OPPFYLT for p in punkter)  # type: ignore[attr-defined]
        alle = [p for u in utvalg for p in u.kontrollpunkter.all()]
        kontekst |= {
            "utvalg": utvalg,
            "sjekkpunkter": [
                {
                    "punkt": s,
                    "antall": sum(p.sjekkpunkt == s.kode for p in alle),
                    "oppfylt": sum(p.sjekkpunkt == s.kode and p.vurdering == Utfall.OPPFYLT for p in alle),
                    "ikke_oppfylt": sum(p.sjekkpunkt == s.kode and p.vurdering == Utfall.IKKE_OPPFYLT for p in alle),
                    "uvurdert": sum(p.sjekkpunkt == s.kode and not p.vurdering for p in alle),
                }
                for s in SJEKKPUNKTER
            ],
            "uvurderte": sum(not p.vurdering for p in alle),
            "kan_bekrefte": any(not p.vurdering and p.forslag != Utfall.MAA_VURDERES for p in alle),
            "utvalg_form": skjemaer.get("utvalg_form") or UtvalgForm(),
            "funn_form": skjemaer.get("funn_form") or FunnForm(),
            "rapport_form": skjemaer.get("rapport_form")
            or RapportForm(initial={"maalform": "nb", "svarfrist": timezone.localdate() + dt.timedelta(days=42)}),
            "avgjoer_form": skjemaer.get("avgjoer_form") or AvgjoerTiltakForm(),
        }
    elif tilsyn.status == Tilsynsstatus.RAPPORT_SENDT:
        kontekst["tiltak_form"] = skjemaer.get("tiltak_form") or TiltakForm(funn=funn)
    if tilsyn.status in SYNLIG_FOR_KONTORET:
        # Rapporten ble laget av vår egen mal med autoescape da den ble sendt, og endres aldri.
        kontekst["rapport"] = mark_safe(tilsyn.rapport_html)  # noqa: S308
    return render(request, "tilsyn/detalj.html", kontekst, status=status)


@require_GET
def detalj(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    return _detalj(request, tilsyn_id)


@require_POST
def utvalg(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    selectors.tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=selectors.Handling.ARBEID)
    form = UtvalgForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.tilsyn_trekk_utvalg(bruker=bruker, tilsyn_id=tilsyn_id, antall_per_stratum=d["antall_per_stratum"])
        messages.success(request, "Utvalget er trukket, og forslagene fra dataene er fylt ut.")
        return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)

    return skjema_svar(form, lagre, lambda s: _detalj(request, tilsyn_id, status=s, utvalg_form=form))


def _sak(request: HttpRequest, tilsyn_id: UUID, sak_id: UUID, *, status: int = 200, feil: Any = None) -> HttpResponse:
    bevis = selectors.tilsyn_sak_hent(bruker=bruker_fra(request), tilsyn_id=tilsyn_id, sak_id=sak_id)
    for v in bevis.vedtak:
        brev = bevis.brev.get(v.pk)
        # Brevet ble laget av vår egen mal med autoescape da vedtaket ble fattet, og endres aldri.
        v.brevtekst = mark_safe(brev.html) if brev else ""  # type: ignore[attr-defined]  # noqa: S308
    skjemaer = []
    for punkt in bevis.kontrollpunkter:
        if feil is not None and feil.prefix == f"k{punkt.pk}":
            form = feil
        else:
            form = VurderingForm(
                prefix=f"k{punkt.pk}",
                initial={
                    "vurdering": punkt.vurdering or (punkt.forslag if punkt.forslag != Utfall.MAA_VURDERES else ""),
                    "kommentar": punkt.kommentar,
                },
            )
        skjemaer.append((punkt, form))
    return render(
        request,
        "tilsyn/sak.html",
        {
            "b": bevis,
            "skjemaer": skjemaer,
            "kan_vurdere": bevis.tilsyn.status == Tilsynsstatus.UNDER_ARBEID,
        },
        status=status,
    )


@require_GET
def sak(request: HttpRequest, tilsyn_id: UUID, sak_id: UUID) -> HttpResponse:
    return _sak(request, tilsyn_id, sak_id)


@require_POST
def vurder(request: HttpRequest, tilsyn_id: UUID, kontrollpunkt_id: int) -> HttpResponse:
    bruker = bruker_fra(request)
    punkt = selectors.kontrollpunkt_hent(bruker=bruker, tilsyn_id=tilsyn_id, kontrollpunkt_id=kontrollpunkt_id)
    form = VurderingForm(request.POST, prefix=f"k{punkt.pk}")
    sak_id = punkt.utvalgssak.sak_id

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.kontrollpunkt_vurder(
            bruker=bruker,
            tilsyn_id=tilsyn_id,
            kontrollpunkt_id=punkt.pk,
            vurdering=d["vurdering"],
            kommentar=d["kommentar"],
        )
        messages.success(request, f"Vurderingen av «{punkt.punkt.tittel}» er lagret.")
        return redirect("tilsyn:sak", tilsyn_id=tilsyn_id, sak_id=sak_id)

    return skjema_svar(form, lagre, lambda s: _sak(request, tilsyn_id, sak_id, status=s, feil=form))


@require_POST
def bekreft_forslag(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    antall = services.kontrollpunkter_bekreft_forslag(bruker=bruker_fra(request), tilsyn_id=tilsyn_id)
    messages.success(request, f"{antall} kontrollpunkter er vurdert som dataene tilsier.")
    return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)


@require_POST
def funn(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    selectors.tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=selectors.Handling.ARBEID)
    form = FunnForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.funn_registrer(bruker=bruker, tilsyn_id=tilsyn_id, **d)
        messages.success(request, "Funnet er registrert.")
        return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)

    return skjema_svar(form, lagre, lambda s: _detalj(request, tilsyn_id, status=s, funn_form=form))


@require_POST
def funn_slett(request: HttpRequest, tilsyn_id: UUID, funn_id: int) -> HttpResponse:
    services.funn_slett(bruker=bruker_fra(request), tilsyn_id=tilsyn_id, funn_id=funn_id)
    messages.success(request, "Funnet er slettet.")
    return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)


@require_POST
def rapport(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    selectors.tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=selectors.Handling.ARBEID)
    form = RapportForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.tilsyn_send_rapport(bruker=bruker, tilsyn_id=tilsyn_id, **d)
        messages.success(request, "Rapporten er sendt til kontoret.")
        return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)

    return skjema_svar(form, lagre, lambda s: _detalj(request, tilsyn_id, status=s, rapport_form=form))


@require_GET
def rapport_pdf(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    tilsyn = selectors.tilsyn_hent(bruker=bruker_fra(request), id=tilsyn_id)
    if tilsyn.status not in SYNLIG_FOR_KONTORET or not tilsyn.rapport_pdf:
        raise Http404
    svar = HttpResponse(bytes(tilsyn.rapport_pdf), content_type="application/pdf")
    svar["Content-Disposition"] = f'inline; filename="tilsynsrapport-{str(tilsyn.pk)[:8]}.pdf"'
    return svar


@require_POST
def tiltak(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    tilsyn = selectors.tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=selectors.Handling.SVAR)
    form = TiltakForm(request.POST, funn=list(selectors.funn_for_tilsyn(tilsyn=tilsyn)))

    def lagre(_: dict[str, Any]) -> HttpResponse:
        services.tiltak_send(bruker=bruker, tilsyn_id=tilsyn_id, tiltak=form.tiltak())
        messages.success(request, "Tiltakene er sendt til statsforvalteren.")
        return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)

    return skjema_svar(form, lagre, lambda s: _detalj(request, tilsyn_id, status=s, tiltak_form=form))


@require_POST
def avgjoer(request: HttpRequest, tilsyn_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    selectors.tilsyn_hent(bruker=bruker, id=tilsyn_id, handling=selectors.Handling.ARBEID)
    form = AvgjoerTiltakForm(request.POST)
    godta = request.POST.get("valg") == "godta"

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.tilsyn_avgjoer_tiltak(bruker=bruker, tilsyn_id=tilsyn_id, godta=godta, merknad=d["merknad"])
        messages.success(
            request, "Tiltakene er godtatt, og tilsynet er lukket." if godta else "Kontoret er bedt om nye tiltak."
        )
        return redirect("tilsyn:detalj", tilsyn_id=tilsyn_id)

    return skjema_svar(form, lagre, lambda s: _detalj(request, tilsyn_id, status=s, avgjoer_form=form))


# --- Rettleiing ---------------------------------------------------------------------------------------------------


@require_GET
def rettleiing_liste(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    tilgang = tilgang_for(bruker)
    if not tilgang.statsforvalter_fylker and not tilgang.kontorer_med(*KONTORROLLER):
        raise PermissionDenied
    kontekst: dict[str, Any] = {"statsforvalter": bool(tilgang.statsforvalter_fylker)}
    if tilgang.statsforvalter_fylker:
        kontekst["publiserte"] = selectors.rettleiinger_for_statsforvalter(bruker=bruker)
    if tilgang.kontorer_med(*KONTORROLLER):
        kontekst["til_kontoret"] = selectors.rettleiinger_for_kontoret(bruker=bruker, i_dag=timezone.localdate())
    return render(request, "tilsyn/rettleiing_liste.html", kontekst)


@require_http_methods(["GET", "POST"])
def rettleiing_ny(request: HttpRequest) -> HttpResponse:
    _krev_statsforvalter(request)
    bruker = bruker_fra(request)
    form = RettleiingForm(
        request.POST or None,
        fylker=sorted(tilgang_for(bruker).statsforvalter_fylker),
        kontorer=list(selectors.kontorer_for_statsforvalter(bruker=bruker)),
        initial={"gyldig_fra": timezone.localdate()},
    )

    def lagre(d: dict[str, Any]) -> HttpResponse:
        rettleiing = services.rettleiing_publiser(bruker=bruker, **d)
        messages.success(request, "Rettleiingen er publisert.")
        return redirect("tilsyn:rettleiing", rettleiing_id=rettleiing.pk)

    def vis(status: int) -> HttpResponse:
        return render(request, "tilsyn/rettleiing_ny.html", {"form": form}, status=status)

    if request.method == "POST":
        return skjema_svar(form, lagre, vis)
    return vis(200)


@require_GET
def rettleiing(request: HttpRequest, rettleiing_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    r = selectors.rettleiing_hent(bruker=bruker, id=rettleiing_id)
    tilgang = tilgang_for(bruker)
    statsforvalter = r.fylke in tilgang.statsforvalter_fylker
    er_lest = r.lest.filter(bruker=bruker).exists()
    return render(
        request,
        "tilsyn/rettleiing.html",
        {
            "r": r,
            "statsforvalter": statsforvalter,
            "lest_av": list(r.lest.select_related("bruker", "kontor").order_by("kontor__navn", "tidspunkt"))
            if statsforvalter
            else [],
            "kan_markere": not er_lest and objekter.kan(bruker, "rettleiing", r, objekter.Handling.SKRIV),
            "er_lest": er_lest,
        },
    )


@require_POST
def rettleiing_lest(request: HttpRequest, rettleiing_id: UUID) -> HttpResponse:
    services.rettleiing_marker_lest(bruker=bruker_fra(request), rettleiing_id=rettleiing_id)
    messages.success(request, "Rettleiingen er merket som lest.")
    return redirect("tilsyn:rettleiing", rettleiing_id=rettleiing_id)

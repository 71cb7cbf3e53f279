"""Klagesaken i nettleseren: deltakeren klager fra brevet, kontoret behandler, statsforvalteren avgjør."""

from collections.abc import Callable
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kvp.brev.selectors import brev_hent as vedtaksbrev_hent
from kvp.felles.feil import IkkeFunnet, IkkeTilgang
from kvp.felles.forms import KvpForm, skjema_svar
from kvp.felles.maalform import mf
from kvp.sak.selectors import sak_hent
from kvp.tilgang import objekter
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra, tilgang_for
from kvp.vedtak.models import Vedtak, Vedtaksstatus

from . import selectors, services
from .forms import AvgjoerForm, AvvisForm, FormkravForm, KlageForm, KontorKlageForm, MerknadForm, VurderForm
from .models import FORMKRAV, Kanal, Klagestatus
from .services import KAN_RETTES


def liste(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    t = tilgang_for(bruker)
    if t.kontorer_med(*selectors.KONTORET_LESER):
        klager = selectors.klager_for_kontor(bruker)
        oppgaver = [
            k
            for k in klager
            if k.status
            in (
                Klagestatus.REGISTRERT,
                Klagestatus.MANGLER,
                Klagestatus.TIL_VURDERING,
                Klagestatus.OMGJOERES,
                Klagestatus.AVGJORT,
            )
        ]
        return render(request, "klage/liste.html", {"klager": klager, "oppgaver": oppgaver})
    if t.statsforvalter_fylker:
        return redirect("klage:statsforvalter")
    if t.deltaker_personer:
        return render(request, "klage/mine.html", {"klager": selectors.klager_for_deltaker(bruker)})
    raise IkkeTilgang("Du har ikke tilgang til klagesakene.")


def statsforvalter(request: HttpRequest) -> HttpResponse:
    """Statsforvalterens arbeidsflate: klagene fra kontorene i fylket. (Tilsynet legger sin del inn i malen.)"""
    bruker = bruker_fra(request)
    if not tilgang_for(bruker).statsforvalter_fylker:
        raise IkkeTilgang("Siden er for statsforvalteren.")
    tavle = selectors.statsforvalterens_tavle(bruker)
    return render(
        request,
        "klage/statsforvalter.html",
        {"tavle": tavle, "fylker": sorted(tilgang_for(bruker).statsforvalter_fylker)},
    )


def oversikt(request: HttpRequest) -> HttpResponse:
    kontorer, fylker = selectors.oversikt(bruker_fra(request))
    return render(request, "klage/oversikt.html", {"kontorer": kontorer, "fylker": fylker})


def _filer(request: HttpRequest) -> list[Any]:
    return request.FILES.getlist("vedlegg")


@require_http_methods(["GET", "POST"])
def ny_fra_deltaker(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    if not tilgang_for(bruker).deltaker_personer:
        raise IkkeFunnet("Fant ikke vedtaket.")
    vedtaksbrev = vedtaksbrev_hent(bruker=bruker, vedtak_id=vedtak_id)
    form = KlageForm(request.POST or None, request.FILES or None)

    def vis(status: int) -> HttpResponse:
        return render(request, "klage/ny.html", {"form": form, "brev": vedtaksbrev}, status=status)

    if request.method == "GET":
        return vis(200)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        klage = services.klage_registrer(
            bruker=bruker, vedtak_id=vedtak_id, tekst=d["tekst"], kanal=Kanal.DIGITAL, vedlegg=d["vedlegg"]
        )
        messages.success(
            request, mf("Klagen er sendt. Du får svar fra kontoret.", "Klaga er sendt. Du får svar frå kontoret.")
        )
        return redirect("klage:detalj", klage_id=klage.pk)

    return skjema_svar(form, lagre, vis)


@require_http_methods(["GET", "POST"])
def ny_fra_kontoret(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    sak = sak_hent(bruker=bruker, sak_id=sak_id)
    if not tilgang.kan(bruker, "sak", sak, Handling.BEHANDLE):
        raise IkkeTilgang("Bare en KVP-veileder kan registrere en klage.")
    vedtak = [
        (str(v.pk), f"{v.get_type_display()}, fattet {v.vedtak_dato:%d.%m.%Y}")
        for v in Vedtak.objects.filter(sak=sak, status=Vedtaksstatus.FATTET).order_by("-fattet_tidspunkt")
    ]
    form = KontorKlageForm(request.POST or None, request.FILES or None, vedtak=vedtak)

    def vis(status: int) -> HttpResponse:
        return render(request, "klage/ny_kontor.html", {"form": form, "sak": sak}, status=status)

    if request.method == "GET":
        return vis(200)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        klage = services.klage_registrer(
            bruker=bruker,
            vedtak_id=UUID(d["vedtak"]),
            tekst=d["tekst"],
            kanal=d["kanal"],
            mottatt_dato=d["mottatt_dato"],
            vedlegg=d["vedlegg"],
        )
        messages.success(request, "Klagen er registrert.")
        return redirect("klage:detalj", klage_id=klage.pk)

    return skjema_svar(form, lagre, vis)


def _detalj(request: HttpRequest, klage_id: UUID, *, status: int = 200, **skjemaer: KvpForm) -> HttpResponse:
    bruker = bruker_fra(request)
    klage = selectors.klage_hent(bruker, klage_id)
    side = selectors.hvem(bruker, klage)
    kan_behandle = side == "kontor" and tilgang.kan(bruker, "klage", klage, Handling.BEHANDLE)
    initial = {n: bool(klage.formkrav.get(n)) for n, _ in FORMKRAV} | {"for_sent_vurdering": klage.for_sent_vurdering}
    kontekst = {
        "klage": klage,
        "side": side,
        "kan_behandle": kan_behandle,
        "kan_mangelbrev": kan_behandle
        and klage.status == Klagestatus.REGISTRERT
        and any(klage.formkrav.get(n) is False for n in KAN_RETTES),
        "kan_avvise": kan_behandle
        and klage.status in (Klagestatus.REGISTRERT, Klagestatus.MANGLER)
        and bool(klage.formkrav)
        and not all(klage.formkrav.values()),
        "S": Klagestatus,
        "dokumenter": selectors.dokumenter_for(klage, deltaker=side == "deltaker"),
        "brevliste": selectors.brev_for(klage, deltaker=side == "deltaker"),
        "hendelser": klage.hendelser.select_related("bruker") if side != "deltaker" else [],
        "formkrav_form": skjemaer.get("formkrav_form") or FormkravForm(initial=initial),
        "avvis_form": skjemaer.get("avvis_form") or AvvisForm(),
        "vurder_form": skjemaer.get("vurder_form") or VurderForm(),
        "merknad_form": skjemaer.get("merknad_form") or MerknadForm(),
        "avgjoer_form": skjemaer.get("avgjoer_form") or AvgjoerForm(),
    }
    # Et skjema som ble sendt mens klagen var i en annen tilstand (to faner, eller en annen kom først), vises ikke på
    # siden lenger; da står feilmeldingen øverst.
    vist = {
        "formkrav_form": kan_behandle and klage.status in (Klagestatus.REGISTRERT, Klagestatus.MANGLER),
        "avvis_form": kontekst["kan_avvise"],
        "vurder_form": kan_behandle and klage.status == Klagestatus.TIL_VURDERING,
        "merknad_form": klage.status in (Klagestatus.OVERSENDT, Klagestatus.UNDER_BEHANDLING),
        "avgjoer_form": side == "statsforvalter"
        and klage.status in (Klagestatus.OVERSENDT, Klagestatus.UNDER_BEHANDLING),
    }
    kontekst["feilskjema"] = next((f for navn, f in skjemaer.items() if not vist.get(navn)), None)
    return render(request, "klage/detalj.html", kontekst, status=status)


def detalj(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    return _detalj(request, klage_id)


def _handling(
    request: HttpRequest,
    klage_id: UUID,
    navn: str,
    form: KvpForm,
    utfoer: Callable[[dict[str, Any]], Any],
    melding: str,
    *,
    krav: str = "behandle",
) -> HttpResponse:
    # Tilgangen sjekkes før skjemaet: den som ikke får gjøre handlingen, får 404/403 også med et ugyldig skjema.
    selectors.klage_sjekk(bruker_fra(request), klage_id, krav)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        utfoer(d)
        messages.success(request, melding)
        return redirect("klage:detalj", klage_id=klage_id)

    return skjema_svar(form, lagre, lambda status: _detalj(request, klage_id, status=status, **{navn: form}))


@require_POST
def formkrav(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    form = FormkravForm(request.POST)
    return _handling(
        request,
        klage_id,
        "formkrav_form",
        form,
        lambda d: services.klage_formkrav_vurder(
            bruker=bruker,
            klage_id=klage_id,
            formkrav={n: d[n] for n, _ in FORMKRAV},
            for_sent_vurdering=d["for_sent_vurdering"],
        ),
        "Formkravene er vurdert.",
    )


@require_POST
def mangler(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    return _handling(
        request,
        klage_id,
        "formkrav_form",
        FormkravForm({}),
        lambda d: services.klage_mangler_send(bruker=bruker, klage_id=klage_id),
        "Brevet om mangler er sendt.",
    )


@require_POST
def avvis(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    form = AvvisForm(request.POST)
    return _handling(
        request,
        klage_id,
        "avvis_form",
        form,
        lambda d: services.klage_avvis(bruker=bruker, klage_id=klage_id, begrunnelse=d["begrunnelse"]),
        "Klagen er avvist, og vedtaket om avvisning er sendt.",
    )


@require_POST
def vurder(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    form = VurderForm(request.POST)
    return _handling(
        request,
        klage_id,
        "vurder_form",
        form,
        lambda d: services.klage_vurder(
            bruker=bruker, klage_id=klage_id, resultat=d["resultat"], vurdering=d["vurdering"]
        ),
        "Vurderingen er lagret.",
    )


@require_POST
def merknad(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    form = MerknadForm(request.POST, request.FILES)
    return _handling(
        request,
        klage_id,
        "merknad_form",
        form,
        lambda d: services.klage_merknad_legg_til(
            bruker=bruker, klage_id=klage_id, tekst=d["tekst"], vedlegg=d["vedlegg"]
        ),
        mf("Merknaden er sendt.", "Merknaden er sendt."),
        krav="deltaker" if objekter.ser_side(bruker, "deltaker") else "behandle",
    )


@require_POST
def ta_under_behandling(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    selectors.klage_sjekk(bruker_fra(request), klage_id, "statsforvalter")
    services.klage_ta_under_behandling(bruker=bruker_fra(request), klage_id=klage_id)
    messages.success(request, "Klagen er tatt under behandling.")
    return redirect("klage:detalj", klage_id=klage_id)


@require_POST
def avgjoer(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    form = AvgjoerForm(request.POST)
    return _handling(
        request,
        klage_id,
        "avgjoer_form",
        form,
        lambda d: services.klage_avgjoer(
            bruker=bruker,
            klage_id=klage_id,
            utfall=d["utfall"],
            begrunnelse=d["begrunnelse"],
            nytt_innhold=d["nytt_innhold"],
        ),
        "Vedtaket i klagesaken er fattet og sendt.",
        krav="statsforvalter",
    )


def _pdf(innhold: bytes, filnavn: str) -> HttpResponse:
    svar = HttpResponse(innhold, content_type="application/pdf")
    svar["Content-Disposition"] = f'inline; filename="{filnavn}"'
    return svar


@require_GET
def saksdokumenter(request: HttpRequest, klage_id: UUID) -> HttpResponse:
    return _pdf(selectors.saksdokumenter_hent(bruker_fra(request), klage_id), f"saksdokumenter-{str(klage_id)[:8]}.pdf")


@require_GET
def brev(request: HttpRequest, klage_id: UUID, klagebrev_id: UUID) -> HttpResponse:
    b = selectors.brev_hent(bruker_fra(request), klage_id, klagebrev_id)
    if request.GET.get("vis") == "html":
        return render(request, "klage/brev_vis.html", {"brev": b, "innhold": mark_safe(b.html)})  # noqa: S308 - vår mal
    return _pdf(bytes(b.pdf), f"klagebrev-{str(b.pk)[:8]}.pdf")


@require_GET
def dokument(request: HttpRequest, klage_id: UUID, dokument_id: UUID) -> FileResponse:
    d = selectors.dokument_hent(bruker_fra(request), klage_id, dokument_id)
    svar = FileResponse(d.fil.open("rb"), content_type=d.innholdstype)
    # Vises aldri i vår egen opprinnelse som HTML: typen er kontrollert, og nedlasting er standard.
    svar["Content-Disposition"] = f'attachment; filename="vedlegg-{str(d.pk)[:8]}{_endelse(d.innholdstype)}"'
    svar["X-Content-Type-Options"] = "nosniff"
    return svar


def _endelse(innholdstype: str) -> str:
    return {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}.get(innholdstype, "")

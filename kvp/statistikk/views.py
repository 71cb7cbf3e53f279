"""KOSTRA-siden, KOSTRA-opplysningene i en sak og statistikksidene for kontoret og fylket (tynne visninger)."""

from __future__ import annotations

import csv
import io
from collections import OrderedDict
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from kvp.felles.feil import IkkeFunnet
from kvp.felles.forms import skjema_svar
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra
from kvp_regler.kostra.kontroll import KONTROLL_ETTER_ID, KONTROLLER

from . import selectors, services
from .forms import FilterForm, KostraForm, OpplysningerForm
from .jobber import kostra_kjoering_start_som_jobb
from .kostra import sjekksum
from .models import KostraOpplysninger


def _kostra_side(request: HttpRequest, *, form: KostraForm | None = None, status: int = 200) -> HttpResponse:
    bruker = bruker_fra(request)
    kommuner = list(selectors.kommuner_for_kostra(bruker=bruker))
    if form is None:
        form = KostraForm(initial={"aar": timezone.localdate().year - 1}, kommuner=kommuner)
    return render(
        request,
        "statistikk/kostra.html",
        {"form": form, "kjoeringer": selectors.kjoeringer(bruker=bruker), "antall_kontroller": len(KONTROLLER)},
        status=status,
    )


@require_GET
def kostra(request: HttpRequest) -> HttpResponse:
    return _kostra_side(request)


@require_POST
def kostra_kjoer(request: HttpRequest) -> HttpResponse:
    bruker = bruker_fra(request)
    form = KostraForm(request.POST, kommuner=list(selectors.kommuner_for_kostra(bruker=bruker)))

    def lagre(d: dict[str, Any]) -> HttpResponse:
        # Som bakgrunnsjobb (kvp.jobber): jobbsiden viser fremdriften og lenker til funnene når filen er laget.
        jobb = kostra_kjoering_start_som_jobb(
            bruker=bruker, kommune_nummer=d["kommune"], aar=d["aar"], bydel=d.get("bydel") or ""
        )
        return redirect("jobber:jobb", jobb_id=jobb.pk)

    return skjema_svar(form, lagre, lambda status: _kostra_side(request, form=form, status=status))


@require_GET
def kjoering(request: HttpRequest, kjoering_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    k = selectors.kjoering_hent(bruker=bruker, kjoering_id=kjoering_id)
    # Lenkene fra et funn til saken vises bare for den som kan åpne dem (økonomi kjører filen, men ser ikke sakene).
    sak_ider = {f["sak_id"] for f in k.funn if f.get("sak_id")}
    aapne_saker = {str(i) for i in tilgang.synlige(bruker, "sak").filter(pk__in=sak_ider).values_list("pk", flat=True)}
    aapne_opplysninger = {
        str(i)
        for i in tilgang.synlige(bruker, "kostra_opplysninger", Handling.SKRIV)
        .filter(pk__in=sak_ider)
        .values_list("pk", flat=True)
    }
    grupper: OrderedDict[str, list[dict[str, Any]]] = OrderedDict()
    for kontroll in KONTROLLER:
        funn = [
            {
                **f,
                "kan_aapne_sak": str(f.get("sak_id")) in aapne_saker,
                "kan_rette": str(f.get("sak_id")) in aapne_opplysninger,
            }
            for f in k.funn
            if f["kontroll"] == kontroll.id
        ]
        if funn:
            grupper[kontroll.id] = funn
    return render(
        request,
        "statistikk/kjoering.html",
        {
            "k": k,
            "grupper": [(KONTROLL_ETTER_ID[kid], funn) for kid, funn in grupper.items()],
            "feil": sum(f["alvor"] in ("FATAL", "FEIL") for f in k.funn),
            "advarsler": sum(f["alvor"] == "ADVARSEL" for f in k.funn),
        },
    )


@require_GET
def kjoering_fil(request: HttpRequest, kjoering_id: UUID) -> HttpResponse:
    k = selectors.kjoering_fil(bruker=bruker_fra(request), kjoering_id=kjoering_id)
    fil = bytes(k.fil)
    svar = HttpResponse(fil, content_type="text/plain; charset=iso-8859-1")
    svar["Content-Disposition"] = f'attachment; filename="11CF_{k.aar}_{k.kommune_id}{k.bydel}.dat"'
    svar["X-Sjekksum-SHA256"] = sjekksum(fil)
    return svar


@require_http_methods(["GET", "POST"])
def opplysninger(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    bruker = bruker_fra(request)
    handling = Handling.LES if request.method == "GET" else Handling.SKRIV
    sak = selectors.sak_for_opplysninger(bruker=bruker, sak_id=sak_id, handling=handling)
    tidligere = list(KostraOpplysninger.objects.filter(sak=sak).order_by("-aar"))
    aar = timezone.localdate().year
    siste = tidligere[0] if tidligere else None
    initial = {"aar": aar, "sivilstand": siste.sivilstand if siste else ""}
    if siste and siste.aar == aar:
        initial["annen_stoette"] = siste.annen_stoette
    spoer = not hasattr(sak, "vilkaarsvurdering")
    if siste and spoer:
        initial["kvp_annen_kommune"] = {True: "ja", False: "nei"}.get(siste.kvp_annen_kommune, "")  # type: ignore[arg-type]
        initial["kvp_kommunenummer"] = siste.kvp_kommunenummer
    form = OpplysningerForm(request.POST or None, initial=initial, spoer_om_kommune=spoer)

    def vis(status: int) -> HttpResponse:
        return render(
            request, "statistikk/opplysninger.html", {"sak": sak, "form": form, "tidligere": tidligere}, status=status
        )

    if request.method == "GET":
        return vis(200)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.kostra_opplysninger_registrer(
            bruker=bruker,
            sak_id=sak.pk,
            aar=d["aar"],
            sivilstand=d["sivilstand"],
            annen_stoette=d["annen_stoette"],
            kvp_annen_kommune=d.get("kvp_annen_kommune"),
            kvp_kommunenummer=d.get("kvp_kommunenummer") or "",
        )
        messages.success(request, "KOSTRA-opplysningene er lagret.")
        return redirect("statistikk:opplysninger", sak_id=sak.pk)

    return skjema_svar(form, lagre, vis)


def _statistikk(request: HttpRequest, kontorer: list[Any], *, fylke: bool) -> HttpResponse:
    form = FilterForm(request.GET or None, kontorer=kontorer)
    if request.GET and not form.is_valid():
        return render(
            request,
            "statistikk/statistikk.html",
            {"form": form, "tabeller": [], "fylke": fylke, "kontorer": kontorer},
            status=400,
        )
    if not request.GET:
        form = FilterForm({}, kontorer=kontorer)
        form.is_valid()
    d = form.cleaned_data
    kontor_id = UUID(d["kontor"]) if d.get("kontor") else None
    valgt, tabeller, status = selectors.statistikk(
        kontorer=kontorer, kontor_id=kontor_id, fra=d["fra"], til=d["til"], skjul=fylke
    )
    csv_id = request.GET.get("csv", "")
    if csv_id:
        tabell = next((t for t in tabeller if t.id == csv_id), None)
        if tabell is None:
            raise IkkeFunnet("Fant ikke tabellen.")
        return _csv(tabell)
    return render(
        request,
        "statistikk/statistikk.html",
        {
            "form": form,
            "tabeller": tabeller,
            "fylke": fylke,
            "kontorer": valgt,
            "fra": f"{d['fra'][1]:02d}.{d['fra'][0]}",
            "til": f"{d['til'][1]:02d}.{d['til'][0]}",
            "spoerring": request.GET.urlencode(),
            "status": status,
            "noekkel": selectors.tabellnoekkel(valgt, d["fra"], d["til"], fylke, status) if status else "",
        },
    )


def _csv(tabell: Any) -> HttpResponse:
    ut = io.StringIO()
    skriver = csv.writer(ut, delimiter=";")
    skriver.writerow([tabell.radtittel, *[navn for _, navn in tabell.kontorer], "Totalt"])
    for rad, celler, total in tabell.celler():
        skriver.writerow([rad, *celler, total])
    svar = HttpResponse(ut.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    svar["Content-Disposition"] = f'attachment; filename="{tabell.id}.csv"'
    return svar


@require_GET
def kontor(request: HttpRequest) -> HttpResponse:
    return _statistikk(request, selectors.kontorer_for_leder(bruker=bruker_fra(request)), fylke=False)


@require_GET
def fylke(request: HttpRequest) -> HttpResponse:
    return _statistikk(request, selectors.kontorer_for_statsforvalter(bruker=bruker_fra(request)), fylke=True)

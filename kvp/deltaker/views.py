"""Deltakerens KVP: aktiveringslenken, samtalen med kontoret, dokumenter og varselvalg."""

from typing import Any
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from kvp.dokument.models import Formaal
from kvp.dokument.selectors import dokumenter_for_sak
from kvp.dokument.services import dokument_last_opp, les_opplasting
from kvp.felles.feil import IkkeFunnet, KvpFeil
from kvp.felles.forms import skjema_svar
from kvp.felles.maalform import med_maalform, mf
from kvp.felles.services import lesing_registrer
from kvp.person.selectors import deltaker_person_hent
from kvp.plan.selectors import plan_for_sak
from kvp.sak.models import Status
from kvp.sak.selectors import sak_hent
from kvp.tilgang import objekter
from kvp.tilgang.tilgang import bruker_fra
from kvp.utbetaling.selectors import utbetalinger_for_deltaker
from kvp.utbetaling.services.utbetalingsdato import utbetalingsdato_for

from . import klarspraak, selectors, services
from .forms import AktiverForm, DokumentForm, EndringForm, MeldingForm, PlanForm, VarselvalgForm, paa_maalform
from .models import Planaksept, Varselvalg


def _krev_deltaker(request: HttpRequest) -> None:
    if not objekter.ser_side(request.user, "deltaker"):
        raise PermissionDenied


# ---------------------------------------------------------------- aktivering


@require_POST
def aktivering_send(request: HttpRequest, person_id: UUID) -> HttpResponse:
    """KVP-veilederen sender personen en aktiveringslenke (knappen på personsiden)."""
    try:
        services.aktivering_opprett(
            bruker=bruker_fra(request), person_id=person_id, grunnadresse=request.build_absolute_uri("/")
        )
    except KvpFeil as feil:
        if isinstance(feil, IkkeFunnet) or feil.kode == "KVP_IKKE_TILGANG":
            raise
        messages.error(request, feil.melding)
        return redirect("person:detalj", person_id=person_id)
    messages.success(request, "Lenken er sendt på e-post. Den virker én gang.")
    return redirect("person:detalj", person_id=person_id)


@login_not_required
@never_cache
@require_http_methods(["GET", "POST"])
def aktiver(request: HttpRequest, noekkel: str) -> HttpResponse:
    """Personen åpner lenken fra e-posten. Demo: velger passord. Prod: går videre til ID-porten."""
    try:
        aktivering = services.aktivering_finn(noekkel=noekkel)
    except IkkeFunnet as feil:
        raise Http404(feil.melding) from feil
    # Personen er ikke logget inn ennå: målformen kommer fra personen lenken ble laget for.
    maalform = aktivering.person.maalform or "NB"
    with med_maalform(maalform), translation.override("nn" if maalform == "NN" else "nb"):
        return _aktiver(request, noekkel, maalform)


def _aktiver(request: HttpRequest, noekkel: str, maalform: str) -> HttpResponse:
    passord = settings.KVP_PASSORD_INNLOGGING
    form = paa_maalform(AktiverForm(request.POST or None), maalform) if passord else None

    def lagre(d: dict[str, Any]) -> HttpResponse:
        bruker = services.aktivering_bruk(noekkel=noekkel, passord=d.get("passord", ""))
        if not passord:
            return redirect("tilgang:oidc_start", tjeneste="idporten")
        login(request, bruker, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, mf("Velkommen! Nå er du logget inn.", "Velkomen! No er du logga inn."))
        return redirect("soeknad:min_side")

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "deltaker/aktiver.html", {"form": form, "kvp_maalform": maalform}, status=status)

    if request.method == "POST":
        if form is None:
            return lagre({})
        return skjema_svar(form, lagre, vis)
    return vis()


# ---------------------------------------------------------------- meldinger


def _samtale_side(request: HttpRequest, sak_id: UUID, mal: str, tilbake: HttpResponse) -> HttpResponse:
    bruker = bruker_fra(request)
    form = paa_maalform(
        MeldingForm(request.POST or None, request.FILES or None), selectors.deltakers_maalform(bruker=bruker)
    )

    def lagre(d: dict[str, Any]) -> HttpResponse:
        fil = d.get("vedlegg")
        services.melding_send(
            bruker=bruker,
            sak_id=sak_id,
            tekst=d["tekst"],
            vedlegg=les_opplasting(fil) if fil else None,
            vedlegg_navn=fil.name if fil else "",
        )
        messages.success(request, mf("Meldingen er sendt.", "Meldinga er sendt."))
        return tilbake

    def vis(status: int = 200) -> HttpResponse:
        sak, meldinger = selectors.samtale_hent(bruker=bruker, sak_id=sak_id)
        services.meldinger_merk_lest(bruker=bruker, sak_id=sak_id)
        return render(request, mal, {"sak": sak, "meldinger": meldinger, "form": form}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def mine_meldinger(request: HttpRequest) -> HttpResponse:
    """Deltakerens samtale med kontoret om sin sak."""
    _krev_deltaker(request)
    sak = selectors.deltakers_sak(bruker=bruker_fra(request))
    if sak is None:
        return render(request, "deltaker/ingen_sak.html")
    return _samtale_side(request, sak.pk, "deltaker/mine_meldinger.html", redirect("deltaker:mine_meldinger"))


@require_http_methods(["GET", "POST"])
def sak_meldinger(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    """Kontorets side av samtalen (KVP-veilederen svarer; andre med saksroller kan lese)."""
    sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    return _samtale_side(request, sak_id, "deltaker/sak_meldinger.html", redirect("deltaker:sak_meldinger", sak_id))


# ---------------------------------------------------------------- dokumenter og varselvalg


@require_http_methods(["GET", "POST"])
def mine_dokumenter(request: HttpRequest) -> HttpResponse:
    """Deltakeren laster opp dokumentasjon (for eksempel for gyldig fravær)."""
    _krev_deltaker(request)
    bruker = bruker_fra(request)
    sak = selectors.deltakers_sak(bruker=bruker)
    if sak is None:
        return render(request, "deltaker/ingen_sak.html")
    form = paa_maalform(
        DokumentForm(request.POST or None, request.FILES or None), selectors.deltakers_maalform(bruker=bruker)
    )

    def lagre(d: dict[str, Any]) -> HttpResponse:
        dokument_last_opp(
            bruker=bruker,
            sak_id=sak.pk,
            innhold=les_opplasting(d["fil"]),
            filnavn=d["fil"].name,
            formaal=Formaal.DOKUMENTASJON,
            beskrivelse=d["beskrivelse"],
        )
        messages.success(request, mf("Dokumentet er sendt til NAV-kontoret.", "Dokumentet er sendt til NAV-kontoret."))
        return redirect("deltaker:mine_dokumenter")

    def vis(status: int = 200) -> HttpResponse:
        dokumenter = list(dokumenter_for_sak(bruker=bruker, sak_id=sak.pk))
        return render(request, "deltaker/mine_dokumenter.html", {"form": form, "dokumenter": dokumenter}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def varselvalg(request: HttpRequest) -> HttpResponse:
    _krev_deltaker(request)
    bruker = bruker_fra(request)
    person = deltaker_person_hent(bruker=bruker)
    valg = Varselvalg.objects.filter(person=person).first() or Varselvalg(person=person)
    form = paa_maalform(
        VarselvalgForm(request.POST or None, initial={"epost": valg.epost, "sms": valg.sms}), person.maalform
    )

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.varselvalg_endre(bruker=bruker, person=person, epost=d["epost"], sms=d["sms"])
        messages.success(request, mf("Valget ditt er lagret.", "Valet ditt er lagra."))
        return redirect("deltaker:varselvalg")

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "deltaker/varselvalg.html", {"form": form, "person": person}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


# ---------------------------------------------------------------- utbetalinger i klart språk


def mine_utbetalinger(request: HttpRequest) -> HttpResponse:
    """Deltakerens utbetalinger forklart per måned: én setning, en liten tabell og hele utregningen ett klikk unna."""
    _krev_deltaker(request)
    bruker = bruker_fra(request)
    person = deltaker_person_hent(bruker=bruker)
    t = klarspraak.tekster(person.maalform)
    utbetalinger = utbetalinger_for_deltaker(bruker=bruker)[:12]
    lesing_registrer(
        bruker=bruker,
        personer=[(person.pk, person.kontor_id)],
        formaal="Deltakeren så egne utbetalinger forklart",
        objekttype="utbetalinger",
    )
    return render(
        request,
        "deltaker/mine_utbetalinger.html",
        {
            "t": t,
            "forklaringer": [klarspraak.utbetaling_forklart(u, person.maalform) for u in utbetalinger],
            "lang": person.maalform.lower(),
        },
    )


# ---------------------------------------------------------------- planen


def _planinnhold(aktiviteter: list[Any]) -> list[dict[str, Any]]:
    return [
        {
            "aktivitet": a.get_type_display(),
            "beskrivelse": a.beskrivelse,
            "timer_per_uke": str(a.timer_per_uke),
            "fra_og_med": a.fra_og_med.isoformat(),
            "til_og_med": a.til_og_med.isoformat(),
            "tilbyder": a.tilbyder,
        }
        for a in aktiviteter
    ]


@require_http_methods(["GET", "POST"])
def min_plan(request: HttpRequest) -> HttpResponse:
    """Deltakeren leser planen og godtar den (en registrert underskrift med tidspunkt)."""
    _krev_deltaker(request)
    bruker = bruker_fra(request)
    sak = selectors.deltakers_sak(bruker=bruker)
    if sak is None:
        return render(request, "deltaker/ingen_sak.html")
    plan = plan_for_sak(sak=sak)
    innhold = _planinnhold(plan.aktiviteter)
    sjekksum = services.plan_sjekksum(innhold)
    form = paa_maalform(PlanForm(request.POST or None, initial={"sjekksum": sjekksum}), sak.person.maalform)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.plan_godta(bruker=bruker, sak_id=sak.pk, innhold=innhold, sjekksum=d["sjekksum"])
        messages.success(request, mf("Du har godtatt planen. Takk!", "Du har godteke planen. Takk!"))
        return redirect("deltaker:min_plan")

    def vis(status: int = 200) -> HttpResponse:
        lesing_registrer(
            bruker=bruker,
            personer=[(sak.person_id, sak.kontor_id)],
            formaal="Deltakeren leste egen plan",
            objekttype="programplan",
            objekt_id=str(sak.pk),
        )
        aksept = Planaksept.objects.filter(sak=sak).first()
        return render(
            request,
            "deltaker/min_plan.html",
            {
                "plan": plan,
                "form": form,
                "aksept": aksept,
                "gjeldende": aksept is not None and aksept.sjekksum == sjekksum,
            },
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


# ---------------------------------------------------------------- endringer


@require_http_methods(["GET", "POST"])
def endring_ny(request: HttpRequest) -> HttpResponse:
    """Deltakeren melder en endring (nytt barn, arbeid, annen inntekt); den blir en oppgave for kontoret."""
    _krev_deltaker(request)
    bruker = bruker_fra(request)
    sak = selectors.deltakers_sak(bruker=bruker)
    if sak is None:
        return render(request, "deltaker/ingen_sak.html")
    form = paa_maalform(EndringForm(request.POST or None), sak.person.maalform)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.endring_meld(
            bruker=bruker, sak_id=sak.pk, type=d["type"], fra_og_med=d["fra_og_med"], beskrivelse=d["beskrivelse"]
        )
        messages.success(
            request,
            mf("Takk! NAV-kontoret har fått beskjed om endringen.", "Takk! NAV-kontoret har fått beskjed om endringa."),
        )
        return redirect("soeknad:min_side")

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "deltaker/endring_ny.html", {"form": form}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_POST
def endring_behandle(request: HttpRequest, endring_id: UUID) -> HttpResponse:
    endring = services.endring_behandle(bruker=bruker_fra(request), endring_id=endring_id)
    messages.success(request, "Endringen er markert som behandlet.")
    return redirect("sak:detalj", sak_id=endring.sak_id)


# ---------------------------------------------------------------- forsiden (Min side)


def forsidekort(request: HttpRequest) -> dict[str, Any]:
    """Til deltakerens forside: planen, de neste møtene (evalueringene) og neste utbetalingsdato.

    Kalles fra `soeknad.views.min_side`, som allerede har logget lesingen av Min side.
    """
    bruker = bruker_fra(request)
    sak = selectors.deltakers_sak(bruker=bruker)
    if sak is None or sak.status != Status.I_PROGRAM:
        return {}
    i_dag = timezone.localdate()
    kommune = sak.person.kommune
    forrige = (i_dag.year - 1, 12) if i_dag.month == 1 else (i_dag.year, i_dag.month - 1)
    neste = utbetalingsdato_for(kommune=kommune, aar=forrige[0], maaned=forrige[1])
    if neste < i_dag:
        neste = utbetalingsdato_for(kommune=kommune, aar=i_dag.year, maaned=i_dag.month)
    plan = plan_for_sak(sak=sak)
    return {
        "program": {
            "aktiviteter": [a for a in plan.aktiviteter if a.til_og_med >= i_dag][:5],
            "moeter": [d for d in plan.evalueringer if d >= i_dag][:3],
            "neste_utbetaling": neste,
            "plan_godtatt": Planaksept.objects.filter(sak=sak).first(),
        }
    }

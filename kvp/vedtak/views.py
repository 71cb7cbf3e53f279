"""Vilkår og vedtak i saksbildet, beslutterkøen og lederens oversikt over frister. Tynne visninger."""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_http_methods, require_POST

from kvp.brev.services import vedtaksbrev_html
from kvp.felles.bekreftelse import Bekreftelse, bekreftelse_svar, er_bekreftet, ikke_bekreftet_svar
from kvp.felles.feil import IkkeFunnet, IkkeTilgang, Kategori, KvpFeil, kategori
from kvp.felles.forms import skjema_svar
from kvp.felles.services import lesing_registrer
from kvp.person.models import Maalform
from kvp.sak.models import Sak
from kvp.sak.selectors import sak_hent
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.objekter import Handling
from kvp.tilgang.tilgang import bruker_fra
from kvp_regler.vilkaar import Vurdering

from . import selectors, services
from .bekreftelse import dato_tekst, konsekvenser_for_saken
from .endringer import endringer_siden_forrige_versjon
from .forms import (
    ForhaandsvarselForm,
    ForhaandsvarselSvarForm,
    IverksettForm,
    ReturnerForm,
    VedtakForm,
    VilkaarsvurderingForm,
)
from .models import Vedtak, Vedtaksstatus, Vedtakstype


def _sak(request: HttpRequest, sak_id: UUID) -> Sak:
    """Saken, bare for kontorets saksbehandlere, beslutter og leder (ellers 404)."""
    sak = sak_hent(bruker=bruker_fra(request), sak_id=sak_id)
    # `kan` teller bare kontorrollene: statsforvalteren, som ser saken, ser ikke vedtaksarbeidet.
    if not tilgang.kan(bruker_fra(request), "sak", sak, Handling.LES):
        raise IkkeFunnet("Fant ikke saken.")
    return sak


def _tjenestefeil(feil: KvpFeil) -> None:
    """Tilgangsfeil går videre til mellomvaren (403/404); andre feil vises på siden."""
    if kategori(feil) != Kategori.UGYLDIG:
        raise feil


def sak_oversikt(request: HttpRequest, sak_id: UUID, *, status: int = 200, **skjemaer: Any) -> HttpResponse:
    sak = _sak(request, sak_id)
    vedtak = list(selectors.vedtak_for_sak(sak=sak))
    aapent = next((v for v in vedtak if v.status != Vedtaksstatus.FATTET), None)
    kan_skrive = tilgang.kan(bruker_fra(request), "sak", sak, Handling.BEHANDLE)
    typer = [] if aapent or not kan_skrive else services.TYPER_FOR_STATUS.get(sak.status, ())
    kontekst = {
        "sak": sak,
        "vv": selectors.vilkaarsvurdering_for_sak(sak=sak),
        "vedtaksliste": vedtak,
        "aapent": aapent,
        "nye_typer": [(t, Vedtakstype(t).label) for t in typer],
        "kan_skrive": kan_skrive,
        "kan_vurdere": kan_skrive and sak.status == "VILKAARSVURDERING",
        "iverksett_form": skjemaer.get("iverksett_form") or IverksettForm(),
        "forhaandsvarsel_form": skjemaer.get("forhaandsvarsel_form"),
    }
    return render(request, "vedtak/sak.html", kontekst, status=status)


def _initial_vilkaar(sak: Sak) -> dict[str, Any]:
    vv = selectors.vilkaarsvurdering_for_sak(sak=sak)
    if vv is None:
        kartlegging = sak.soeknad.kartlegging or sak.person.kartlegginger.order_by("-opprettet").first()
        return {"arbeidsevne": kartlegging.oppfoelgingsbehov if kartlegging else "IKKE_VURDERT"}
    initial: dict[str, Any] = {
        f: getattr(vv, f)
        for f in (
            "arbeidsevne",
            "husstand",
            "ytelser_beskrivelse",
            "sosialhjelp_foer",
            "introduksjonsstoenad_foer",
            "tiltakspenger_foer",
            "folketrygd_foer",
            "kvp_annen_kommune",
            "kvp_kommunenummer",
        )
    }
    initial["ytelser_per_maaned"] = str(vv.ytelser_per_maaned).replace(".", ",")
    for kode, v in vv.skjoenn.items():
        initial[f"vurdering_{kode.lower()}"] = v.get("vurdering")
        initial[f"begrunnelse_{kode.lower()}"] = v.get("begrunnelse")
    return initial


@require_http_methods(["GET", "POST"])
def vilkaar(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = _sak(request, sak_id)
    form = VilkaarsvurderingForm(request.POST or None, initial=_initial_vilkaar(sak))

    def lagre(_: dict[str, Any]) -> HttpResponse:
        vv = services.vilkaarsvurdering_lagre(bruker=bruker_fra(request), sak_id=sak.pk, **form.tjenesteargumenter())
        messages.success(
            request,
            "Vilkårsvurderingen er lagret."
            + (" Alle vilkår er oppfylt." if vv.alle_oppfylt else " Ikke alle vilkår er oppfylt."),
        )
        return redirect("vedtak:sak", sak_id=sak.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(
            request,
            "vedtak/vilkaar.html",
            {
                "sak": sak,
                "form": form,
                "vv": selectors.vilkaarsvurdering_for_sak(sak=sak),
                "barn": sak.person.barn.all(),
            },
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def _avslagsvalg(sak: Sak) -> list[tuple[str, str]]:
    vv = selectors.vilkaarsvurdering_for_sak(sak=sak)
    if vv is None:
        return []
    return [(r["vilkaar"], r["tittel"]) for r in vv.resultater if r["vurdering"] == Vurdering.IKKE_OPPFYLT]


def _initial_vedtak(vedtak: Vedtak) -> dict[str, Any]:
    initial = {
        f: getattr(vedtak, f)
        for f in (
            "fra_og_med",
            "til_og_med",
            "innhold",
            "saerlige_grunner",
            "tilbakedatering_grunn",
            "avslag_vilkaar",
            "kostra_status",
            "kostra_situasjon",
            "kostra_inntektskilde",
            "begrunnelse",
        )
    }
    initial["evalueringsdatoer"] = "\n".join(f"{d[8:10]}.{d[5:7]}.{d[0:4]}" for d in vedtak.evalueringsdatoer or [])
    return initial


@require_http_methods(["GET", "POST"])
def ny(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = _sak(request, sak_id)
    type_ = request.POST.get("type") or request.GET.get("type") or ""
    if type_ not in services.TYPER_FOR_STATUS.get(sak.status, ()):
        raise KvpFeil("Denne vedtakstypen kan ikke skrives for saken nå.", kode="KVP_VEDTAKSTYPE")
    form = VedtakForm(request.POST or None, type=type_, avslagsvalg=_avslagsvalg(sak))

    def lagre(_: dict[str, Any]) -> HttpResponse:
        vedtak = services.vedtak_opprett(
            bruker=bruker_fra(request), sak_id=sak.pk, type=type_, **form.tjenesteargumenter()
        )
        messages.success(request, "Utkastet er lagret.")
        return redirect("vedtak:detalj", vedtak_id=vedtak.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(
            request,
            "vedtak/skjema.html",
            {"sak": sak, "form": form, "type": type_, "type_tekst": Vedtakstype(type_).label, "vedtak": None},
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def detalj(request: HttpRequest, vedtak_id: UUID, *, status: int = 200, **skjemaer: Any) -> HttpResponse:
    vedtak = selectors.vedtak_hent(bruker=bruker_fra(request), vedtak_id=vedtak_id)
    sak = vedtak.sak
    skrivere = services.skrivere(vedtak)
    er_beslutter = tilgang.kan(bruker_fra(request), "vedtak", vedtak, Handling.BESLUTT)
    kontekst = {
        "vedtak": vedtak,
        "sak": sak,
        "hendelser": vedtak.hendelser.all(),
        "kan_endre": vedtak.kan_endres and tilgang.kan(bruker_fra(request), "vedtak", vedtak, Handling.SKRIV),
        "kan_beslutte": vedtak.status == Vedtaksstatus.TIL_BESLUTTER
        and er_beslutter
        and request.user.pk not in skrivere,
        "egen_sak_for_beslutter": vedtak.status == Vedtaksstatus.TIL_BESLUTTER
        and er_beslutter
        and request.user.pk in skrivere,
        "endringer": endringer_siden_forrige_versjon(vedtak),
        "returner_form": skjemaer.get("returner_form") or ReturnerForm(),
        "feilmelding": skjemaer.get("feilmelding"),
        # Forhåndsvisningen er den samme malen som brevet; HTML-en er laget med autoescape.
        "brev_html": None if vedtak.er_fattet else mark_safe(vedtaksbrev_html(vedtak)),  # noqa: S308
    }
    return render(request, "vedtak/detalj.html", kontekst, status=status)


@require_http_methods(["GET", "POST"])
def endre(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    vedtak = selectors.vedtak_hent(bruker=bruker_fra(request), vedtak_id=vedtak_id)
    if not vedtak.kan_endres:
        raise KvpFeil(
            "Vedtaket er fattet og kan ikke endres." if vedtak.er_fattet else "Vedtaket ligger hos beslutter.",
            kode="KVP_VEDTAK_FATTET" if vedtak.er_fattet else "KVP_VEDTAK_HOS_BESLUTTER",
        )
    form = VedtakForm(
        request.POST or None, type=vedtak.type, avslagsvalg=_avslagsvalg(vedtak.sak), initial=_initial_vedtak(vedtak)
    )

    def lagre(_: dict[str, Any]) -> HttpResponse:
        services.vedtak_endre(bruker=bruker_fra(request), vedtak_id=vedtak.pk, **form.tjenesteargumenter())
        messages.success(request, "Endringene er lagret.")
        return redirect("vedtak:detalj", vedtak_id=vedtak.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(
            request,
            "vedtak/skjema.html",
            {
                "sak": vedtak.sak,
                "form": form,
                "type": vedtak.type,
                "type_tekst": vedtak.get_type_display(),
                "vedtak": vedtak,
            },
            status=status,
        )

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def _handling(request: HttpRequest, vedtak_id: UUID, utfoer: Any, melding: str) -> HttpResponse:
    vedtak = selectors.vedtak_hent(bruker=bruker_fra(request), vedtak_id=vedtak_id)
    try:
        utfoer(vedtak)
    except KvpFeil as feil:
        _tjenestefeil(feil)
        return detalj(request, vedtak_id, status=400, feilmelding=feil.melding)
    messages.success(request, melding)
    return redirect("vedtak:detalj", vedtak_id=vedtak.pk)


@require_POST
def send(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    return _handling(
        request,
        vedtak_id,
        lambda v: services.vedtak_send_til_beslutter(bruker=bruker_fra(request), vedtak_id=v.pk),
        "Vedtaket er sendt til beslutter.",
    )


def _fatt_bekreftelse(vedtak: Vedtak) -> Bekreftelse:
    """Hva som skjer når beslutteren fatter vedtaket, i klartekst (issue 15 punkt 7)."""
    sak, person = vedtak.sak, vedtak.sak.person
    i_dag = timezone.localdate()
    punkter = [
        f"Vedtaket om {vedtak.get_type_display().lower()} for {person.navn} fattes med vedtaksdato "
        f"{dato_tekst(i_dag)}, med deg som beslutter og {vedtak.opprettet_av.visningsnavn} som saksbehandler."
    ]
    punkter += konsekvenser_for_saken(vedtak)
    adresse = ", ".join(d for d in (person.adresse, f"{person.postnummer} {person.poststed}".strip()) if d)
    maalform = "nynorsk" if person.maalform == Maalform.NYNORSK else "bokmål"
    punkter.append(
        f"Vedtaksbrevet lages som PDF på {maalform} og sendes til {person.navn}"
        + (f", {adresse}." if adresse else ".")
        + " Deltakeren får et varsel om brevet på sin side."
    )
    advarsler = []
    if not (person.adresse and person.postnummer and person.poststed):
        advarsler.append(
            f"{person.navn} mangler fullstendig adresse (gate, postnummer og poststed). Rett adressen på "
            "personsiden før brevet sendes i posten."
        )
    return Bekreftelse(
        tittel=f"Fatt vedtaket om {vedtak.get_type_display().lower()} – {person.navn}",
        punkter=punkter,
        angres="Et fattet vedtak kan ikke endres eller trekkes tilbake. En feil må rettes med et nytt vedtak "
        "eller etter en klage.",
        knapp="Ja, fatt vedtaket og send brevet",
        handling_url=reverse("vedtak:fatt", args=[vedtak.pk]),
        avbryt_url=reverse("vedtak:detalj", args=[vedtak.pk]),
        opptatt="Fatter vedtaket og lager brevet …",
        fakta=[("Sak", str(sak.pk)[:8]), ("Versjon", str(vedtak.versjon))],
        advarsler=advarsler,
    )


@require_http_methods(["GET", "POST"])
def fatt(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    """GET: hva som skjer når vedtaket fattes. POST med bekreftelsen: vedtaket fattes; uten den: 400, ingenting
    gjort (kvp.felles.bekreftelse)."""
    bruker = bruker_fra(request)
    if er_bekreftet(request):
        return _handling(
            request,
            vedtak_id,
            lambda v: services.vedtak_fatt(bruker=bruker, vedtak_id=v.pk),
            "Vedtaket er fattet, og brevet er laget.",
        )
    vedtak = selectors.vedtak_hent(bruker=bruker, vedtak_id=vedtak_id)
    tilgang.vedtak(bruker, vedtak_id, Handling.BESLUTT, relatert=())  # 403 uten beslutterrollen ved kontoret
    if vedtak.status != Vedtaksstatus.TIL_BESLUTTER:
        melding = (
            "Vedtaket er allerede fattet og kan ikke endres."
            if vedtak.er_fattet
            else "Vedtaket er ikke sendt til beslutter."
        )
        return detalj(request, vedtak_id, status=400, feilmelding=melding)
    if bruker.pk in services.skrivere(vedtak):
        raise IkkeTilgang(
            "Du har skrevet eller endret dette vedtaket og kan ikke beslutte det selv (totrinnskontroll)."
        )
    bekreftelse = _fatt_bekreftelse(vedtak)
    if request.method == "POST":
        return ikke_bekreftet_svar(request, bekreftelse)
    return bekreftelse_svar(request, bekreftelse)


@require_POST
def returner(request: HttpRequest, vedtak_id: UUID) -> HttpResponse:
    vedtak = selectors.vedtak_hent(bruker=bruker_fra(request), vedtak_id=vedtak_id)
    form = ReturnerForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.vedtak_returner(bruker=bruker_fra(request), vedtak_id=vedtak.pk, begrunnelse=d["begrunnelse"])
        messages.success(request, "Vedtaket er returnert til saksbehandleren.")
        return redirect("vedtak:detalj", vedtak_id=vedtak.pk)

    return skjema_svar(form, lagre, lambda status: detalj(request, vedtak_id, status=status, returner_form=form))


@require_POST
def iverksett(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    sak = _sak(request, sak_id)
    form = IverksettForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.program_iverksett(bruker=bruker_fra(request), sak_id=sak.pk, begynt_dato=d["begynt_dato"])
        messages.success(request, "Oppstarten er registrert.")
        return redirect("vedtak:sak", sak_id=sak.pk)

    return skjema_svar(form, lagre, lambda status: sak_oversikt(request, sak_id, status=status, iverksett_form=form))


def beslutter(request: HttpRequest) -> HttpResponse:
    vedtaksliste = list(selectors.vedtak_til_beslutter(bruker=bruker_fra(request)))
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=((v.sak.person_id, v.sak.kontor_id) for v in vedtaksliste),
        formaal="Vedtak som venter på beslutter",
        objekttype="beslutterkø",
    )
    return render(request, "vedtak/beslutter.html", {"vedtaksliste": vedtaksliste})


def oversikt(request: HttpRequest) -> HttpResponse:
    frister = selectors.frister_for_kontor(bruker=bruker_fra(request))
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=((f.sak.person_id, f.sak.kontor_id) for f in frister),
        formaal="Frister som krever handling",
        objekttype="fristoversikt",
    )
    return render(request, "vedtak/oversikt.html", {"saksfrister": frister})


@require_POST
def forhaandsvarsel_send(request: HttpRequest, sak_id: UUID) -> HttpResponse:
    """Forhåndsvarsel om stans eller avslutning (forvaltningsloven § 16) fra saksbildet."""
    sak = _sak(request, sak_id)
    form = ForhaandsvarselForm(request.POST)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.forhaandsvarsel_send(
            bruker=bruker_fra(request),
            sak_id=sak.pk,
            gjelder=d["gjelder"],
            grunn=d["grunn"],
            fra_og_med=d["fra_og_med"],
        )
        messages.success(request, "Forhåndsvarselet er sendt til deltakeren.")
        return redirect("vedtak:sak", sak_id=sak.pk)

    return skjema_svar(
        form, lagre, lambda status: sak_oversikt(request, sak_id, status=status, forhaandsvarsel_form=form)
    )


@require_POST
def forhaandsvarsel_svar(request: HttpRequest, forhaandsvarsel_id: UUID) -> HttpResponse:
    """Deltakerens svar på et forhåndsvarsel. Feil gir norsk melding og 400 (mellomvaren)."""
    varsel = selectors.forhaandsvarsel_hent(bruker=bruker_fra(request), forhaandsvarsel_id=forhaandsvarsel_id)
    form = ForhaandsvarselSvarForm(request.POST)
    if not form.is_valid():
        felt, feil = next(iter(form.errors.items()))
        raise KvpFeil(f"{form.fields[felt].label}: {feil[0]}", felt=felt, kode="KVP_FORHAANDSVARSEL_SVAR")
    services.forhaandsvarsel_svar_registrer(
        bruker=bruker_fra(request),
        forhaandsvarsel_id=varsel.pk,
        svar=form.cleaned_data["svar"],
        svar_dato=form.cleaned_data["svar_dato"],
    )
    messages.success(request, "Svaret på forhåndsvarselet er registrert.")
    if varsel.gjelder == "TILBAKEKREVING":
        return redirect("utbetaling:tilbakekrevinger")
    return redirect("vedtak:sak", sak_id=varsel.sak_id)

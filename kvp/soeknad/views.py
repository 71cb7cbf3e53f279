"""Inntaket: kartlegging og booking, møtetider, søknad fra deltaker og registrering av papirsøknad."""

import datetime as dt
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kvp.deltaker import views as deltaker_views
from kvp.felles.forms import skjema_svar
from kvp.felles.services import lesing_registrer
from kvp.person.selectors import deltaker_person_hent, person_hent, person_hent_paa_fnr
from kvp.sak.models import AAPNE_STATUSER, AKTIVE_STATUSER
from kvp.sak.selectors import saker_for_deltaker
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.kontorvalg import kontor_eller_valg
from kvp.tilgang.objekter import Handling, krev_side
from kvp.tilgang.selectors import kvp_veiledere_for_kontor
from kvp.tilgang.tilgang import bruker_fra

from . import selectors, services
from .forms import (
    AvlysForm,
    BookingForm,
    KartleggingForm,
    MoetetidForm,
    OmbookForm,
    SoeknadDeltakerForm,
    SoeknadRegistrerForm,
)


def _flere(request: HttpRequest, side: str) -> bool:
    return len(tilgang.side_kontorer(bruker_fra(request), side)) > 1


@require_http_methods(["GET", "POST"])
def kartlegging_ny(request: HttpRequest, person_id: UUID) -> HttpResponse:
    # Veileder eller KVP-veileder ved personens kontor (en rolle ved et annet kontor teller ikke).
    tilgang.person(bruker_fra(request), person_id, Handling.SKRIV)
    person = person_hent(bruker=bruker_fra(request), person_id=person_id, logg=request.method == "GET")
    mal = selectors.overfoeringsnotat_mal(person=person)
    form = KartleggingForm(request.POST or None, initial={f"notat_{k}": v for k, v in mal.items()})

    def lagre(d: dict[str, Any]) -> HttpResponse:
        notat = {k.removeprefix("notat_"): v for k, v in d.items() if k.startswith("notat_")}
        felter = {k: v for k, v in d.items() if not k.startswith("notat_")}
        kartlegging = services.kartlegging_opprett(bruker=bruker_fra(request), person=person, notat=notat, **felter)
        messages.success(request, "Kartleggingen er lagret. Book et møte med en KVP-veileder.")
        return redirect("soeknad:kartlegging", kartlegging_id=kartlegging.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "soeknad/kartlegging_ny.html", {"form": form, "person": person}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def kartlegging(request: HttpRequest, kartlegging_id: UUID) -> HttpResponse:
    """Kartleggingen med overføringsnotatet, og booking av overføringsmøte."""
    k = selectors.kartlegging_hent(bruker=bruker_fra(request), kartlegging_id=kartlegging_id)
    moete = selectors.moetetid_for_kartlegging(kartlegging=k)
    ledige = list(selectors.moetetider_ledige_for_kontor(bruker=bruker_fra(request), kontor_id=k.kontor_id))
    form = BookingForm(request.POST or None, moetetider=ledige)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.moetetid_book(bruker=bruker_fra(request), moetetid_id=d["moetetid"], kartlegging=k)
        messages.success(request, "Møtet er booket.")
        return redirect("soeknad:kartlegging", kartlegging_id=k.pk)

    def vis(status: int = 200) -> HttpResponse:
        kontekst = {
            "k": k,
            "moete": moete,
            "form": form,
            "avlysninger": selectors.avlysninger_for_kartlegging(kartlegging=k),
            "kan_endre": tilgang.kan(bruker_fra(request), "kartlegging", k, Handling.SKRIV),
            "naa": timezone.now(),
        }
        return render(request, "soeknad/kartlegging.html", kontekst, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def _booket_for_endring(request: HttpRequest, kartlegging_id: UUID) -> tuple[Any, Any]:
    """Kartleggingen (skrivetilgang gjennom tilgangslaget, lesingen logges) og møtet som er booket for den."""
    tilgang.hent(bruker_fra(request), "kartlegging", kartlegging_id, Handling.SKRIV, relatert=())
    k = selectors.kartlegging_hent(bruker=bruker_fra(request), kartlegging_id=kartlegging_id)
    return k, selectors.moetetid_for_kartlegging(kartlegging=k)


@require_http_methods(["GET", "POST"])
def moete_avlys(request: HttpRequest, kartlegging_id: UUID) -> HttpResponse:
    """Bekreft avlysningen: hva som skjer, og hvorfor (grunnen er påkrevd og står i revisjonsloggen)."""
    k, moete = _booket_for_endring(request, kartlegging_id)
    if moete is None:
        messages.info(request, "Det er ikke booket noe møte for denne kartleggingen.")
        return redirect("soeknad:kartlegging", kartlegging_id=k.pk)
    form = AvlysForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        services.moete_avlys(bruker=bruker_fra(request), kartlegging_id=k.pk, grunn=d["grunn"])
        messages.success(request, "Møtet er avlyst, og tiden er ledig igjen. Book en ny tid når dere er klare.")
        return redirect("soeknad:kartlegging", kartlegging_id=k.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "soeknad/moete_avlys.html", {"k": k, "moete": moete, "form": form}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def moete_ombook(request: HttpRequest, kartlegging_id: UUID) -> HttpResponse:
    """Flytt møtet til en annen ledig tid; det gamle møtet står til det nye er booket."""
    k, moete = _booket_for_endring(request, kartlegging_id)
    if moete is None:
        messages.info(request, "Det er ikke booket noe møte for denne kartleggingen. Book en tid her.")
        return redirect("soeknad:kartlegging", kartlegging_id=k.pk)
    ledige = list(selectors.moetetider_ledige_for_kontor(bruker=bruker_fra(request), kontor_id=k.kontor_id))
    form = OmbookForm(request.POST or None, moetetider=ledige)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        ny = services.moete_ombook(
            bruker=bruker_fra(request), kartlegging_id=k.pk, ny_moetetid_id=d["moetetid"], grunn=d["grunn"]
        )
        messages.success(request, f"Møtet er flyttet til {timezone.localtime(ny.start):%d.%m.%Y kl. %H:%M}.")
        return redirect("soeknad:kartlegging", kartlegging_id=k.pk)

    def vis(status: int = 200) -> HttpResponse:
        kontekst = {"k": k, "moete": moete, "form": form, "ledige": ledige}
        return render(request, "soeknad/moete_ombook.html", kontekst, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def _uke_fra(verdi: str) -> dt.date | None:
    """Mandagen i uka `åååå-Unn` (ISO-uke), eller None når verdien ikke er en uke."""
    try:
        aar, uke = verdi.upper().split("-W")
        mandag = dt.date.fromisocalendar(int(aar), int(uke), 1)
    except ValueError:
        return None
    return mandag if 2000 <= mandag.year <= 2100 else None


@require_http_methods(["GET"])
def moetekalender(request: HttpRequest) -> HttpResponse:
    """KVP-veilederens egne møtetider og bookinger: uke for uke, og alle kommende bookinger som liste."""
    krev_side(bruker_fra(request), "moetekalender")
    i_dag = timezone.localdate()
    denne = i_dag - dt.timedelta(days=i_dag.weekday())
    status, feil = 200, ""
    verdi = request.GET.get("uke", "")
    mandag = _uke_fra(verdi) if verdi else denne
    if mandag is None:
        status, feil, mandag = 400, "Uka må skrives som åååå-Unn, for eksempel 2026-W48. Her er denne uka.", denne
    kalender = selectors.moetekalender(bruker=bruker_fra(request), mandag=mandag, i_dag=i_dag)
    kontekst = {"kalender": kalender, "feil": feil, "i_dag": i_dag, "denne": denne, "naa": timezone.now()}
    return render(request, "soeknad/moetekalender.html", kontekst, status=status)


@require_http_methods(["GET", "POST"])
def moetetider(request: HttpRequest) -> HttpResponse:
    """KVP-veiledere legger ut ledige kvarter til overføringsmøter, for ett kontor om gangen: kontoret der brukeren
    er KVP-veileder eller leder (valg når hen er det ved flere)."""
    kontor, valg = kontor_eller_valg(request, "moetetider", "Ledige møtetider")
    if kontor is None:
        return valg  # type: ignore[return-value]
    veiledere = list(kvp_veiledere_for_kontor(bruker=bruker_fra(request), kontor_id=kontor.pk))
    form = MoetetidForm(request.POST or None, veiledere=veiledere)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        veileder = next(v for v in veiledere if str(v.pk) == d["kvp_veileder"])
        services.moetetid_opprett(
            bruker=bruker_fra(request), kvp_veileder=veileder, start=d["start"], kontor_id=kontor.pk
        )
        messages.success(request, "Møtetiden er lagt ut.")
        return redirect(f"{reverse('soeknad:moetetider')}?kontor={kontor.pk}")

    def vis(status: int = 200) -> HttpResponse:
        tider = list(selectors.moetetider_ledige_for_kontor(bruker=bruker_fra(request), kontor_id=kontor.pk))
        kontekst = {"form": form, "tider": tider, "kontor": kontor, "flere_kontorer": _flere(request, "moetetider")}
        return render(request, "soeknad/moetetider.html", kontekst, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


@require_http_methods(["GET", "POST"])
def ny(request: HttpRequest) -> HttpResponse:
    """Deltakeren søker selv, i klart språk."""
    krev_side(request.user, "deltaker")
    person = deltaker_person_hent(bruker=bruker_fra(request))
    form = SoeknadDeltakerForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        soeknad, _ = services.soeknad_send_inn(bruker=bruker_fra(request), **d)
        return redirect("soeknad:kvittering", soeknad_id=soeknad.pk)

    def vis(status: int = 200) -> HttpResponse:
        return render(request, "soeknad/ny.html", {"form": form, "person": person}, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()


def kvittering(request: HttpRequest, soeknad_id: UUID) -> HttpResponse:
    soeknad = selectors.soeknad_hent_for_deltaker(bruker=bruker_fra(request), soeknad_id=soeknad_id)
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=[(soeknad.person_id, soeknad.kontor_id)],
        formaal="Deltakeren så kvitteringen for egen søknad",
        objekttype="søknadskvittering",
        objekt_id=str(soeknad.pk),
    )
    return render(request, "soeknad/kvittering.html", {"soeknad": soeknad})


def min_side(request: HttpRequest) -> HttpResponse:
    krev_side(request.user, "deltaker")
    person = deltaker_person_hent(bruker=bruker_fra(request))
    saker = saker_for_deltaker(bruker=bruker_fra(request))
    kan_soeke = not any(s.status in AAPNE_STATUSER + AKTIVE_STATUSER for s in saker)
    lesing_registrer(
        bruker=bruker_fra(request),
        personer=[(person.pk, person.kontor_id)],
        formaal="Deltakeren så egne opplysninger på Min side",
        objekttype="Min side",
    )
    kontekst = {"person": person, "saker": saker, "kan_soeke": kan_soeke, **deltaker_views.forsidekort(request)}
    return render(request, "soeknad/min_side.html", kontekst)


@require_http_methods(["GET", "POST"])
def registrer(request: HttpRequest) -> HttpResponse:
    """Kontoret registrerer en søknad som kom på papir eller utenfra, for ett kontor: kontoret der brukeren er
    KVP-veileder (valg når hen er det ved flere). Personen må høre til det kontoret."""
    kontor, valg = kontor_eller_valg(request, "registrer_soeknad", "Registrer søknad")
    if kontor is None:
        return valg  # type: ignore[return-value]
    form = SoeknadRegistrerForm(request.POST or None)

    def lagre(d: dict[str, Any]) -> HttpResponse:
        person = person_hent_paa_fnr(
            bruker=bruker_fra(request), foedselsnummer=d["foedselsnummer"], kontor_id=kontor.pk
        )
        _, sak = services.soeknad_registrer(
            bruker=bruker_fra(request),
            person=person,
            mottatt_dato=d["mottatt_dato"],
            kanal=d["kanal"],
            merknad=d["merknad"],
        )
        messages.success(request, "Søknaden er registrert og lagt på KVP-tavla.")
        return redirect("sak:detalj", sak_id=sak.pk)

    def vis(status: int = 200) -> HttpResponse:
        kontekst = {"form": form, "kontor": kontor, "flere_kontorer": _flere(request, "registrer_soeknad")}
        return render(request, "soeknad/registrer.html", kontekst, status=status)

    return skjema_svar(form, lagre, vis) if request.method == "POST" else vis()

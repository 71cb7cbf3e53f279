"""Alle sider en deltaker når, på deltakerens målform: hver URL i URL-konfigurasjonen hentes som deltakeren (med
deltakerens egne objekter i adressen), og hver HTML-side som svarer 200, sjekkes. I tillegg skjemaene med feil
(Djangos feilmeldinger, meldinger fra tjenestene), flash-meldingene etter en lagring, aktiveringssiden (ikke
innlogget) og tomme lister. Med nynorsk skal ingen ord som bare er bokmål stå i den synlige teksten, og omvendt."""

import datetime as dt
import hashlib
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from kvp.deltaker.models import Aktivering
from kvp.deltaker.tests.sider import lag_deltaker_med_alt, synlig_tekst
from kvp.deltaker.tests.test_nynorsk import BARE_BOKMAAL, BARE_NYNORSK, _treff
from kvp.dokument.tests import filer
from kvp.felles.tests.test_url_tilgang import URLER
from kvp.klage import services as klagetjenester
from kvp.klage.models import Kanal
from kvp.person.models import Person
from kvp.soeknad.models import Soeknad
from kvp.tilgang.models import Rolle
from kvp.vedtak.models import Vedtakstype
from kvp.vedtak.services import vedtak_fatt, vedtak_opprett, vedtak_send_til_beslutter

pytestmark = pytest.mark.django_db

#: Flere ord som bare er bokmål, og som deltakerens sider bruker (skjemaer, klagen, søknaden).
EKSTRA_BOKMAAL = ("kun", "bare", "hvorfor", "hvilken", "fra", "frem", "mottatt", "uke", "uker")
EKSTRA_NYNORSK = ("berre", "kvifor", "kva for", "frå", "fram", "motteken", "veke", "veker", "eit", "ein")
#: GET på disse logger ut eller starter en innlogging: ikke en side å lese.
HOPP_OVER = ("logg_ut", "oidc_")
#: Kontorsider alle innloggede kan åpne (tomme for en deltaker, og uten lenke fra deltakerens sider).
IKKE_DELTAKERSIDER = {"jobber:oversikt"}
#: Sidene testen minst skal ha nådd (ellers har tilgangen eller objektene endret seg, og testen ville sjekket lite).
MAA_NAA = {
    "soeknad:min_side",
    "soeknad:ny",
    "soeknad:kvittering",
    "brev:vis",
    "brev:vis_brev",
    "klage:liste",
    "klage:ny",
    "klage:detalj",
    "klage:brev",
    "deltaker:mine_meldinger",
    "deltaker:mine_dokumenter",
    "deltaker:mine_utbetalinger",
    "deltaker:min_plan",
    "deltaker:endring_ny",
    "deltaker:varselvalg",
    "oppmoete:min_side",
}
NOEKKEL = "aktiveringsnoekkel-for-testen"


def _fatt(*, kvp: Any, beslutter: Any, sak: Any) -> Any:
    vedtak = vedtak_opprett(
        bruker=kvp,
        sak_id=sak.pk,
        type=Vedtakstype.AVBRUDD,
        fra_og_med=dt.date(2025, 3, 1),
        begrunnelse="Uteblitt.",
    )
    vedtak_send_til_beslutter(bruker=kvp, vedtak_id=vedtak.pk)
    return vedtak_fatt(bruker=beslutter, vedtak_id=vedtak.pk)


def _deltaker(maalform: str, *, lag_sak_i_program: Any, lag_bruker: Any, kvp: Any) -> dict[str, Any]:
    """En deltaker med plan, oppmøte, utbetaling, melding, dokument, et vedtaksbrev og en klage med vedlegg som er
    sendt til statsforvalteren (så skjemaet for merknader vises)."""
    sak, bruker = lag_deltaker_med_alt(lag_sak_i_program=lag_sak_i_program, lag_bruker=lag_bruker, kvp=kvp)
    Person.objects.filter(pk=sak.person_id).update(maalform=maalform)  # før brevene lages
    vedtak = _fatt(kvp=kvp, beslutter=lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor), sak=sak)
    klage = klagetjenester.klage_registrer(
        bruker=bruker,
        vedtak_id=vedtak.pk,
        tekst="Uenig.",
        kanal=Kanal.DIGITAL,
        vedlegg=[SimpleUploadedFile("lege.pdf", filer.pdf())],
    )
    klagetjenester.klage_formkrav_vurder(
        bruker=kvp,
        klage_id=klage.pk,
        formkrav=dict.fromkeys(("klagerett", "i_tide", "underskrevet", "vedtak_nevnt", "endring_nevnt"), True),
    )
    klagetjenester.klage_vurder(bruker=kvp, klage_id=klage.pk, resultat="OVERSEND", vurdering="Riktig.")
    Aktivering.objects.create(
        person=sak.person,
        noekkel_hash=hashlib.sha256(NOEKKEL.encode()).hexdigest(),
        opprettet_av=kvp,
        utloeper=timezone.now() + dt.timedelta(days=1),
    )
    return {
        "bruker": bruker,
        "sak_id": sak.pk,
        "person_id": sak.person_id,
        "vedtak_id": vedtak.pk,
        "brev_id": vedtak.brev.pk,
        "klage_id": klage.pk,
        "dokument_id": klage.dokumenter.get().pk,
        "klagebrev_id": klage.brev.get(til_deltaker=True).pk,
        "soeknad_id": Soeknad.objects.get(person_id=sak.person_id).pk,
        "noekkel": NOEKKEL,
    }


def _sider(client: Any, objekter: dict[str, Any]) -> dict[str, str]:
    """(navn → synlig tekst) for hver HTML-side deltakeren når med GET."""
    sider = {}
    for navn, params in URLER:
        if (
            any(h in navn for h in HOPP_OVER)
            or navn in IKKE_DELTAKERSIDER
            or navn.startswith("api-")
            or not set(params) <= set(objekter)
        ):
            continue
        try:
            url = reverse(navn, kwargs={p: objekter[p] for p in params})
        except NoReverseMatch:
            continue
        if navn == "klage:brev":
            url += "?vis=html"
        svar = client.get(url)
        if svar.status_code == 200 and svar["Content-Type"].startswith("text/html"):
            sider[navn] = synlig_tekst(svar.content.decode())
    return sider


def _skjemaer_med_feil(client: Any, o: dict[str, Any]) -> dict[str, str]:
    """Skjemaene sendt med feil: hver skal svare 400 med meldingene på målformen."""
    innsendinger = {
        "søknad uten svar": (reverse("soeknad:ny"), {}),
        "søknad uten bekreftelse": (reverse("soeknad:ny"), {"hva_oensker_du": "Jobb."}),
        "klage uten tekst": (reverse("klage:ny", kwargs={"vedtak_id": o["vedtak_id"]}), {"tekst": ""}),
        "klage med falsk PNG": (
            reverse("klage:ny", kwargs={"vedtak_id": o["vedtak_id"]}),
            {"tekst": "Uenig.", "vedlegg": SimpleUploadedFile("bilde.png", b"<html>ikke et bilde</html>")},
        ),
        "tom merknad": (reverse("klage:merknad", kwargs={"klage_id": o["klage_id"]}), {"tekst": ""}),
        "tom melding": (reverse("deltaker:mine_meldinger"), {"tekst": ""}),
        "dokument uten fil": (reverse("deltaker:mine_dokumenter"), {"beskrivelse": "x"}),
        "dokument som ikke er PDF": (
            reverse("deltaker:mine_dokumenter"),
            {"beskrivelse": "x", "fil": SimpleUploadedFile("a.pdf", b"tekst, ikke pdf")},
        ),
        "endring uten valg": (reverse("deltaker:endring_ny"), {"fra_og_med": "31.02.2025"}),
        "plan uten avkrysning": (reverse("deltaker:min_plan"), {"sjekksum": "x"}),
    }
    sider = {}
    for navn, (url, data) in innsendinger.items():
        svar = client.post(url, data)
        assert svar.status_code == 400, navn
        sider[navn] = synlig_tekst(svar.content.decode())
    return sider


def _flash(client: Any) -> dict[str, str]:
    svar = client.post(reverse("deltaker:varselvalg"), {"epost": "on"}, follow=True)
    melding = client.post(reverse("deltaker:mine_meldinger"), {"tekst": "Hei."}, follow=True)
    return {
        "lagret varselvalg": synlig_tekst(svar.content.decode()),
        "sendt melding": synlig_tekst(melding.content.decode()),
    }


@pytest.mark.parametrize(
    ("maalform", "forbudt", "maa_ha"),
    [
        (
            "NN",
            BARE_BOKMAAL + EKSTRA_BOKMAAL,
            ("Valet ditt er lagra.", "Meldinga er sendt.", "Dette feltet må fyllast ut."),
        ),
        (
            "NB",
            BARE_NYNORSK + EKSTRA_NYNORSK,
            ("Valget ditt er lagret.", "Meldingen er sendt.", "Dette feltet må fylles ut."),
        ),
    ],
)
def test_alle_deltakersider_er_paa_deltakerens_maalform(
    client, lag_sak_i_program, lag_bruker, kvp_veileder_a, maalform, forbudt, maa_ha
):
    o = _deltaker(maalform, lag_sak_i_program=lag_sak_i_program, lag_bruker=lag_bruker, kvp=kvp_veileder_a)
    aktivering = client.get(reverse("deltaker:aktiver", kwargs={"noekkel": NOEKKEL}))
    feil_passord = client.post(
        reverse("deltaker:aktiver", kwargs={"noekkel": NOEKKEL}), {"passord": "kort", "passord_igjen": "annet"}
    )
    assert aktivering.status_code == 200 and feil_passord.status_code == 400
    client.force_login(o["bruker"])
    sider = _sider(client, o)
    assert set(sider) >= MAA_NAA, sorted(MAA_NAA - set(sider))
    sider |= _skjemaer_med_feil(client, o) | _flash(client)
    sider["aktivering"] = synlig_tekst(aktivering.content.decode())
    sider["aktivering med feil"] = synlig_tekst(feil_passord.content.decode())
    alt = " ".join(sider.values())
    for tekst in maa_ha:
        assert tekst in alt
    treff = {navn: _treff(tekst, forbudt) for navn, tekst in sider.items()}
    assert {navn: t for navn, t in treff.items() if t} == {}


def test_tomme_lister_paa_nynorsk(client, lag_sak_i_program, lag_bruker):
    sak = lag_sak_i_program()
    Person.objects.filter(pk=sak.person_id).update(maalform="NN")
    client.force_login(lag_bruker(Rolle.DELTAKER, person=sak.person))
    tekst = " ".join(
        synlig_tekst(client.get(reverse(n)).content.decode())
        for n in ("soeknad:min_side", "klage:liste", "deltaker:mine_dokumenter", "deltaker:mine_meldinger")
    )
    assert "Du har ingen klager." in tekst
    assert _treff(tekst, BARE_BOKMAAL + EKSTRA_BOKMAAL) == []

"""Hver URL i URL-konfigurasjonen krever innlogging og holder seg innenfor brukerens kontor.

Testene genereres fra URL-konfigurasjonen, så en ny URL blir testet automatisk: får den en parameter vi ikke
kjenner, feiler testen til parameteren er lagt inn i OBJEKTER nedenfor.
"""

import datetime as dt
import uuid
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from kvp.api.services import tjenestekonto_opprett
from kvp.api.tests.objekter import url_objekter as api_objekter
from kvp.conftest import syntetisk_fnr
from kvp.deltaker.services import endring_meld
from kvp.dokument.services import dokument_last_opp
from kvp.dokument.tests import filer
from kvp.felles.feil import IkkeTilgang
from kvp.klage.tests.objekter import klage_url_objekt
from kvp.oppmoete.models import Oppmoete
from kvp.person.services import barn_legg_til, person_opprett
from kvp.plan.services import aktivitet_opprett
from kvp.soeknad.models import Kanal
from kvp.soeknad.services import kartlegging_opprett, moetetid_book, moetetid_opprett, soeknad_registrer
from kvp.statistikk.tests.objekter import url_objekter as statistikk_objekter
from kvp.tilgang.models import KONTORROLLER, Kommune, Rolle
from kvp.tilgang.services import rolle_tildel
from kvp.tilsyn.tests.objekter import url_objekter as tilsyn_objekter
from kvp.utbetaling.tests.objekter import url_objekter as utbetaling_objekter
from kvp.vedtak.services import forhaandsvarsel_send, vedtak_fatt, vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

#: URL-er som er åpne uten innlogging, med svaret på GET og POST (OIDC-innloggingen: ukjent eller ikke oppsatt
#: tjeneste gir 404, og den tar bare imot GET).
OFFENTLIGE = {
    "tilgang:logg_inn",
    "tilgang:oidc_start",
    "tilgang:oidc_svar",
    "tilgang:oidc_logg_ut",
    "deltaker:aktiver",
}
OFFENTLIG_SVAR = {
    "tilgang:logg_inn": {"get": 200, "post": 400},
    "tilgang:oidc_start": {"get": 404, "post": 405},
    "tilgang:oidc_svar": {"get": 404, "post": 405},
    # Utlogging hos innloggingstjenesten: uten en utlogging å fullføre videre til innloggingssiden.
    "tilgang:oidc_logg_ut": {"get": 302, "post": 405},
    # Aktiveringslenken: en ukjent, brukt eller utløpt nøkkel gir 404.
    "deltaker:aktiver": {"get": 404, "post": 404},
}
#: API-et (/api/v1/) bruker tokener, ikke innlogging: uten token 401 (problem details), og skjemaet er åpent.
API_NS = "api-v1:"
API_OFFENTLIGE = {"api-v1:openapi-json"}
MERKE = "Hemmeligsen"


def _alle_urler(
    moenstre: Sequence[URLPattern | URLResolver] | None = None, prefiks: str = ""
) -> Iterator[tuple[str, list[str]]]:
    for m in moenstre if moenstre is not None else get_resolver().url_patterns:
        if isinstance(m, URLResolver):
            ns = f"{m.namespace}:" if m.namespace else prefiks
            yield from _alle_urler(m.url_patterns, ns)
        elif isinstance(m, URLPattern) and m.name:
            yield f"{prefiks}{m.name}", sorted(m.pattern.converters)


URLER = sorted({(navn, tuple(params)) for navn, params in _alle_urler()})


def test_urlkonfigurasjonen_er_funnet():
    assert len(URLER) >= 15
    assert ("sak:tavle", ()) in URLER


@pytest.fixture
def objekter(lag_person, veileder_a, kvp_veileder_a, lag_bruker, i_dag):
    """Ett objekt av hver type på kontor A, med et navn som ikke skal lekke til kontor B."""
    person = lag_person(fornavn=MERKE)
    kartlegging = kartlegging_opprett(
        bruker=veileder_a,
        person=person,
        utdanning="x",
        arbeidserfaring="x",
        interesser="",
        utfordringer="x",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "x"),
    )
    # Et booket overføringsmøte, så avlys, flytt, møtekalenderen og møtene på person- og sakssiden har data å vise.
    moetetid = moetetid_opprett(
        bruker=kvp_veileder_a,
        kvp_veileder=kvp_veileder_a,
        start=dt.datetime.combine(i_dag + dt.timedelta(days=1), dt.time(9), tzinfo=timezone.get_current_timezone()),
    )
    moetetid_book(bruker=veileder_a, moetetid_id=moetetid.pk, kartlegging=kartlegging)
    soeknad, sak = soeknad_registrer(
        bruker=kvp_veileder_a, person=person, mottatt_dato=i_dag - dt.timedelta(days=2), kanal=Kanal.PAPIR
    )
    # Et fattet vedtak med brev, for en annen person med samme merke.
    sak2 = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(fornavn=MERKE, etternavn="Vedtaksen"))
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak2)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak2)
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    vedtak_fatt(bruker=lag_bruker(Rolle.BESLUTTER, kontor=sak.kontor), vedtak_id=vedtak.pk)
    varsel = forhaandsvarsel_send(
        bruker=kvp_veileder_a, sak_id=sak2.pk, gjelder="STANS", grunn="Uteblitt.", fra_og_med=i_dag
    )
    barn = barn_legg_til(
        bruker=veileder_a,
        person=person,
        fornavn=MERKE,
        foedselsdato=dt.date(2020, 1, 1),
        forsoerget_fra_og_med=dt.date(2020, 1, 1),
    )
    klage = klage_url_objekt(bruker=kvp_veileder_a, vedtak=vedtak)
    return {
        **klage,
        "person_id": person.pk,
        "periode_id": barn.forsoergerperioder.get().pk,
        "kartlegging_id": kartlegging.pk,
        "sak_id": sak.pk,
        "soeknad_id": soeknad.pk,
        **utbetaling_objekter(sak=sak),
        **api_objekter(kontor=sak.kontor, leder=lag_bruker(Rolle.LEDER, kontor=sak.kontor)),
        **tilsyn_objekter(kontor=sak.kontor, kvp_veileder=kvp_veileder_a, person=lag_person(), lag_bruker=lag_bruker),
        **statistikk_objekter(sak=sak, bruker=kvp_veileder_a),
        "vedtak_id": vedtak.pk,
        "dokument_id": dokument_last_opp(
            bruker=kvp_veileder_a, sak_id=sak.pk, innhold=filer.png(), filnavn=f"{MERKE}.png"
        ).pk,
        "noekkel": "ukjent-noekkel",
        "endring_id": endring_meld(
            bruker=lag_bruker(Rolle.DELTAKER, person=person),
            sak_id=sak.pk,
            type="ARBEID",
            fra_og_med=i_dag,
            beskrivelse=MERKE,
        ).pk,
        "tjeneste": "ansatt",
        "bruker_id": veileder_a.pk,
        "brev_id": varsel.brev.pk,
        "forhaandsvarsel_id": varsel.pk,
    }


def _url(navn: str, params: tuple[str, ...], objekter: dict[str, object]) -> str:
    ukjente = [p for p in params if p not in objekter]
    assert not ukjente, f"{navn}: legg parameteren {ukjente} inn i fixturen `objekter`"
    return reverse(navn, kwargs={p: objekter[p] for p in params})


@pytest.mark.parametrize(("navn", "params"), URLER, ids=[u[0] for u in URLER])
def test_url_krever_innlogging(client, objekter, navn, params):
    url = _url(navn, params, objekter)
    for metode in (client.get, client.post):
        svar = metode(url)
        if navn.startswith(API_NS):
            if navn in API_OFFENTLIGE:
                assert svar.status_code in (200, 405)
            else:
                assert svar.status_code in (401, 404, 405), f"{metode.__name__.upper()} {url} svarte {svar.status_code}"
            assert MERKE not in svar.content.decode()
        elif navn in OFFENTLIGE:  # innloggingssiden og OIDC: skjemaet vises, og et tomt skjema avvises
            assert svar.status_code == OFFENTLIG_SVAR[navn][metode.__name__]
        else:
            assert svar.status_code == 302, f"{metode.__name__.upper()} {url} svarte {svar.status_code}"
            assert svar["Location"].startswith(reverse(settings.LOGIN_URL))
            assert MERKE not in svar.content.decode()


@pytest.mark.parametrize(("navn", "params"), URLER, ids=[u[0] for u in URLER])
def test_url_holder_seg_innenfor_kontoret(client, objekter, kvp_veileder_b, navn, params):
    """En bruker med alle kontorroller på et annet kontor får 404/403 og aldri dataene."""
    client.force_login(kvp_veileder_b)
    url = _url(navn, params, objekter)
    for metode in (client.get, client.post):
        svar = metode(url)
        tekst = svar.content.decode()
        assert MERKE not in tekst, f"{metode.__name__.upper()} {url} lekket data fra et annet kontor"
        assert svar.status_code < 500
        if params:
            # API-et godtar bare tokener: en innlogget økt uten token får 401.
            tillatt = (401, 403, 404, 405) if navn.startswith(API_NS) else (403, 404, 405)
            assert svar.status_code in tillatt, f"{url} svarte {svar.status_code}"


@pytest.mark.parametrize(("navn", "params"), URLER, ids=[u[0] for u in URLER])
def test_url_gir_ingen_data_til_roller_uten_kontor(client, objekter, lag_bruker, navn, params):
    """Statsforvalter (saken er ikke sendt dit) og en annen deltaker ser ingenting fra kontor A."""
    veileder = lag_bruker(Rolle.VEILEDER, kontor=Kommune.objects.get(nummer="1127").nav_kontor)
    annen_person = person_opprett(
        bruker=veileder,
        foedselsnummer=syntetisk_fnr(),
        fornavn="Annen",
        etternavn="Deltaker",
        kommune=Kommune.objects.get(nummer="1127"),
    )
    url = _url(navn, params, objekter)
    for bruker in (
        lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland"),
        lag_bruker(Rolle.DELTAKER, person=annen_person),
    ):
        client.force_login(bruker)
        svar = client.get(url)
        assert MERKE not in svar.content.decode(), f"{url} lekket data"
        assert svar.status_code < 500


#: Brukere med roller ved to kontorer: (rollen ved A, der objektene er, og rollen ved B). Hver får på hver URL med et
#: objekt det samme som en bruker med bare rollen ved A (issue 12): rollen ved B teller aldri for A sine objekter.
TO_KONTORER = [
    (Rolle.LEDER, Rolle.OEKONOMI),
    (Rolle.VEILEDER, Rolle.KVP_VEILEDER),
    (Rolle.BESLUTTER, Rolle.KVP_VEILEDER),
    (Rolle.KVP_VEILEDER, Rolle.BESLUTTER),
    (Rolle.OEKONOMI, Rolle.LEDER),
]
OBJEKT_URLER = [u for u in URLER if u[1]]


def _utfall(status: int) -> str:
    """Det brukeren fikk: svar (side, videresending eller skjemafeil), nektet (403) eller skjult (404)."""
    if status in (200, 302, 400, 405):
        return "svar"
    # 401: API-et (/api/v1/) godtar bare tokener, som har én rolle ved ett kontor; en innlogget økt får 401 overalt.
    return {401: "uten token", 403: "nektet", 404: "skjult"}[status]


@pytest.mark.parametrize(("navn", "params"), OBJEKT_URLER, ids=[u[0] for u in OBJEKT_URLER])
def test_url_med_roller_ved_to_kontorer_gir_det_rollen_ved_objektets_kontor_gir(
    client, objekter, lag_bruker, kontor_a, kontor_b, navn, params
):
    url = _url(navn, params, objekter)
    for rolle_a, rolle_b in TO_KONTORER:
        to_kontorer = lag_bruker(rolle_a, kontor=kontor_a)
        rolle_tildel(bruker=to_kontorer, rolle=rolle_b, kontor=kontor_b)
        bare_a = lag_bruker(rolle_a, kontor=kontor_a)
        for metode in ("get", "post"):
            svar = {}
            for bruker in (to_kontorer, bare_a):  # brukeren med to kontorer først: får hen for mye, endrer hen noe
                client.cookies.clear()  # hver bruker i sin egen nettleser: ingen meldinger fra forrige bruker
                client.force_login(bruker)
                svar[bruker.pk] = getattr(client, metode)(url)
            for s in svar.values():
                assert s.status_code < 500, f"{metode.upper()} {url} svarte {s.status_code}"
            hva = f"{metode.upper()} {url} for {rolle_a} ved A + {rolle_b} ved B"
            assert _utfall(svar[to_kontorer.pk].status_code) == _utfall(svar[bare_a.pk].status_code), (
                f"{hva}: {svar[to_kontorer.pk].status_code}, men bare {rolle_a} ved A gir {svar[bare_a.pk].status_code}"
            )
            if _utfall(svar[bare_a.pk].status_code) != "svar":
                assert MERKE not in svar[to_kontorer.pk].content.decode(), f"{hva} lekket data"
                assert "attachment" not in svar[to_kontorer.pk].get("Content-Disposition", ""), f"{hva} ga en fil"


def _ukjent(verdi: object) -> object:
    if isinstance(verdi, uuid.UUID):
        return uuid.uuid4()
    if isinstance(verdi, int):
        return 10**9
    return "9999"


@pytest.mark.parametrize(("navn", "params"), OBJEKT_URLER, ids=[u[0] for u in OBJEKT_URLER])
def test_url_med_et_objekt_som_ikke_finnes_gir_404(client, objekter, lag_bruker, kontor_a, navn, params):
    """Alle kontorroller ved A og et objekt som ikke finnes: 404 (ikke 403, ikke 500), på GET og POST."""
    client.force_login(lag_bruker(*sorted(KONTORROLLER), kontor=kontor_a))
    url = _url(navn, params, {**objekter, **{p: _ukjent(objekter[p]) for p in params}})
    if navn.startswith(API_NS):
        # API-et godtar bare tokener (én rolle ved ett kontor): hver kontorrolle ved A får 404 for et ukjent objekt.
        leder = lag_bruker(Rolle.LEDER, kontor=kontor_a)
        for rolle in sorted(KONTORROLLER):
            _, token = tjenestekonto_opprett(bruker=leder, kontor_id=kontor_a.pk, navn=f"Test {rolle}", rolle=rolle)
            svar = client.get(url, HTTP_AUTHORIZATION=f"Bearer {token}")
            assert svar.status_code in (404, 405), f"GET {url} ({rolle}) svarte {svar.status_code}"
            # Et tomt innhold avvises (400) før oppslaget, likt for kjente og ukjente objekter; ellers 404.
            svar = client.post(url, HTTP_AUTHORIZATION=f"Bearer {token}")
            assert svar.status_code in (400, 404, 405), f"POST {url} ({rolle}) svarte {svar.status_code}"
        return
    for metode in (client.get, client.post):
        svar = metode(url)
        assert svar.status_code in (404, 405), f"{metode.__name__.upper()} {url} svarte {svar.status_code}"


def test_samlet_oppmoete_viser_og_endrer_bare_saker_der_brukeren_er_kvp_veileder(
    client, lag_sak_i_program, kvp_veileder_a, kvp_veileder_b, leder_a, kontor_b
):
    """`oppmoete:samlet` har ingen objekt i adressen: deltakerne kommer fra tilgangslaget (skriv på oppmøte), så en
    KVP-veileder ved B og en leder ved A med KVP-veilederrollen ved B ser og endrer ingenting ved A."""
    sak = lag_sak_i_program(fornavn=MERKE)
    aktivitet_opprett(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        type="ARBEIDSTRENING",
        timer_per_uke=Decimal("30"),
        fra_og_med=dt.date(2025, 1, 6),
        til_og_med=dt.date(2025, 12, 31),
        tilbyder="Kafé Trappa",
    )
    url = f"{reverse('oppmoete:samlet')}?maaned=2025-05&aktivitet=ARBEIDSTRENING|Kafé Trappa"
    data = {"samlet-fra_og_med": "2025-05-05", "samlet-status": "FERIE", "samlet-saker": [str(sak.pk)]}
    rolle_tildel(bruker=leder_a, rolle=Rolle.KVP_VEILEDER, kontor=kontor_b)
    for bruker in (kvp_veileder_b, leder_a):
        client.force_login(bruker)
        svar = client.get(url)
        assert svar.status_code == 200 and MERKE not in svar.content.decode()
        svar = client.post(url, data)
        assert svar.status_code == 400 and MERKE not in svar.content.decode()
    assert not Oppmoete.objects.filter(sak=sak).exists()
    client.force_login(kvp_veileder_a)
    assert MERKE in client.get(url).content.decode()
    assert client.post(url, data).status_code == 302
    assert Oppmoete.objects.filter(sak=sak, status="FERIE").count() == 1


#: Saksbildets faner (`?fane=`, kvp.felles.saksfaner) er ikke egne URL-er i URL-konfigurasjonen; hver fane henter
#: sine egne data, så hver testes som en egen URL.
FANER = ["sak", "vedtak", "plan", "oppmoete", "utbetaling", "dokumenter", "klage", "meldinger", "finnesikke"]


@pytest.mark.parametrize("fane", FANER)
def test_saksbildets_faner_holder_seg_innenfor_kontoret_og_rollen(
    client, objekter, kvp_veileder_b, lag_bruker, kontor_a, kontor_b, fane
):
    url = reverse("sak:detalj", kwargs={"sak_id": objekter["sak_id"]}) + f"?fane={fane}"
    client.force_login(kvp_veileder_b)
    svar = client.get(url)
    assert svar.status_code == 404 and MERKE not in svar.content.decode()
    for rolle_a, rolle_b in TO_KONTORER:
        to_kontorer = lag_bruker(rolle_a, kontor=kontor_a)
        rolle_tildel(bruker=to_kontorer, rolle=rolle_b, kontor=kontor_b)
        bare_a = lag_bruker(rolle_a, kontor=kontor_a)
        svar = {}
        for bruker in (to_kontorer, bare_a):
            client.cookies.clear()
            client.force_login(bruker)
            svar[bruker.pk] = client.get(url)
        status = {s.status_code for s in svar.values()}
        assert len(status) == 1, f"{url}: {rolle_a} ved A + {rolle_b} ved B ga {status}"
        if status != {200}:
            assert MERKE not in svar[to_kontorer.pk].content.decode()


# Sider uten objekt brukes for ett kontor om gangen (issue 12): kontoret kommer fra tilgangslaget
# (`objekter.side_kontor`), og en rolle ved ett kontor gir aldri noe ved et annet.


def _vilde(lag_bruker: Any, kontor_a: Any, kontor_b: Any) -> Any:
    """Som demobrukeren vilde: VEILEDER ved A og KVP-veileder ved B."""
    bruker = lag_bruker(Rolle.VEILEDER, kontor=kontor_a)
    rolle_tildel(bruker=bruker, rolle=Rolle.KVP_VEILEDER, kontor=kontor_b)
    return bruker


def test_registrer_soeknad_gjelder_bare_kontoret_der_brukeren_er_kvp_veileder(
    client, lag_bruker, lag_person, kontor_a, kontor_b, kongsvinger, i_dag
):
    from kvp.sak.models import Sak

    vilde = _vilde(lag_bruker, kontor_a, kontor_b)
    person_a = lag_person(fornavn=MERKE)
    person_b = person_opprett(
        bruker=lag_bruker(Rolle.VEILEDER, kontor=kontor_b),
        foedselsnummer=syntetisk_fnr(),
        fornavn="Bente",
        etternavn="Bsen",
        kommune=kongsvinger,
    )
    client.force_login(vilde)
    url = reverse("soeknad:registrer")
    svar = client.get(url)
    assert svar.status_code == 200
    assert kontor_b.navn in svar.content.decode()
    assert f'name="kontor" value="{kontor_b.pk}"' in svar.content.decode()
    skjema = {"mottatt_dato": i_dag.strftime("%d.%m.%Y"), "kanal": "PAPIR", "merknad": ""}

    # Kontor A kan ikke velges (bare VEILEDER der): 403, og ingenting lagres.
    assert client.get(url, {"kontor": str(kontor_a.pk)}).status_code == 403
    svar = client.post(url, {**skjema, "foedselsnummer": person_a.foedselsnummer, "kontor": str(kontor_a.pk)})
    assert svar.status_code == 403
    # Med kontor B: personen ved A finnes ikke her (400, nøytral melding).
    svar = client.post(url, {**skjema, "foedselsnummer": person_a.foedselsnummer, "kontor": str(kontor_b.pk)})
    assert svar.status_code == 400
    assert "Fant ingen person" in svar.content.decode()
    assert not Sak.objects.filter(person=person_a).exists()
    # Personen ved B: saken opprettes ved B.
    svar = client.post(url, {**skjema, "foedselsnummer": person_b.foedselsnummer, "kontor": str(kontor_b.pk)})
    assert svar.status_code == 302
    assert Sak.objects.get(person=person_b).kontor_id == kontor_b.pk


def test_registrer_soeknad_med_rollen_ved_to_kontorer_lar_brukeren_velge(client, lag_bruker, kontor_a, kontor_b):
    bruker = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    rolle_tildel(bruker=bruker, rolle=Rolle.KVP_VEILEDER, kontor=kontor_b)
    client.force_login(bruker)
    svar = client.get(reverse("soeknad:registrer"))
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert f"?kontor={kontor_a.pk}" in tekst and f"?kontor={kontor_b.pk}" in tekst
    assert 'name="foedselsnummer"' not in tekst  # først kontoret, så skjemaet
    # Et skjema uten kontor gjettes ikke: 400 og valget.
    assert client.post(reverse("soeknad:registrer"), {"foedselsnummer": "x"}).status_code == 400
    svar = client.get(reverse("soeknad:registrer"), {"kontor": str(kontor_a.pk)})
    assert svar.status_code == 200
    assert 'name="foedselsnummer"' in svar.content.decode()
    # Ugyldig kontor-id: 403, aldri 500.
    assert client.get(reverse("soeknad:registrer"), {"kontor": "ikke-en-id"}).status_code == 403


def test_registrer_soeknad_uten_rollen_noe_sted_gir_403(client, lag_bruker, kontor_a):
    client.force_login(lag_bruker(Rolle.VEILEDER, Rolle.LEDER, kontor=kontor_a))
    assert client.get(reverse("soeknad:registrer")).status_code == 403
    assert client.post(reverse("soeknad:registrer")).status_code == 403


def test_moetetider_forvalter_bare_tidene_ved_kontoret_der_brukeren_er_kvp_veileder(
    client, lag_bruker, kontor_a, kontor_b
):
    from django.utils import timezone

    from kvp.soeknad.models import Moetetid
    from kvp.soeknad.services import moetetid_opprett

    vilde = _vilde(lag_bruker, kontor_a, kontor_b)
    kvp_a = lag_bruker(Rolle.KVP_VEILEDER, kontor=kontor_a)
    kvp_a.first_name = "Aslaug"
    kvp_a.save()
    start = (timezone.localtime() + dt.timedelta(days=3)).replace(hour=10, minute=0, second=0, microsecond=0)
    tid_a = moetetid_opprett(bruker=kvp_a, kvp_veileder=kvp_a, start=start)
    client.force_login(vilde)
    url = reverse("soeknad:moetetider")
    svar = client.get(url)
    tekst = svar.content.decode()
    assert svar.status_code == 200
    assert kontor_b.navn in tekst
    assert "Aslaug" not in tekst  # verken A sin tid eller A sine KVP-veiledere
    assert str(vilde.pk) in tekst  # vilde selv, KVP-veileder ved B, kan velges
    # A sine tider kan ikke vises eller legges ut for A.
    assert client.get(url, {"kontor": str(kontor_a.pk)}).status_code == 403
    ny = start + dt.timedelta(hours=1)
    skjema = {"kvp_veileder": str(kvp_a.pk), "start": ny.strftime("%d.%m.%Y %H:%M"), "kontor": str(kontor_b.pk)}
    assert client.post(url, skjema).status_code == 400  # A sin veileder er ikke et valg ved B
    assert client.post(url, {**skjema, "kontor": str(kontor_a.pk)}).status_code == 403
    assert not Moetetid.objects.filter(kvp_veileder=kvp_a, start=ny).exists()
    # Tjenesten sier det samme uten skjemaet.
    with pytest.raises(IkkeTilgang):
        moetetid_opprett(bruker=vilde, kvp_veileder=kvp_a, start=ny, kontor_id=kontor_a.pk)
    # For B går det.
    svar = client.post(url, {**skjema, "kvp_veileder": str(vilde.pk)})
    assert svar.status_code == 302, svar.content.decode()[:2000]
    assert Moetetid.objects.get(kvp_veileder=vilde, start=ny).kontor_id == kontor_b.pk
    assert Moetetid.objects.filter(pk=tid_a.pk, kontor=kontor_a).exists()


def test_menyen_kommer_fra_tilgangslagets_register(client, lag_bruker, kontor_a, kontor_b):
    from kvp.tilgang.objekter import meny, registrerte_sider

    vilde = _vilde(lag_bruker, kontor_a, kontor_b)
    m = meny(vilde)
    assert set(m) == set(registrerte_sider())
    assert m["registrer_soeknad"] and m["moetetider"] and m["personer"]
    assert not m["logg"] and not m["utbetaling"] and not m["deltaker"] and not m["beslutter"]
    client.force_login(vilde)
    tekst = client.get(reverse("soeknad:moetetider")).content.decode()
    assert reverse("soeknad:registrer") in tekst and reverse("felles:logg") not in tekst

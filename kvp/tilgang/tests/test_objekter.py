"""Tilgangslaget (`kvp.tilgang.objekter`, ADR 0006): for hver registrert objekttype får en bruker med rollen ved
objektets kontor objektet (også låst), en bruker uten den får 404 eller 403, og en rolle ved et annet kontor teller
aldri. Registeret er slik ADR-en beskriver det."""

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from kvp.api.services import tjenestekonto_opprett
from kvp.brev.models import Brev
from kvp.felles.feil import IkkeFunnet, IkkeTilgang
from kvp.jobber.models import Jobb
from kvp.klage.models import Klage, Klagestatus
from kvp.klage.tests.objekter import klage_url_objekt
from kvp.person.models import Person
from kvp.person.services import barn_legg_til
from kvp.sak.models import Sak
from kvp.soeknad.services import kartlegging_opprett
from kvp.statistikk.models import KostraKjoering
from kvp.tilgang import objekter as tilgang
from kvp.tilgang.models import Rolle
from kvp.tilgang.objekter import Handling
from kvp.tilgang.services import rolle_tildel
from kvp.tilsyn.models import Rettleiing, Tilsyn, Tilsynsstatus
from kvp.tilsyn.tests.objekter import url_objekter as tilsyn_url_objekter
from kvp.utbetaling.models import Utbetalingsrunde
from kvp.utbetaling.tests.objekter import url_objekter
from kvp.vedtak.services import forhaandsvarsel_send, vedtak_fatt, vedtak_send_til_beslutter
from kvp.vedtak.tests.hjelpere import innvilgelse_utkast, sak_til_vilkaarsvurdering, vilkaar_vurder

R = Rolle

#: Hvem som får gjøre hva: én rad per objekttype og handling (samme tabell som i ADR 0006).
POLICY: dict[str, dict[str, set[str]]] = {
    "person": {"LES": {R.VEILEDER, R.KVP_VEILEDER, R.BESLUTTER, R.LEDER}, "SKRIV": {R.VEILEDER, R.KVP_VEILEDER}},
    "aktivering": {"LES": {R.VEILEDER, R.KVP_VEILEDER, R.BESLUTTER, R.LEDER}, "SKRIV": {R.KVP_VEILEDER}},
    "forsoergerperiode": {
        "LES": {R.VEILEDER, R.KVP_VEILEDER, R.BESLUTTER, R.LEDER},
        "SKRIV": {R.VEILEDER, R.KVP_VEILEDER},
    },
    "kartlegging": {"LES": {R.VEILEDER, R.KVP_VEILEDER, R.LEDER}, "SKRIV": {R.VEILEDER, R.KVP_VEILEDER}},
    "sak": {
        "LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER, R.STATSFORVALTER},
        "SKRIV": {R.KVP_VEILEDER, R.LEDER},
        "BEHANDLE": {R.KVP_VEILEDER},
    },
    "vedtak": {"LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER}, "SKRIV": {R.KVP_VEILEDER}, "BESLUTT": {R.BESLUTTER}},
    "brev": {"LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER, R.STATSFORVALTER, R.DELTAKER}},
    "forhaandsvarsel": {
        "LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER, R.OEKONOMI},
        "SKRIV": {R.KVP_VEILEDER, R.OEKONOMI},
    },
    "plan": {"LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER}, "SKRIV": {R.KVP_VEILEDER}},
    "oppmoete": {
        "LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER},
        "SKRIV": {R.KVP_VEILEDER},
        "ATTESTER": {R.KVP_VEILEDER},
    },
    "utbetalingsrunde": {
        "LES": {R.OEKONOMI, R.LEDER},
        "SKRIV": {R.OEKONOMI},
        "GODKJENN": {R.OEKONOMI},
        "EKSPORTER": {R.OEKONOMI},
    },
    "tilbakekreving": {"LES": {R.OEKONOMI}, "SKRIV": {R.OEKONOMI}, "BESLUTT": {R.OEKONOMI}},
    "utbetalingskommune": {"LES": {R.OEKONOMI}, "SKRIV": {R.OEKONOMI}, "EKSPORTER": {R.OEKONOMI}},
    "mottaker": {"LES": {R.OEKONOMI}, "SKRIV": {R.OEKONOMI}, "GODKJENN": {R.OEKONOMI}},
    "klage": {
        "LES": {R.KVP_VEILEDER, R.LEDER, R.BESLUTTER, R.STATSFORVALTER, R.DELTAKER},
        "BEHANDLE": {R.KVP_VEILEDER},
        "BESLUTT": {R.STATSFORVALTER},
        "SKRIV": {R.DELTAKER},
    },
    "tjenestekonto": {"LES": {R.LEDER}, "SKRIV": {R.LEDER}},
    "kostrakjoering": {"LES": {R.LEDER, R.OEKONOMI}},
    "kostra_opplysninger": {"LES": {R.KVP_VEILEDER, R.LEDER}, "SKRIV": {R.KVP_VEILEDER, R.LEDER}},
    "tilsyn": {"LES": {R.LEDER, R.STATSFORVALTER}, "BEHANDLE": {R.STATSFORVALTER}, "SKRIV": {R.LEDER}},
    "jobb": {"LES": {"LEDER"}},
    "personsletting": {"LES": {"LEDER"}, "SKRIV": {"LEDER"}},
    "rettleiing": {
        "LES": {"VEILEDER", "KVP_VEILEDER", "BESLUTTER", "LEDER", "OEKONOMI", "STATSFORVALTER"},
        "SKRIV": {"VEILEDER", "KVP_VEILEDER", "BESLUTTER", "LEDER", "OEKONOMI"},
        "BEHANDLE": {"STATSFORVALTER"},
    },
}

KONTORROLLER = [R.VEILEDER, R.KVP_VEILEDER, R.BESLUTTER, R.LEDER, R.OEKONOMI]

#: Inngangspunktet per type (de øvrige typene nås med `tilgang.hent`).
INNGANG: dict[str, Callable[..., Any]] = {
    "person": tilgang.person,
    "sak": tilgang.sak,
    "vedtak": tilgang.vedtak,
    "brev": tilgang.brev,
    "plan": tilgang.plan,
    "oppmoete": tilgang.oppmoete,
    "utbetalingsrunde": tilgang.utbetalingsrunde,
    "tilbakekreving": tilgang.tilbakekreving,
    "klage": tilgang.klage,
    "tilsyn": tilgang.tilsyn,
}

TILFELLER = [(navn, handling) for navn, regler in sorted(POLICY.items()) for handling in sorted(regler)]


def _kontorrolle(navn: str, handling: str) -> str | None:
    roller = [r for r in KONTORROLLER if r in POLICY[navn][handling]]
    return roller[0] if roller else None


def _leserolle_uten_handlingen(navn: str, handling: str) -> str | None:
    roller = [r for r in KONTORROLLER if r in POLICY[navn]["LES"] and r not in POLICY[navn][handling]]
    return roller[0] if roller else None


def _andre_roller(navn: str, handling: str) -> list[str]:
    return [r for r in KONTORROLLER if r not in POLICY[navn][handling]]


#: Handlinger en kontorrolle får gjøre (brevet kan bare leses), og dem en annen kontorrolle bare ser.
MED_KONTORROLLE = [(n, h) for n, h in TILFELLER if _kontorrolle(n, h)]
MED_LESER = [(n, h) for n, h in MED_KONTORROLLE if _leserolle_uten_handlingen(n, h)]
MED_ANDRE = [(n, h) for n, h in TILFELLER if _andre_roller(n, h)]


def _ider(tilfeller: list[tuple[str, str]]) -> list[str]:
    return [f"{n}-{h}" for n, h in tilfeller]


def test_registeret_er_som_dokumentert():
    registrert = {navn: {h.value: set(r) for h, r in ot.roller.items()} for navn, ot in tilgang.registrerte().items()}
    assert registrert == POLICY


def test_inngangspunktene_bruker_registeret():
    assert set(INNGANG) <= set(tilgang.registrerte())


def test_ny_registrering_med_andre_regler_avvises():
    ot = tilgang.objekttype("sak")
    with pytest.raises(ValueError, match="andre regler"):
        tilgang.registrer("sak", modell=ot.modell, kontorsti="kontor_id", roller={Handling.LES: ()}, ikke_funnet="x")
    with pytest.raises(ValueError, match="lese"):
        tilgang.registrer("ny", modell=ot.modell, kontorsti="kontor_id", roller={}, ikke_funnet="x")


@pytest.fixture
def objekter(lag_sak_i_program, lag_person, kvp_veileder_a, veileder_a, lag_bruker, kontor_a):
    """Ett objekt av hver registrerte type ved kontor A: typenavn -> id-en inngangspunktet tar."""
    sak = lag_sak_i_program()
    sak2 = sak_til_vilkaarsvurdering(bruker=kvp_veileder_a, person=lag_person(etternavn="Vedtaksen"))
    vilkaar_vurder(bruker=kvp_veileder_a, sak=sak2)
    vedtak = innvilgelse_utkast(bruker=kvp_veileder_a, sak=sak2)
    vedtak_send_til_beslutter(bruker=kvp_veileder_a, vedtak_id=vedtak.pk)
    vedtak_fatt(bruker=lag_bruker(R.BESLUTTER, kontor=kontor_a), vedtak_id=vedtak.pk)
    barn = barn_legg_til(
        bruker=veileder_a,
        person=sak.person,
        fornavn="Barn",
        foedselsdato=dt.date(2020, 1, 1),
        forsoerget_fra_og_med=dt.date(2020, 1, 1),
    )
    utb = url_objekter(sak=sak)
    tilsyn_id = tilsyn_url_objekter(
        kontor=kontor_a, kvp_veileder=kvp_veileder_a, person=lag_person(etternavn="Tilsynsen"), lag_bruker=lag_bruker
    )["tilsyn_id"]
    Tilsyn.objects.filter(pk=tilsyn_id).update(status=Tilsynsstatus.RAPPORT_SENDT)
    kartlegging = kartlegging_opprett(
        bruker=veileder_a,
        person=sak2.person,
        utdanning="x",
        arbeidserfaring="x",
        interesser="",
        utfordringer="x",
        rett_til_ytelser="NEI",
        oppfoelgingsbehov="SPESIELT_TILPASSET",
        notat=dict.fromkeys(("om_personen", "historikk", "familie", "erfaring", "utdanning", "kompetanse"), "x"),
    )
    varsel = forhaandsvarsel_send(
        bruker=kvp_veileder_a,
        sak_id=sak.pk,
        gjelder="STANS",
        grunn="Du har ikke møtt i programmet.",
        fra_og_med=timezone.localdate() + dt.timedelta(days=14),
    )
    return {
        "person": sak.person_id,
        "aktivering": sak.person_id,
        "forsoergerperiode": barn.forsoergerperioder.get().pk,
        "sak": sak.pk,
        "vedtak": vedtak.pk,
        "brev": Brev.objects.get(vedtak=vedtak).pk,
        "forhaandsvarsel": varsel.pk,
        "plan": sak.pk,
        "oppmoete": sak.pk,
        "utbetalingsrunde": utb["runde_id"],
        "tilbakekreving": utb["tilbakekreving_id"],
        "utbetalingskommune": utb["kommune_nummer"],
        "mottaker": sak.person_id,
        "kartlegging": kartlegging.pk,
        "klage": klage_url_objekt(bruker=kvp_veileder_a, vedtak=vedtak)["klage_id"],
        "tilsyn": tilsyn_id,
        "tjenestekonto": tjenestekonto_opprett(
            bruker=lag_bruker(R.LEDER, kontor=kontor_a), kontor_id=kontor_a.pk, navn="Test", rolle=R.VEILEDER
        )[0].pk,
        "kostra_opplysninger": sak.pk,
        "personsletting": sak.person_id,
        # Startet av en annen enn brukerne testene lager, så bare rollen (leder ved kontoret) gir tilgang.
        "jobb": Jobb.objects.create(type="test", tittel="Test", kontor=kontor_a, startet_av=kvp_veileder_a).pk,
        "rettleiing": Rettleiing.objects.create(
            fylke=kontor_a.fylke,
            kontor=kontor_a,
            tittel="Test",
            tekst="Test",
            gyldig_fra=dt.date(2025, 1, 1),
            publisert_av=kvp_veileder_a,
        ).pk,
        "kostrakjoering": KostraKjoering.objects.create(
            kommune=sak.person.kommune,
            aar=2025,
            kjoert_av=kvp_veileder_a,
            fil=b"",
            sjekksum="0" * 64,
            antall_poster=0,
            avslutningskode=0,
        ).pk,
    }


def _hent(bruker: Any, navn: str, objekt_id: Any, handling: str, **kw: Any) -> Any:
    if navn in INNGANG:
        return INNGANG[navn](bruker, objekt_id, Handling(handling), **kw)
    return tilgang.hent(bruker, navn, objekt_id, Handling(handling), **kw)


def _ukjent_id(objekt_id: Any) -> Any:
    if isinstance(objekt_id, uuid.UUID):
        return uuid.uuid4()
    if isinstance(objekt_id, int):
        return 10**9
    return "9999"


@pytest.mark.parametrize(("navn", "handling"), MED_KONTORROLLE, ids=_ider(MED_KONTORROLLE))
def test_rollen_ved_objektets_kontor_gir_objektet(objekter, lag_bruker, kontor_a, navn, handling):
    objekt = _hent(lag_bruker(_kontorrolle(navn, handling), kontor=kontor_a), navn, objekter[navn], handling)
    assert getattr(objekt, tilgang.objekttype(navn).oppslag) == objekter[navn]


@pytest.mark.parametrize(("navn", "handling"), TILFELLER, ids=_ider(TILFELLER))
def test_finnes_ikke_gir_404(objekter, lag_bruker, kontor_a, navn, handling):
    bruker = lag_bruker(*KONTORROLLER, kontor=kontor_a)
    with pytest.raises(IkkeFunnet):
        _hent(bruker, navn, _ukjent_id(objekter[navn]), handling)


@pytest.mark.parametrize(("navn", "handling"), TILFELLER, ids=_ider(TILFELLER))
def test_alle_roller_ved_et_annet_kontor_gir_404(objekter, lag_bruker, kontor_b, navn, handling):
    with pytest.raises(IkkeFunnet):
        _hent(lag_bruker(*KONTORROLLER, kontor=kontor_b), navn, objekter[navn], handling)


@pytest.mark.parametrize(("navn", "handling"), MED_LESER, ids=_ider(MED_LESER))
def test_rollen_ved_et_annet_kontor_og_leserollen_her_gir_403(objekter, lag_bruker, kontor_a, kontor_b, navn, handling):
    """Brukeren med to kontorer: rollen for handlingen ved B og en rolle som bare ser objektet ved A."""
    bruker = lag_bruker(_kontorrolle(navn, handling), kontor=kontor_b)
    rolle_tildel(bruker=bruker, rolle=str(_leserolle_uten_handlingen(navn, handling)), kontor=kontor_a)
    with pytest.raises(IkkeTilgang):
        _hent(bruker, navn, objekter[navn], handling)


@pytest.mark.parametrize(("navn", "handling"), MED_ANDRE, ids=_ider(MED_ANDRE))
def test_andre_roller_ved_kontoret_gir_403_og_404_for_lesing(objekter, lag_bruker, kontor_a, kontor_b, navn, handling):
    andre = _andre_roller(navn, handling)
    ser = handling != "LES"  # brukeren har roller ved objektets kontor
    with pytest.raises(IkkeTilgang if ser else IkkeFunnet):
        _hent(lag_bruker(*andre, kontor=kontor_a), navn, objekter[navn], handling)
    # Samme svar med de samme rollene ved et annet kontor i tillegg (svaret avhenger bare av rollene her).
    bruker = lag_bruker(*andre, kontor=kontor_a)
    for rolle in KONTORROLLER:
        rolle_tildel(bruker=bruker, rolle=rolle, kontor=kontor_b)
    with pytest.raises(IkkeTilgang if ser else IkkeFunnet):
        _hent(bruker, navn, objekter[navn], handling)


@pytest.mark.parametrize("navn", sorted(POLICY))
def test_laas_laaser_raden_og_sjekker_tilgangen_i_samme_spoerring(objekter, lag_bruker, kontor_a, navn, monkeypatch):
    handling = "SKRIV" if "SKRIV" in POLICY[navn] and _kontorrolle(navn, "SKRIV") else "LES"
    rolle = _kontorrolle(navn, handling)
    assert rolle is not None
    bruker = lag_bruker(rolle, kontor=kontor_a)
    kall: list[Any] = []
    ekte = QuerySet.select_for_update

    def spion(self: QuerySet[Any], *args: Any, **kwargs: Any) -> QuerySet[Any]:
        kall.append(kwargs.get("of"))
        return ekte(self, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", spion)
    with transaction.atomic(), CaptureQueriesContext(connection) as spoerringer:
        objekt = _hent(bruker, navn, objekter[navn], handling, laas=True)
    assert objekt is not None
    assert kall == [("self",)]
    if connection.features.has_select_for_update:
        laaste = [q["sql"] for q in spoerringer.captured_queries if "FOR UPDATE" in q["sql"]]
        assert len(laaste) == 1
    # Uten laas: ingen lås.
    kall.clear()
    _hent(bruker, navn, objekter[navn], handling)
    assert kall == []


def test_statsforvalter_ser_bare_saker_sendt_til_fylket(objekter, lag_bruker):
    sf = lag_bruker(R.STATSFORVALTER, fylke="Rogaland")
    with pytest.raises(IkkeFunnet):
        tilgang.sak(sf, objekter["sak"])
    Sak.objects.filter(pk=objekter["sak"]).update(til_statsforvalter=True)
    assert tilgang.sak(sf, objekter["sak"]).pk == objekter["sak"]
    with pytest.raises(IkkeFunnet):
        tilgang.sak(lag_bruker(R.STATSFORVALTER, fylke="Innlandet"), objekter["sak"])
    with pytest.raises(IkkeTilgang):
        tilgang.sak(sf, objekter["sak"], Handling.SKRIV)


def test_deltaker_ser_bare_sine_egne_brev(objekter, lag_bruker):
    brev = Brev.objects.select_related("sak").get(pk=objekter["brev"])
    assert tilgang.brev(lag_bruker(R.DELTAKER, person=brev.sak.person), brev.pk).pk == brev.pk
    annen = lag_bruker(R.DELTAKER, person=objekter_person(objekter))
    with pytest.raises(IkkeFunnet):
        tilgang.brev(annen, brev.pk)


def objekter_person(objekter: dict[str, Any]) -> Any:
    return Person.objects.get(pk=objekter["person"])


def test_synlige_gir_bare_objektene_ved_kontorene_med_rollen(objekter, lag_bruker, kontor_a, kontor_b):
    bruker = lag_bruker(R.LEDER, kontor=kontor_a)
    rolle_tildel(bruker=bruker, rolle=R.OEKONOMI, kontor=kontor_b)
    assert list(tilgang.synlige(bruker, "utbetalingsrunde", Handling.LES).values_list("pk", flat=True)) == [
        objekter["utbetalingsrunde"]
    ]
    assert not tilgang.synlige(bruker, "utbetalingsrunde", Handling.EKSPORTER).exists()
    assert not tilgang.synlige(lag_bruker(R.VEILEDER, kontor=kontor_a), "utbetalingsrunde").exists()
    with pytest.raises(IkkeTilgang):
        tilgang.synlige(lag_bruker(R.VEILEDER, kontor=kontor_a), "utbetalingsrunde", krev=True)


def test_kan_ser_paa_objektets_kontor(objekter, lag_bruker, kontor_a, kontor_b):
    runde = Utbetalingsrunde.objects.select_related("kommune").get(pk=objekter["utbetalingsrunde"])
    bruker = lag_bruker(R.LEDER, kontor=kontor_a)
    rolle_tildel(bruker=bruker, rolle=R.OEKONOMI, kontor=kontor_b)
    assert tilgang.kan(bruker, "utbetalingsrunde", runde, Handling.LES)
    assert not tilgang.kan(bruker, "utbetalingsrunde", runde, Handling.EKSPORTER)
    assert tilgang.kan(lag_bruker(R.OEKONOMI, kontor=kontor_a), "utbetalingsrunde", runde, Handling.EKSPORTER)


def test_uregistrert_type_er_en_programfeil(lag_bruker, kontor_a):
    with pytest.raises(LookupError):
        tilgang.hent(lag_bruker(R.LEDER, kontor=kontor_a), "finnes_ikke", uuid.uuid4(), Handling.LES)
    with pytest.raises(LookupError):
        tilgang.hent(lag_bruker(R.LEDER, kontor=kontor_a), "sak", uuid.uuid4(), Handling.GODKJENN)


def test_statsforvalter_ser_bare_klager_sendt_til_fylket(objekter, lag_bruker):
    """Statsforvalterens vilkår er klagens status (et Q-uttrykk), ikke et flagg på saken."""
    sf = lag_bruker(R.STATSFORVALTER, fylke="Rogaland")
    with pytest.raises(IkkeFunnet):
        tilgang.klage(sf, objekter["klage"])
    with pytest.raises(IkkeFunnet):
        tilgang.klage(sf, objekter["klage"], Handling.BESLUTT)
    Klage.objects.filter(pk=objekter["klage"]).update(status=Klagestatus.OVERSENDT)
    assert tilgang.klage(sf, objekter["klage"], Handling.BESLUTT).pk == objekter["klage"]
    with pytest.raises(IkkeTilgang):
        tilgang.klage(sf, objekter["klage"], Handling.BEHANDLE)
    with pytest.raises(IkkeFunnet):
        tilgang.klage(lag_bruker(R.STATSFORVALTER, fylke="Innlandet"), objekter["klage"])


def test_deltaker_ser_bare_sine_egne_klager(objekter, lag_bruker):
    klage = Klage.objects.select_related("sak").get(pk=objekter["klage"])
    assert tilgang.klage(lag_bruker(R.DELTAKER, person=klage.sak.person), klage.pk, Handling.SKRIV).pk == klage.pk
    with pytest.raises(IkkeFunnet):
        tilgang.klage(lag_bruker(R.DELTAKER, person=objekter_person(objekter)), klage.pk)


def test_tilsyn_finnes_ikke_for_kontoret_foer_rapporten_er_sendt(objekter, lag_bruker, kontor_a):
    """Kontorvilkåret: lederen ser tilsynet først når rapporten er sendt; statsforvalteren i fylket ser det hele
    tiden, også uten flagg."""
    Tilsyn.objects.filter(pk=objekter["tilsyn"]).update(status=Tilsynsstatus.UNDER_ARBEID)
    leder = lag_bruker(R.LEDER, kontor=kontor_a)
    for handling in (Handling.LES, Handling.SKRIV, Handling.BEHANDLE):
        with pytest.raises(IkkeFunnet):
            tilgang.tilsyn(leder, objekter["tilsyn"], handling)
    assert not tilgang.synlige(leder, "tilsyn").exists()
    sf = lag_bruker(R.STATSFORVALTER, fylke=kontor_a.fylke)
    assert tilgang.tilsyn(sf, objekter["tilsyn"], Handling.BEHANDLE).pk == objekter["tilsyn"]
    with pytest.raises(IkkeTilgang):
        tilgang.tilsyn(sf, objekter["tilsyn"], Handling.SKRIV)
    Tilsyn.objects.filter(pk=objekter["tilsyn"]).update(status=Tilsynsstatus.RAPPORT_SENDT)
    tilsyn = tilgang.tilsyn(leder, objekter["tilsyn"], Handling.SKRIV)
    assert tilgang.kan(leder, "tilsyn", tilsyn, Handling.SKRIV)
    with pytest.raises(IkkeTilgang):
        tilgang.tilsyn(leder, objekter["tilsyn"], Handling.BEHANDLE)

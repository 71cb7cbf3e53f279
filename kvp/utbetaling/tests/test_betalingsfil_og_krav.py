"""Utbetalingsrunden mot banken og regnskapet (issue 11, punkt 5): en passert utbetalingsdato flyttes fram, kommunens
egen konto kan ikke være en deltakers, regnskapsfilen åpnes riktig i norsk Excel, og en tilbakekreving som ikke kan
trekkes blir et krav i regnskapsfilen."""

import csv
import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from lxml import etree

import kvp_regler
from kvp.felles.feil import KvpFeil
from kvp.felles.models import Logghendelse
from kvp.sak.models import Sak, Status
from kvp.utbetaling import eksport
from kvp.utbetaling.models import (
    Mottaker,
    Tilbakekreving,
    Tilbakekrevingsstatus,
    Utbetaling,
    Utbetalingsoppsett,
    Utbetalingsrunde,
)
from kvp.utbetaling.services import (
    er_bankdag,
    kommune_innstillinger_endre,
    mottaker_kontonummer_godkjenn,
    mottaker_lagre,
    neste_bankdag,
    tilbakekreving_foreslaa,
    tilbakekreving_vedta,
    utbetalingsdato_tidligst,
    utbetalingsrunde_bekreft,
    utbetalingsrunde_eksporter,
    utbetalingsrunde_godkjenn,
    utbetalingsrunde_kjoer,
)
from kvp.utbetaling.services.godkjenning import _flytt_passert_utbetalingsdato
from kvp.vedtak.tests.hjelpere import tilbakekrevingsvarsel_besvart
from kvp_regler.oppgjoer import skattetrekk
from kvp_regler.parametere import Parametersett, les_parametersett

KONTO_KOMMUNE = "86011117947"
KONTO_DELTAKER = "12345678903"


def kjoer(bruker, aar: int, maaned: int) -> Utbetalingsrunde:
    return utbetalingsrunde_kjoer(bruker=bruker, kommune_nummer="1127", aar=aar, maaned=maaned)


@pytest.fixture
def sak_med_konto(lag_sak_i_program, oekonomi_a, oekonomi_a2):
    def lag(**person):
        sak = lag_sak_i_program(**person)
        mottaker_lagre(
            bruker=oekonomi_a, person_id=sak.person_id, kontonummer=KONTO_DELTAKER, skattetrekk_prosent=Decimal(30)
        )
        mottaker_kontonummer_godkjenn(bruker=oekonomi_a2, person_id=sak.person_id)
        return sak

    return lag


# (a) Passert utbetalingsdato -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("planlagt", "i_dag", "forventet"),
    [
        (dt.date(2026, 11, 13), dt.date(2026, 11, 26), dt.date(2026, 11, 26)),  # godkjent torsdag 26.11: samme dag
        (dt.date(2026, 11, 13), dt.date(2026, 11, 28), dt.date(2026, 11, 30)),  # lørdag → mandag
        (dt.date(2026, 12, 15), dt.date(2026, 12, 24), dt.date(2026, 12, 28)),  # julaften, 1. og 2. juledag, søndag
        (dt.date(2026, 12, 15), dt.date(2026, 11, 26), dt.date(2026, 12, 15)),  # ikke passert: uendret
        (dt.date(2026, 11, 26), dt.date(2026, 11, 26), dt.date(2026, 11, 26)),  # i dag er ikke passert
    ],
)
def test_passert_utbetalingsdato_flyttes_til_foerste_bankdag_fra_og_med_i_dag(planlagt, i_dag, forventet):
    assert utbetalingsdato_tidligst(planlagt=planlagt, i_dag=i_dag) == forventet


def test_godkjenning_flytter_passert_utbetalingsdato_og_betalingsfilen_har_aldri_dato_tilbake_i_tid(
    sak_med_konto, attester, oekonomi_a, oekonomi_a2, kommunekonto
):
    sak = sak_med_konto()
    attester(sak, 2025, 3)
    runde = kjoer(oekonomi_a, 2025, 3)
    assert runde.utbetalingsdato == dt.date(2025, 4, 15)  # planlagt, men passert
    i_dag = timezone.localdate()

    runde = utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)

    assert runde.utbetalingsdato == neste_bankdag(i_dag) and runde.utbetalingsdato >= i_dag
    assert er_bankdag(runde.utbetalingsdato)
    runde.refresh_from_db()
    assert runde.utbetalingsdato == neste_bankdag(i_dag)
    logg = Logghendelse.objects.get(objekt_id=str(runde.pk), beskrivelse__startswith="Utbetalingsdatoen 15.04.2025")
    assert logg.foer == {"utbetalingsdato": "2025-04-15"}
    assert logg.etter == {"utbetalingsdato": runde.utbetalingsdato.isoformat()}
    assert f"flyttet til {runde.utbetalingsdato:%d.%m.%Y}" in logg.beskrivelse

    # Dagene går mellom godkjenning og eksport: eksporten flytter datoen på nytt.
    Utbetalingsrunde.objects.filter(pk=runde.pk).update(utbetalingsdato=i_dag - dt.timedelta(days=3))
    runde = utbetalingsrunde_eksporter(bruker=oekonomi_a, runde_id=runde.pk)
    assert runde.utbetalingsdato == neste_bankdag(i_dag)

    dokument = etree.fromstring(eksport.lag_pain001(runde))
    dato = dt.date.fromisoformat(dokument.findtext(".//p:ReqdExctnDt", namespaces={"p": eksport.PAIN001_NS}) or "")
    assert dato == runde.utbetalingsdato and dato >= i_dag
    rad = next(csv.DictReader(io.StringIO(eksport.lag_csv(runde)), delimiter=";"))
    assert rad["utbetalingsdato"] == dato.isoformat()


def _med_nytt_trekk_uten_skattekort(fra: dt.date, prosent: str) -> Parametersett:
    """Standardparameterne, men trekket uten skattekort endres fra `fra` (slik `_sett_med` i kvp_regler-testene)."""
    mappe = Path(kvp_regler.__file__).parent / "parametere"
    linje = '      - {gyldig_fra: 2007-11-01, verdi: "50",'
    tekster = []
    for fil in sorted(mappe.glob("*.yaml")):
        tekst = fil.read_text(encoding="utf-8")
        if fil.name == "oppgjoer.yaml":
            rad = next(r for r in tekst.splitlines() if r.startswith(linje))
            ny = rad.replace("2007-11-01", fra.isoformat()).replace('"50"', f'"{prosent}"')
            tekst = tekst.replace(rad, f"{rad}\n{ny}")
        tekster.append(tekst)
    return les_parametersett(*tekster)


def test_flyttet_utbetalingsdato_gir_trekket_uten_skattekort_paa_den_nye_datoen(
    lag_sak_i_program, sak_med_konto, attester, oekonomi_a
):
    """Trekket uten skattekort er et datert parameter som slås opp på utbetalingsdatoen: flyttes datoen over et
    årsskifte med ny prosent, regnes trekket for deltakerne uten skattekort om (og føres i revisjonsloggen); deltakere
    med skattekort beholder sitt."""
    i_dag = timezone.localdate()
    parametere = _med_nytt_trekk_uten_skattekort(dt.date(2025, 6, 1), "40")
    uten = lag_sak_i_program(fornavn="Uten", etternavn="Skattekort")
    med = sak_med_konto()
    for sak in (uten, med):
        attester(sak, 2025, 3)
    runde = utbetalingsrunde_kjoer(bruker=oekonomi_a, kommune_nummer="1127", aar=2025, maaned=3, parametere=parametere)
    u = Utbetaling.objects.get(runde=runde, sak=uten)
    assert u.skattetrekk_prosent == Decimal(50) and u.brutto > 0
    foer_med = Utbetaling.objects.get(runde=runde, sak=med)

    with transaction.atomic():
        _flytt_passert_utbetalingsdato(runde, oekonomi_a, parametere)

    assert runde.utbetalingsdato >= i_dag
    u.refresh_from_db()
    assert u.skattetrekk_prosent == Decimal(40)
    assert u.skattetrekk == skattetrekk(u.brutto - u.trekk, Decimal(40))
    assert u.netto == u.brutto - u.trekk - u.skattetrekk
    etter_med = Utbetaling.objects.get(pk=foer_med.pk)
    assert (etter_med.skattetrekk_prosent, etter_med.netto) == (Decimal(30), foer_med.netto)
    logg = Logghendelse.objects.get(objekt_id=str(u.pk))
    assert (logg.foer or {}).get("skattetrekk_prosent") == "50.00"
    assert (logg.etter or {}).get("skattetrekk_prosent") == "40"
    assert "Trekket uten skattekort er 40 %" in logg.beskrivelse


def test_betalingsfil_med_passert_dato_lages_ikke(sak_med_konto, attester, oekonomi_a):
    sak = sak_med_konto()
    attester(sak, 2025, 3)
    runde = kjoer(oekonomi_a, 2025, 3)
    Utbetalingsoppsett.objects.create(kommune_id="1127", kontonummer=KONTO_KOMMUNE, endret_av=oekonomi_a)
    with pytest.raises(KvpFeil, match=r"Utbetalingsdatoen 15\.04\.2025 er passert") as feil:
        eksport.lag_pain001(runde)
    assert feil.value.kode == "KVP_UTBETALINGSDATO_PASSERT"


def test_siden_sier_at_utbetalingsdatoen_er_flyttet(
    client, sak_med_konto, attester, oekonomi_a, oekonomi_a2, kommunekonto
):
    sak = sak_med_konto()
    attester(sak, 2025, 3)
    runde = kjoer(oekonomi_a, 2025, 3)
    client.force_login(oekonomi_a2)
    svar = client.post(reverse("utbetaling:godkjenn", args=[runde.pk]), {"bekreftet": "ja"}, follow=True)
    side = svar.content.decode()
    runde.refresh_from_db()
    assert "Runden er godkjent." in side
    assert (
        f"Utbetalingsdatoen 15.04.2025 er passert. Utbetalingen er flyttet til {runde.utbetalingsdato:%d.%m.%Y}, "
        "første bankdag fra og med i dag." in side
    )


# (b) Kommunens egen konto ----------------------------------------------------------------------------------------


def test_deltakerkonto_lik_kommunens_konto_avvises_og_ingenting_lagres(
    client, lag_sak_i_program, oekonomi_a, kommunekonto
):
    sak = lag_sak_i_program()
    with pytest.raises(KvpFeil, match="kommunens egen konto") as feil:
        mottaker_lagre(
            bruker=oekonomi_a, person_id=sak.person_id, kontonummer="8601 11 17947", skattetrekk_prosent=Decimal(30)
        )
    assert (feil.value.kode, feil.value.felt) == ("KVP_KONTO_ER_KOMMUNENS", "kontonummer")
    assert not Mottaker.objects.exists()

    client.force_login(oekonomi_a)
    svar = client.post(
        reverse("utbetaling:mottaker", args=[sak.person_id]), {"kontonummer": "8601.11.17947", "skattetrekk": "30"}
    )
    assert svar.status_code == 400
    assert "Kontonummeret er kommunens egen konto for utbetalingene." in svar.content.decode()
    assert not Mottaker.objects.exists()


def test_kommunens_konto_kan_ikke_vaere_en_deltakers_konto(lag_sak_i_program, oekonomi_a, kommunekonto):
    sak = lag_sak_i_program()
    mottaker_lagre(
        bruker=oekonomi_a, person_id=sak.person_id, kontonummer=KONTO_DELTAKER, skattetrekk_prosent=Decimal(0)
    )
    with pytest.raises(KvpFeil, match="registrert som konto for en deltaker") as feil:
        kommune_innstillinger_endre(
            bruker=oekonomi_a,
            kommune_nummer="1127",
            utbetalingsdag=15,
            beregningsmodell="VIRKEDAGER",
            maks_trekk_prosent=50,
            kontonummer=KONTO_DELTAKER,
        )
    assert feil.value.kode == "KVP_KONTO_ER_KOMMUNENS"
    assert Utbetalingsoppsett.objects.get(kommune_id="1127").kontonummer == KONTO_KOMMUNE


def test_runde_med_utbetaling_til_kommunens_konto_godkjennes_ikke(
    sak_med_konto, attester, oekonomi_a, oekonomi_a2, kommunekonto
):
    sak = sak_med_konto()
    attester(sak, 2025, 3)
    runde = kjoer(oekonomi_a, 2025, 3)
    # f.eks. registrert før regelen: både det godkjente nummeret og utbetalingen har kommunens konto
    Mottaker.objects.filter(person_id=sak.person_id).update(kontonummer=KONTO_KOMMUNE)
    Utbetaling.objects.filter(runde=runde).update(kontonummer=KONTO_KOMMUNE)
    with pytest.raises(KvpFeil, match="kommunens egen konto") as feil:
        utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    assert feil.value.kode == "KVP_KONTO_ER_KOMMUNENS"
    runde.refresh_from_db()
    assert runde.status == "SIMULERT"


# (c) Regnskapsfilen i norsk Excel --------------------------------------------------------------------------------


def test_regnskapsfil_for_excel_har_bom_semikolon_desimalkomma_og_norske_bokstaver(
    client, sak_med_konto, attester, oekonomi_a, oekonomi_a2, kommunekonto
):
    sak = sak_med_konto(fornavn="Åse", etternavn="Ærlig-Øvrebø", foedselsdato=dt.date(1980, 1, 1))
    fnr = sak.person.foedselsnummer
    assert fnr.startswith("0")
    attester(sak, 2025, 3)
    runde = kjoer(oekonomi_a, 2025, 3)
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=runde.pk)
    utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=runde.pk)
    u = Utbetaling.objects.get()
    client.force_login(oekonomi_a)

    svar = client.get(reverse("utbetaling:regnskap_excel_csv", args=[runde.pk]))

    assert svar.status_code == 200 and svar["Content-Type"] == "text/csv; charset=utf-8"
    innhold = svar.content
    assert innhold.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel leser filen som UTF-8
    linjer = innhold[3:].decode("utf-8").split("\r\n")
    assert linjer[0] == ";".join(eksport.CSV_KOLONNER)
    rad = next(csv.DictReader(io.StringIO(innhold[3:].decode("utf-8")), delimiter=";"))
    brutto = f"{u.brutto:.2f}".replace(".", ",")
    assert re.fullmatch(r"\d+,\d\d", brutto)
    assert rad["brutto"] == brutto and rad["netto"] == f"{u.netto:.2f}".replace(".", ",")
    assert rad["skattetrekk_prosent"] == "30,00"
    assert rad["navn"] == "Ærlig-Øvrebø, Åse"
    assert "Ærlig-Øvrebø, Åse".encode() in innhold
    # Fødselsnummer, konto og periode forblir tekst i Excel (ledende null, ikke dato).
    assert rad["foedselsnummer"] == f'="{fnr}"' and rad["kontonummer"] == f'="{KONTO_DELTAKER}"'
    assert rad["periode"] == '="2025-03"'
    assert Logghendelse.objects.filter(beskrivelse="Regnskapsfil (Excel)", bruker=oekonomi_a).exists()

    # Maskinutgaven er uendret: uten BOM, desimalpunktum.
    maskin = client.get(reverse("utbetaling:regnskap_csv", args=[runde.pk])).content
    assert not maskin.startswith(b"\xef\xbb\xbf")
    maskinrad = next(csv.DictReader(io.StringIO(maskin.decode()), delimiter=";"))
    assert maskinrad["brutto"] == f"{u.brutto:.2f}" and maskinrad["foedselsnummer"] == fnr
    assert "regnskap-excel.csv" in client.get(reverse("utbetaling:runde", args=[runde.pk])).content.decode()


# (d) Tilbakekreving som ikke kan trekkes blir krav ---------------------------------------------------------------


def _mars_betalt_og_korrigert(saker, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2) -> None:
    """Mars er betalt (godkjent, eksportert, bekreftet); så registreres ugyldig fravær 12. mars (tilbakekrevingen
    beregnes i neste runde)."""
    for sak in saker:
        attester(sak, 2025, 3)
    mars = kjoer(oekonomi_a, 2025, 3)
    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=mars.pk)
    utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=mars.pk)
    utbetalingsrunde_bekreft(bruker=oekonomi_a2, runde_id=mars.pk)
    for sak in saker:
        registrer_ugyldig_fravaer(sak, dt.date(2025, 3, 12))


def _vedta(sak, oekonomi_a, oekonomi_a2) -> Tilbakekreving:
    tk = Tilbakekreving.objects.get(sak=sak)
    tilbakekreving_foreslaa(
        bruker=oekonomi_a,
        tilbakekreving_id=tk.pk,
        begrunnelse="Ugyldig fravær 12. mars.",
        aktsomhet="BURDE_FORSTAATT",
        aktsomhet_begrunnelse="Fraværet var registrert.",
    )
    tilbakekrevingsvarsel_besvart(bruker=oekonomi_a, tilbakekreving=tk)
    tilbakekreving_vedta(bruker=oekonomi_a2, tilbakekreving_id=tk.pk, tilbakekreves=True)
    tk.refresh_from_db()
    return tk


def test_tilbakekreving_for_avsluttet_sak_uten_flere_utbetalinger_blir_krav_i_regnskapsfilen(
    sak_med_konto, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2, kommunekonto
):
    sak = sak_med_konto(fornavn="Kåre", etternavn="Krav")
    _mars_betalt_og_korrigert([sak], attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2)
    # Programmet ble avsluttet 31. mars: det kommer ingen flere utbetalinger å trekke i.
    Sak.objects.filter(pk=sak.pk).update(status=Status.AVSLUTTET, avsluttet_dato=dt.date(2025, 3, 31))
    april = kjoer(oekonomi_a, 2025, 4)
    tk = _vedta(sak, oekonomi_a, oekonomi_a2)
    assert tk.status == Tilbakekrevingsstatus.VEDTATT

    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=april.pk)

    tk.refresh_from_db()
    assert tk.status == Tilbakekrevingsstatus.KRAV
    assert (tk.krav_beloep, tk.krav_runde_id) == (tk.beloep, april.pk)
    logg = Logghendelse.objects.get(objekt_id=str(tk.pk), etter__status="KRAV")
    assert logg.foer == {"status": "VEDTATT"} and logg.bruker == oekonomi_a2
    assert "føres som krav" in logg.beskrivelse
    # Regnskapsfilen for aprilrunden har kravet som egen rad (for mars), i begge utgaver.
    utbetalingsrunde_eksporter(bruker=oekonomi_a2, runde_id=april.pk)
    april.refresh_from_db()
    rader = list(csv.DictReader(io.StringIO(eksport.lag_csv(april)), delimiter=";"))
    assert [(r["posttype"], r["periode"], r["krav"], r["netto"], r["navn"]) for r in rader] == [
        ("KRAV", "2025-03", f"{tk.beloep:.2f}", "0.00", "Krav, Kåre")
    ]
    excel = eksport.lag_csv_excel(april).decode("utf-8-sig")
    assert f";KRAV;{tk.beloep:.2f}".replace(".", ",") in excel


def test_tilbakekreving_blir_ikke_krav_mens_saken_kan_faa_flere_utbetalinger(
    sak_med_konto, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2, kommunekonto
):
    i_program = sak_med_konto(fornavn="Ida", etternavn="Iprogram")
    avsluttet_senere = sak_med_konto(fornavn="Sara", etternavn="Senere")
    ubetalt = sak_med_konto(fornavn="Ulf", etternavn="Ubetalt")
    saker = [i_program, avsluttet_senere, ubetalt]
    _mars_betalt_og_korrigert(saker, attester, registrer_ugyldig_fravaer, oekonomi_a, oekonomi_a2)
    # Avsluttet i mai: mai kan ennå bli attestert og betalt, og trekket tas der.
    Sak.objects.filter(pk=avsluttet_senere.pk).update(status=Status.AVSLUTTET, avsluttet_dato=dt.date(2025, 5, 20))
    # Avsluttet i april, men april er attestert og ikke betalt ennå (sen attestering kommer med i neste runde).
    Sak.objects.filter(pk=ubetalt.pk).update(status=Status.AVSLUTTET, avsluttet_dato=dt.date(2025, 4, 10))
    april = kjoer(oekonomi_a, 2025, 4)
    for sak in saker:
        _vedta(sak, oekonomi_a, oekonomi_a2)
    attester(ubetalt, 2025, 4)

    utbetalingsrunde_godkjenn(bruker=oekonomi_a2, runde_id=april.pk)

    assert set(Tilbakekreving.objects.values_list("status", flat=True)) == {Tilbakekrevingsstatus.VEDTATT}
    assert not Tilbakekreving.objects.filter(krav_runde__isnull=False).exists()

"""Statistikksidene: tallene, hvem som ser hvilke kontorer, og at små tall skjules på tvers av kontorer."""

import datetime as dt
import io
import uuid
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse

from kvp.sak.models import Sak
from kvp.statistikk import tall
from kvp.tilgang.models import Rolle

from .hjelpere import avslutt, betal


def test_smaa_tall_skjules_ogsaa_nest_minste_naar_bare_en_er_skjult():
    a, b, c = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    t = tall.Tabell("x", "X", "", "Rad", [(a, "A"), (b, "B"), (c, "C")], rader=["r1", "r2", "r3"], skjul_smaa=True)
    t.verdier = {"r1": {a: 3, b: 10, c: 20}, "r2": {a: 2, b: 1, c: 40}, "r3": {a: 0, b: 5, c: 6}}
    celler = {rad: (tekster, total) for rad, tekster, total in t.celler()}
    assert celler["r1"] == (["<5", "<5", "20"], "33")  # 3 alene kunne regnes ut av totalen
    assert celler["r2"] == (["<5", "<5", "40"], "43")
    assert celler["r3"] == (["0", "5", "6"], "11")
    t.skjul_smaa = False
    assert t.celler()[0] == ("r1", ["3", "10", "20"], "33")


@pytest.fixture
def data(lag_sak_i_program, lag_bruker, kontor_a):
    beslutter = lag_bruker(Rolle.BESLUTTER, kontor=kontor_a)
    saker = [lag_sak_i_program(fra_og_med=dt.date(2025, 1, 6) + dt.timedelta(days=40 * i)) for i in range(7)]
    avslutt(saker[0], dato=dt.date(2025, 6, 30), beslutter=beslutter)
    avslutt(saker[1], dato=dt.date(2025, 8, 15), beslutter=beslutter, status="4", situasjon=[], inntekt="")
    for s in saker[:6]:
        betal(s, 2025, 6, Decimal(10000))
    for s in saker[2:4]:
        betal(s, 2025, 7, Decimal(10000))
    return saker


def _tabell(tabeller: list[tall.Tabell], tid: str) -> tall.Tabell:
    return next(t for t in tabeller if t.id == tid)


def test_bestand_strom_utfall_og_utbetalt_for_kontoret(data, kontor_a):
    tabeller = tall.alle_tabeller([kontor_a.pk], (2025, 1), (2025, 12), skjul=False)
    bestand = _tabell(tabeller, "bestand")
    assert [bestand.verdier[m][kontor_a.pk] for m in ("01.2025", "06.2025", "07.2025", "08.2025", "09.2025")] == [
        1, 5, 5, 5, 5,
    ]  # fmt: skip
    assert _tabell(tabeller, "starter").total("01.2025") == 1
    assert _tabell(tabeller, "avslutninger").total("06.2025") == 1
    utfall = _tabell(tabeller, "utfall")
    assert utfall.total("Fullført program eller avsluttet etter avtale") == 1
    assert utfall.total("Varig avbrutt på grunn av uteblivelse") == 1
    assert _tabell(tabeller, "utbetalt").total("06.2025") == Decimal(60000)
    assert _tabell(tabeller, "alder").total("35–49 år") == 7  # alle er født i 1980
    barn = _tabell(tabeller, "barn")
    assert sum(int(barn.total(r) or 0) for r in barn.rader) == 7
    ventetid = _tabell(tabeller, "innvilgelse_oppstart")
    assert ventetid.total("Median dager fra innvilgelse til oppstart") == 10
    assert ventetid.total("Andel innen kontorets mål (prosent)") == 100


def test_leder_ser_kontoret_med_tabell_diagram_og_csv(client, data, lag_bruker, kontor_a):
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor_a))
    url = reverse("statistikk:kontor")
    side = client.get(url, {"fra": "2025-01", "til": "2025-12"})
    assert side.status_code == 200
    tekst = side.content.decode()
    assert "<svg" in tekst and 'role="img"' in tekst and "<script" not in tekst.split("</head>")[1]
    assert "NAV Randaberg-Kvitsøy" in tekst
    csv = client.get(url, {"fra": "2025-01", "til": "2025-12", "csv": "bestand"})
    assert csv["Content-Type"].startswith("text/csv")
    linjer = csv.content.decode("utf-8-sig").splitlines()
    assert linjer[0] == "Måned;NAV Randaberg-Kvitsøy;Totalt" and "06.2025;5;5" in linjer
    assert client.get(url, {"fra": "2025-13"}).status_code == 400
    assert client.get(url, {"fra": "2026-01", "til": "2025-01"}).status_code == 400
    assert client.get(url, {"csv": "finnes-ikke"}).status_code == 404


def test_statsforvalter_ser_bare_sitt_fylke_og_smaa_tall_skjules(client, data, lag_bruker, kontor_a, kontor_b):
    client.force_login(lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland"))
    url = reverse("statistikk:fylke")
    tekst = client.get(url, {"fra": "2025-01", "til": "2025-12"}).content.decode()
    assert "NAV Randaberg-Kvitsøy" in tekst and "NAV Kongsvinger" not in tekst
    csv = client.get(url, {"fra": "2025-01", "til": "2025-12", "csv": "bestand"}).content.decode("utf-8-sig")
    assert "01.2025;<5;<5" in csv and "06.2025;5;5" in csv
    utbetalt = client.get(url, {"fra": "2025-01", "til": "2025-12", "csv": "utbetalt"}).content.decode("utf-8-sig")
    assert "06.2025;60\u00a0000;60\u00a0000" in utbetalt and "07.2025;<5;<5" in utbetalt  # to mottakere i juli
    assert client.get(url, {"kontor": str(kontor_b.pk)}).status_code == 400  # ikke et valg for Rogaland
    client.force_login(lag_bruker(Rolle.STATSFORVALTER, fylke="Innlandet"))
    tekst = client.get(url, {"fra": "2025-01", "til": "2025-12"}).content.decode()
    assert "NAV Kongsvinger" in tekst and "NAV Randaberg-Kvitsøy" not in tekst


def test_veileder_og_leder_faar_ikke_fylket_og_statsforvalter_ikke_kontoret(client, db, lag_bruker, kontor_a):
    client.force_login(lag_bruker(Rolle.VEILEDER, Rolle.KVP_VEILEDER, Rolle.OEKONOMI, kontor=kontor_a))
    assert client.get(reverse("statistikk:kontor")).status_code == 403
    assert client.get(reverse("statistikk:fylke")).status_code == 403
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor_a))
    assert client.get(reverse("statistikk:fylke")).status_code == 403
    client.force_login(lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland"))
    assert client.get(reverse("statistikk:kontor")).status_code == 403
    assert client.get(reverse("statistikk:kostra")).status_code == 403


def _klage(vedtak, mottatt: dt.date, status: str, utfall: str = ""):
    from kvp.klage.models import Kanal, Klage

    return Klage.objects.create(
        vedtak=vedtak, sak=vedtak.sak, kanal=Kanal.PAPIR, mottatt_dato=mottatt, tekst="Klage", status=status,
        vedtak_mottatt_dato=mottatt, klagefrist=mottatt, utfall=utfall, registrert_av=vedtak.opprettet_av,
    )  # fmt: skip


def test_klagene_og_utfallet_med_csv_og_smaa_tall_skjult_for_fylket(client, data, lag_bruker, kontor_a):
    from kvp.klage.models import Klagestatus, Utfall
    from kvp.vedtak.models import Vedtak

    vedtak = Vedtak.objects.filter(sak=data[0]).first()
    for _ in range(5):
        _klage(vedtak, dt.date(2025, 9, 2), Klagestatus.AVSLUTTET, Utfall.STADFESTET)
    _klage(vedtak, dt.date(2025, 10, 1), Klagestatus.OMGJORT)
    _klage(vedtak, dt.date(2025, 10, 5), Klagestatus.IVERKSATT, Utfall.OPPHEVET)
    _klage(vedtak, dt.date(2024, 10, 5), Klagestatus.AVVIST)  # utenfor perioden
    periode = {"fra": "2025-01", "til": "2025-12"}
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor_a))
    url = reverse("statistikk:kontor")
    tekst = client.get(url, periode).content.decode()
    assert "Klager mottatt per måned" in tekst and "Utfallet av klagene" in tekst
    linjer = client.get(url, {**periode, "csv": "klageutfall"}).content.decode("utf-8-sig").splitlines()
    assert "Stadfestet av statsforvalteren;5;5" in linjer
    assert "Omgjort av kontoret;1;1" in linjer and "Opphevet av statsforvalteren;1;1" in linjer
    assert "Avvist av kontoret;0;0" in linjer
    linjer = client.get(url, {**periode, "csv": "klager"}).content.decode("utf-8-sig").splitlines()
    assert "09.2025;5;5" in linjer and "10.2025;2;2" in linjer
    client.force_login(lag_bruker(Rolle.STATSFORVALTER, fylke="Rogaland"))
    url = reverse("statistikk:fylke")
    linjer = client.get(url, {**periode, "csv": "klageutfall"}).content.decode("utf-8-sig").splitlines()
    assert "Stadfestet av statsforvalteren;5;5" in linjer
    assert "Omgjort av kontoret;<5;<5" in linjer and "Opphevet av statsforvalteren;<5;<5" in linjer


def test_hurtigbufferet_gir_nye_tall_naar_tallene_er_beregnet_paa_nytt(client, data, lag_bruker, kontor_a):
    """Tabellene og diagrammene ligger i et hurtigbuffer med hvilken beregning som vises i nøkkelen: en endring rett i
    databasen (uten signaler) gir de samme tallene til de er beregnet på nytt, og da de nye, i tabellen og i CSV-en."""
    client.force_login(lag_bruker(Rolle.LEDER, kontor=kontor_a))
    url = reverse("statistikk:kontor")
    valg = {"fra": "2025-01", "til": "2025-12"}
    assert "06.2025;5;5" in client.get(url, {**valg, "csv": "bestand"}).content.decode("utf-8-sig")
    assert '<th scope="row">06.2025</th><td>5</td><td>5</td>' in client.get(url, valg).content.decode()
    Sak.objects.filter(pk=data[0].pk).update(begynt_dato=None)  # uten signal
    assert "06.2025;5;5" in client.get(url, {**valg, "csv": "bestand"}).content.decode("utf-8-sig")
    call_command("statistikk_tall", stdout=io.StringIO())
    assert "06.2025;4;4" in client.get(url, {**valg, "csv": "bestand"}).content.decode("utf-8-sig")
    side = client.get(url, valg).content.decode()
    assert '<th scope="row">06.2025</th><td>4</td><td>4</td>' in side

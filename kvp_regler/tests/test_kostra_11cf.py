"""KOSTRA 11CF: postoppsettet, skriveren og de 34 kontrollene mot gullpostene i spec/kostra-11cf.md § 8.

Postene i § 8.2 og § 8.3 er kjørt gjennom SSBs eget kontrollprogram; funnene her er de SSB ga.
"""

import datetime as dt

import pytest

from kvp_regler.kostra import KONTROLLER, POSTLENGDE, kontroller, lag_fil, lag_post
from kvp_regler.kostra.kontroll import Alvor, foedselsdato_fra_fnr, les_dato
from kvp_regler.kostra.oppsett import FELT, POSISJONER, kommunenumre
from kvp_regler.kostra.skriver import Verdi

AAR, REGION = 2026, "110300"

# § 8.2: to poster uten funn (i program; fullført etter å ha kommet fra Bergen).
GULL_1 = (
    "110326  15051985J000000115858510055212  0302202620022026010320262    12   2         03040506070809101112"
    " 2150001                              SB01      "
)
GULL_2 = (
    "110326  02111990J000000202919020051231 20302202620022026010320261460112   14        03040506070809      "
    "  9800033009202601                  01SB01      "
)

# § 8.3: poster med funnene SSBs program ga.
GULL_FUNN = [
    (
        "110326  15051985B       15858511434212  0302202620022026010320262    12   2     03                      "
        "02150001                              SB01      ",
        {"K28", "K31"},
    ),
    (
        "110326  01012009F       01810950087212  0302202620022026010320262    12   2     01020304050607080910111202"
        "150001                              SB01      ",
        {"K06"},
    ),
    (
        "110326  15051985H       15858515618212  030220262002202601032026     12         010203040506070809101112"
        "0215000                               SB01      ",
        {"K19", "K26", "K36"},
    ),
    (
        "110326  15051985K       15858517890212  0302202620022026010320262    12   2     010203040506070809101112"
        "0215000715062026                      SB01      ",
        {"K38"},
    ),
    (
        "110326  15051985M       55858510049212  0302202620022026010320262    12   2     01020304050607080910111202"
        "150001                              SB01      ",
        set(),
    ),
    (
        "110326  15051985R       15858523327212  0302202620022026010320262    12   2     010203040506070809101112"
        "0215000301022026                  17  SB01      ",
        {"K39"},
    ),
    (
        "110326  15051985W       15858526989212  0302202620022026010320262    1    2     01020304050607080910111202"
        "150001                              SB01      ",
        {"K21"},
    ),
]


def _sett(linje: str, **felt: str) -> str:
    for navn, verdi in felt.items():
        fra, til = POSISJONER[navn]
        assert len(verdi) == til - fra, navn
        linje = linje[:fra] + verdi + linje[til:]
    return linje


def _funn(*linjer: str, region: str = REGION) -> set[str]:
    return {f.kontroll for f in kontroller("\n".join(linjer).encode("latin-1"), aar=AAR, region=region).funn}


def test_oppsettet_har_53_felt_og_152_tegn():
    assert len(FELT) == 53
    assert sum(f.lengde for f in FELT) == POSTLENGDE == 152
    assert POSISJONER["FODSELSDATO"] == (8, 16)
    assert POSISJONER["KVP_STONAD"] == (104, 111)
    assert POSISJONER["SAKSBEHANDLER"] == (142, 152)
    assert len(kommunenumre()) == 358  # 357 kommuner + 9999


def test_gullpostene_uten_funn_gir_kode_0():
    rapport = kontroller(f"{GULL_1}\n{GULL_2}\n".encode("latin-1"), aar=AAR, region=REGION)
    assert rapport.funn == []
    assert rapport.avslutningskode == 0
    assert rapport.antall_kontroller == 2 * 2 + 2 * 32


@pytest.mark.parametrize(("linje", "ventet"), GULL_FUNN)
def test_gullpostene_med_funn(linje, ventet):
    assert len(linje) == 152
    assert _funn(linje) == ventet


def test_de_34_kontrollene_er_med():
    assert len(KONTROLLER) == 34
    assert sum(k.alvor is Alvor.ADVARSEL for k in KONTROLLER) == 6
    assert sum(k.alvor is Alvor.FATAL for k in KONTROLLER) == 2


# Hver kontroll: en post som feiler (med funnet) og en nær post som består. Grunnposten er GULL_1 (eller GULL_2).
FEIL_OG_OK = {
    "K03": ({"KOMMUNE_NR": "1108"}, {"KOMMUNE_NR": "1103"}),
    "K03B": ({"BYDELSNR": "01"}, {"BYDELSNR": "  "}),
    "K04": ({"VERSION": "25"}, {"VERSION": "26"}),
    "K04A": ({"FODSELSDATO": "        "}, {"FODSELSDATO": "31022026"}),
    "K05": ({"PERSON_FODSELSNR": "15858510056"}, {"PERSON_FODSELSNR": "15058500100"}),
    "K06": ({"PERSON_FODSELSNR": "01810950087"}, {"PERSON_FODSELSNR": "01010800100"}),
    "K07": ({"PERSON_FODSELSNR": "01015700100"}, {"PERSON_FODSELSNR": "01015800100"}),
    "K08": ({"KJONN": "3"}, {"KJONN": "1"}),
    "K09": ({"EKTSTAT": "6"}, {"EKTSTAT": "5"}),
    "K10": ({"BU18": "3", "ANTBU18": "  "}, {"BU18": "2", "ANTBU18": "  "}),
    "K11": ({"BU18": "1", "ANTBU18": "  "}, {"BU18": "1", "ANTBU18": " 1"}),
    "K12": ({"BU18": "2", "ANTBU18": " 2"}, {"BU18": "1", "ANTBU18": " 2"}),
    "K13": ({"BU18": "1", "ANTBU18": "14"}, {"BU18": "1", "ANTBU18": "13"}),
    "K14": ({"REG_DATO": "31122021"}, {"REG_DATO": "01012022"}),
    "K15": ({"VEDTAK_DATO": "32012026"}, {"VEDTAK_DATO": "31122030"}),
    "K16": ({"BEGYNT_DATO": "01012027"}, {"BEGYNT_DATO": "31122026"}),
    "K19": ({"KVP_KOMM": " "}, {"KVP_KOMM": "2"}),
    "K20": ({"KVP_KOMM": "1", "KOMMNR_KVP_KOMM": "3005"}, {"KVP_KOMM": "1", "KOMMNR_KVP_KOMM": "9999"}),
    "K21": ({"YTELSE_SOSHJELP": "1", "YTELSE_TYPE_SOSHJ": " "}, {"YTELSE_SOSHJELP": "1", "YTELSE_TYPE_SOSHJ": "3"}),
    "K26": ({"KVP_MED_ASTONAD": " "}, {"KVP_MED_ASTONAD": "2"}),
    "K27": ({"KVP_MED_ASTONAD": "1"}, {"KVP_MED_ASTONAD": "1", "KVP_MED_SOSHJ_SUP": "7"}),
    "K28": (
        {
            "STMND_3": "  ",
            "STMND_4": "  ",
            "STMND_5": "  ",
            "STMND_6": "  ",
            "STMND_7": "  ",
            "STMND_8": "  ",
            "STMND_9": "  ",
            "STMND_10": "  ",
            "STMND_11": "  ",
            "STMND_12": "  ",
            "STATUS": "4",
            "AVSL_DATO": "01022026",
        },
        {
            "STMND_3": "  ",
            "STMND_4": "  ",
            "STMND_5": "  ",
            "STMND_6": "  ",
            "STMND_7": "  ",
            "STMND_8": "  ",
            "STMND_9": "  ",
            "STMND_10": "  ",
            "STMND_11": "  ",
            "STMND_12": "  ",
            "STATUS": "2",
            "KVP_STONAD": "       ",
        },
    ),
    "K29": ({"KVP_STONAD": "   12a0"}, {"KVP_STONAD": "0215000"}),
    "K30": (
        {"STATUS": "4", "AVSL_DATO": "01102026", "KVP_STONAD": "       "},
        {"STATUS": "4", "AVSL_DATO": "01102026"},
    ),
    "K31": (
        dict(STMND_1="03", **{f"STMND_{m}": "  " for m in range(3, 13)}),
        dict(STMND_1="01", **{f"STMND_{m}": "  " for m in range(3, 13)}),
    ),
    "K32": ({"KVP_STONAD": " 600001"}, {"KVP_STONAD": " 600000"}),
    "K36": ({"STATUS": "8"}, {"STATUS": "6"}),
    "K37": ({"STATUS": "4", "AVSL_DATO": "31062026"}, {"STATUS": "4", "AVSL_DATO": "30062026"}),
    "K38": (
        {"STATUS": "7", "AVSL_DATO": "15062026"},
        {"STATUS": "7", "AVSL_DATO": "15062026", "AVSL_UKJENT": "17"},
    ),
    "K39": (
        {"STATUS": "3", "AVSL_DATO": "01022026", "AVSL_UKJENT": "17"},
        {"STATUS": "3", "AVSL_DATO": "01022026", "AVSL_UKJENT": "17", "AVSL_VIKTIGSTE_INNTEKT": "17"},
    ),
}


@pytest.mark.parametrize("kid", sorted(FEIL_OG_OK))
def test_hver_postkontroll_har_en_post_som_feiler_og_en_som_bestaar(kid):
    feil, ok = FEIL_OG_OK[kid]
    assert kid in _funn(_sett(GULL_1, **feil))
    assert kid not in _funn(_sett(GULL_1, **ok))


def test_alle_postkontrollene_er_dekket():
    dekket = set(FEIL_OG_OK) | {"K000", "K001", "K05A", "K05B"}
    assert dekket == {k.id for k in KONTROLLER}


def test_k05a_samme_fnr_og_samme_status_to_ganger():
    annen = _sett(GULL_1, PERSON_JOURNALNR="J0000009")
    assert _funn(GULL_1, annen) == {"K05A"}
    assert _funn(GULL_1, _sett(annen, STATUS="2")) == set()


def test_k05b_samme_journalnummer_to_ganger():
    annen = _sett(GULL_2, PERSON_JOURNALNR="J0000001")
    assert _funn(GULL_1, annen) == {"K05B"}
    assert _funn(GULL_1, GULL_2) == set()


def test_oslo_slipper_dublett_og_datokontroller_men_trenger_bydel():
    oslo = _sett(GULL_1, KOMMUNE_NR="0301", BYDELSNR="01", REG_DATO="31122020")
    assert _funn(oslo, oslo, region="030101") == set()
    assert _funn(_sett(oslo, BYDELSNR="  "), region="030101") == {"K03B"}


def test_k000_tom_fil_er_ett_mellomrom():
    assert kontroller(b" ", aar=AAR, region=REGION).funn == []
    assert kontroller(b" ", aar=AAR, region=REGION, har_deltakere=True).funn[0].kontroll == "K000"
    rapport = kontroller(GULL_1.encode("latin-1"), aar=AAR, region=REGION, har_deltakere=False)
    assert [f.kontroll for f in rapport.funn] == ["K000"]
    assert rapport.avslutningskode == 2


def test_k001_feil_lengde_eller_tabulator_avviser_hele_filen():
    assert _funn(GULL_1[:-1]) == {"K001"}
    assert _funn(GULL_1[:-1] + "\t") == {"K001"}
    assert _funn(GULL_1 + "\r", "", GULL_2) == set()  # CRLF og tomme linjer er greit
    # En UTF-8-kodet «ø» blir to tegn når filen leses som ISO-8859-1 (slik Altinn gjør).
    utf8 = _sett(GULL_1, SAKSBEHANDLER="Bjørn     ").encode("utf-8")
    assert {f.kontroll for f in kontroller(utf8, aar=AAR, region=REGION).funn} == {"K001"}


def test_advarsler_gir_kode_1_og_feil_kode_2():
    assert kontroller(_sett(GULL_1, KVP_STONAD=" 700000"), aar=AAR, region=REGION).avslutningskode == 1
    assert kontroller(_sett(GULL_1, KJONN="0"), aar=AAR, region=REGION).avslutningskode == 2


def test_datoene_tolkes_som_ssb():
    assert les_dato("31022026") == dt.date(2026, 2, 28)
    assert les_dato("31022026", streng=True) is None
    assert les_dato("32012026") is None
    assert foedselsdato_fra_fnr("55858510049", AAR) == dt.date(1985, 5, 15)  # D-nummer, syntetisk
    assert foedselsdato_fra_fnr("01810950087", AAR) == dt.date(2009, 1, 1)
    assert foedselsdato_fra_fnr("01012799999", AAR) == dt.date(1927, 1, 1)


# --- skriveren -------------------------------------------------------------------------------------------------

GULL_2_VERDIER: dict[str, Verdi] = {
    "KOMMUNE_NR": "1103",
    "VERSION": "26",
    "FODSELSDATO": dt.date(1990, 11, 2),
    "PERSON_JOURNALNR": "J0000002",
    "PERSON_FODSELSNR": "02919020051",
    "KJONN": "2",
    "EKTSTAT": "3",
    "BU18": "1",
    "ANTBU18": 2,
    "REG_DATO": dt.date(2026, 2, 3),
    "VEDTAK_DATO": dt.date(2026, 2, 20),
    "BEGYNT_DATO": dt.date(2026, 3, 1),
    "KVP_KOMM": "1",
    "KOMMNR_KVP_KOMM": "4601",
    "YTELSE_SOSHJELP": True,
    "YTELSE_TYPE_SOSHJ": "2",
    "KVP_MED_ASTONAD": "1",
    "KVP_MED_KOMMBOS": True,
    **{f"STMND_{m}": True for m in range(3, 10)},
    "KVP_STONAD": 98000,
    "STATUS": "3",
    "AVSL_DATO": dt.date(2026, 9, 30),
    "AVSL_ORDINAERTARB": True,
    "AVSL_VIKTIGSTE_INNTEKT": "01",
    "SAKSBEHANDLER": "SB01",
}


def test_skriveren_lager_gullpost_2_tegn_for_tegn():
    assert lag_post(GULL_2_VERDIER) == GULL_2


def test_oe_i_tekst_gir_fortsatt_152_byte():
    post = lag_post({**GULL_2_VERDIER, "SAKSBEHANDLER": "Bjørn Ødegård", "PERSON_JOURNALNR": "Å-ø-ő-ł"})
    fil = lag_fil([{**GULL_2_VERDIER, "SAKSBEHANDLER": "Bjørn Ødegård"}])
    assert len(post) == 152
    assert fil.endswith(b"\n") and len(fil) == 153
    assert fil.decode("iso-8859-1")[142:152] == "Bjørn Ødeg"
    assert post[16:24] == "Å-ø-o-? "
    assert kontroller(fil, aar=AAR, region=REGION).funn == []


def test_tom_fil_er_ett_mellomrom():
    assert lag_fil([]) == b" "


def test_skriveren_avviser_for_store_tall_og_ukjente_felt():
    with pytest.raises(ValueError, match="KVP_STONAD"):
        lag_post({"KVP_STONAD": 12_345_678})
    with pytest.raises(ValueError, match="ukjente felt"):
        lag_post({"TULL": "1"})


# --- reglene for feltene --------------------------------------------------------------------------------------


def test_kjoenn_fra_niende_siffer():
    from kvp_regler.kostra.utledning import kjoenn  # noqa: PLC0415

    assert kjoenn("15858510055") == "2"  # niende siffer 0 (partall), som KJONN i gullpost 1
    assert kjoenn("12345678912") == "1"  # niende siffer 9
    assert kjoenn("12345") == ""


def test_barn_under_18_som_forsoerges_paa_dagen():
    from kvp_regler.kostra.utledning import BarnIHusstanden, antall_barn  # noqa: PLC0415

    dag = dt.date(2026, 12, 31)
    barn = [
        BarnIHusstanden(dt.date(2010, 1, 1), ((dt.date(2010, 1, 1), None),)),
        BarnIHusstanden(dt.date(2008, 12, 31), ((dt.date(2008, 12, 31), None),)),  # fyller 18 den dagen
        BarnIHusstanden(dt.date(2015, 6, 1), ((dt.date(2015, 6, 1), dt.date(2026, 6, 30)),)),  # forsørges ikke
        BarnIHusstanden(dt.date(2027, 1, 5), ((dt.date(2027, 1, 5), None),)),  # ikke født
    ]
    assert antall_barn(barn, dag) == 1


def test_status_hele_kroner_og_journalnumre():
    from decimal import Decimal  # noqa: PLC0415

    from kvp_regler.kostra import utledning as u  # noqa: PLC0415

    def status(avsluttet: dt.date | None, permisjon: bool) -> str:
        return u.status_per_aarsslutt(
            aar=2026, avsluttet=avsluttet, avslutningsstatus="4", permisjon_ved_aarsslutt=permisjon
        )

    assert status(dt.date(2026, 5, 1), False) == "4"
    assert status(dt.date(2027, 1, 2), True) == "2"
    assert status(None, False) == "1"
    assert u.hele_kroner(Decimal("100.50")) == 101 and u.hele_kroner(Decimal("100.49")) == 100
    assert u.unike_journalnumre(["abcdef0123", "abcdef0199", "ffff"]) == ["ABCDEF01", "BCDEF019", "FFFF    "]
    assert u.i_program_i_aaret(dt.date(2025, 3, 1), dt.date(2026, 1, 1), 2026)
    assert not u.i_program_i_aaret(dt.date(2025, 3, 1), dt.date(2025, 12, 31), 2026)
